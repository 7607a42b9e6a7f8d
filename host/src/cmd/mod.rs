//! One module per subcommand; each takes its typed arguments and a writer.

pub mod keywords;
pub mod model;
pub mod sentences;
pub mod summarize;
