//! The languages the core reads: which one an article is in, chosen by the
//! caller or detected from the text.
//!
//! Everything that differs between languages lives under this module, one
//! home per rule: the stopword lists (one table for all, each word marked
//! with the languages it is a function word of), the light stemmers, and
//! detection (stopword hits per language, counted in the counting pass).

pub mod detect;
mod set;
pub mod stem;
pub(crate) mod stopword_lists;

pub use set::LanguageSet;

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

    /// The language of a BCP 47 tag, by its primary subtag in any case
    /// (`"fr"`, `"fr-CA"`, `"PT_br"`: as an article's `lang` field may
    /// give it); `None` for any other tag, or an empty one.
    ///
    /// ```
    /// use epitome::Language;
    /// assert_eq!(Language::from_tag("de-AT"), Some(Language::German));
    /// assert_eq!(Language::from_tag("EN"), Some(Language::English));
    /// assert_eq!(Language::from_tag("ja"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        Language::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(primary))
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

impl Language {
    /// Bit of this language in a stopword mask ([`crate::stopwords::stop_mask`]).
    pub const fn bit(self) -> u8 {
        1 << self as u8
    }

    /// True if a capital letter mid-sentence marks a name in this
    /// language: not in German, which capitalizes every noun.
    pub const fn capitals_mark_names(self) -> bool {
        !matches!(self, Language::German)
    }
}

/// Elided articles, pronouns and conjunctions before an apostrophe
/// (`l'équipage`, `qu'il`, `dell'anno`), with the languages that elide
/// them: French and Italian grammar, not a frequency list.
const ELIDED: [(&[u8], u8); 28] = {
    const FR: u8 = Language::French.bit();
    const IT: u8 = Language::Italian.bit();
    [
        (b"all", IT),
        (b"anch", IT),
        (b"c", FR | IT),
        (b"com", IT),
        (b"d", FR | IT),
        (b"dall", IT),
        (b"dell", IT),
        (b"dov", IT),
        (b"j", FR),
        (b"jusqu", FR),
        (b"l", FR | IT),
        (b"lorsqu", FR),
        (b"m", FR),
        (b"n", FR),
        (b"nell", IT),
        (b"nessun", IT),
        (b"presqu", FR),
        (b"puisqu", FR),
        (b"qu", FR),
        (b"quand", IT),
        (b"quell", IT),
        (b"quest", IT),
        (b"quoiqu", FR),
        (b"s", FR),
        (b"sull", IT),
        (b"t", FR),
        (b"tutt", IT),
        (b"un", IT),
    ]
};

/// The elided word that starts the folded word `folded` (`l'` of
/// `l'équipage`): its length in bytes with the apostrophe, and the mask of
/// the languages that elide it ([`Language::bit`]); `(0, 0)` if there is
/// none or fewer than two letters follow the apostrophe (`n't` of the
/// English `can't` split as `ca n't` is no elided `ne`).
///
/// ```
/// use epitome::{Language, lang::elided};
/// assert_eq!(elided("l'équipage".as_bytes()), (2, Language::French.bit() | Language::Italian.bit()));
/// assert_eq!(elided(b"jusqu'ici").0, 6);
/// assert_eq!(elided(b"don't"), (0, 0));
/// assert_eq!(elided(b"l'"), (0, 0));
/// ```
pub fn elided(folded: &[u8]) -> (usize, u8) {
    let Some(at) = folded.iter().take(7).position(|&b| b == b'\'') else {
        return (0, 0);
    };
    if folded.len() <= at.saturating_add(2) {
        return (0, 0);
    }
    let prefix = folded.get(..at).unwrap_or(&[]);
    match ELIDED.binary_search_by(|(w, _)| w.cmp(&prefix)) {
        Ok(i) => (at.saturating_add(1), ELIDED.get(i).map_or(0, |e| e.1)),
        Err(_) => (0, 0),
    }
}

/// How many bytes of the source text an elided word of `folded_len`
/// folded bytes ([`elided`]) takes at the start of `source`: the same,
/// except for a typographic apostrophe (`’`, three bytes for the fold's one).
pub fn elided_in_source(source: &[u8], folded_len: usize) -> usize {
    let apostrophe = folded_len.saturating_sub(1);
    match source.get(apostrophe) {
        Some(b'\'') | None => folded_len,
        Some(_) => folded_len.saturating_add(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elisions() {
        assert!(ELIDED.windows(2).all(|w| w[0].0 < w[1].0));
        let fr = Language::French.bit();
        for (w, n) in [("l'équipage", 2), ("d'ormesson", 2), ("qu'il", 3), ("lorsqu'on", 7), ("c'est", 2)] {
            let (got, mask) = elided(w.as_bytes());
            assert_eq!(got, n, "{w}");
            assert_ne!(mask & fr, 0, "{w}");
        }
        for w in ["o'brien", "don't", "it's", "aujourd'hui", "'s", "", "l", "quelqu'un", "n't", "l'a"] {
            assert_eq!(elided(w.as_bytes()), (0, 0), "{w}");
        }
        assert_eq!(elided("dell'anno".as_bytes()), (5, Language::Italian.bit()));
        // Italian: articles, prepositions, adverbs and pronouns elided
        // before a vowel.
        let it = Language::Italian.bit();
        for (w, n) in [("un'amica", 3), ("nell'italia", 5), ("nessun'altra", 7), ("dov'è", 4), ("com'era", 4)] {
            assert_eq!(elided(w.as_bytes()), (n, it), "{w}");
        }
        assert_eq!(elided("anch'io".as_bytes()), (5, it));
        assert_eq!(elided("tutt'altro".as_bytes()), (5, it));
        assert_eq!(elided("quand'è".as_bytes()).1, it);
        assert_eq!(elided("presqu'île".as_bytes()), (7, fr));
        // A saint's name keeps its `Sant'`; an English `com'` is no word.
        for w in ["sant'angelo", "sant'anna", "po'", "un'", "ne'er"] {
            assert_eq!(elided(w.as_bytes()), (0, 0), "{w}");
        }
        assert_eq!(elided_in_source("L’équipe".as_bytes(), 2), 4);
        assert_eq!(elided_in_source(b"l'equipe", 2), 2);
    }

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
        for (tag, want) in
            [("fr-FR", Some(Language::French)), ("Nl", Some(Language::Dutch)), ("pt_BR", Some(Language::Portuguese))]
        {
            assert_eq!(Language::from_tag(tag), want, "{tag:?}");
        }
        for bad in ["", "-", "und", "eng", "f", "x-en", "ja-JP"] {
            assert_eq!(Language::from_tag(bad), None, "{bad:?}");
        }
    }
}
