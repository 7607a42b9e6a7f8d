//! The languages the core reads: which one an article is in, chosen by the
//! caller or detected from the text.
//!
//! Everything that differs between languages lives under this module, one
//! home per rule: the stopword lists (one table for all, each word marked
//! with the languages it is a function word of), the light stemmers, and
//! detection (stopword hits per language, counted in the counting pass).

pub mod detect;
pub mod stem;
pub(crate) mod stopword_lists;

/// A language the core can summarize. English is always compiled in; each
/// other language has a Cargo feature of the same ISO 639-1 code (`fr`,
/// `de`, …; `all-languages` for all), and a language whose feature is off
/// is never detected, and is read as English when asked for.
///
/// ```
/// use epitome::Language;
/// assert_eq!(Language::French.code(), "fr");
/// assert_eq!(Language::from_code("de"), Some(Language::German));
/// assert_eq!(Language::from_code("xx"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[repr(u8)]
pub enum Language {
    /// English (`en`), the fallback when nothing else is clear.
    #[default]
    English = 0,
    /// French (`fr`).
    French = 1,
    /// German (`de`).
    German = 2,
    /// Spanish (`es`).
    Spanish = 3,
    /// Italian (`it`).
    Italian = 4,
    /// Portuguese (`pt`).
    Portuguese = 5,
    /// Dutch (`nl`).
    Dutch = 6,
}

impl Language {
    /// Every language the core knows, in the order of their index
    /// ([`Language::index`]), whether compiled in or not.
    pub const ALL: [Language; 7] = [
        Language::English,
        Language::French,
        Language::German,
        Language::Spanish,
        Language::Italian,
        Language::Portuguese,
        Language::Dutch,
    ];

    /// Its ISO 639-1 code (`"en"`, `"fr"`, …).
    pub const fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
            Language::German => "de",
            Language::Spanish => "es",
            Language::Italian => "it",
            Language::Portuguese => "pt",
            Language::Dutch => "nl",
        }
    }

    /// The language with ISO 639-1 code `code` (lower case, as
    /// [`Language::code`] gives it), compiled in or not; `None` for any
    /// other string.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Its position in [`Language::ALL`] (English 0): the bit of its
    /// stopwords in a language mask.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The language at position `i` of [`Language::ALL`].
    pub const fn from_index(i: usize) -> Option<Language> {
        if i < Language::ALL.len() { Some(Language::ALL[i]) } else { None }
    }

    /// True if this build carries the language (its Cargo feature is on;
    /// English always).
    pub const fn is_compiled(self) -> bool {
        COMPILED & (1 << self as u8) != 0
    }
}

/// Bit `i` set when [`Language::ALL`]`[i]` is compiled in.
pub(crate) const COMPILED: u8 = 1
    | (cfg!(feature = "fr") as u8) << 1
    | (cfg!(feature = "de") as u8) << 2
    | (cfg!(feature = "es") as u8) << 3
    | (cfg!(feature = "it") as u8) << 4
    | (cfg!(feature = "pt") as u8) << 5
    | (cfg!(feature = "nl") as u8) << 6;

/// Which language to read an article in ([`crate::Options::language`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum LanguageChoice {
    /// Detect it from the article (stopword hits per compiled-in language,
    /// counted while reading); English when nothing else is clear.
    #[default]
    Auto,
    /// This language (English if it is not compiled in).
    Only(Language),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for (i, l) in Language::ALL.into_iter().enumerate() {
            assert_eq!(Language::from_code(l.code()), Some(l));
            assert_eq!(l.index(), i);
            assert_eq!(Language::from_index(i), Some(l));
        }
        assert_eq!(Language::from_index(Language::ALL.len()), None);
        for bad in ["", "EN", "eng", "x", "fr "] {
            assert_eq!(Language::from_code(bad), None, "{bad:?}");
        }
        assert!(Language::English.is_compiled());
        assert_eq!(LanguageChoice::default(), LanguageChoice::Auto);
    }
}
