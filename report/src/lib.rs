//! The records Epitome's front ends show of the core's results: the JSON
//! the `epitome` CLI prints (`summarize --json/--jsonl`, `keywords`,
//! `sentences --json`) and the objects the Python package returns are both
//! built here, so that a field, its name and its units live in one place.
//!
//! Beside the records, [`idf_file`] holds the one rule every front end
//! reads IDF table files by (the core's table and its checksum).
//!
//! Each record borrows from the article text and is made from the core's
//! own result ([`SummaryReport::new`] from a [`Summary`], [`UnitReport::new`]
//! from a segmenter [`Unit`]). Serialized with serde, a record gives exactly
//! the CLI's JSON for it.
//!
//! ```
//! use epitome::{DefaultSummarizer, Options};
//! use epitome_report::SummaryReport;
//! let body = "The council approved the harbour bridge on Monday. Work starts in May.";
//! let mut s = DefaultSummarizer::new();
//! let summary = s.summarize("Bridge approved", body, &Options::default())?;
//! let report = SummaryReport::new(&summary);
//! assert_eq!(report.sentences[0].text, "The council approved the harbour bridge on Monday.");
//! assert_eq!((report.sentences[0].start, report.sentences[0].end), (0, 50));
//! assert!(report.flags.is_empty());
//! assert_eq!(report.language, "en");
//! # Ok::<(), epitome::Error>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod idf_file;

use epitome::lang::detect::{Detector, detect};
use epitome::segment::{Unit, UnitKind};
use epitome::{Chosen, Flags, Keyword, Language, LanguageChoice, Summary};
use serde::Serialize;

/// What the core reports of one article's summary: the language it was
/// read in, its keyphrases, chosen sentences and flags (the CLI adds the
/// input's id, origin and title).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SummaryReport<'a> {
    /// The language the article was read in (ISO 639-1: `"en"`, `"fr"`…),
    /// as the options chose it or detected ([`Summary::language`]).
    pub language: &'static str,
    /// Keyphrases, best first.
    pub keywords: Vec<KeywordReport<'a>>,
    /// Chosen sentences in text order.
    pub sentences: Vec<SentenceReport<'a>>,
    /// Names of the flags raised ([`flag_names`]).
    pub flags: Vec<String>,
}

impl<'a> SummaryReport<'a> {
    /// The record of a core summary.
    pub fn new(s: &Summary<'a>) -> Self {
        SummaryReport {
            language: s.language().code(),
            keywords: keywords(&s.keywords),
            sentences: s.sentences.iter().map(SentenceReport::new).collect(),
            flags: flag_names(s.flags),
        }
    }
}

/// A keyphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct KeywordReport<'a> {
    /// Surface text.
    pub text: &'a str,
    /// Score, 1000 = best.
    pub score: u32,
}

/// A chosen sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SentenceReport<'a> {
    /// The sentence, as in the body.
    pub text: &'a str,
    /// The sentence as a reader is shown it, present only when it differs
    /// from `text`: with the quotation marks it lacks (see [`shown`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shown: Option<String>,
    /// Byte offset in the body (UTF-8).
    pub start: u32,
    /// End byte offset in the body, exclusive.
    pub end: u32,
    /// Score, 1000 = best.
    pub score: u32,
}

impl<'a> SentenceReport<'a> {
    /// The record of a chosen sentence.
    pub fn new(c: &Chosen<'a>) -> Self {
        SentenceReport { text: c.text, shown: shown(c.text), start: c.span.start, end: c.span.end, score: c.score }
    }
}

/// `text` as a reader is shown it when that differs from `text`: a
/// sentence that opens a quotation and leaves it open (news re-opens each
/// paragraph of a long quotation) is shown closed, and one that closes a
/// quotation it did not open is shown opened ([`epitome::segment::Shown`]).
pub fn shown(text: &str) -> Option<String> {
    let s = epitome::segment::Shown::new(text);
    (!s.marks.is_empty()).then(|| s.to_string())
}

/// The records of keyphrases.
pub fn keywords<'a>(kws: &[Keyword<'a>]) -> Vec<KeywordReport<'a>> {
    kws.iter().map(|k| KeywordReport { text: k.text, score: k.score }).collect()
}

/// Names of the flags set in `f`, from the core's [`Flags::NAMES`] (the one
/// home of the names, `sentences_truncated`); a bit the core sets but does
/// not name shows as `bit_N` rather than being lost.
///
/// ```
/// use epitome::Flags;
/// use epitome_report::flag_names;
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

/// One unit of the segmenter, as `epitome sentences --json` shows it.
///
/// Two offsets, each named for what it counts: `start`/`end` count bytes
/// from the start of the whole text (what `sentences` segments);
/// `body_start`/`body_end` count from the start of the body, the text after
/// the title line ([`epitome::headline::split`]), as `summarize --json`'s
/// sentence `start`/`end` do for the same file (`None`, JSON `null`, for a
/// unit in the title line).
///
/// The segmenter reads every language alike (its abbreviations and
/// quotation marks are those of all the languages the core knows), so the
/// units do not depend on the language; each record still names the
/// language the text is read in, as `summarize` would read it, so that a
/// unit can be told apart from a summary's sentence in another language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitReport<'a> {
    /// Byte offset in the (UTF-8) text.
    pub start: u32,
    /// End byte offset, exclusive.
    pub end: u32,
    /// Byte offset in the body, as `summarize` counts it.
    pub body_start: Option<u32>,
    /// End byte offset in the body, exclusive.
    pub body_end: Option<u32>,
    /// The unit's text.
    pub text: &'a str,
    /// `sentence`, `list-item`, `heading` or `boilerplate` ([`kind_name`]).
    pub kind: &'static str,
    /// Whether a summary may choose it (`UnitKind::is_choosable`).
    pub choosable: bool,
    /// Part of a quotation it does not close (`Unit::open_quote`).
    pub open_quote: bool,
    /// Index of its non-empty line, from 0.
    pub paragraph: u32,
    /// The language the whole text is read in, the same for every unit
    /// ([`language_of`], as [`SummaryReport::language`] gives it).
    pub language: &'static str,
}

impl<'a> UnitReport<'a> {
    /// The records of every unit of `text`, in order, read in the language
    /// `choice` gives (the title line is the title, as for `summarize`).
    pub fn all(text: &'a str, choice: LanguageChoice) -> Vec<Self> {
        let (title, body) = epitome::headline::split(text);
        let language = language_of(title, body, choice);
        let body_at = u32::try_from(text.len() - body.len()).unwrap_or(u32::MAX);
        epitome::segment::Segmenter::new(text).map(|u| UnitReport::new(text, body_at, &u, language)).collect()
    }

    /// The record of unit `u` of `text`, whose body starts at byte
    /// `body_at`, read in `language`.
    pub fn new(text: &'a str, body_at: u32, u: &Unit, language: Language) -> Self {
        let in_body = u.span.start >= body_at;
        UnitReport {
            start: u.span.start,
            end: u.span.end,
            body_start: in_body.then(|| u.span.start - body_at),
            body_end: in_body.then(|| u.span.end - body_at),
            text: u.span.slice(text).unwrap_or(""),
            kind: kind_name(u.kind),
            choosable: u.kind.is_choosable(),
            open_quote: u.open_quote,
            paragraph: u.paragraph,
            language: language.code(),
        }
    }
}

/// The language the summarizer reads an article with `title` and `body`
/// in under `choice` ([`Summary::language`]): the one asked for (English
/// when this build lacks it), or the one detected.
///
/// ```
/// use epitome::{Language, LanguageChoice};
/// use epitome_report::language_of;
/// let body = "Le navire, qui peut contenir plus de 2.600 passagers, est venu heurter le quai.";
/// assert_eq!(language_of("", body, LanguageChoice::Auto), Language::French);
/// assert_eq!(language_of("", body, LanguageChoice::Only(Language::German)), Language::German);
/// ```
pub fn language_of(title: &str, body: &str, choice: LanguageChoice) -> Language {
    match choice {
        LanguageChoice::Auto => detect(title, body),
        // The detector decides what a chosen language resolves to.
        LanguageChoice::Only(_) => Detector::new(choice, epitome::LanguageSet::COMPILED).language(),
    }
}

/// The name a unit's kind is shown by.
pub fn kind_name(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Prose => "sentence",
        UnitKind::Bullet => "list-item",
        UnitKind::Heading => "heading",
        UnitKind::Boilerplate => "boilerplate",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use epitome::segment::Segmenter;

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

    /// `language_of` is the language the summarizer reads the article in,
    /// detected or asked for, so that `sentences` and `summarize` agree.
    #[test]
    fn the_language_of_units_is_the_summary_language() {
        use epitome::{DefaultSummarizer, Options};
        let texts = [
            ("Bridge approved", "The council approved the harbour bridge on Monday. Work starts in May."),
            ("Panique à Venise", "Le paquebot est venu heurter le quai. Il y a eu des blessés, selon la police."),
            ("Brücke genehmigt", "Der Rat hat die Brücke am Montag genehmigt. Die Arbeiten beginnen im Mai."),
            ("Puente aprobado", "El consejo aprobó el puente del puerto el lunes. Las obras empiezan en mayo."),
            ("", ""),
        ];
        let mut s = Box::new(DefaultSummarizer::new());
        for (title, body) in texts {
            for choice in [LanguageChoice::Auto, LanguageChoice::Only(Language::Dutch)] {
                let opts = Options { language: choice, ..Options::default() };
                let summary = s.summarize(title, body, &opts).unwrap();
                assert_eq!(language_of(title, body, choice), summary.language(), "{body:?} {choice:?}");
                assert_eq!(SummaryReport::new(&summary).language, summary.language().code());
            }
        }
        let units = UnitReport::all("Panique à Venise\nLe paquebot est venu heurter le quai.", LanguageChoice::Auto);
        assert!(units.iter().all(|u| u.language == "fr"), "{units:?}");
    }

    #[test]
    fn records_serialize_as_the_cli_prints_them() {
        let text = "Heading\n\nHe said: \"It is late. The bridge opens in May and the council agrees.";
        let units = UnitReport::all(text, LanguageChoice::Auto);
        assert_eq!(units.len(), Segmenter::new(text).count());
        let body = epitome::headline::split(text).1;
        for u in &units {
            assert_eq!(&text[u.start as usize..u.end as usize], u.text);
            if let (Some(a), Some(b)) = (u.body_start, u.body_end) {
                assert_eq!(&body[a as usize..b as usize], u.text);
            }
        }
        let json = serde_json::to_string(&units[0]).unwrap();
        assert!(
            json.starts_with(
                "{\"start\":0,\"end\":7,\"body_start\":null,\"body_end\":null,\"text\":\"Heading\",\"kind\":"
            ),
            "{json}"
        );
        let s = SentenceReport { text: "a", shown: None, start: 1, end: 2, score: 1000 };
        assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"text":"a","start":1,"end":2,"score":1000}"#);
    }
}
