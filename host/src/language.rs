//! `--language auto|en|fr|de|es|it|pt|nl`: the language the core
//! summarizes in, and the scoring protocol the evaluators follow for it.
//!
//! Until the core's language interface lands (issue 26: `epitome::Language`
//! and `LanguageChoice`), the two types below stand in for it with the
//! same names and methods, so that the host's uses of them do not change
//! when they are replaced by `pub use epitome::{Language, LanguageChoice}`.

/// A language the core knows (stand-in for `epitome::Language`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    /// `en`.
    English,
    /// `fr`.
    French,
    /// `de`.
    German,
    /// `es`.
    Spanish,
    /// `it`.
    Italian,
    /// `pt`.
    Portuguese,
    /// `nl`.
    Dutch,
}

impl Language {
    /// Every language, English first.
    pub const ALL: [Language; 7] = [
        Language::English,
        Language::French,
        Language::German,
        Language::Spanish,
        Language::Italian,
        Language::Portuguese,
        Language::Dutch,
    ];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
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

    /// The language of an ISO 639-1 code.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// Which language to summarize in (stand-in for `epitome::LanguageChoice`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LanguageChoice {
    /// Detected from the text.
    #[default]
    Auto,
    /// This one.
    Only(Language),
}

/// Parses a `--language` value: `auto` or a language code.
///
/// ```
/// use epitome_host::language::{parse, Language, LanguageChoice};
/// assert_eq!(parse("auto"), Ok(LanguageChoice::Auto));
/// assert_eq!(parse("fr"), Ok(LanguageChoice::Only(Language::French)));
/// assert!(parse("xx").unwrap_err().contains("auto, en, fr"));
/// ```
pub fn parse(value: &str) -> Result<LanguageChoice, String> {
    if value == "auto" {
        return Ok(LanguageChoice::Auto);
    }
    Language::from_code(value).map(LanguageChoice::Only).ok_or_else(|| {
        let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
        format!("unknown language {value:?}: expected auto, {}", codes.join(", "))
    })
}
