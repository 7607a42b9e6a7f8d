//! Stage 3, selection: the best sentences under the budget, skipping
//! near-duplicates of those already chosen.

use heapless::Vec;

use super::pool::Pooled;
use super::record::Record;
use super::{Budget, Chosen, Flags, MAX_CHOSEN, Options, Summarizer, term_keys};
use crate::Span;
use crate::score::redundancy_adjusted;

/// A candidate sharing this fraction (x/256) of its signature with one
/// chosen sentence is a near-duplicate and is skipped.
const DUPLICATE_OVERLAP: u32 = 205; // 80 %

/// Most distinct terms compared per sentence by the duplicate check.
const DUPLICATE_TERMS: usize = 48;

impl<const S: usize, const T: usize, const P: usize, const W: usize> Summarizer<S, T, P, W> {
    /// Pass 3: greedy selection with a redundancy penalty under the budget.
    pub(super) fn select<'a>(
        &mut self,
        body: &'a str,
        n: usize,
        opts: &Options<'_>,
        flags: &mut Flags,
        out: &mut Vec<Chosen<'a>, MAX_CHOSEN>,
    ) {
        let (max_n, mut chars_left) = match opts.budget {
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
        let mut union = 0u64;
        let mut picked = 0usize;
        while picked < max_n {
            let mut best: Option<(usize, u32)> = None;
            let sep = u32::from(picked > 0);
            for (i, r) in self.records.iter().take(n).enumerate() {
                if r.state & (Record::CHOOSABLE | Record::CHOSEN) != Record::CHOOSABLE {
                    continue;
                }
                if matches!(opts.budget, Budget::Chars(_)) && u32::from(r.chars).saturating_add(sep) > chars_left {
                    continue;
                }
                if self.is_duplicate(body, i, n) {
                    continue;
                }
                let adj = redundancy_adjusted(r.score, r.signature, union, opts.redundancy);
                if best.is_none_or(|(_, b)| adj > b) {
                    best = Some((i, adj));
                }
            }
            let Some((i, _)) = best else { break };
            let Some(r) = self.records.get_mut(i) else {
                break;
            };
            r.state |= Record::CHOSEN;
            union |= r.signature;
            chars_left = chars_left.saturating_sub(u32::from(r.chars).saturating_add(sep));
            picked += 1;
        }
        for (i, r) in self.records.iter().take(n).enumerate() {
            if r.state & Record::CHOSEN != 0 {
                let span = Span { start: r.start, end: r.end };
                let _ = out.push(Chosen {
                    span,
                    text: span.slice(body).unwrap_or(""),
                    score: r.score,
                    index: u16::try_from(i).unwrap_or(u16::MAX),
                    signature: r.signature,
                });
            }
        }
    }

    /// True if sentence `i` nearly repeats a chosen one (a quote run twice, a
    /// repeated paragraph). The 64-bit signatures only nominate pairs: two
    /// sentences of one story share many signature bits by chance (skipping
    /// such false repeats cost 0.005 ROUGE-2 on BBC, EVALUATION.md), so a
    /// repeat is confirmed on the terms themselves.
    pub(super) fn is_duplicate(&self, body: &str, i: usize, n: usize) -> bool {
        let Some(r) = self.records.get(i) else { return false };
        let bits = r.signature.count_ones();
        self.records.iter().enumerate().take(n).filter(|(_, c)| c.state & Record::CHOSEN != 0).any(|(j, c)| {
            let small = bits.min(c.signature.count_ones());
            // Signatures of one or two terms collide by chance: only an exact
            // match counts as a repeat for such short sentences.
            let nominated = if small < 3 {
                r.signature == c.signature
            } else {
                (r.signature & c.signature).count_ones() * 256 >= small * DUPLICATE_OVERLAP
            };
            nominated && shares_most_terms(&self.sentence_terms(body, i), &self.sentence_terms(body, j))
        })
    }

    /// Distinct term keys of sentence `i` (at most [`DUPLICATE_TERMS`]),
    /// from the slot pool when it is valid there, else by reading it again.
    pub(super) fn sentence_terms(&self, body: &str, i: usize) -> Vec<u32, DUPLICATE_TERMS> {
        let mut keys: Vec<u32, DUPLICATE_TERMS> = Vec::new();
        let Some(r) = self.records.get(i) else { return keys };
        let mut add = |h: u32| !keys.contains(&h) && keys.push(h).is_err();
        if r.state & Record::POOL_VALID != 0 {
            // Its entries follow those of the pooled sentences before it.
            let first: usize = self
                .records
                .iter()
                .take(i)
                .filter(|p| p.state & Record::POOLED != 0)
                .map(|p| usize::from(p.content_words))
                .sum();
            let p = Pooled { first, len: usize::from(r.content_words), sentence: u32::try_from(i).unwrap_or(u32::MAX) };
            // Checked valid by scoring; past DUPLICATE_TERMS keys `add`
            // declines the rest.
            let _ = self.pool.fold_terms(&self.terms, p, (), |(), t| {
                add(t.hash);
            });
            return keys;
        }
        for k in term_keys(body.get(r.start as usize..r.end as usize).unwrap_or("")) {
            if add(k) {
                break;
            }
        }
        keys
    }
}

/// True if `a` and `b` share [`DUPLICATE_OVERLAP`] of the distinct terms of
/// the one with *more*: a repeat says nearly the same words, while a short
/// sentence whose few words all recur in a longer one is not a repeat.
fn shares_most_terms(ka: &[u32], kb: &[u32]) -> bool {
    let shared = ka.iter().filter(|k| kb.contains(k)).count();
    let large = ka.len().max(kb.len()).max(1);
    let shared = u32::try_from(shared).unwrap_or(u32::MAX);
    let large = u32::try_from(large).unwrap_or(u32::MAX);
    shared.saturating_mul(256) >= large.saturating_mul(DUPLICATE_OVERLAP)
}
