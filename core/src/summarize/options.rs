//! What the caller asks for: the budget and the scoring options.

use crate::Idf;
use crate::lang::{LanguageChoice, LanguageSet};
use crate::score::Weights;

#[cfg(doc)]
use super::{MAX_CHOSEN, MAX_KEYWORDS, Summarizer};

/// How much summary to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Budget {
    /// At most this many sentences (clamped to [`MAX_CHOSEN`], flagged).
    Sentences(u16),
    /// At most this many characters in total, counting one separator
    /// between sentences (for small screens). Sentences that do not fit are
    /// skipped in favour of shorter ones that do.
    Chars(u32),
}

/// Options for [`Summarizer::summarize`]. Build with `..Options::default()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options<'i> {
    /// Summary length.
    pub budget: Budget,
    /// Number of keyphrases wanted (clamped to [`MAX_KEYWORDS`], flagged).
    pub keywords: u8,
    /// Background IDF table; `None` weighs every content word alike.
    pub idf: Option<Idf<'i>>,
    /// Redundancy penalty (x/256): how much a candidate's overlap with the
    /// already chosen sentences lowers its score (maximal marginal relevance).
    /// Default 0: near-duplicates are always skipped, and on news any further
    /// penalty lowered agreement with reference summaries (EVALUATION.md);
    /// raise it when a handful of sentences must cover more ground.
    pub redundancy: u16,
    /// Scoring knobs.
    pub weights: Weights,
    /// The article's language: detected from its text by default
    /// ([`LanguageChoice::Auto`]); the one used is [`crate::Summary::language`].
    pub language: LanguageChoice,
    /// The languages the article may be read in: detection chooses among
    /// them and [`LanguageChoice::Only`] of another one reads English, as
    /// for a language not compiled in. Default: every compiled-in one
    /// ([`LanguageSet::COMPILED`]). A board with fewer languages than the
    /// host names its own here, so that the host, which carries them all,
    /// reads an article exactly as the board does (English is always
    /// among them).
    pub languages: LanguageSet,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            budget: Budget::Sentences(3),
            keywords: 10,
            idf: None,
            redundancy: 0,
            weights: Weights::DEFAULT,
            language: LanguageChoice::Auto,
            languages: LanguageSet::COMPILED,
        }
    }
}
