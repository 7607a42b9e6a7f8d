//! What the summarizer returns: chosen sentences, keyphrases, flags, counts.

use heapless::Vec;

use super::{Flags, MAX_CHOSEN, MAX_KEYWORDS};
use crate::{Language, Span};

#[cfg(doc)]
use super::Summarizer;

/// Counts describing the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Stats {
    /// Units found by the segmenter (sentences, headings, junk lines).
    pub sentences: u32,
    /// Word and number tokens in title and body.
    pub words: u32,
    /// Distinct terms held in the term table at the end.
    pub terms: u32,
}

/// A sentence chosen for the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chosen<'a> {
    /// Where it is in the body.
    pub span: Span,
    /// Its text, borrowed from the body.
    pub text: &'a str,
    /// Score relative to the article's best sentence (1000 = best).
    pub score: u32,
    /// Number of the sentence in the body, counting the segmenter's units
    /// that are not boilerplate (0 = the first such unit). Not the unit
    /// index: a share button or a dateline line before it is not counted.
    pub index: u16,
    /// 64-bit signature of its terms: `(a & b).count_ones()` estimates overlap.
    pub signature: u64,
}

/// A keyword or keyphrase (one to three words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keyword<'a> {
    /// Surface form as first written, borrowed from the title or body.
    pub text: &'a str,
    /// Score relative to the best keyword (1000 = best).
    pub score: u32,
    /// Number of words.
    pub words: u8,
}

/// The result of [`Summarizer::summarize`]; borrows only the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary<'a> {
    /// Chosen sentences, in original text order.
    pub sentences: Vec<Chosen<'a>, MAX_CHOSEN>,
    /// Keyphrases, best first.
    pub keywords: Vec<Keyword<'a>, MAX_KEYWORDS>,
    /// What had to be cut or clamped.
    pub flags: Flags,
    /// Input counts.
    pub stats: Stats,
    /// The language the article was read in.
    pub(crate) language: Language,
}

impl Summary<'_> {
    /// The language the article was read in: the one asked for
    /// ([`crate::LanguageChoice::Only`]) or the one detected.
    pub fn language(&self) -> Language {
        self.language
    }
}
