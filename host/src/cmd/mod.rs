//! One module per subcommand; each takes its typed arguments and a writer.

pub mod sentences;
pub mod summarize;
