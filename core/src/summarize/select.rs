//! Stage 3, selection: the best sentences under the budget, skipping
//! near-duplicates of those already chosen.

use heapless::Vec;

use super::pool::Pooled;
use super::record::Record;
use super::{Budget, Chosen, Flags, MAX_CHOSEN, Options, Summarizer};
use crate::Span;
use crate::near_duplicate::{TermSet, add_term, is_near_duplicate, term_set};
use crate::score::redundancy_adjusted;

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

    /// True if sentence `i` nearly repeats a chosen one (a quote run
    /// twice, a repeated paragraph), by the rule of [`crate::near_duplicate`].
    fn is_duplicate(&self, body: &str, i: usize, n: usize) -> bool {
        let Some(r) = self.records.get(i) else { return false };
        self.records.iter().enumerate().take(n).filter(|(_, c)| c.state & Record::CHOSEN != 0).any(|(j, c)| {
            is_near_duplicate(
                r.signature,
                c.signature,
                || self.sentence_terms(body, i),
                || self.sentence_terms(body, j),
            )
        })
    }

    /// Distinct term keys of sentence `i`, from the slot pool when it is
    /// valid there, else by reading the sentence again.
    fn sentence_terms(&self, body: &str, i: usize) -> TermSet {
        let Some(r) = self.records.get(i) else { return TermSet::new() };
        if r.state & Record::POOL_VALID == 0 {
            return term_set(body.get(r.start as usize..r.end as usize).unwrap_or(""));
        }
        // Its entries follow those of the pooled sentences before it.
        let first: usize = self
            .records
            .iter()
            .take(i)
            .filter(|p| p.state & Record::POOLED != 0)
            .map(|p| usize::from(p.content_words))
            .sum();
        let p = Pooled { first, len: usize::from(r.content_words), sentence: u32::try_from(i).unwrap_or(u32::MAX) };
        let mut keys = TermSet::new();
        // Checked valid by scoring; once the set is full the rest is left out.
        let _ = self.pool.fold_terms(&self.terms, p, (), |(), t| {
            let _ = add_term(&mut keys, t.hash);
        });
        keys
    }
}
