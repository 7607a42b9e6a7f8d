//! Epitome core: fixed-memory extractive summarization of news articles.
//!
//! `#![no_std]`, no allocation, no `unsafe`, no recursion, no floats in the
//! scoring path (so every target computes identical results). The pipeline,
//! one module per stage: [`segment`] → [`tokenize`] → [`normalize`]
//! ([`stopwords`], [`stem`], [`hash`]) → [`terms`] → [`score`], run by
//! [`summarize`], itself one module per stage (counting pass, keyphrase
//! candidates, sentence scores, selection, keyphrases). All results borrow
//! from the caller's text.
//!
//! ```
//! use epitome::{DefaultSummarizer, Options};
//! let mut s = DefaultSummarizer::new();
//! let summary = s.summarize("Title", "One sentence here is long enough to count. Another one follows it here.", &Options::default())?;
//! assert_eq!(summary.sentences.len(), 2);
//! # Ok::<(), epitome::Error>(())
//! ```
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod bytes;
pub mod digest;
pub mod error;
pub mod hash;
pub mod headline;
pub mod idf;
pub mod lang;
pub mod near_duplicate;
pub mod normalize;
pub mod score;
pub mod segment;
mod span;
pub mod stem;
pub mod stopwords;
pub mod summarize;
pub mod terms;
pub mod tokenize;
pub mod unicode;
pub mod wire;

pub use error::{Error, Result};
pub use idf::Idf;
pub use lang::{Language, LanguageChoice, LanguageSet};
pub use span::Span;
pub use summarize::{
    Budget, Chosen, DefaultSummarizer, Flags, Keyword, MAX_CHOSEN, MAX_KEYWORDS, Options, Stats, Summarizer, Summary,
};
