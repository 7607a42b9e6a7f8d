//! Library behind the `epitome` command-line tool: reading article files,
//! the built-in sample corpus, and one module per subcommand in [`cmd`].

pub mod batch;
pub mod board;
pub mod boards;
pub mod cli;
pub mod cmd;
pub mod dataset;
pub mod decode;
pub mod digest;
pub mod eval;
pub mod files;
pub mod flash;
pub mod html;
pub mod input;
pub mod keyeval;
pub mod language;
pub mod model;
pub mod output;
pub mod pack;
pub mod porter;
pub mod progress;
pub mod qmp;
pub mod report;
pub mod rng;
pub mod rouge;
pub mod sample;
pub mod screen;
pub mod stream;
