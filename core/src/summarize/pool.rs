//! The slot pool: the term slot of every content word of the pooled
//! sentences, kept from the counting pass so that scoring and the duplicate
//! check need not read those sentences again.
//!
//! The rule, in one place:
//!
//! - The counting pass writes, for each choosable sentence, the slot of each
//!   of its content words, in text order; a sentence is *pooled* (its
//!   entries kept, right after those of the pooled sentences before it) if
//!   all of them fit and no word of it took over a slot already written for
//!   the same sentence. Otherwise its entries are dropped and the next
//!   sentence writes over them.
//! - Terms never move, but a slot changes hands when the term table evicts
//!   its term. The newcomer is counted at once, so its
//!   [`Term::first_sentence`] is the number of the sentence whose word took
//!   the slot. An entry written for sentence `r` therefore still names its
//!   term iff the slot's term has `first_sentence <= r`: a later take-over
//!   leaves a larger number, and one within sentence `r` itself kept the
//!   sentence out of the pool (above).
//! - A pooled sentence with an entry that no longer names its term is
//!   scored by reading it again and looking its terms up by hash, which
//!   gives the same result: only speed depends on the pool.

use crate::terms::{Term, TermTable};

/// Sentence numbers from this one on are never pooled: `first_sentence`
/// saturates at `u16::MAX - 1`, so from there on the rule could not tell a
/// later take-over apart.
const UNPOOLED_FROM: u32 = u16::MAX as u32 - 1;

/// Where a pooled sentence's entries are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Pooled {
    /// Its first entry.
    pub(super) first: usize,
    /// Its number of entries (its content words).
    pub(super) len: usize,
    /// Its sentence number (its record index).
    pub(super) sentence: u32,
}

/// `W` entries of term slots (slot indices fit in `u16`: a term table has
/// at most 65,535 slots).
#[derive(Debug, Clone)]
pub(super) struct SlotPool<const W: usize> {
    entries: [u16; W],
}

impl<const W: usize> SlotPool<W> {
    /// An empty pool.
    pub(super) const fn new() -> Self {
        SlotPool { entries: [0; W] }
    }

    /// A writer for one counting pass, from the first entry on; `enabled`
    /// false pools nothing (a keywords-only call scores no sentence).
    pub(super) fn writer(&mut self, enabled: bool) -> PoolWriter<'_> {
        PoolWriter { entries: &mut self.entries, kept: 0, open: 0, ok: enabled, enabled }
    }

    /// Folds `f` over the terms of the pooled sentence `p`, in text order,
    /// or `None` if one of its slots changed hands since it was written
    /// (then the caller looks its terms up by hash).
    pub(super) fn fold_terms<A, const T: usize>(
        &self,
        terms: &TermTable<T>,
        p: Pooled,
        init: A,
        mut f: impl FnMut(A, &Term) -> A,
    ) -> Option<A> {
        let slots = self.entries.get(p.first..p.first.saturating_add(p.len))?;
        let mut acc = init;
        for &s in slots {
            let t = terms.slot(usize::from(s))?;
            if u32::from(t.first_sentence) > p.sentence {
                return None;
            }
            acc = f(acc, t);
        }
        Some(acc)
    }
}

/// Writes the entries of one sentence at a time (see the module's rule).
pub(super) struct PoolWriter<'p> {
    entries: &'p mut [u16],
    /// Entries of the pooled sentences so far.
    kept: usize,
    /// Entries of the current sentence, after those.
    open: usize,
    /// The current sentence can still be pooled.
    ok: bool,
    enabled: bool,
}

impl PoolWriter<'_> {
    /// A word of the current sentence took `slot` over from another term:
    /// if the sentence already wrote that slot, that entry is stale, and the
    /// sentence is not pooled.
    pub(super) fn took_over(&mut self, slot: usize) {
        let written = self.entries.get(self.kept..self.kept.saturating_add(self.open)).unwrap_or(&[]);
        if self.ok && written.iter().any(|&s| usize::from(s) == slot) {
            self.ok = false;
        }
    }

    /// A content word of the current sentence has no slot: the sentence
    /// cannot be pooled.
    pub(super) fn untracked(&mut self) {
        self.ok = false;
    }

    /// The next content word of the current sentence is in `slot`.
    pub(super) fn push(&mut self, slot: usize) {
        if !self.ok {
            return;
        }
        let at = self.kept.saturating_add(self.open);
        match (u16::try_from(slot), self.entries.get_mut(at)) {
            (Ok(s), Some(e)) => {
                *e = s;
                self.open += 1;
            }
            _ => self.ok = false,
        }
    }

    /// Ends sentence number `sentence`: pools it if `keep` (it is choosable
    /// and has a record) and it could be, and says whether it was. The next
    /// sentence starts afresh either way.
    pub(super) fn finish(&mut self, sentence: u32, keep: bool) -> bool {
        let pooled = keep && self.ok && sentence < UNPOOLED_FROM;
        if pooled {
            self.kept = self.kept.saturating_add(self.open);
        }
        self.open = 0;
        self.ok = self.enabled;
        pooled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table whose slots hold the given terms with their first sentences.
    fn table(terms: &[(u32, u16)]) -> (TermTable<8>, [usize; 4]) {
        let mut t = TermTable::<8>::new();
        let mut slots = [0usize; 4];
        for (i, &(hash, first)) in terms.iter().enumerate() {
            let b = t.bump_slot(hash, |_| {}).unwrap();
            b.term.first_sentence = first;
            slots[i] = b.slot;
        }
        (t, slots)
    }

    #[test]
    fn entries_of_pooled_sentences_follow_each_other() {
        let (t, s) = table(&[(1, 0), (2, 1)]);
        let mut pool = SlotPool::<4>::new();
        let mut w = pool.writer(true);
        w.push(s[0]);
        w.push(s[1]);
        assert!(w.finish(1, true));
        w.push(s[1]);
        assert!(!w.finish(2, false)); // not choosable: dropped
        w.push(s[0]);
        assert!(w.finish(3, true));
        let count = |p| pool.fold_terms(&t, p, 0, |n, _| n + 1);
        assert_eq!(count(Pooled { first: 0, len: 2, sentence: 1 }), Some(2));
        let hashes = pool.fold_terms(&t, Pooled { first: 2, len: 1, sentence: 3 }, 0, |_, t| t.hash);
        assert_eq!(hashes, Some(1));
    }

    #[test]
    fn a_later_take_over_voids_the_entry_and_a_full_pool_pools_nothing() {
        let (t, s) = table(&[(1, 5)]);
        let mut pool = SlotPool::<2>::new();
        let mut w = pool.writer(true);
        w.push(s[0]);
        w.push(s[0]);
        w.push(s[0]);
        assert!(!w.finish(4, true)); // three entries do not fit in two
        w.push(s[0]);
        assert!(w.finish(4, true));
        // The slot's term was first counted in sentence 5: entries of 4 are stale.
        assert_eq!(pool.fold_terms(&t, Pooled { first: 0, len: 1, sentence: 4 }, (), |(), _| ()), None);
        assert_eq!(pool.fold_terms(&t, Pooled { first: 0, len: 1, sentence: 5 }, (), |(), _| ()), Some(()));
    }

    #[test]
    fn a_take_over_within_the_sentence_keeps_it_out() {
        let mut pool = SlotPool::<8>::new();
        let mut w = pool.writer(true);
        w.push(3);
        w.took_over(4); // a slot it did not write: fine
        w.push(4);
        assert!(w.finish(0, true));
        w.push(3);
        w.took_over(3);
        assert!(!w.finish(1, true));
        let mut off = pool.writer(false);
        off.push(1);
        assert!(!off.finish(0, true));
        let mut late = SlotPool::<8>::new();
        let mut w = late.writer(true);
        w.push(1);
        assert!(!w.finish(UNPOOLED_FROM, true));
    }
}
