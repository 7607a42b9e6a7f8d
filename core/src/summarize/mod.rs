//! The summarizer: one caller-owned workspace that runs the whole pipeline.
//!
//! One article flows through the stages in this order, one module each:
//!
//! 1. `count`: the counting pass over title and body (terms, the slot
//!    pool of `pool`, one record per sentence), with `phrases` collecting
//!    keyphrase candidates from the same words;
//! 2. `sentence_score`: each choosable sentence scored;
//! 3. `select`: the best sentences under the budget, near-duplicates skipped;
//! 4. `keywords`: keyphrases ranked from the term and phrase tables.
//!
//! [`Summarizer::summarize`] below calls them in that order. The public
//! types live in `options` (what is asked), `summary` (what comes back)
//! and `flags`.

use heapless::Vec;

use crate::lang::detect::Detector;
use crate::terms::{Surface, TermTable};
use crate::{Error, Result};

mod count;
mod flags;
mod keywords;
mod options;
mod phrases;
mod pool;
mod record;
mod select;
mod sentence_score;
mod summary;

pub use flags::Flags;
pub use options::{Budget, Options};
pub use summary::{Chosen, Keyword, Stats, Summary};

use phrases::PhraseTable;
use pool::SlotPool;
use record::Record;

/// Most sentences one [`Summary`] can hold.
pub const MAX_CHOSEN: usize = 32;
/// Most keyphrases one [`Summary`] can hold.
pub const MAX_KEYWORDS: usize = 16;

/// Caller-owned, fixed-size workspace for summarizing one article at a time.
///
/// - `S`: most sentences that can be candidates (later ones are counted for
///   keywords only, [`Flags::SENTENCES_TRUNCATED`]).
/// - `T`: distinct terms tracked (a heavy-hitter table, [`Flags::TERMS_EVICTED`]).
/// - `P`: distinct 2–3-word keyphrase candidates tracked ([`Flags::PHRASES_EVICTED`]).
/// - `W`: content words whose term slots are kept from the counting pass so
///   that scoring need not read the sentences again. Only speed depends on
///   it: sentences past it are scored by re-reading them, with the same
///   result.
///
/// Reuse it across articles: each call resets only what it uses.
///
/// ```
/// use epitome::{DefaultSummarizer, Options, Budget};
/// let body = "The city council approved a new bridge over the river on Monday. \
///             The bridge will cost $40m and open in 2028. \
///             Council members said the river crossing would cut traffic. \
///             Local cafes reported a busy week.";
/// let mut s = DefaultSummarizer::new();
/// let opts = Options { budget: Budget::Sentences(2), ..Options::default() };
/// let summary = s.summarize("Council approves river bridge", body, &opts).unwrap();
/// assert_eq!(summary.sentences.len(), 2);
/// assert_eq!(summary.sentences[0].text, "The city council approved a new bridge over the river on Monday.");
/// assert!(summary.keywords.iter().any(|k| k.text == "bridge"));
/// ```
#[derive(Debug, Clone)]
pub struct Summarizer<const S: usize = 160, const T: usize = 480, const P: usize = 96, const W: usize = 496> {
    records: [Record; S],
    terms: TermTable<T>,
    phrases: PhraseTable<P>,
    /// Term slots of the content words of the sentences marked
    /// pooled (the rule: `pool`).
    pool: SlotPool<W>,
}

/// The default workspace: 160 sentences, 480 terms, 96 phrases and a slot
/// pool of 496 content words: 16,376 bytes on a 32-bit target, under 16 KiB
/// (`size_of` is checked by a test); enough for news articles of 16 KiB of
/// text. The pool covers the sentences of about the first 4 KiB; later ones
/// are scored by reading them again.
pub type DefaultSummarizer = Summarizer<160, 480, 96, 496>;

impl<const S: usize, const T: usize, const P: usize, const W: usize> Default for Summarizer<S, T, P, W> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const S: usize, const T: usize, const P: usize, const W: usize> Summarizer<S, T, P, W> {
    /// A fresh workspace; `const` so it can live in a `static`.
    pub const fn new() -> Self {
        const {
            assert!(
                S >= 1 && S <= u16::MAX as usize && W <= u16::MAX as usize,
                "sentence capacity must be in 1..=65535, pool capacity at most 65535"
            )
        };
        Summarizer {
            records: [Record::EMPTY; S],
            terms: TermTable::new(),
            phrases: PhraseTable::new(),
            pool: SlotPool::new(),
        }
    }

    /// Summarizes one article: keywords and the best sentences under the
    /// budget, in text order. Never panics; deterministic on every target.
    ///
    /// Errors: [`Error::InputTooLong`] if `body` is 4 GiB - 1 bytes or more,
    /// or `title` 2 GiB or more (spans are `u32`; a title offset carries a flag bit).
    #[inline(never)]
    pub fn summarize<'a>(&mut self, title: &'a str, body: &'a str, opts: &Options<'_>) -> Result<Summary<'a>> {
        if body.len() >= u32::MAX as usize || title.len() >= Surface::MAX_TITLE_LEN {
            return Err(Error::InputTooLong);
        }
        self.terms.clear();
        self.phrases.clear();
        let mut flags = Flags::empty();
        let mut stats = Stats::default();

        // Keywords only (`epitome keywords`, a screen with no room for text):
        // sentences are not scored, so the slot pool is not filled either.
        let scoring = !matches!(opts.budget, Budget::Sentences(0) | Budget::Chars(0));
        let mut detector = Detector::new(opts.language, opts.languages);
        let title_language = self.count_title(title, &mut stats, &mut detector);
        let n = self.count_body(body, scoring, &mut stats, &mut flags, &mut detector);
        let language = detector.language();
        self.reread_title(title, title_language, language);
        // Sentences before the last change of language (title: checkpoint
        // 1, sentence `i`: checkpoint `i + 2`) were read in another one.
        let misread = usize::try_from(detector.changed_at().saturating_sub(1)).unwrap_or(usize::MAX);
        self.settle_language(body, n.min(misread), language);
        if self.terms.lost() > 0 {
            flags.insert(Flags::TERMS_EVICTED);
        }
        if self.phrases.lost() > 0 {
            flags.insert(Flags::PHRASES_EVICTED);
        }
        stats.terms = u32::try_from(self.terms.len()).unwrap_or(u32::MAX);

        if scoring {
            self.score_sentences(body, n, opts, language);
        }
        // Filled in place: a `Summary` is over a kilobyte, and building its
        // parts apart and then moving them costs that much more stack.
        let mut out = Summary { sentences: Vec::new(), keywords: Vec::new(), flags, stats, language };
        self.select(body, n, opts, language, &mut out.flags, &mut out.sentences);
        self.keywords(title, body, opts, language, &mut out.flags, &mut out.keywords);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_workspace_fits_16_kib() {
        assert!(
            core::mem::size_of::<DefaultSummarizer>() <= 16 * 1024,
            "{}",
            core::mem::size_of::<DefaultSummarizer>()
        );
    }

    #[test]
    fn keywords_only_budget_gives_the_same_keywords_and_no_sentences() {
        let body = "The council approved the harbour bridge on Monday. The bridge will cost $40m. \
                    Council members said the bridge would cut traffic across the harbour.";
        let mut s = DefaultSummarizer::new();
        let full = s.summarize("Harbour bridge approved", body, &Options::default()).unwrap();
        for budget in [Budget::Sentences(0), Budget::Chars(0)] {
            let only = s.summarize("Harbour bridge approved", body, &Options { budget, ..Options::default() }).unwrap();
            assert!(only.sentences.is_empty());
            assert!(!only.keywords.is_empty());
            assert_eq!(only.keywords, full.keywords);
            assert_eq!(only.flags, full.flags);
        }
    }

    #[test]
    fn empty_inputs() {
        let mut s = DefaultSummarizer::new();
        let r = s.summarize("", "", &Options::default()).unwrap();
        assert!(r.sentences.is_empty() && r.keywords.is_empty() && r.flags.is_empty());
    }
}
