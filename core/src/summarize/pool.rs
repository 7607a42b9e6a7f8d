//! The slot pool: the term slot of every content word of the pooled
//! sentences, kept from the counting pass so that scoring and the duplicate
//! check need not read those sentences again.
//!
//! The rule, in one place:
//!
//! - The counting pass writes, for each choosable sentence, one entry per
//!   content word, in text order: the word's term slot, and in the bits a
//!   slot index leaves free a *tag*, the top bits of its term's hash
//!   (`hash_tag`). A sentence's first [`HEAD`] entries go in its record
//!   ([`Record::head`]), the rest in the pool. A sentence is *pooled* (its
//!   entries kept, the pool's right after those of the pooled sentences
//!   before it) if all of them fit and no word of it took over a slot
//!   already written for the same sentence. Otherwise its entries are
//!   dropped, the next sentence writes over them, and its record keeps
//!   its signature instead.
//! - A pooled sentence's signature is rebuilt from its tags: a tag holds
//!   the hash's top 6 bits, which pick the signature bit
//!   ([`crate::near_duplicate::signature_bit`]). Tables of more than 1,024
//!   slots leave fewer than 6 bits free, and pool nothing; nor does a pool
//!   of no entries (`W` = 0).
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
//! - Where a pooled sentence's entries start in the pool follows from the
//!   records before it, and is worked out in one place:
//!   [`pooled_records`].

use core::ops::Deref;

use super::record::{HEAD, Record};
use crate::near_duplicate::signature_bit;
use crate::terms::{Term, TermTable, WAYS};

/// Sentence numbers from this one on are never pooled: `first_sentence`
/// saturates at `u16::MAX - 1`, so from there on the rule could not tell a
/// later take-over apart.
const UNPOOLED_FROM: u32 = u16::MAX as u32 - 1;

/// Where a pooled sentence's entries are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Pooled {
    /// Its first [`HEAD`] entries.
    pub(super) head: [u16; HEAD],
    /// Its first entry in the pool (after the head).
    pub(super) first: usize,
    /// Its number of entries (its content words).
    pub(super) len: usize,
    /// Its sentence number (its record index).
    pub(super) sentence: u32,
}

impl Pooled {
    /// Entries it keeps in the pool (past its head).
    pub(super) fn in_pool(len: usize) -> usize {
        len.saturating_sub(HEAD)
    }

    /// Where the entries of record `r`, sentence number `sentence`, are if
    /// it is pooled, its pool entries starting at `first`.
    pub(super) fn of(r: &Record, sentence: usize, first: usize) -> Option<Pooled> {
        let head = r.head()?;
        let len = usize::from(r.content_words);
        Some(Pooled { head, first, len, sentence: u32::try_from(sentence).unwrap_or(u32::MAX) })
    }
}

/// Each of `records` (from the first) with its sentence number and, if it
/// is pooled, where its entries are: a pooled sentence's entries start in
/// the pool right after those of the pooled sentences before it.
pub(super) fn pooled_records<R: Deref<Target = Record>>(
    records: impl Iterator<Item = R>,
) -> impl Iterator<Item = (usize, R, Option<Pooled>)> {
    let mut first = 0usize;
    records.enumerate().map(move |(i, r)| {
        let pooled = Pooled::of(&r, i, first);
        if let Some(p) = pooled {
            first = first.saturating_add(Pooled::in_pool(p.len));
        }
        (i, r, pooled)
    })
}

/// `W` entries of term slots and hash tags (slot indices fit in `u16`: a
/// term table has at most 65,535 slots).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SlotPool<const W: usize> {
    entries: [u16; W],
}

impl<const W: usize> SlotPool<W> {
    /// An empty pool.
    pub(super) const fn new() -> Self {
        SlotPool { entries: [0; W] }
    }

    /// A writer for one counting pass over a table of `T` slots, from the
    /// first entry on; `enabled` false pools nothing (a keywords-only call
    /// scores no sentence), nor does a pool of no entries (`W` = 0 reads
    /// every sentence again, even those whose entries would all fit in
    /// their heads: the reference the tests compare pools against).
    pub(super) fn writer<const T: usize>(&mut self, enabled: bool) -> PoolWriter<'_, T> {
        let enabled = enabled && W > 0 && PoolWriter::<T>::TAGGED;
        PoolWriter { free: &mut self.entries, open: 0, head: [0; HEAD], ok: enabled, enabled }
    }

    /// Drops the pool's first `n` entries, moving the rest to the front:
    /// the first pooled sentences left the pool ([`Record::settle`]), and
    /// the next pooled one's entries must start where theirs did
    /// ([`pooled_records`]).
    pub(super) fn drop_front(&mut self, n: usize) {
        if n > 0 {
            self.entries.copy_within(n.min(W).., 0);
        }
    }

    /// The entries of the pooled sentence `p` in the pool (past its head);
    /// `None` if they do not fit (never, for a sentence the writer pooled).
    fn tail(&self, p: Pooled) -> Option<&[u16]> {
        self.entries.get(p.first..p.first.saturating_add(Pooled::in_pool(p.len)))
    }

    /// The head and pool parts of the entries of the pooled sentence `p`,
    /// in text order; `None` if they do not fit (never, for a sentence the
    /// writer pooled).
    fn parts<'a>(&'a self, p: &'a Pooled) -> Option<[&'a [u16]; 2]> {
        Some([p.head.get(..p.len.min(HEAD)).unwrap_or(&[]), self.tail(*p)?])
    }

    /// The signature of the pooled sentence `p`, rebuilt from its tags.
    // Out of line and as a plain loop: called only where selection needs a
    // penalty, and unrolled it cost the firmware's flash much more than
    // it saved.
    #[inline(never)]
    pub(super) fn signature<const T: usize>(&self, p: Pooled) -> u64 {
        let bits = slot_bits(T);
        // The tag's top bits are the hash's.
        let shift = 32u32.saturating_sub(16u32.saturating_sub(bits));
        let mut sig = 0u64;
        for part in self.parts(&p).unwrap_or([&[], &[]]) {
            for &e in part {
                sig |= signature_bit(u32::from(e >> bits) << shift);
            }
        }
        sig
    }

    /// Folds `f` over the held terms of the pooled sentence `p`, in text
    /// order; also says whether every entry was held. `None` if an entry
    /// that is not held may stand for a term that came back and `counts`
    /// (see the module's rule): then the caller reads the sentence again.
    ///
    /// `late`, if given, was built by [`LateTerms::new`] from the same
    /// table and `counts`: it spares most of the searches for such a term.
    pub(super) fn fold_terms<A: Copy, const T: usize>(
        &self,
        terms: &TermTable<T>,
        p: Pooled,
        init: A,
        f: impl FnMut(A, &Term) -> A,
        counts: impl Fn(&Term) -> bool,
        late: Option<&LateTerms>,
    ) -> Option<(A, bool)> {
        match self.fold_tail(terms, p, init, f, counts, late)? {
            (acc, held, 0) => Some((acc, held)),
            _ => None,
        }
    }

    /// [`SlotPool::fold_terms`], but where entries that are not held may
    /// stand for a term that came back, it folds `f` only over the held
    /// terms of the entries after the last of them, and also gives how many
    /// entries come before those (`reread`, 0 if none may have come back):
    /// the caller looks up the terms of the sentence's first `reread`
    /// content words by hash, and the two together are what the whole
    /// sentence read again gives (an entry that is not held and cannot
    /// have come back adds nothing either way). `None` if the entries are
    /// not in the pool or name no slot (never, for a sentence the writer
    /// pooled).
    pub(super) fn fold_tail<A: Copy, const T: usize>(
        &self,
        terms: &TermTable<T>,
        p: Pooled,
        init: A,
        mut f: impl FnMut(A, &Term) -> A,
        counts: impl Fn(&Term) -> bool,
        late: Option<&LateTerms>,
    ) -> Option<(A, bool, usize)> {
        let bits = slot_bits(T);
        let mask = (1u32 << bits) - 1;
        let mut acc = init;
        let mut all_held = true;
        let mut reread = 0usize;
        let mut k = 0usize;
        for part in self.parts(&p)? {
            for &e in part {
                // At most `p.len` < 2^16 entries: no overflow.
                k = k.wrapping_add(1);
                let slot = usize::from(e) & mask as usize;
                let t = terms.slot(slot)?;
                if u32::from(t.first_sentence) <= p.sentence {
                    acc = f(acc, t);
                    continue;
                }
                all_held = false;
                let tag = e >> bits;
                if late.is_some_and(|l| !l.any_after::<T>(tag, p.sentence)) {
                    continue;
                }
                if may_have_come_back::<T>(terms.slots(), slot, tag, p.sentence, &counts) {
                    // Read again up to here: what was folded so far is
                    // counted by that reading.
                    reread = k;
                    acc = init;
                }
            }
        }
        Some((acc, all_held, reread))
    }
}

/// Bits of a slot index of a table of `t` slots.
const fn slot_bits(t: usize) -> u32 {
    usize::BITS - t.saturating_sub(1).leading_zeros()
}

/// Bits of a hash that pick its signature bit: the tag must keep them.
const SIGNATURE_BITS: u32 = 6;

/// The tag an entry keeps of term hash `hash` beside a slot index of
/// `bits` bits: the hash's top 16 - `bits` bits.
const fn hash_tag(hash: u32, bits: u32) -> u16 {
    let free = 16u32.saturating_sub(bits);
    if free == 0 {
        return 0;
    }
    (hash >> (32 - free)) as u16
}

/// True if a resident term within [`WAYS`] - 1 slots of `slot` took its
/// slot after sentence `sentence`, has hash tag `tag` and `counts`: the
/// evicted term of an entry (`slot`, `tag`) of a table of `T` slots may
/// have come back as it.
fn may_have_come_back<const T: usize>(
    slots: &[Term],
    slot: usize,
    tag: u16,
    sentence: u32,
    counts: &impl Fn(&Term) -> bool,
) -> bool {
    let n = slots.len();
    // The 2 * WAYS - 1 slots centred on `slot`, wrapping at the end: at
    // most two runs of the table, scanned as plain slices.
    let from = slot.saturating_add(n).saturating_sub(WAYS - 1);
    let (a, b) = if from >= n { (from - n, from - n + 2 * WAYS - 1) } else { (from, from + 2 * WAYS - 1) };
    // (A table of fewer than 2 * WAYS - 1 slots is covered whole, some
    // slots twice: the answer is the same.)
    let first = slots.get(a..b.min(n)).unwrap_or(&[]);
    let wrapped = slots.get(..b.saturating_sub(n).min(n)).unwrap_or(&[]);
    let shift = PoolWriter::<T>::TAG_SHIFT;
    let tag = u32::from(tag);
    for part in [first, wrapped] {
        for z in part {
            // The tag first: it rules out all but about one in 128. Then
            // the bucket: the evicted term had `z`'s hash, so `slot` was
            // one of the WAYS slots of `z`'s bucket (about half of the
            // window's terms are ruled out by it).
            if z.hash >> shift == tag
                && z.hash != 0
                && u32::from(z.first_sentence) > sentence
                && in_bucket::<T>(z.hash, slot)
                && counts(z)
            {
                return true;
            }
        }
    }
    false
}

/// True if `slot` is one of the [`WAYS`] slots of the bucket of `hash` in
/// a table of `T` slots: the only slots a term of that hash can hold.
fn in_bucket<const T: usize>(hash: u32, slot: usize) -> bool {
    let b = TermTable::<T>::bucket(hash);
    let d = if slot >= b { slot.wrapping_sub(b) } else { slot.wrapping_add(T).wrapping_sub(b) };
    d < WAYS
}

/// Top bits of a tag (and so of a hash) that index [`LateTerms`].
const fn late_bits<const T: usize>() -> u32 {
    let tag = PoolWriter::<T>::TAG_BITS;
    if tag < 7 { tag } else { 7 }
}

/// A filter for the search of [`may_have_come_back`], built once per
/// scoring pass: for each value of a hash's top 7 bits (fewer for a table
/// whose tags are shorter), the latest `first_sentence` of a resident term
/// with those bits that counts. An entry not held for sentence `r` whose
/// tag has bits whose latest is at most `r` stands for no term that came
/// back and counts, without searching the table. Only speed depends on it.
pub(super) struct LateTerms {
    latest: [u16; 1 << 7],
}

impl LateTerms {
    /// The filter of the terms of `terms` that `counts`.
    pub(super) fn new<const T: usize>(terms: &TermTable<T>, counts: impl Fn(&Term) -> bool) -> Self {
        let mut latest = [0u16; 1 << 7];
        let shift = 32 - late_bits::<T>();
        for z in terms.slots() {
            if z.hash != 0
                && counts(z)
                && let Some(l) = latest.get_mut((z.hash >> shift) as usize)
            {
                *l = (*l).max(z.first_sentence);
            }
        }
        LateTerms { latest }
    }

    /// True if a resident term that counts and whose hash has the top bits
    /// of `tag` took its slot after sentence `sentence` (the filter's
    /// answer is never false when [`may_have_come_back`]'s is true).
    fn any_after<const T: usize>(&self, tag: u16, sentence: u32) -> bool {
        let i = usize::from(tag) >> (PoolWriter::<T>::TAG_BITS - late_bits::<T>());
        self.latest.get(i).is_none_or(|&l| u32::from(l) > sentence)
    }
}

/// Writes the entries of one sentence at a time (see the module's rule)
/// for a table of `T` slots.
pub(super) struct PoolWriter<'p, const T: usize> {
    /// The pool after the entries of the pooled sentences so far, which
    /// are never written again: the current sentence's entries past its
    /// head go at its start, with no offset to add.
    free: &'p mut [u16],
    /// Entries of the current sentence: its head, then `free` (meaningless
    /// once `ok` is false).
    open: usize,
    /// The current sentence's first [`HEAD`] entries.
    head: [u16; HEAD],
    /// The current sentence can still be pooled.
    ok: bool,
    enabled: bool,
}

impl<const T: usize> PoolWriter<'_, T> {
    /// Bits of a slot index in an entry.
    const SLOT_BITS: u32 = slot_bits(T);
    /// Bits of the hash tag beside it.
    const TAG_BITS: u32 = 16u32.saturating_sub(Self::SLOT_BITS);
    /// The tag keeps the bits that pick the signature bit: the pool can
    /// be used.
    const TAGGED: bool = Self::TAG_BITS >= SIGNATURE_BITS;
    /// Low bits of an entry: its slot.
    const SLOT_MASK: usize = (1 << Self::SLOT_BITS) - 1;
    /// A hash shifted right by this is its tag (a table too large to be
    /// `TAGGED` writes no entry, whatever this is).
    const TAG_SHIFT: u32 = if Self::TAGGED { 32 - Self::TAG_BITS } else { 31 };

    /// A word of the current sentence took `slot` over from another term:
    /// if the sentence already wrote that slot, that entry is stale, and the
    /// sentence is not pooled.
    pub(super) fn took_over(&mut self, slot: usize) {
        if !self.ok {
            return;
        }
        let head = self.head.get(..self.open.min(HEAD)).unwrap_or(&[]);
        let tail = self.free.get(..Pooled::in_pool(self.open)).unwrap_or(&[]);
        if head.iter().chain(tail).any(|&e| usize::from(e) & Self::SLOT_MASK == slot) {
            self.ok = false;
        }
    }

    /// The current sentence will not be kept (it has no record): its
    /// words need not be written.
    pub(super) fn skip(&mut self) {
        self.ok = false;
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
        // A slot index fits in `SLOT_BITS` and the tag in the rest (the
        // writer is enabled only if `TAGGED`): the entry is exact in 16 bits.
        let e = (slot as u32 | u32::from(hash_tag(hash, Self::SLOT_BITS)) << Self::SLOT_BITS) as u16;
        let open = self.open;
        // (`open` < W + HEAD while `ok`: no overflow.)
        self.open = open.wrapping_add(1);
        if let Some(h) = self.head.get_mut(open) {
            *h = e;
        } else if let Some(at) = self.free.get_mut(open.wrapping_sub(HEAD)) {
            *at = e;
        } else {
            self.ok = false;
        }
    }

    /// Ends sentence number `sentence`: pools it if `keep` (it is choosable
    /// and has a record) and it could be, and then gives its head (for its
    /// record: [`super::record::Kept::Pooled`]). The next sentence starts afresh either way.
    pub(super) fn finish(&mut self, sentence: u32, keep: bool) -> Option<[u16; HEAD]> {
        let pooled = (keep && self.ok && sentence < UNPOOLED_FROM).then_some(self.head);
        if pooled.is_some() {
            let free = core::mem::take(&mut self.free);
            self.free = free.get_mut(Pooled::in_pool(self.open)..).unwrap_or_default();
        }
        self.open = 0;
        self.head = [0; HEAD];
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

    /// Hash `n` in the tag bits of a table of 8 slots.
    const fn tagged(n: u32) -> u32 {
        n << (32 - 13)
    }

    #[test]
    fn entries_go_to_the_head_then_the_pool_after_the_pooled_sentences() {
        let (t, s) = table(&[(tagged(1), 0), (tagged(2), 1)]);
        let mut pool = SlotPool::<4>::new();
        let mut w = pool.writer::<8>(true);
        for k in [0, 1, 0, 1, 1, 0] {
            w.push(s[k], tagged(k as u32 + 1));
        }
        let head = w.finish(1, true).expect("pooled");
        w.push(s[1], tagged(2));
        assert_eq!(w.finish(2, false), None); // not choosable: dropped
        for _ in 0..6 {
            w.push(s[0], tagged(1));
        }
        let head3 = w.finish(3, true).expect("pooled");
        let count = |p| pool.fold_terms(&t, p, 0, |n, _| n + 1, |_| true, None);
        let p1 = Pooled { head, first: 0, len: 6, sentence: 1 };
        assert_eq!(count(p1), Some((6, true)));
        let hashes = |p| pool.fold_terms(&t, p, 0u64, |a, t| a * 4 + u64::from(t.hash >> 19), |_| true, None);
        assert_eq!(hashes(p1), Some((0b01_10_01_10_10_01, true)));
        let p3 = Pooled { head: head3, first: Pooled::in_pool(6), len: 6, sentence: 3 };
        assert_eq!(hashes(p3), Some((0b01_01_01_01_01_01, true)));
        // Signatures from the tags: the hash's top 6 bits pick the bit.
        let sig = |h: u32| signature_bit(h);
        assert_eq!(pool.signature::<8>(p1), sig(tagged(1)) | sig(tagged(2)));
        assert_eq!(pool.signature::<8>(p3), sig(tagged(1)));
    }

    #[test]
    fn an_entry_not_held_adds_nothing_unless_its_term_may_have_come_back() {
        // Hash tagged(1) took its slot in sentence 5, tagged(3) in sentence 2.
        let (t, s) = table(&[(tagged(1), 5), (tagged(3), 2)]);
        let mut pool = SlotPool::<4>::new();
        let mut w = pool.writer::<8>(true);
        w.push(s[0], tagged(1)); // the term of sentence 4 in that slot had tagged(1)'s tag
        w.push(s[1], tagged(3));
        let head = w.finish(4, true).expect("pooled");
        w.push(s[0], tagged(2)); // another tag: tagged(1) cannot be it
        let other = w.finish(4, true).expect("pooled");
        let p = Pooled { head, first: 0, len: 2, sentence: 4 };
        // tagged(1) counts and has the tag: it may be the evicted term, back.
        assert_eq!(pool.fold_terms(&t, p, 0, |n, _| n + 1, |_| true, None), None);
        // If it does not count, the entry adds nothing; the other is held.
        assert_eq!(pool.fold_terms(&t, p, 0, |n, _| n + 1, |t| t.hash != tagged(1), None), Some((1, false)));
        let q = Pooled { head: other, first: 0, len: 1, sentence: 4 };
        assert_eq!(pool.fold_terms(&t, q, 0, |n, _| n + 1, |_| true, None), Some((0, false)));
        // From sentence 5 on, tagged(1)'s entries are held.
        let p5 = Pooled { sentence: 5, ..p };
        assert_eq!(pool.fold_terms(&t, p5, 0, |n, _| n + 1, |_| true, None), Some((2, true)));
        // The filter of late terms never changes an answer.
        let not_one = |t: &Term| t.hash != tagged(1);
        for (pp, counts) in
            [(p, &(|_: &Term| true) as &dyn Fn(&Term) -> bool), (p, &not_one), (q, &not_one), (p5, &not_one)]
        {
            let late = LateTerms::new(&t, counts);
            assert_eq!(
                pool.fold_terms(&t, pp, 0, |n, _| n + 1, counts, Some(&late)),
                pool.fold_terms(&t, pp, 0, |n, _| n + 1, counts, None)
            );
        }
        // Here it rules the search out: no term that counts came after sentence 5.
        assert!(!LateTerms::new(&t, not_one).any_after::<8>(hash_tag(tagged(1), 3), 4));
        assert!(LateTerms::new(&t, |_| true).any_after::<8>(hash_tag(tagged(1), 3), 4));
    }

    #[test]
    fn the_tail_after_the_last_term_that_may_have_come_back_is_folded() {
        // tagged(1) took its slot in sentence 5 (it may be an evicted term
        // of sentence 4, back), tagged(3) in sentence 2 (held).
        let (t, s) = table(&[(tagged(1), 5), (tagged(3), 2)]);
        let mut pool = SlotPool::<8>::new();
        let mut w = pool.writer::<8>(true);
        for k in [1, 0, 1, 1, 0, 1, 1] {
            w.push(s[k], tagged(if k == 0 { 1 } else { 3 }));
        }
        let head = w.finish(4, true).expect("pooled");
        let p = Pooled { head, first: 0, len: 7, sentence: 4 };
        let count = |n: u32, _: &Term| n + 1;
        // Entries 2 and 5 (of 1..=7) may have come back: the first five
        // are read again, the two held ones after them folded.
        assert_eq!(pool.fold_tail(&t, p, 0, count, |_| true, None), Some((2, false, 5)));
        assert_eq!(pool.fold_terms(&t, p, 0, count, |_| true, None), None);
        // Nothing came back that counts: all held entries folded, none read.
        let no = |t: &Term| t.hash != tagged(1);
        assert_eq!(pool.fold_tail(&t, p, 0, count, no, None), Some((5, false, 0)));
        let late = LateTerms::new(&t, |_| true);
        assert_eq!(pool.fold_tail(&t, p, 0, count, |_| true, Some(&late)), Some((2, false, 5)));
        // From sentence 5 on, every entry is held.
        let p5 = Pooled { sentence: 5, ..p };
        assert_eq!(pool.fold_tail(&t, p5, 0, count, |_| true, None), Some((7, true, 0)));
    }

    #[test]
    fn a_full_pool_pools_only_what_fits_in_the_head() {
        let mut pool = SlotPool::<2>::new();
        let mut w = pool.writer::<8>(true);
        for _ in 0..HEAD + 3 {
            w.push(0, 1);
        }
        assert_eq!(w.finish(4, true), None); // three pool entries do not fit in two
        for _ in 0..HEAD + 2 {
            w.push(0, 1);
        }
        assert!(w.finish(4, true).is_some());
        w.push(0, 1);
        assert!(w.finish(5, true).is_some()); // the head alone still fits
        let mut none = SlotPool::<0>::new();
        let mut w = none.writer::<8>(true);
        w.push(0, 1);
        assert_eq!(w.finish(0, true), None); // no pool: no heads either
    }

    #[test]
    fn a_take_over_within_the_sentence_keeps_it_out() {
        let mut pool = SlotPool::<8>::new();
        let mut w = pool.writer::<8>(true);
        w.push(3, u32::MAX); // a tag in the free bits does not hide the slot
        w.took_over(4); // a slot it did not write: fine
        w.push(4, 0);
        assert!(w.finish(0, true).is_some());
        for _ in 0..HEAD {
            w.push(5, 0);
        }
        w.push(3, u32::MAX);
        w.took_over(3); // written in the pool part
        assert_eq!(w.finish(1, true), None);
        w.push(3, u32::MAX);
        w.took_over(3); // written in the head
        assert_eq!(w.finish(1, true), None);
        let mut off = pool.writer::<8>(false);
        off.push(1, 0);
        assert_eq!(off.finish(0, true), None);
        let mut late = SlotPool::<8>::new();
        let mut w = late.writer::<8>(true);
        w.push(1, 0);
        assert_eq!(w.finish(UNPOOLED_FROM, true), None);
        // A table too big to keep the signature bits in the tags pools nothing.
        let mut big = SlotPool::<8>::new();
        let mut w = big.writer::<2048>(true);
        w.push(1, 0);
        assert_eq!(w.finish(0, true), None);
    }

    /// Fills a table of `T` slots with many hashes (evicting) and checks
    /// that every resident term sits in its bucket as `in_bucket` sees it.
    fn buckets_agree<const T: usize>() {
        let mut t = TermTable::<T>::new();
        let mut h = 0x1234_5678u32;
        for _ in 0..4 * T {
            h = h.wrapping_mul(0x0019_660d).wrapping_add(0x3c6e_f35f);
            let slot = t.bump_slot(h, |_| {}).unwrap().slot;
            assert!(in_bucket::<T>(h.max(1), slot), "hash {h:#x} in slot {slot} of {T}");
        }
        for (slot, z) in t.slots().iter().enumerate().filter(|(_, z)| z.hash != 0) {
            assert!(in_bucket::<T>(z.hash, slot));
            // And no slot further than WAYS - 1 on.
            assert!(T < 2 * WAYS || !in_bucket::<T>(z.hash, (slot + WAYS) % T));
        }
    }

    #[test]
    fn in_bucket_spreads_as_the_term_table_does() {
        buckets_agree::<8>();
        buckets_agree::<13>();
        buckets_agree::<480>();
        buckets_agree::<1024>();
    }

    #[test]
    fn tags_are_the_top_bits_a_slot_leaves() {
        assert_eq!((slot_bits(8), slot_bits(480), slot_bits(512), slot_bits(65_535)), (3, 9, 9, 16));
        assert_eq!(hash_tag(u32::MAX, 9), 0x7f);
        assert_eq!(hash_tag(u32::MAX, 16), 0);
        assert_eq!(hash_tag(5 << 25, 9), 5);
    }
}
