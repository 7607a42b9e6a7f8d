//! The heavy-hitter table (`epitome::terms::CountTable`) against a
//! straightforward model of its rule, step by step: same slots, counts,
//! evictions and losses after every bump, so a faster probe can never
//! change which term a full bucket gives up or where a term lives.

use epitome::terms::{TermTable, WAYS};
use proptest::prelude::*;

/// The rule, written plainly: a term's bucket is `WAYS` slots from
/// `bucket(hash)`, wrapping at the end of the table. It is counted in the
/// first of them that holds it or is empty; in a full bucket without it,
/// it replaces the first slot of least count and inherits that count.
struct Model {
    slots: Vec<(u32, u16)>,
    evicted: u32,
    lost: u32,
}

impl Model {
    fn new(n: usize) -> Self {
        Model { slots: vec![(0, 0); n], evicted: 0, lost: 0 }
    }

    /// The table's bucket function: `hash * golden ratio`, scaled to `n`.
    fn bucket(&self, hash: u32) -> usize {
        ((u64::from(hash.wrapping_mul(0x9E37_79B1)) * self.slots.len() as u64) >> 32) as usize
    }

    /// Bumps `hash`; returns (slot, replaced another term).
    fn bump(&mut self, hash: u32) -> (usize, bool) {
        let hash = hash.max(1);
        let n = self.slots.len();
        let probe: Vec<usize> = (0..WAYS).map(|k| (self.bucket(hash) + k) % n).collect();
        let (slot, replaced) = match probe.iter().find(|&&i| self.slots[i].0 == hash || self.slots[i].0 == 0) {
            Some(&i) => (i, false),
            None => {
                let least = probe.iter().map(|&i| self.slots[i].1).min().unwrap();
                let i = *probe.iter().find(|&&i| self.slots[i].1 == least).unwrap();
                self.evicted += 1;
                if least > 1 {
                    self.lost += 1;
                }
                self.slots[i] = (hash, least);
                (i, true)
            }
        };
        self.slots[slot].0 = hash;
        self.slots[slot].1 = self.slots[slot].1.saturating_add(1);
        (slot, replaced)
    }
}

/// Bumps `stream` into a table of `N` slots and into the model, comparing
/// after every step; also checks `find` for every hash of the stream.
fn check<const N: usize>(stream: &[u32]) -> Result<(), TestCaseError> {
    let mut table = TermTable::<N>::new();
    let mut model = Model::new(N);
    for &h in stream {
        let b = table.bump_slot(h, |_| {}).map(|b| (b.slot, b.replaced));
        prop_assert_eq!(b, Some(model.bump(h)));
        prop_assert_eq!((table.evicted(), table.lost()), (model.evicted, model.lost));
    }
    let slots: Vec<(u32, u16)> = table.slots().iter().map(|t| (t.hash, t.count)).collect();
    prop_assert_eq!(&slots, &model.slots);
    prop_assert_eq!(table.len(), model.slots.iter().filter(|s| s.0 != 0).count());
    for &h in stream {
        let want = model.slots.iter().position(|s| s.0 == h.max(1));
        prop_assert_eq!(table.find(h), want);
    }
    // Emptied, the table starts over exactly as a new one.
    table.clear();
    prop_assert!(table.is_empty() && table.evicted() == 0 && table.lost() == 0);
    prop_assert!(table.slots().iter().all(|t| *t == epitome::terms::Term::EMPTY));
    Ok(())
}

/// Hashes from a few values (repeats, so counts grow and ties happen),
/// from anywhere (buckets wrap at the table's end), and 0 and 1 (filed
/// together).
fn stream() -> impl Strategy<Value = Vec<u32>> {
    let hash = prop_oneof![
        4 => (0u32..40).prop_map(|k| k.wrapping_mul(0x9E37_79B9) ^ (k << 7)),
        2 => any::<u32>(),
        1 => 0u32..2,
        1 => (0u32..12).prop_map(|k| u32::MAX - k),
    ];
    proptest::collection::vec(hash, 0..700)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn small_table_follows_the_model(stream in stream()) {
        check::<8>(&stream)?;
    }

    #[test]
    fn table_of_odd_size_follows_the_model(stream in stream()) {
        check::<29>(&stream)?;
    }

    #[test]
    fn workspace_sizes_follow_the_model(stream in stream()) {
        check::<96>(&stream)?;
        check::<480>(&stream)?;
    }
}

/// Counts saturate at `u16::MAX`; a full bucket of saturated terms gives
/// up its first slot, as the model says.
#[test]
fn saturated_counts_follow_the_model() {
    let mut stream = Vec::new();
    for h in 1..=8u32 {
        stream.extend(std::iter::repeat_n(h, 70_000));
    }
    stream.extend([100, 101, 3, 102]);
    let mut table = TermTable::<8>::new();
    let mut model = Model::new(8);
    for &h in &stream {
        let b = table.bump_slot(h, |_| {}).map(|b| (b.slot, b.replaced));
        assert_eq!(b, Some(model.bump(h)));
    }
    let slots: Vec<(u32, u16)> = table.slots().iter().map(|t| (t.hash, t.count)).collect();
    assert_eq!(slots, model.slots);
    assert_eq!((table.evicted(), table.lost()), (model.evicted, model.lost));
}
