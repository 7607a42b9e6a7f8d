//! Epitome core: fixed-memory extractive summarization of news articles.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod error;

pub use error::{Error, Result};
