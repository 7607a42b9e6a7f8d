//! Stage 3, selection: the best sentences under the budget, skipping
//! near-duplicates of those already chosen.

use heapless::Vec;

use super::pool::{Pooled, pooled_records};
use super::record::Record;
use super::{Budget, Chosen, Flags, MAX_CHOSEN, Options, Summarizer};
use crate::Language;
use crate::near_duplicate::{TermSet, add_term, is_near_duplicate, term_set};
use crate::score::redundancy_adjusted;

/// A chosen sentence: its record number, and where its entries start in
/// the slot pool if it is pooled (from [`pooled_records`]).
#[derive(Debug, Clone, Copy)]
struct Pick {
    /// Record numbers fit in `u16`: `S` is at most 65,535.
    index: u16,
    /// Entries fit in `u16`: `W` is at most 65,535.
    first: u16,
}

/// Where the greedy selection stands between two picks.
struct Picking {
    /// The sentences chosen so far, in the order chosen.
    chosen: Vec<Pick, MAX_CHOSEN>,
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
        // A zero budget chose nothing to score.
        if max_n == 0 || chars_left == 0 {
            return;
        }
        let mut p = Picking { chosen: Vec::new(), union: 0, chars_left, language };
        while p.chosen.len() < max_n {
            let sep = u32::from(!p.chosen.is_empty());
            let Some(pick) = self.best_candidate(body, n, opts, &p, sep) else { break };
            let Some((r, pooled)) = self.picked(pick) else { break };
            p.union |= self.signature(r, pooled);
            let Some(r) = self.records.get_mut(usize::from(pick.index)) else { break };
            r.choose();
            if matches!(opts.budget, Budget::Chars(_)) {
                p.chars_left = p.chars_left.saturating_sub(r.chars(body).saturating_add(sep));
            }
            if p.chosen.push(pick).is_err() {
                break;
            }
        }
        for (i, r, pooled) in pooled_records(self.records.iter().take(n)) {
            if r.is_chosen() {
                let span = r.span();
                let _ = out.push(Chosen {
                    span,
                    text: span.slice(body).unwrap_or(""),
                    score: r.score(),
                    index: u16::try_from(i).unwrap_or(u16::MAX),
                    signature: self.signature(r, pooled),
                });
            }
        }
    }

    /// The sentence the next pick takes: the highest adjusted score (ties:
    /// the earlier sentence) among choosable, not yet chosen sentences that
    /// fit the characters left (after a separator `sep`) and repeat no
    /// chosen one.
    fn best_candidate(&self, body: &str, n: usize, opts: &Options<'_>, p: &Picking, sep: u32) -> Option<Pick> {
        let mut best: Option<(Pick, u32)> = None;
        for (i, r, pooled) in pooled_records(self.records.iter().take(n)) {
            if !r.is_candidate() {
                continue;
            }
            let score = r.score();
            // The redundancy penalty only lowers a score: a candidate whose
            // score does not beat the best so far cannot win, and needs no
            // signature (nor its length counted).
            if best.is_some_and(|(_, b)| score <= b) {
                continue;
            }
            if matches!(opts.budget, Budget::Chars(_)) && r.chars(body).saturating_add(sep) > p.chars_left {
                continue;
            }
            // Nothing chosen yet, or no penalty asked: the score, whatever
            // the signature.
            let adj = if p.union == 0 || opts.redundancy == 0 {
                score
            } else {
                redundancy_adjusted(score, self.signature(r, pooled), p.union, opts.redundancy)
            };
            // The duplicate check only rules candidates out: skip it for one
            // that would not win anyway.
            if best.is_some_and(|(_, b)| adj <= b) || self.is_duplicate(body, r, pooled, &p.chosen, p.language) {
                continue;
            }
            let index = u16::try_from(i).unwrap_or(u16::MAX);
            let first = pooled.map_or(0, |q| u16::try_from(q.first).unwrap_or(u16::MAX));
            best = Some((Pick { index, first }, adj));
        }
        best.map(|(pick, _)| pick)
    }

    /// The record of `pick`, and where its entries are if it is pooled.
    fn picked(&self, pick: Pick) -> Option<(&Record, Option<Pooled>)> {
        let i = usize::from(pick.index);
        let r = self.records.get(i)?;
        Some((r, Pooled::of(r, i, usize::from(pick.first))))
    }

    /// The signature ([`crate::Chosen::signature`]) of record `r`, whose
    /// entries, if it is pooled, are at `pooled`: rebuilt from the pool, or
    /// kept in the record.
    fn signature(&self, r: &Record, pooled: Option<Pooled>) -> u64 {
        match pooled {
            Some(p) => self.pool.signature::<T>(p),
            None => r.kept_signature(),
        }
    }

    /// True if the sentence of record `r` (entries at `pooled`) nearly
    /// repeats a chosen one (a quote run twice, a repeated paragraph), by
    /// the rule of [`crate::near_duplicate`].
    fn is_duplicate(
        &self,
        body: &str,
        r: &Record,
        pooled: Option<Pooled>,
        chosen: &[Pick],
        language: Language,
    ) -> bool {
        if chosen.is_empty() {
            return false;
        }
        let sig = self.signature(r, pooled);
        chosen.iter().filter_map(|&c| self.picked(c)).any(|(q, q_pooled)| {
            is_near_duplicate(
                sig,
                self.signature(q, q_pooled),
                || self.sentence_terms(body, r, pooled, language),
                || self.sentence_terms(body, q, q_pooled, language),
            )
        })
    }

    /// Distinct term keys of the sentence of record `r` (entries at
    /// `pooled`), from the slot pool when each entry holds its term, else
    /// by reading the sentence again.
    fn sentence_terms(&self, body: &str, r: &Record, pooled: Option<Pooled>, language: Language) -> TermSet {
        let Some(p) = pooled.filter(|_| r.all_held()) else {
            return term_set(r.span().slice(body).unwrap_or(""), language);
        };
        let mut keys = TermSet::new();
        // Once the set is full the rest is left out.
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
