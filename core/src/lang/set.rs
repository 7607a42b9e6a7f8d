//! Sets of languages: those a build carries, those a board announces in
//! its `Hello`, those detection may choose from ([`crate::Options::languages`]).

use core::fmt;

use super::{COMPILED, Language};

/// A set of [`Language`]s, one bit each (bit [`Language::index`]): small,
/// `Copy` and `const`, so that a board states its languages as one
/// constant that its firmware and the host's prediction of it both read.
///
/// It travels on the wire in a board's `Hello` as its bits (a `u32`, room
/// for 32 languages); bits of languages this build does not know are kept,
/// so a newer peer's set survives a round trip, and
/// [`LanguageSet::contains`] and [`LanguageSet::iter`] see only the
/// languages known here.
///
/// ```
/// use epitome::{Language, LanguageSet};
/// let small = LanguageSet::of(&[Language::English, Language::French]);
/// assert!(small.contains(Language::French));
/// assert!(!small.contains(Language::German));
/// assert_eq!(small.to_string(), "en fr");
/// assert!(LanguageSet::COMPILED.contains(Language::English));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct LanguageSet(u32);

impl LanguageSet {
    /// No language.
    pub const EMPTY: LanguageSet = LanguageSet(0);

    /// Every language the core knows ([`Language::ALL`]), compiled in or not.
    pub const ALL: LanguageSet = LanguageSet::of(&Language::ALL);

    /// The languages this build carries (their Cargo features are on;
    /// English always): [`Language::is_compiled`].
    pub const COMPILED: LanguageSet = LanguageSet(COMPILED as u32);

    /// The set of `languages`.
    pub const fn of(languages: &[Language]) -> LanguageSet {
        let mut set = LanguageSet::EMPTY;
        let mut i = 0;
        while i < languages.len() {
            set = set.with(languages[i]);
            i += 1;
        }
        set
    }

    /// This set and `language`.
    pub const fn with(self, language: Language) -> LanguageSet {
        LanguageSet(self.0 | 1 << language.index())
    }

    /// True if `language` is in the set.
    pub const fn contains(self, language: Language) -> bool {
        self.0 & 1 << language.index() != 0
    }

    /// The languages in both sets.
    pub const fn intersection(self, other: LanguageSet) -> LanguageSet {
        LanguageSet(self.0 & other.0)
    }

    /// True if every language of this set is in `other`.
    pub const fn is_subset(self, other: LanguageSet) -> bool {
        self.0 & !other.0 == 0
    }

    /// Its bits: bit [`Language::index`] for each language (how the wire
    /// carries it).
    pub const fn bits(self) -> u32 {
        self.0
    }

    /// The set with bits `bits`, all kept (see the type's docs).
    pub const fn from_bits(bits: u32) -> LanguageSet {
        LanguageSet(bits)
    }

    /// The set as a stopword mask ([`Language::bit`]): the known languages' bits.
    pub(crate) const fn stop_mask(self) -> u8 {
        (self.0 & LanguageSet::ALL.0) as u8
    }

    /// The known languages in the set, in [`Language::ALL`]'s order.
    pub fn iter(self) -> impl Iterator<Item = Language> {
        Language::ALL.into_iter().filter(move |&l| self.contains(l))
    }
}

/// The languages' codes, separated by spaces (`en fr de`); `-` for none.
impl fmt::Display for LanguageSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for l in self.iter() {
            if !first {
                f.write_str(" ")?;
            }
            f.write_str(l.code())?;
            first = false;
        }
        if first { f.write_str("-") } else { Ok(()) }
    }
}

/// As [`fmt::Display`] does, for a board's log.
#[cfg(feature = "defmt")]
impl defmt::Format for LanguageSet {
    fn format(&self, f: defmt::Formatter<'_>) {
        for (i, l) in self.iter().enumerate() {
            defmt::write!(f, "{=str}{=str}", if i == 0 { "" } else { " " }, l.code());
        }
        if self.iter().next().is_none() {
            defmt::write!(f, "-");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_hold_what_was_put_in() {
        let en_fr = LanguageSet::of(&[Language::English, Language::French]);
        assert_eq!(en_fr.bits(), 0b11);
        assert_eq!(en_fr, LanguageSet::EMPTY.with(Language::French).with(Language::English));
        assert_eq!(en_fr.iter().collect::<heapless::Vec<_, 7>>(), [Language::English, Language::French]);
        for l in Language::ALL {
            assert_eq!(en_fr.contains(l), matches!(l, Language::English | Language::French), "{l:?}");
            assert!(LanguageSet::ALL.contains(l));
            assert!(!LanguageSet::EMPTY.contains(l));
            assert_eq!(LanguageSet::COMPILED.contains(l), l.is_compiled());
        }
        assert_eq!(LanguageSet::ALL.iter().count(), Language::ALL.len());
        assert!(en_fr.is_subset(LanguageSet::ALL));
        assert!(LanguageSet::EMPTY.is_subset(en_fr));
        assert!(!LanguageSet::ALL.is_subset(en_fr));
        assert_eq!(LanguageSet::ALL.intersection(en_fr), en_fr);
        assert!(LanguageSet::COMPILED.contains(Language::English));
    }

    #[test]
    fn unknown_bits_are_kept_but_not_listed() {
        let future = LanguageSet::from_bits(1 << 31 | 1);
        assert_eq!(future.bits(), 1 << 31 | 1);
        assert_eq!(future.iter().count(), 1);
        assert_eq!(future.stop_mask(), 1);
        assert!(!future.is_subset(LanguageSet::ALL));
    }

    #[test]
    fn displays_codes() {
        use core::fmt::Write;
        let mut s = heapless::String::<32>::new();
        write!(s, "{}", LanguageSet::ALL).unwrap();
        assert_eq!(s, "en fr de es it pt nl");
        s.clear();
        write!(s, "{}", LanguageSet::EMPTY).unwrap();
        assert_eq!(s, "-");
    }
}
