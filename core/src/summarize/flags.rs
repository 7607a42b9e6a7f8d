//! What the summarizer had to cut or clamp, as bits of one byte.

#[cfg(doc)]
use super::{MAX_CHOSEN, MAX_KEYWORDS};

/// Flags reporting what the summarizer had to cut or clamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Flags(u8);

impl Flags {
    /// The body had more sentences than the workspace holds; the later
    /// ones were counted for keywords but could not be chosen.
    pub const SENTENCES_TRUNCATED: Flags = Flags(1);
    /// The term table overflowed and a term seen more than once was evicted
    /// (terms seen once are evicted silently: they carry no signal). Frequent
    /// terms stay, with counts that may be over-estimated by a little.
    pub const TERMS_EVICTED: Flags = Flags(2);
    /// The phrase table overflowed and a keyphrase candidate seen more than
    /// once was evicted.
    pub const PHRASES_EVICTED: Flags = Flags(4);
    /// The sentence budget was larger than [`MAX_CHOSEN`] and was clamped.
    pub const BUDGET_CLAMPED: Flags = Flags(8);
    /// More keywords were asked for than [`MAX_KEYWORDS`]; clamped.
    pub const KEYWORDS_CLAMPED: Flags = Flags(16);

    /// Every flag with its name, in bit order: the one home of the flag
    /// names. Reports (the CLI's `flags` lists, logs) show these names, so a
    /// new flag is named here beside its constant and nowhere else.
    ///
    /// ```
    /// use epitome::Flags;
    /// let set = Flags::from_bits(Flags::TERMS_EVICTED.bits() | Flags::KEYWORDS_CLAMPED.bits());
    /// let names: Vec<&str> = Flags::NAMES.iter().filter(|(_, f)| set.contains(*f)).map(|(n, _)| *n).collect();
    /// assert_eq!(names, ["terms_evicted", "keywords_clamped"]);
    /// ```
    pub const NAMES: [(&'static str, Flags); 5] = [
        ("sentences_truncated", Flags::SENTENCES_TRUNCATED),
        ("terms_evicted", Flags::TERMS_EVICTED),
        ("phrases_evicted", Flags::PHRASES_EVICTED),
        ("budget_clamped", Flags::BUDGET_CLAMPED),
        ("keywords_clamped", Flags::KEYWORDS_CLAMPED),
    ];

    /// No flags.
    pub const fn empty() -> Self {
        Flags(0)
    }
    /// The raw bits.
    pub const fn bits(self) -> u8 {
        self.0
    }
    /// Flags from raw bits (unknown bits are kept).
    pub const fn from_bits(bits: u8) -> Self {
        Flags(bits)
    }
    /// True if every flag in `other` is set.
    pub const fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }
    /// True if no flag is set.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub(super) fn insert(&mut self, other: Flags) {
        self.0 |= other.0;
    }
}

#[cfg(test)]
mod tests {
    use super::Flags;

    #[test]
    fn names_are_distinct_and_each_names_one_bit_in_order() {
        let mut seen = 0u8;
        let mut last = 0u8;
        for (i, (name, flag)) in Flags::NAMES.iter().enumerate() {
            assert_eq!(flag.bits().count_ones(), 1, "{name}");
            assert!(flag.bits() > last, "{name} out of bit order");
            last = flag.bits();
            seen |= flag.bits();
            assert!(Flags::NAMES.iter().skip(i + 1).all(|(n, _)| n != name), "{name} twice");
            assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{name}");
        }
        assert_eq!(seen.count_ones() as usize, Flags::NAMES.len());
    }
}
