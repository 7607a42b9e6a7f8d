//! Library behind the `epitome` command-line tool: reading article files,
//! the built-in sample corpus, and one module per subcommand in [`cmd`].

pub mod board;
pub mod boards;
pub mod cli;
pub mod cmd;
pub mod dataset;
pub mod digest;
pub mod eval;
pub mod input;
pub mod keyeval;
pub mod model;
pub mod pack;
pub mod porter;
pub mod rng;
pub mod rouge;
pub mod sample;
