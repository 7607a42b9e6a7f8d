//! One module per subcommand; each takes its typed arguments and a writer.

pub mod board;
pub mod digest;
pub mod eval;
pub mod eval_keywords;
pub mod extract;
pub mod flash;
pub mod keywords;
pub mod model;
pub mod pack;
pub mod screen;
pub mod sentences;
pub mod summarize;
pub mod unpack;
