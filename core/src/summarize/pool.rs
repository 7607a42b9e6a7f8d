//! The slot pool: the term slot of every content word of the pooled
//! sentences, kept from the counting pass so that scoring and the duplicate
//! check need not read those sentences again.
//!
//! The rule, in one place:
//!
//! - The counting pass writes, for each choosable sentence, one entry per
//!   content word, in text order: the word's term slot, and in the bits a
//!   slot index leaves free a *tag* of its term's hash (`hash_tag`).
//!   A sentence is *pooled* (its entries kept, right after those of the
//!   pooled sentences before it) if all of them fit and no word of it took
//!   over a slot already written for the same sentence. Otherwise its
//!   entries are dropped and the next sentence writes over them.
//! - Terms never move, but a slot changes hands when the term table evicts
//!   its term. The newcomer is counted at once, so its
//!   [`Term::first_sentence`] is the number of the sentence whose word took
//!   the slot. An entry written for sentence `r` therefore still names its
//!   term (it is *held*) iff the slot's term has `first_sentence <= r`: a
//!   later take-over leaves a larger number, and one within sentence `r`
//!   itself kept the sentence out of the pool (above).
//! - An entry that is not held stands for a term evicted after sentence
//!   `r`. What it adds to a score is what looking that term up by hash
//!   gives: nothing, unless the term came back and counts. A term that came
//!   back took its slot after sentence `r` (`first_sentence > r`), within
//!   [`WAYS`] - 1 slots of the entry's slot (a term's slot is one of the
//!   [`WAYS`] slots from its bucket, and so was the old one), and its hash
//!   has the entry's tag. If no resident term is all of that and counts,
//!   the entry adds nothing; otherwise the sentence is scored by reading it
//!   again and looking its terms up by hash, which gives the same result:
//!   only speed depends on the pool.

use crate::terms::{Term, TermTable, WAYS};

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

/// `W` entries of term slots and hash tags (slot indices fit in `u16`: a
/// term table has at most 65,535 slots).
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
    pub(super) fn writer<const T: usize>(&mut self, enabled: bool) -> PoolWriter<'_> {
        PoolWriter { entries: &mut self.entries, kept: 0, open: 0, ok: enabled, enabled, slot_bits: slot_bits(T) }
    }

    /// Folds `f` over the held terms of the pooled sentence `p`, in text
    /// order; also says whether every entry was held. `None` if an entry
    /// that is not held may stand for a term that came back and `counts`
    /// (see the module's rule): then the caller reads the sentence again.
    pub(super) fn fold_terms<A, const T: usize>(
        &self,
        terms: &TermTable<T>,
        p: Pooled,
        init: A,
        mut f: impl FnMut(A, &Term) -> A,
        counts: impl Fn(&Term) -> bool,
    ) -> Option<(A, bool)> {
        let entries = self.entries.get(p.first..p.first.saturating_add(p.len))?;
        let bits = slot_bits(T);
        let mask = (1u32 << bits) - 1;
        let mut acc = init;
        let mut all_held = true;
        for &e in entries {
            let slot = usize::try_from(u32::from(e) & mask).unwrap_or(usize::MAX);
            let t = terms.slot(slot)?;
            if u32::from(t.first_sentence) <= p.sentence {
                acc = f(acc, t);
                continue;
            }
            all_held = false;
            let tag = u16::try_from(u32::from(e) >> bits).unwrap_or(u16::MAX);
            if may_have_come_back(terms.slots(), slot, tag, bits, p.sentence, &counts) {
                return None;
            }
        }
        Some((acc, all_held))
    }
}

/// Bits of a slot index of a table of `t` slots.
const fn slot_bits(t: usize) -> u32 {
    usize::BITS - t.saturating_sub(1).leading_zeros()
}

/// The tag an entry keeps of term hash `hash` beside a slot index of
/// `bits` bits: the hash's bits from [`TAG_SHIFT`] on, as many as fit in
/// the 16 - `bits` bits left (none for the largest tables).
const fn hash_tag(hash: u32, bits: u32) -> u16 {
    let free = 16u32.saturating_sub(bits);
    ((hash >> TAG_SHIFT) & ((1u32 << free) - 1)) as u16
}

/// Where an entry's tag starts in the term hash: above the bits the
/// signature uses (the top 6, [`crate::near_duplicate::signature_bit`]),
/// so the two pick terms apart independently.
const TAG_SHIFT: u32 = 10;

/// True if a resident term within [`WAYS`] - 1 slots of `slot` took its
/// slot after sentence `sentence`, has hash tag `tag` and `counts`: the
/// evicted term of an entry (`slot`, `tag`) may have come back as it.
fn may_have_come_back(
    slots: &[Term],
    slot: usize,
    tag: u16,
    bits: u32,
    sentence: u32,
    counts: &impl Fn(&Term) -> bool,
) -> bool {
    let n = slots.len();
    // The 2 * WAYS - 1 slots centred on `slot`, wrapping at the end.
    let mut i = slot.saturating_add(n).saturating_sub(WAYS - 1);
    for _ in 0..2 * WAYS - 1 {
        if i >= n {
            i -= n;
        }
        // The tag first: it rules out all but about one in 128.
        if let Some(z) = slots.get(i)
            && hash_tag(z.hash, bits) == tag
            && z.hash != 0
            && u32::from(z.first_sentence) > sentence
            && counts(z)
        {
            return true;
        }
        i += 1;
    }
    false
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
    /// Bits of a slot index in an entry; a hash tag fills the rest.
    slot_bits: u32,
}

impl PoolWriter<'_> {
    /// A word of the current sentence took `slot` over from another term:
    /// if the sentence already wrote that slot, that entry is stale, and the
    /// sentence is not pooled.
    pub(super) fn took_over(&mut self, slot: usize) {
        let written = self.entries.get(self.kept..self.kept.saturating_add(self.open)).unwrap_or(&[]);
        let mask = (1usize << self.slot_bits) - 1;
        if self.ok && written.iter().any(|&s| usize::from(s) & mask == slot) {
            self.ok = false;
        }
    }

    /// A content word of the current sentence has no slot: the sentence
    /// cannot be pooled.
    pub(super) fn untracked(&mut self) {
        self.ok = false;
    }

    /// The next content word of the current sentence is in `slot`, its
    /// term's hash is `hash`.
    pub(super) fn push(&mut self, slot: usize, hash: u32) {
        if !self.ok {
            return;
        }
        let at = self.kept.saturating_add(self.open);
        let tag = u32::from(hash_tag(hash, self.slot_bits)) << self.slot_bits;
        match (u16::try_from(slot), self.entries.get_mut(at)) {
            (Ok(s), Some(e)) => {
                *e = s | u16::try_from(tag).unwrap_or(0);
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
        let mut w = pool.writer::<8>(true);
        w.push(s[0], 1);
        w.push(s[1], 2);
        assert!(w.finish(1, true));
        w.push(s[1], 2);
        assert!(!w.finish(2, false)); // not choosable: dropped
        w.push(s[0], 1);
        assert!(w.finish(3, true));
        let count = |p| pool.fold_terms(&t, p, 0, |n, _| n + 1, |_| true);
        assert_eq!(count(Pooled { first: 0, len: 2, sentence: 1 }), Some((2, true)));
        let hashes = pool.fold_terms(&t, Pooled { first: 2, len: 1, sentence: 3 }, 0, |_, t| t.hash, |_| true);
        assert_eq!(hashes, Some((1, true)));
    }

    #[test]
    fn an_entry_not_held_adds_nothing_unless_its_term_may_have_come_back() {
        // Hash 1 took its slot in sentence 5; hash 3 << TAG_SHIFT (another
        // tag) in sentence 2.
        let (t, s) = table(&[(1, 5), (3 << TAG_SHIFT, 2)]);
        let mut pool = SlotPool::<4>::new();
        let mut w = pool.writer::<8>(true);
        w.push(s[0], 1); // the term of sentence 4 in that slot had hash 1's tag
        w.push(s[1], 3 << TAG_SHIFT);
        assert!(w.finish(4, true));
        w.push(s[0], 2 << TAG_SHIFT); // another tag: hash 1 cannot be it
        assert!(w.finish(4, true));
        let p = Pooled { first: 0, len: 2, sentence: 4 };
        // Hash 1 counts and has the tag: it may be the evicted term, back.
        assert_eq!(pool.fold_terms(&t, p, 0, |n, _| n + 1, |_| true), None);
        // If it does not count, the entry adds nothing; the other is held.
        assert_eq!(pool.fold_terms(&t, p, 0, |n, _| n + 1, |t| t.hash != 1), Some((1, false)));
        let q = Pooled { first: 2, len: 1, sentence: 4 };
        assert_eq!(pool.fold_terms(&t, q, 0, |n, _| n + 1, |_| true), Some((0, false)));
        // From sentence 5 on, hash 1's entries are held.
        let p5 = Pooled { first: 0, len: 2, sentence: 5 };
        assert_eq!(pool.fold_terms(&t, p5, 0, |n, _| n + 1, |_| true), Some((2, true)));
    }

    #[test]
    fn a_full_pool_pools_nothing() {
        let mut pool = SlotPool::<2>::new();
        let mut w = pool.writer::<8>(true);
        for _ in 0..3 {
            w.push(0, 1);
        }
        assert!(!w.finish(4, true)); // three entries do not fit in two
        w.push(0, 1);
        assert!(w.finish(4, true));
    }

    #[test]
    fn a_take_over_within_the_sentence_keeps_it_out() {
        let mut pool = SlotPool::<8>::new();
        let mut w = pool.writer::<8>(true);
        w.push(3, u32::MAX); // a tag in the free bits does not hide the slot
        w.took_over(4); // a slot it did not write: fine
        w.push(4, 0);
        assert!(w.finish(0, true));
        w.push(3, u32::MAX);
        w.took_over(3);
        assert!(!w.finish(1, true));
        let mut off = pool.writer::<8>(false);
        off.push(1, 0);
        assert!(!off.finish(0, true));
        let mut late = SlotPool::<8>::new();
        let mut w = late.writer::<8>(true);
        w.push(1, 0);
        assert!(!w.finish(UNPOOLED_FROM, true));
    }

    #[test]
    fn tags_fill_the_bits_a_slot_leaves() {
        assert_eq!((slot_bits(8), slot_bits(480), slot_bits(512), slot_bits(65_535)), (3, 9, 9, 16));
        assert_eq!(hash_tag(u32::MAX, 9), 0x7f);
        assert_eq!(hash_tag(u32::MAX, 16), 0);
        assert_eq!(hash_tag(5 << TAG_SHIFT, 9), 5);
    }
}
