//! Term statistics in fixed memory.
//!
//! A set-associative heavy-hitter table: a term hashes to a bucket of
//! [`WAYS`] consecutive slots. A new term takes an empty slot of its bucket;
//! when the bucket is full it replaces the slot with the smallest count and
//! inherits that count plus one (the Space-Saving rule), so a term that is
//! really frequent is never pushed out by a stream of rare ones and counts
//! are over-estimated by at most the evicted count. Every operation costs at
//! most [`WAYS`] probes whatever the input size, and evictions are reported.

/// Slots probed per term.
pub const WAYS: usize = 8;

/// Statistics of one term (a stemmed, case-folded word).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// FNV-1a hash of the stem; 0 marks an empty slot.
    pub hash: u32,
    /// Where its first surface form is.
    pub surface: Surface,
    /// Length in bytes of that surface form.
    pub surface_len: u8,
    /// Occurrences seen in the title.
    pub in_title: u8,
    /// Occurrences (Space-Saving estimate after an eviction).
    pub count: u16,
    /// Number of sentences it occurs in.
    pub sentences: u16,
    /// Number of the last body sentence it was counted in (for `sentences`;
    /// sentence numbers as in [`crate::Chosen::index`]).
    pub last_sentence: u16,
    /// Number of the first body sentence it was counted in since it took
    /// its slot (as in [`crate::Chosen::index`], saturating at 65,534;
    /// `u16::MAX`: none yet). After an eviction that is the sentence whose
    /// word took the slot, which the summarizer's slot pool relies on.
    pub first_sentence: u16,
    /// Occurrences written with a capital letter not at a sentence start.
    pub capitalized: u8,
    /// Occurrences as a part of a hyphenated compound (`États` of
    /// `États-Unis`): a term seen mostly so is shown as its compound.
    pub hyphenated: u8,
}

impl Term {
    /// An empty slot: all zero, so that a workspace in a `static` costs no
    /// flash (it goes to `.bss`, not `.data`). Only `hash` is read from an
    /// empty slot.
    pub const EMPTY: Term = Term {
        hash: 0,
        surface: Surface::NONE,
        surface_len: 0,
        in_title: 0,
        count: 0,
        sentences: 0,
        last_sentence: 0,
        first_sentence: 0,
        capitalized: 0,
        hyphenated: 0,
    };

    /// A term just inserted, before its first count: not yet seen in any
    /// sentence.
    pub const FRESH: Term = Term { last_sentence: u16::MAX, first_sentence: u16::MAX, ..Term::EMPTY };
}

impl Term {
    /// Read as a name: written with a capital mid-sentence in more than
    /// half of its occurrences (never in German, whose nouns all have
    /// one: [`crate::Language::capitals_mark_names`], applied as it is
    /// counted).
    pub const fn is_name(&self) -> bool {
        (self.capitalized as u32) * 2 > self.count as u32
    }
}

impl Counted for Term {
    const EMPTY: Term = Term::EMPTY;
    fn fresh(hash: u32, count: u16) -> Self {
        Term { hash, count, ..Term::FRESH }
    }
    fn hash(&self) -> u32 {
        self.hash
    }
    fn count(&self) -> u16 {
        self.count
    }
    fn count_mut(&mut self) -> &mut u16 {
        &mut self.count
    }
}

/// Where a term's or a phrase's first surface form is: a byte offset in
/// the title or in the body. One `u32`, whose top bit says which: only
/// this type sees it. A title must be shorter than 2 GiB
/// ([`Surface::MAX_TITLE_LEN`], which `summarize` checks); a body offset
/// from 2 GiB on would read as a title's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Surface(u32);

impl Surface {
    const IN_TITLE: u32 = 1 << 31;
    /// Titles must be shorter than this (in bytes) for their offsets to fit.
    pub const MAX_TITLE_LEN: usize = 1 << 31;
    /// Offset 0 of the body: what an empty slot holds.
    pub const NONE: Surface = Surface(0);

    /// At byte `offset` of the body.
    pub const fn body(offset: u32) -> Self {
        Surface(offset)
    }

    /// At byte `offset` of the title (below [`Surface::MAX_TITLE_LEN`]).
    pub const fn title(offset: u32) -> Self {
        Surface(offset | Self::IN_TITLE)
    }

    /// In the title.
    pub const fn in_title(self) -> bool {
        self.0 & Self::IN_TITLE != 0
    }

    /// Its byte offset in the title or in the body.
    pub const fn offset(self) -> u32 {
        self.0 & !Self::IN_TITLE
    }

    /// A key in the order of `Ord` (body forms by offset, then title
    /// forms), for packing into a larger ranking key.
    pub(crate) const fn order_key(self) -> u32 {
        self.0
    }
}

/// An entry of a [`CountTable`]: a hash (0 marks an empty slot), a count
/// the table maintains, and whatever statistics its owner keeps beside them.
pub trait Counted: Copy {
    /// An empty slot (`hash` 0).
    const EMPTY: Self;
    /// A new entry for `hash` starting from `count` (the count it inherits
    /// from the entry it evicts, 0 in an empty slot), before its first count.
    fn fresh(hash: u32, count: u16) -> Self;
    /// Its hash; 0 marks an empty slot.
    fn hash(&self) -> u32;
    /// Its occurrence count.
    fn count(&self) -> u16;
    /// Its occurrence count, for the table to increment.
    fn count_mut(&mut self) -> &mut u16;
}

/// Fixed-capacity heavy-hitter table of `N` entries of type `E` (the module
/// documentation gives the rule).
#[derive(Debug, Clone)]
pub struct CountTable<E, const N: usize> {
    slots: [E; N],
    len: usize,
    evicted: u32,
    /// Evictions of entries seen more than once.
    lost: u32,
}

/// The term table: [`Term`] entries, `N` slots.
pub type TermTable<const N: usize> = CountTable<Term, N>;

impl<E: Counted, const N: usize> Default for CountTable<E, N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E: Counted, const N: usize> CountTable<E, N> {
    /// An empty table.
    pub const fn new() -> Self {
        const { assert!(N >= WAYS && N <= u16::MAX as usize, "term capacity must be in WAYS..=65535") };
        CountTable { slots: [E::EMPTY; N], len: 0, evicted: 0, lost: 0 }
    }

    /// Empties the table. Free when it is empty already (slots are only
    /// emptied all at once, so `len` 0 means every slot is
    /// [`Counted::EMPTY`]); otherwise one pass over the slots, writing only
    /// those in use: an article fills a fraction of a large table.
    pub fn clear(&mut self) {
        self.drain(|_| {});
    }

    /// Hands every held entry to `f`, in slot order, and empties the table
    /// as it goes: the summarizer's last reading of its tables (the
    /// keyphrase ranking) also clears them, so the next article's
    /// [`CountTable::clear`] costs nothing.
    pub fn drain(&mut self, mut f: impl FnMut(&E)) {
        if self.len != 0 {
            for s in self.slots.iter_mut() {
                if s.hash() != 0 {
                    f(s);
                    *s = E::EMPTY;
                }
            }
        }
        self.len = 0;
        self.evicted = 0;
        self.lost = 0;
    }

    /// Number of terms held.
    pub const fn len(&self) -> usize {
        self.len
    }

    /// True when no term is held.
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many terms were pushed out to make room (0 means exact counts),
    /// modulo 2^32: counting it wrapping is measurably cheaper on the
    /// per-word path. The summarizer reads only its term table's, and only
    /// to choose a faster path; that table cannot wrap it anyway (one bump
    /// per content word, and an article under 4 GiB has fewer than 2^31
    /// words). [`CountTable::lost`], which sets the summary's flags,
    /// saturates.
    pub const fn evicted(&self) -> u32 {
        self.evicted
    }

    /// How many of the evicted entries had been seen more than once. Losing
    /// an entry seen once costs nothing downstream: it adds no centrality
    /// (no other sentence shares it) and cannot qualify as a keyword.
    pub const fn lost(&self) -> u32 {
        self.lost
    }

    /// The term in slot `i` (an empty slot has `hash` 0). Terms never move
    /// between slots, so a slot index from [`CountTable::bump_slot`] finds its
    /// term again as long as that slot was not replaced since.
    pub fn slot(&self, i: usize) -> Option<&E> {
        self.slots.get(i)
    }

    /// All slots, empty ones included (their `hash` is 0).
    pub fn slots(&self) -> &[E] {
        &self.slots
    }

    /// The first slot of the bucket of `hash` (below `N`): a term of that
    /// hash sits in it or in one of the [`WAYS`] - 1 slots after it,
    /// wrapping at `N`. The slot pool's came-back test reads it too.
    #[inline]
    pub(crate) fn bucket(hash: u32) -> usize {
        // Multiplicative spread then reduce; N need not be a power of two.
        let h = u64::from(hash.wrapping_mul(0x9E37_79B1));
        ((h * N as u64) >> 32) as usize
    }

    /// The slot after `i` in probe order: the next one, wrapping at `N`.
    /// (`i < N`, so one compare replaces a division by `N`.)
    #[inline]
    fn next_slot(i: usize) -> usize {
        let j = i.wrapping_add(1);
        if j >= N { 0 } else { j }
    }

    /// Where `hash` (at least 1) stands in its bucket ([`CountTable::bucket`]).
    /// Terms never leave a slot except by eviction and slots are never
    /// emptied, so a term sits before any empty slot of its probe order:
    /// the first slot holding it or empty ends the search. A full bucket
    /// without it gives its first slot of smallest count, in probe order.
    /// Not inlined: one copy per entry type instead of one per call site,
    /// which costs the boards' flash more than the call costs time.
    #[inline(never)]
    fn probe(&self, hash: u32) -> Probe {
        // Its bucket computed here, where the compiler sees it is below `N`.
        let b = Self::bucket(hash);
        // Most buckets do not wrap at `N`: WAYS slots in a row, read
        // without wrapping or bounds tests.
        let Some(bucket) = self.slots.get(b..).and_then(|s| s.first_chunk::<WAYS>()) else {
            return self.probe_wrapping(b, hash);
        };
        if self.len < N {
            for (k, t) in bucket.iter().enumerate() {
                let h = t.hash();
                if h == hash {
                    return Probe::Held(b.wrapping_add(k));
                }
                if h == 0 {
                    return Probe::Empty(b.wrapping_add(k));
                }
            }
        } else if let Some(k) = bucket.iter().position(|t| t.hash() == hash) {
            // A full table (the phrase table, after its first few hundred
            // words) has no empty slot to stop at: one test a slot.
            return Probe::Held(b.wrapping_add(k));
        }
        let (mut victim, mut least) = (0, u16::MAX);
        for (k, t) in bucket.iter().enumerate() {
            let c = t.count();
            if c < least {
                (victim, least) = (k, c);
                // A held entry counts at least 1: none can be less.
                if c <= 1 {
                    break;
                }
            }
        }
        Probe::Full(b.wrapping_add(victim))
    }

    /// [`CountTable::probe`] for a bucket that wraps past the last slot.
    #[inline(never)]
    fn probe_wrapping(&self, b: usize, hash: u32) -> Probe {
        let (mut victim, mut least) = (b, u16::MAX);
        let mut i = b;
        for _ in 0..WAYS {
            let Some(t) = self.slots.get(i) else { break };
            if t.hash() == hash {
                return Probe::Held(i);
            }
            if t.hash() == 0 {
                return Probe::Empty(i);
            }
            if t.count() < least {
                (victim, least) = (i, t.count());
            }
            i = Self::next_slot(i);
        }
        Probe::Full(victim)
    }

    /// Index of the slot holding `hash`, if present.
    pub fn find(&self, hash: u32) -> Option<usize> {
        let hash = hash.max(1);
        match self.probe(hash) {
            Probe::Held(i) => Some(i),
            Probe::Empty(_) | Probe::Full(_) => None,
        }
    }

    /// The term with `hash`, if present.
    pub fn get(&self, hash: u32) -> Option<&E> {
        self.find(hash).and_then(|i| self.slots.get(i))
    }

    /// The term with `hash`, if present, to change its statistics (the
    /// table's count included: the caller keeps it true).
    pub fn get_mut(&mut self, hash: u32) -> Option<&mut E> {
        self.find(hash).and_then(|i| self.slots.get_mut(i))
    }

    /// Counts one occurrence of `hash`; returns its entry. Inserts (or evicts
    /// the weakest term of the bucket) when absent, calling `init` on the
    /// fresh entry.
    pub fn bump(&mut self, hash: u32, init: impl FnOnce(&mut E)) -> Option<&mut E> {
        self.bump_slot(hash, init).map(|b| b.term)
    }

    /// [`CountTable::bump`], also telling where the term is and whether it
    /// just replaced another term.
    #[inline]
    pub fn bump_slot(&mut self, hash: u32, init: impl FnOnce(&mut E)) -> Option<Bumped<'_, E>> {
        let hash = hash.max(1);
        // (slot, the term is new there, the slot was empty, count it inherits)
        let (i, fresh, was_empty, base) = match self.probe(hash) {
            Probe::Held(i) => (i, false, false, 0),
            Probe::Empty(i) => {
                // At most `N`: it cannot wrap.
                self.len = self.len.wrapping_add(1);
                (i, true, true, 0)
            }
            Probe::Full(victim) => {
                let count = self.slots.get(victim).map_or(0, E::count);
                // Wrapping (see `evicted`): exact, and cheaper than saturating.
                self.evicted = self.evicted.wrapping_add(1);
                if count > 1 {
                    self.lost = self.lost.saturating_add(1);
                }
                (victim, true, false, count)
            }
        };
        let t = self.slots.get_mut(i)?;
        if fresh {
            *t = E::fresh(hash, base);
            init(t);
        }
        *t.count_mut() = t.count().saturating_add(1);
        Some(Bumped { slot: i, replaced: fresh && !was_empty, term: t })
    }
}

/// Where a hash stands in its bucket ([`CountTable::probe`]): a tag and a
/// slot, returned in two registers (the victim's count is read from its
/// slot by the caller, not carried here).
#[derive(Clone, Copy)]
enum Probe {
    /// In this slot.
    Held(usize),
    /// Absent; this slot, the first empty one, may take it.
    Empty(usize),
    /// Absent from a full bucket whose first slot of least count is this one.
    Full(usize),
}

/// What [`CountTable::bump_slot`] did.
#[derive(Debug)]
pub struct Bumped<'t, E = Term> {
    /// Index of the term's slot.
    pub slot: usize,
    /// True if the term took this slot from another term just now (an
    /// eviction); false if it was there already or the slot was empty.
    pub replaced: bool,
    /// The term's entry.
    pub term: &'t mut E,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_finds() {
        let mut t = TermTable::<64>::new();
        for h in [5u32, 7, 5, 5, 9] {
            t.bump(h, |_| {});
        }
        assert_eq!(t.len(), 3);
        assert_eq!(t.get(5).map(|x| x.count), Some(3));
        assert_eq!(t.get(7).map(|x| x.count), Some(1));
        assert!(t.get(11).is_none());
        assert_eq!(t.evicted(), 0);
    }

    #[test]
    fn zero_hash_is_not_an_empty_slot() {
        let mut t = TermTable::<8>::new();
        t.bump(0, |_| {});
        assert_eq!(t.get(0).map(|x| x.count), Some(1));
    }

    #[test]
    fn heavy_hitters_survive_overflow() {
        let mut t = TermTable::<16>::new();
        // A frequent term among thousands of distinct rare ones.
        for i in 0..5000u32 {
            t.bump(1_000_000 + i, |_| {});
            if i % 4 == 0 {
                t.bump(42, |_| {});
            }
        }
        assert!(t.evicted() > 0);
        assert_eq!(t.len(), 16);
        let c = t.get(42).map(|x| x.count).unwrap_or(0);
        assert!(c >= 1250, "heavy hitter count {c}");
    }

    #[test]
    fn evicting_singletons_is_not_a_loss() {
        let mut t = TermTable::<8>::new();
        for h in 1..=8u32 {
            t.bump(h, |_| {});
        }
        t.bump(100, |_| {});
        assert_eq!((t.evicted(), t.lost()), (1, 0));
        // Now every resident has a count of at least 1 and the newcomer 2.
        for h in 200..220u32 {
            t.bump(h, |_| {});
        }
        assert!(t.lost() > 0);
    }

    #[test]
    fn bump_slot_reports_slots_and_replacements() {
        let mut t = TermTable::<8>::new();
        let mut slots = [0usize; 8];
        for (h, s) in slots.iter_mut().enumerate() {
            let b = t.bump_slot(h as u32 + 1, |_| {}).unwrap();
            assert!(!b.replaced);
            *s = b.slot;
        }
        assert_eq!(t.bump_slot(3, |_| {}).map(|b| (b.slot, b.replaced)), Some((slots[2], false)));
        // Every slot is full: a new term replaces one, and the others stay put.
        let b = t.bump_slot(100, |_| {}).unwrap();
        assert!(b.replaced);
        let taken = b.slot;
        for (h, &s) in slots.iter().enumerate() {
            let here = t.slot(s).map(|x| x.hash);
            assert_eq!(here, Some(if s == taken { 100 } else { h as u32 + 1 }));
        }
    }

    #[test]
    fn drain_hands_over_every_entry_once_and_empties() {
        let mut t = TermTable::<16>::new();
        for h in [5u32, 7, 5, 9, 0] {
            t.bump(h, |_| {});
        }
        let mut seen = [0u32; 4];
        let mut n = 0;
        t.drain(|e| {
            if let Some(s) = seen.get_mut(n) {
                *s = e.hash * 10 + u32::from(e.count);
            }
            n += 1;
        });
        seen.sort_unstable();
        // Hash 0 is stored as 1 (0 marks an empty slot).
        assert_eq!((n, seen), (4, [11, 52, 71, 91]));
        assert!(t.is_empty() && t.get(5).is_none() && t.slots().iter().all(|e| e.hash == 0));
        // Nothing is left to hand over, and the table counts afresh.
        t.drain(|_| panic!("empty table"));
        t.bump(5, |_| {});
        assert_eq!(t.get(5).map(|x| x.count), Some(1));
    }

    #[test]
    fn clear_resets() {
        let mut t = TermTable::<8>::new();
        t.bump(3, |_| {});
        t.clear();
        assert!(t.is_empty() && t.get(3).is_none());
    }
}
