//! Stage 3, selection: the best sentences under the budget, skipping
//! near-duplicates of those already chosen.

use heapless::Vec;

use super::pool::Pooled;
use super::record::Record;
use super::{Budget, Chosen, Flags, MAX_CHOSEN, Options, Summarizer};
use crate::Language;
use crate::Span;
use crate::near_duplicate::{TermSet, add_term, is_near_duplicate, term_set};
use crate::score::redundancy_adjusted;

/// Where the greedy selection stands between two picks.
struct Picking {
    /// Record indices of the sentences chosen so far, in the order chosen.
    chosen: Vec<u16, MAX_CHOSEN>,
    /// Their signatures, ORed (for the redundancy penalty).
    union: u64,
    /// Characters the budget has left.
    chars_left: u32,
    /// The article's language, whose stopwords a sentence read again skips.
    language: Language,
}

impl<const S: usize, const T: usize, const P: usize, const W: usize> Summarizer<S, T, P, W> {
    /// Pass 3: greedy selection with a redundancy penalty under the budget.
    pub(super) fn select<'a>(
        &mut self,
        body: &'a str,
        n: usize,
        opts: &Options<'_>,
        language: Language,
        flags: &mut Flags,
        out: &mut Vec<Chosen<'a>, MAX_CHOSEN>,
    ) {
        let (max_n, chars_left) = match opts.budget {
            Budget::Sentences(k) => {
                if usize::from(k) > MAX_CHOSEN {
                    flags.insert(Flags::BUDGET_CLAMPED);
                }
                (usize::from(k).min(MAX_CHOSEN), u32::MAX)
            }
            Budget::Chars(m) => (MAX_CHOSEN, m),
        };
        // A zero budget chose nothing to score (and `chars` was not filled).
        if max_n == 0 || chars_left == 0 {
            return;
        }
        let mut p = Picking { chosen: Vec::new(), union: 0, chars_left, language };
        while p.chosen.len() < max_n {
            let sep = u32::from(!p.chosen.is_empty());
            let Some(i) = self.best_candidate(body, n, opts, &p, sep) else { break };
            p.union |= self.signature(i);
            let Some(r) = self.records.get_mut(i) else { break };
            r.state |= Record::CHOSEN;
            if matches!(opts.budget, Budget::Chars(_)) {
                p.chars_left = p.chars_left.saturating_sub(r.chars(body).saturating_add(sep));
            }
            // Record indices fit in u16: `S` is at most 65,535.
            if p.chosen.push(u16::try_from(i).unwrap_or(u16::MAX)).is_err() {
                break;
            }
        }
        for (i, r) in self.records.iter().take(n).enumerate() {
            if r.state & Record::CHOSEN != 0 {
                let span = Span { start: r.start, end: r.end };
                let _ = out.push(Chosen {
                    span,
                    text: span.slice(body).unwrap_or(""),
                    score: r.score,
                    index: u16::try_from(i).unwrap_or(u16::MAX),
                    signature: self.signature(i),
                });
            }
        }
    }

    /// The record the next pick takes: the highest adjusted score (ties:
    /// the earlier sentence) among choosable, not yet chosen sentences that
    /// fit the characters left (after a separator `sep`) and repeat no
    /// chosen one.
    fn best_candidate(&self, body: &str, n: usize, opts: &Options<'_>, p: &Picking, sep: u32) -> Option<usize> {
        let mut best: Option<(usize, u32)> = None;
        // Where the next pooled record's entries start in the pool.
        let mut first = 0usize;
        for (i, r) in self.records.iter().take(n).enumerate() {
            let p_first = first;
            if r.state & Record::POOLED != 0 {
                first = first.saturating_add(Pooled::in_pool(usize::from(r.content_words)));
            }
            if r.state & (Record::CHOOSABLE | Record::CHOSEN) != Record::CHOOSABLE {
                continue;
            }
            // The redundancy penalty only lowers a score: a candidate whose
            // score does not beat the best so far cannot win, and needs no
            // signature (nor its length counted).
            if best.is_some_and(|(_, b)| r.score <= b) {
                continue;
            }
            if matches!(opts.budget, Budget::Chars(_)) && r.chars(body).saturating_add(sep) > p.chars_left {
                continue;
            }
            // Nothing chosen yet, or no penalty asked: the score, whatever
            // the signature.
            let adj = if p.union == 0 || opts.redundancy == 0 {
                r.score
            } else {
                redundancy_adjusted(r.score, self.record_signature(i, r, p_first), p.union, opts.redundancy)
            };
            // The duplicate check only rules candidates out: skip it for one
            // that would not win anyway.
            if best.is_some_and(|(_, b)| adj <= b) || self.is_duplicate(body, i, &p.chosen, p.language) {
                continue;
            }
            best = Some((i, adj));
        }
        best.map(|(i, _)| i)
    }

    /// The signature of sentence `i` ([`crate::Chosen::signature`]).
    fn signature(&self, i: usize) -> u64 {
        self.records.get(i).map_or(0, |r| self.record_signature(i, r, self.pool_first(i)))
    }

    /// The signature of record `r`, number `i`, whose pool entries (if it
    /// is pooled) start at `first`: rebuilt from the pool, or kept.
    fn record_signature(&self, i: usize, r: &Record, first: usize) -> u64 {
        if r.state & Record::POOLED == 0 {
            return r.kept_signature();
        }
        let p = Pooled {
            head: r.inline,
            first,
            len: usize::from(r.content_words),
            sentence: u32::try_from(i).unwrap_or(u32::MAX),
        };
        self.pool.signature::<T>(p)
    }

    /// Where the pool entries of record `i` start: after those of the
    /// pooled records before it.
    fn pool_first(&self, i: usize) -> usize {
        self.records
            .iter()
            .take(i)
            .filter(|p| p.state & Record::POOLED != 0)
            .map(|p| Pooled::in_pool(usize::from(p.content_words)))
            .sum()
    }

    /// True if sentence `i` nearly repeats a chosen one (a quote run
    /// twice, a repeated paragraph), by the rule of [`crate::near_duplicate`].
    fn is_duplicate(&self, body: &str, i: usize, chosen: &[u16], language: Language) -> bool {
        if chosen.is_empty() {
            return false;
        }
        let sig = self.signature(i);
        chosen.iter().map(|&j| usize::from(j)).any(|j| {
            is_near_duplicate(
                sig,
                self.signature(j),
                || self.sentence_terms(body, i, language),
                || self.sentence_terms(body, j, language),
            )
        })
    }

    /// Distinct term keys of sentence `i`, from the slot pool when it is
    /// valid there, else by reading the sentence again.
    fn sentence_terms(&self, body: &str, i: usize, language: Language) -> TermSet {
        let Some(r) = self.records.get(i) else { return TermSet::new() };
        if r.state & Record::POOL_VALID == 0 {
            return term_set(body.get(r.start as usize..r.end as usize).unwrap_or(""), language);
        }
        let p = Pooled {
            head: r.inline,
            first: self.pool_first(i),
            len: usize::from(r.content_words),
            sentence: u32::try_from(i).unwrap_or(u32::MAX),
        };
        let mut keys = TermSet::new();
        // Checked valid by scoring; once the set is full the rest is left out.
        let _ = self.pool.fold_terms(
            &self.terms,
            p,
            (),
            |(), t| {
                let _ = add_term(&mut keys, t.hash);
            },
            |_| true,
            None,
        );
        keys
    }
}
