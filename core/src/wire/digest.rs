//! Digest records: what a receiver needs to show a summary without the article.

use heapless::Vec;
use serde::{Deserialize, Serialize};

use super::SpanDef;
use crate::{MAX_CHOSEN, MAX_KEYWORDS, Span, Summary};

/// One chosen sentence of a single-article [`Digest`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DigestSentence<'a> {
    /// The sentence itself, so the receiver needs no copy of the article.
    pub text: &'a str,
    /// Where it is in the article body (for highlighting, if the receiver has it).
    #[serde(with = "SpanDef")]
    pub span: Span,
    /// Score relative to the article's best sentence (1000 = best).
    pub score: u32,
    /// Index of the sentence in the body (0 = first).
    pub index: u16,
}

/// One keyword or keyphrase with its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DigestKeyword<'a> {
    /// Surface form.
    pub text: &'a str,
    /// Score relative to the best keyword (1000 = best).
    pub score: u32,
}

/// The summary of one article, self-contained.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Digest<'a> {
    /// The [`super::Article::id`] it summarizes.
    pub article: u32,
    /// Chosen sentences, in text order.
    #[serde(borrow)]
    pub sentences: Vec<DigestSentence<'a>, MAX_CHOSEN>,
    /// Keyphrases, best first.
    #[serde(borrow)]
    pub keywords: Vec<DigestKeyword<'a>, MAX_KEYWORDS>,
    /// [`crate::Flags`] bits.
    pub flags: u8,
}

impl<'a> Digest<'a> {
    /// The digest of `summary` for article `article`; borrows the summary's text.
    ///
    /// ```
    /// use epitome::{DefaultSummarizer, Options, wire::Digest};
    /// let body = "The council approved the new bridge on Monday. It will open in 2028 after a long debate.";
    /// let summary = DefaultSummarizer::new().summarize("Bridge approved", body, &Options::default())?;
    /// let d = Digest::from_summary(9, &summary);
    /// assert_eq!(d.article, 9);
    /// assert_eq!(d.sentences[0].text, "The council approved the new bridge on Monday.");
    /// # Ok::<(), epitome::Error>(())
    /// ```
    pub fn from_summary(article: u32, summary: &Summary<'a>) -> Self {
        let mut d = Digest { article, flags: summary.flags.bits(), ..Digest::default() };
        for c in &summary.sentences {
            // Same capacity as the summary's: never full.
            let _ = d.sentences.push(DigestSentence { text: c.text, span: c.span, score: c.score, index: c.index });
        }
        for k in &summary.keywords {
            let _ = d.keywords.push(DigestKeyword { text: k.text, score: k.score });
        }
        d
    }
}

/// One sentence of a [`MultiDigest`], attributed to its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MultiSentence<'a> {
    /// The [`super::Article::id`] it comes from.
    pub article: u32,
    /// The sentence text.
    pub text: &'a str,
    /// Where it is in that article's body.
    #[serde(with = "SpanDef")]
    pub span: Span,
    /// Score relative to its own article's best sentence (1000 = best).
    pub score: u32,
    /// Index of the sentence in its article's body.
    pub index: u16,
}

/// A digest over several articles about one story: best sentences across
/// all of them with near-duplicates removed, plus corpus-level keywords.
/// Built by [`crate::digest::DigestBuilder`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MultiDigest<'a> {
    /// How many articles were fed.
    pub articles: u32,
    /// Sentences, best first.
    #[serde(borrow)]
    pub sentences: Vec<MultiSentence<'a>, MAX_CHOSEN>,
    /// Corpus-level keyphrases, best first.
    #[serde(borrow)]
    pub keywords: Vec<DigestKeyword<'a>, MAX_KEYWORDS>,
    /// [`crate::Flags`] bits of all articles ORed, plus
    /// [`crate::digest::DigestBuilder`]'s own.
    pub flags: u8,
}
