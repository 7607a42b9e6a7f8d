//! JSON views of the core's results, shared by every command that prints
//! them (`summarize`, `keywords`, `digest`). The records of the core's
//! results and the names of its flags live in `epitome-report`, shared with
//! the Python package; this module adds what the CLI knows of its inputs.

use epitome::Summary;
pub use epitome_report::{KeywordReport, SentenceReport, SummaryReport, flag_names, keywords, shown};
use serde::Serialize;
use serde_json::Value;

use crate::input::InputArticle;

/// JSON view of one article's summary.
#[derive(Debug, Serialize)]
pub struct ArticleReport<'a> {
    /// The input's id ([`InputArticle::id`]).
    pub id: &'a Value,
    /// Where the article came from.
    pub origin: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Language, keyphrases, sentences and flags, as every front end shows
    /// them.
    #[serde(flatten)]
    pub summary: SummaryReport<'a>,
}

/// JSON view of one article's keyphrases.
#[derive(Debug, Serialize)]
pub struct KeywordsReport<'a> {
    /// The input's id ([`InputArticle::id`]).
    pub id: &'a Value,
    /// Where the article came from.
    pub origin: &'a str,
    /// The language it was read in ([`SummaryReport::language`]).
    pub language: &'static str,
    /// Keyphrases, best first.
    pub keywords: Vec<KeywordReport<'a>>,
}

/// The JSON view of an article's summary.
pub fn article<'a>(a: &'a InputArticle, s: &Summary<'a>) -> ArticleReport<'a> {
    ArticleReport { id: &a.id, origin: &a.origin, title: &a.title, summary: SummaryReport::new(s) }
}
