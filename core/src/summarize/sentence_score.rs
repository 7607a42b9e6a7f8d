//! Stage 2, scoring sentences: each choosable record gets the summed
//! centrality of its content words (from the slot pool, or by reading the
//! sentence again), normalised by length, times a position prior.

use super::pool::{LateTerms, pooled_records};
use super::record::Record;
use super::{Budget, Options, Summarizer};
use crate::Language;
use crate::normalize::term_keys_in;
use crate::score::{centrality_weight, density, lead_strength, normalise, position_prior, sentence_score};
use crate::terms::TermTable;

impl<const S: usize, const T: usize, const P: usize, const W: usize> Summarizer<S, T, P, W> {
    /// Pass 2: score each candidate sentence: the summed centrality of its
    /// content words (a word repeated in the sentence counts each time, as
    /// word overlap does in TextRank), normalised by length, times a small
    /// position prior.
    pub(super) fn score_sentences(&mut self, body: &str, n: usize, opts: &Options<'_>, language: Language) {
        let w = &opts.weights;
        let (share, kept) = self.budget_share(body, n, opts.budget);
        let strength = lead_strength(share, w);
        // A budget that keeps little of the article: the lead, and a later
        // sentence only where it is clearly denser (see `density`).
        let lead = share < w.lead_pivot;
        let mut best = 1u32;
        // Entries not held exist only after evictions; past a few, a
        // filter built once spares most of their searches (`pool`).
        let late = (usize::try_from(self.terms.evicted()).unwrap_or(usize::MAX) > T / 8)
            .then(|| LateTerms::new(&self.terms, |t| centrality_weight(t) > 0));
        // Rank among choosable sentences: a dateline or a share button
        // before the first sentence does not push it down.
        let mut rank = 0u32;
        for (_, r, pooled) in pooled_records(self.records.iter_mut().take(n)) {
            if !r.is_choosable() {
                continue;
            }
            let mut sum = None;
            if let Some(p) = pooled {
                let folded = self.pool.fold_tail(
                    &self.terms,
                    p,
                    0u32,
                    // Exact: a choosable sentence has at most MAX_WORDS
                    // content words of weight under 65,536 each.
                    |s, t| s.wrapping_add(centrality_weight(t)),
                    |t| centrality_weight(t) > 0,
                    late.as_ref(),
                );
                // The duplicate check needs every term's key: it reads the
                // sentence again unless every entry was held.
                if matches!(folded, Some((_, true, _))) {
                    r.set_all_held();
                }
                // An evicted term of it may have come back: read its first
                // words again, up to the last such entry, and look their
                // terms up by hash.
                sum = folded.map(|(s, _, reread)| match reread {
                    0 => s,
                    k => s.wrapping_add(sentence_centrality(&self.terms, body, r, k, language)),
                });
            }
            // Not pooled: read the sentence again and look its terms up by
            // hash.
            let sum = sum.unwrap_or_else(|| sentence_centrality(&self.terms, body, r, usize::MAX, language));
            let s = if lead {
                density(sum, u32::from(r.content_words), w)
            } else {
                normalise(sum, u32::from(r.content_words), w)
            };
            let prior = position_prior(rank, strength, kept);
            rank = rank.saturating_add(1);
            let raw = sentence_score(s, prior, r.in_open_quote());
            r.set_raw_score(raw);
            best = best.max(raw);
        }
        // Rescale to 1..=1000 so scores compare across articles.
        for r in self.records.iter_mut().take(n).filter(|r| r.is_choosable()) {
            r.scale_score(best);
        }
    }

    /// Share (x/256) of the article's choosable sentences, or of their
    /// characters for a character budget, that the budget can keep, and
    /// about how many sentences that is (at least 1).
    pub(super) fn budget_share(&mut self, body: &str, n: usize, budget: Budget) -> (u32, u32) {
        let mut total = 0u64;
        let mut count = 0u64;
        for r in self.records.iter().take(n).filter(|r| r.is_choosable()) {
            count = count.saturating_add(1);
            total = total.saturating_add(match budget {
                Budget::Sentences(_) => 1,
                Budget::Chars(_) => u64::from(r.chars(body)).saturating_add(1),
            });
        }
        let keep = match budget {
            Budget::Sentences(k) => u64::from(k),
            Budget::Chars(m) => u64::from(m).saturating_add(1),
        };
        let share = u32::try_from((keep.saturating_mul(256) / total.max(1)).min(256)).unwrap_or(256);
        // Sentences the budget keeps: all it asks for, or as many of the
        // article's mean length as its characters hold.
        let kept = match budget {
            Budget::Sentences(k) => u64::from(k).min(count),
            Budget::Chars(_) => keep.saturating_mul(count) / total.max(1),
        };
        (share, u32::try_from(kept).unwrap_or(u32::MAX).max(1))
    }
}

/// Summed centrality of the first `words` content words of a sentence
/// (all of them for `usize::MAX`), every occurrence counted, looked up by
/// hash.
fn sentence_centrality<const T: usize>(
    terms: &TermTable<T>,
    body: &str,
    r: &Record,
    words: usize,
    language: Language,
) -> u32 {
    term_keys_in(body, r.span(), language)
        .take(words)
        .fold(0u32, |sum, k| sum.saturating_add(terms.get(k).map_or(0, centrality_weight)))
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::boxed::Box;
    use std::string::String;
    use std::vec::Vec as StdVec;

    use proptest::prelude::*;

    use crate::{Budget, Options, Summarizer};

    /// Sentences of a few recurring words: small term tables evict them and
    /// they come back, so pooled scoring reads the first words of some
    /// sentences again (`fold_tail`).
    fn recurring() -> impl Strategy<Value = String> {
        const WORDS: &[&str] = &[
            "the", "a", "of", "and", "to", "in", "said", "council", "bridge", "river", "minister", "budget", "plan",
            "vote", "city", "traffic", "Smith", "Jones", "police", "report", "year", "cost", "workers", "strike",
            "talks", "union", "bank", "rates", "prices", "homes", "water", "storm", "coast", "flood", "school",
            "pupils", "teachers", "hospital", "doctors", "court", "judge", "trial",
        ];
        let sentence = prop::collection::vec(prop::sample::select(WORDS), 3..30).prop_map(|w| w.join(" ") + ". ");
        prop::collection::vec(sentence, 0..50).prop_map(|v: StdVec<String>| v.concat())
    }

    /// The summaries of one workspace shape with no pool (every sentence
    /// read again in full), a small one and a large one.
    fn same_pooled_or_not<const S: usize, const T: usize>(body: &str, opts: &Options<'_>) {
        let mut none = Box::new(Summarizer::<S, T, 8, 0>::new());
        let mut some = Box::new(Summarizer::<S, T, 8, 40>::new());
        let mut all = Box::new(Summarizer::<S, T, 8, 2048>::new());
        let want = none.summarize("Council vote", body, opts).expect("no pool");
        assert_eq!(some.summarize("Council vote", body, opts).expect("small pool"), want);
        assert_eq!(all.summarize("Council vote", body, opts).expect("big pool"), want);
    }

    /// A sentence read before the language was decided, in another one,
    /// is scored as read in the article's language, pooled or not: its
    /// pool entries are of the first reading (here French, decided by the
    /// title, where `the` and `of` are words; in English they are
    /// stopwords).
    #[cfg(feature = "fr")]
    #[test]
    fn a_sentence_read_in_another_language_scores_as_unpooled() {
        let title = "Le maire et les élus de la ville votent pour les travaux du pont sur la rivière";
        let body = "The council of Port Alder approved a tidal bridge after a decade of debate and hearings. \
                    The city will pay half of the cost, and the work starts in the spring, the mayor said.";
        let opts = Options { budget: Budget::Sentences(2), ..Options::default() };
        let mut none = Box::new(Summarizer::<60, 256, 8, 0>::new());
        let mut all = Box::new(Summarizer::<60, 256, 8, 2048>::new());
        let want = none.summarize(title, body, &opts).expect("no pool");
        assert_eq!(want.language, crate::Language::English);
        assert_eq!(all.summarize(title, body, &opts).expect("pool"), want);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Reading only the first words of a sentence whose evicted terms
        /// may have come back scores it as reading it all does.
        #[test]
        fn a_partial_reading_scores_as_a_full_one(body in recurring(), k in 1u16..12, red in 0u16..512) {
            let opts = Options { budget: Budget::Sentences(k), redundancy: red, ..Options::default() };
            same_pooled_or_not::<60, 16>(&body, &opts);
            same_pooled_or_not::<60, 24>(&body, &opts);
            same_pooled_or_not::<60, 40>(&body, &opts);
        }
    }
}
