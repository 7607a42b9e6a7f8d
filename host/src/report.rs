//! JSON views of the core's results, shared by every command that prints
//! them (`summarize`, `keywords`, `digest`), and the names of its flags.

use epitome::{Flags, Keyword, Summary};
use serde::Serialize;
use serde_json::Value;

use crate::input::InputArticle;

/// JSON view of one article's summary.
#[derive(Debug, Serialize)]
pub struct ArticleReport<'a> {
    /// The input's id ([`InputArticle::id`]).
    pub id: &'a Value,
    /// Where the article came from.
    pub origin: &'a str,
    /// Its title.
    pub title: &'a str,
    /// The language it was read in (ISO 639-1: `"en"`, `"fr"`…), given
    /// by `--language` or detected.
    pub language: &'static str,
    /// Keyphrases, best first.
    pub keywords: Vec<KeywordReport<'a>>,
    /// Chosen sentences in text order.
    pub sentences: Vec<SentenceReport<'a>>,
    /// Names of the flags raised ([`flag_names`]).
    pub flags: Vec<String>,
}

/// JSON view of one article's keyphrases.
#[derive(Debug, Serialize)]
pub struct KeywordsReport<'a> {
    /// The input's id ([`InputArticle::id`]).
    pub id: &'a Value,
    /// Where the article came from.
    pub origin: &'a str,
    /// The language it was read in ([`ArticleReport::language`]).
    pub language: &'static str,
    /// Keyphrases, best first.
    pub keywords: Vec<KeywordReport<'a>>,
}

/// JSON view of a keyphrase.
#[derive(Debug, Serialize)]
pub struct KeywordReport<'a> {
    /// Surface text.
    pub text: &'a str,
    /// Score, 1000 = best.
    pub score: u32,
}

/// JSON view of a chosen sentence.
#[derive(Debug, Serialize)]
pub struct SentenceReport<'a> {
    /// The sentence, as in the body.
    pub text: &'a str,
    /// The sentence as a reader is shown it, present only when it differs
    /// from `text`: with the quotation marks it lacks (see [`shown`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shown: Option<String>,
    /// Byte offset in the body.
    pub start: u32,
    /// End byte offset in the body.
    pub end: u32,
    /// Score, 1000 = best.
    pub score: u32,
}

/// `text` as a reader is shown it when that differs from `text`: a
/// sentence that opens a quotation and leaves it open (news re-opens each
/// paragraph of a long quotation) is shown closed, and one that closes a
/// quotation it did not open is shown opened ([`epitome::segment::Shown`]).
pub fn shown(text: &str) -> Option<String> {
    let s = epitome::segment::Shown::new(text);
    (!s.marks.is_empty()).then(|| s.to_string())
}

/// The views of keyphrases.
pub fn keywords<'a>(kws: &[Keyword<'a>]) -> Vec<KeywordReport<'a>> {
    kws.iter().map(|k| KeywordReport { text: k.text, score: k.score }).collect()
}

/// The JSON view of an article's summary.
pub fn article<'a>(a: &'a InputArticle, s: &Summary<'a>) -> ArticleReport<'a> {
    ArticleReport {
        id: &a.id,
        origin: &a.origin,
        title: &a.title,
        language: s.language().code(),
        keywords: keywords(&s.keywords),
        sentences: s
            .sentences
            .iter()
            .map(|c| SentenceReport {
                text: c.text,
                shown: shown(c.text),
                start: c.span.start,
                end: c.span.end,
                score: c.score,
            })
            .collect(),
        flags: flag_names(s.flags),
    }
}

/// Names of the flags set in `f`, from the core's [`Flags::NAMES`] (the one
/// home of the names, `sentences_truncated`); a bit the core sets but does
/// not name shows as `bit_N` rather than being lost.
///
/// ```
/// use epitome::Flags;
/// use epitome_host::report::flag_names;
/// let f = Flags::from_bits(Flags::TERMS_EVICTED.bits() | Flags::KEYWORDS_CLAMPED.bits() | 0x80);
/// assert_eq!(flag_names(f), ["terms_evicted", "keywords_clamped", "bit_7"]);
/// ```
pub fn flag_names(f: Flags) -> Vec<String> {
    let mut names = Vec::new();
    let mut known = 0u8;
    for (name, flag) in Flags::NAMES {
        known |= flag.bits();
        if f.contains(flag) {
            names.push(name.to_string());
        }
    }
    for bit in 0..8 {
        if f.bits() & !known & (1 << bit) != 0 {
            names.push(format!("bit_{bit}"));
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_differs_only_when_marks_are_missing() {
        assert_eq!(
            shown("Wenger said: \"We are still in the tie."),
            Some("Wenger said: \"We are still in the tie.\"".into())
        );
        assert_eq!(
            shown("We are still in the tie,\u{201d} he said."),
            Some("\u{201c}We are still in the tie,\u{201d} he said.".into())
        );
        assert_eq!(shown("\"We are still in the tie,\" he said."), None);
    }

    #[test]
    fn every_named_flag_is_listed_and_unknown_bits_are_kept() {
        assert!(flag_names(Flags::empty()).is_empty());
        assert_eq!(flag_names(Flags::SENTENCES_TRUNCATED), ["sentences_truncated"]);
        let all = Flags::NAMES.iter().fold(0u8, |b, (_, f)| b | f.bits());
        assert_eq!(flag_names(Flags::from_bits(all)).len(), Flags::NAMES.len());
        assert_eq!(flag_names(Flags::from_bits(0x80)), ["bit_7"]);
    }
}
