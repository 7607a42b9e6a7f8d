//! `--language auto|en|fr|de|es|it|pt|nl`: the core's [`LanguageChoice`]
//! from the command line, and the language a whole data set is in.

pub use epitome::{Language, LanguageChoice};

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

/// The language most of a data set's articles were read in (the
/// detected languages' counts, one per article); English on a tie or when
/// empty, as the core falls back to English.
///
/// ```
/// use epitome_host::language::{majority, Language};
/// assert_eq!(majority(&[Language::French, Language::English, Language::French]), Language::French);
/// assert_eq!(majority(&[]), Language::English);
/// ```
pub fn majority(languages: &[Language]) -> Language {
    let mut counts = [0usize; Language::ALL.len()];
    for l in languages {
        counts[l.index()] += 1;
    }
    // `max_by_key` keeps the last maximum: scan from the end so English,
    // first in `ALL`, wins ties.
    Language::ALL.into_iter().rev().max_by_key(|l| counts[l.index()]).unwrap_or(Language::English)
}
