//! The Python objects of results. Every field the CLI's JSON shows comes
//! from the same record ([`epitome_report`]), under the same name and in the
//! same units (byte offsets `start`/`end`, scores out of 1000, the core's
//! flag names); Python adds what a Python caller needs besides (`index`,
//! character offsets to slice a `str` with, the input counts).
//!
//! A [`Summary`] owns plain Rust data and makes its `Sentence` and
//! `Keyword` objects when they are asked for, so that a batch of summaries
//! costs one Python object per article until it is read.

use epitome::LanguageChoice;
use epitome_report::{KeywordReport, SentenceReport, SummaryReport, UnitReport};
use pyo3::prelude::*;

/// A chosen sentence of a summary.
///
/// ``text`` is the sentence as written in the body; ``shown`` is how a reader
/// is shown it when that differs (with the quotation marks it lacks), else
/// ``None``. ``start``/``end`` are UTF-8 byte offsets in the body, as the
/// CLI's JSON gives them; ``char_start``/``char_end`` are ``str`` indices, so
/// ``body[s.char_start:s.char_end] == s.text``. ``score`` is relative to the
/// article's best sentence (1000 = best); ``index`` is the sentence's number
/// in the body (0 = the first unit that is not boilerplate).
#[pyclass(frozen, module = "epitome", get_all, eq, from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    text: String,
    shown: Option<String>,
    start: u32,
    end: u32,
    char_start: usize,
    char_end: usize,
    score: u32,
    index: u16,
}

/// The fields of a value in constructor order, so that pickle (and copy)
/// can make it again: results cross process boundaries in multiprocessing
/// and Dask.
type SentenceFields = (String, Option<String>, u32, u32, usize, usize, u32, u16);

#[pymethods]
impl Sentence {
    #[new]
    #[allow(clippy::too_many_arguments)]
    fn py_new(
        text: String,
        shown: Option<String>,
        start: u32,
        end: u32,
        char_start: usize,
        char_end: usize,
        score: u32,
        index: u16,
    ) -> Self {
        Sentence { text, shown, start, end, char_start, char_end, score, index }
    }

    fn __getnewargs__(&self) -> SentenceFields {
        let s = self.clone();
        (s.text, s.shown, s.start, s.end, s.char_start, s.char_end, s.score, s.index)
    }
    /// ``(start, end)`` in UTF-8 bytes.
    #[getter]
    fn byte_span(&self) -> (u32, u32) {
        (self.start, self.end)
    }

    /// ``(char_start, char_end)``: the ``str`` slice of the body.
    #[getter]
    fn char_span(&self) -> (usize, usize) {
        (self.char_start, self.char_end)
    }

    fn __repr__(&self) -> String {
        format!(
            "Sentence(index={}, score={}, char_span=({}, {}), text={:?})",
            self.index, self.score, self.char_start, self.char_end, self.text
        )
    }
}

/// A keyword or keyphrase (one to three words): its text as first written in
/// the title or body, and its score relative to the best one (1000 = best).
#[pyclass(frozen, module = "epitome", get_all, eq, from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyword {
    text: String,
    score: u32,
}

#[pymethods]
impl Keyword {
    #[new]
    fn py_new(text: String, score: u32) -> Self {
        Keyword { text, score }
    }

    fn __getnewargs__(&self) -> (String, u32) {
        (self.text.clone(), self.score)
    }
    fn __repr__(&self) -> String {
        format!("Keyword(text={:?}, score={})", self.text, self.score)
    }
}

impl From<&KeywordReport<'_>> for Keyword {
    fn from(k: &KeywordReport<'_>) -> Self {
        Keyword { text: k.text.to_owned(), score: k.score }
    }
}

/// Counts of the input: units the segmenter found (sentences, headings,
/// junk lines), word and number tokens in title and body, and distinct
/// terms held at the end.
#[pyclass(frozen, module = "epitome", get_all, eq, from_py_object)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    sentences: u32,
    words: u32,
    terms: u32,
}

#[pymethods]
impl Stats {
    #[new]
    fn py_new(sentences: u32, words: u32, terms: u32) -> Self {
        Stats { sentences, words, terms }
    }

    fn __getnewargs__(&self) -> (u32, u32, u32) {
        (self.sentences, self.words, self.terms)
    }
    fn __repr__(&self) -> String {
        format!("Stats(sentences={}, words={}, terms={})", self.sentences, self.words, self.terms)
    }
}

/// The summary of one article: the chosen ``sentences`` in text order, the
/// ``keywords`` best first, the ``flags`` the core raised (what it had to cut
/// or clamp: ``sentences_truncated``, ``terms_evicted``, ``phrases_evicted``,
/// ``budget_clamped``, ``keywords_clamped``), the ``language`` it was read in
/// and the input's ``stats``; for an HTML page (``html=True``), the
/// ``article`` found in it, which was summarized.
#[pyclass(frozen, module = "epitome", eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    sentences: Vec<Sentence>,
    keywords: Vec<Keyword>,
    flags: Vec<String>,
    stats: Stats,
    language: String,
    article: Option<Article>,
}

/// The fields of a summary in constructor order (for pickle).
type SummaryFields = (Vec<Sentence>, Vec<Keyword>, Vec<String>, Stats, String, Option<Article>);

#[pymethods]
impl Summary {
    #[new]
    #[pyo3(signature = (sentences, keywords, flags, stats, language, article=None))]
    fn py_new(
        sentences: Vec<Sentence>,
        keywords: Vec<Keyword>,
        flags: Vec<String>,
        stats: Stats,
        language: String,
        article: Option<Article>,
    ) -> Self {
        Summary { sentences, keywords, flags, stats, language, article }
    }

    fn __getnewargs__(&self) -> SummaryFields {
        let s = self.clone();
        (s.sentences, s.keywords, s.flags, s.stats, s.language, s.article)
    }

    /// The article found in the HTML page that was summarized
    /// (``html=True``): its ``title`` (the one given, else the page's),
    /// its ``text`` (which the sentences' spans index) and the ``method``
    /// that found it; ``None`` when the input was text.
    #[getter]
    fn article(&self) -> Option<Article> {
        self.article.clone()
    }

    /// The language the article was read in (ISO 639-1: ``"en"``, ``"fr"``,
    /// ...): the one asked for, or the one detected.
    #[getter]
    fn language(&self) -> &str {
        &self.language
    }

    /// The chosen sentences, in text order (a new list each time).
    #[getter]
    fn sentences(&self) -> Vec<Sentence> {
        self.sentences.clone()
    }

    /// The keyphrases, best first (a new list each time).
    #[getter]
    fn keywords(&self) -> Vec<Keyword> {
        self.keywords.clone()
    }

    /// The names of the flags raised.
    #[getter]
    fn flags(&self) -> Vec<String> {
        self.flags.clone()
    }

    /// The input's counts.
    #[getter]
    fn stats(&self) -> Stats {
        self.stats
    }

    fn __repr__(&self) -> String {
        let texts: Vec<&str> = self.sentences.iter().map(|s| s.text.as_str()).collect();
        let kws: Vec<&str> = self.keywords.iter().map(|k| k.text.as_str()).collect();
        format!("Summary(sentences={texts:?}, keywords={kws:?}, flags={:?})", self.flags)
    }
}

impl Summary {
    /// The Python view of a core summary of `body`.
    pub fn new(s: &epitome::Summary<'_>, body: &str) -> Self {
        let report = SummaryReport::new(s);
        let mut chars = CharOffsets::new(body);
        let sentences = report
            .sentences
            .into_iter()
            .zip(&s.sentences)
            .map(|(r, c): (SentenceReport<'_>, _)| {
                let (char_start, char_end) = (chars.at(r.start), chars.at(r.end));
                Sentence {
                    text: r.text.to_owned(),
                    shown: r.shown,
                    start: r.start,
                    end: r.end,
                    char_start,
                    char_end,
                    score: r.score,
                    index: c.index,
                }
            })
            .collect();
        Summary {
            sentences,
            keywords: report.keywords.iter().map(Keyword::from).collect(),
            flags: report.flags,
            stats: Stats { sentences: s.stats.sentences, words: s.stats.words, terms: s.stats.terms },
            language: report.language.to_owned(),
            article: None,
        }
    }

    /// The same summary, made from `article` (an HTML page's).
    pub fn with_article(self, article: Article) -> Self {
        Summary { article: Some(article), ..self }
    }

    /// The keyphrases alone.
    pub fn into_keywords(self) -> Vec<Keyword> {
        self.keywords
    }
}

/// The article inside an HTML page (``extract``): its ``title`` (empty when
/// the page has none), its ``text`` (paragraphs separated by a blank line)
/// and the ``method`` that found it (``"json-ld"``, ``"microdata"`` or
/// ``"readability"``), as ``epitome extract --json`` prints them.
#[pyclass(frozen, module = "epitome", get_all, eq, from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    title: String,
    text: String,
    method: String,
}

#[pymethods]
impl Article {
    #[new]
    fn py_new(title: String, text: String, method: String) -> Self {
        Article { title, text, method }
    }

    fn __getnewargs__(&self) -> (String, String, String) {
        (self.title.clone(), self.text.clone(), self.method.clone())
    }

    fn __repr__(&self) -> String {
        let text: String = self.text.chars().take(60).collect();
        let more = if text.len() < self.text.len() { "..." } else { "" };
        format!("Article(title={:?}, text={:?}{more}, method={:?})", self.title, text, self.method)
    }
}

impl From<extract::Article> for Article {
    fn from(a: extract::Article) -> Self {
        Article { title: a.title, text: a.text, method: a.method.name().to_owned() }
    }
}

/// One unit of the segmenter, as ``epitome sentences --json`` shows it:
/// ``start``/``end`` (UTF-8 bytes) and ``char_start``/``char_end`` (``str``
/// indices), ``body_start``/``body_end`` (UTF-8 bytes from the start of the
/// body, the text after the title line, as ``summarize`` counts sentence
/// offsets; ``None`` for a unit in the title line), ``text``, ``kind`` (``"sentence"``, ``"list-item"``,
/// ``"heading"`` or ``"boilerplate"``), ``choosable`` (whether a summary may
/// choose it), ``open_quote`` (part of a quotation it does not close),
/// ``paragraph`` (index of its non-empty line, from 0) and ``language`` (the
/// one the whole text is read in, as ``Summary.language``).
#[pyclass(frozen, module = "epitome", get_all, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    start: u32,
    end: u32,
    char_start: usize,
    char_end: usize,
    body_start: Option<u32>,
    body_end: Option<u32>,
    text: String,
    kind: &'static str,
    choosable: bool,
    open_quote: bool,
    paragraph: u32,
    language: &'static str,
}

#[pymethods]
impl Unit {
    fn __repr__(&self) -> String {
        format!("Unit(kind={:?}, char_span=({}, {}), text={:?})", self.kind, self.char_start, self.char_end, self.text)
    }
}

/// The units of `text`, in order, read in the language `choice` gives.
pub fn units(text: &str, choice: LanguageChoice) -> Vec<Unit> {
    let mut chars = CharOffsets::new(text);
    UnitReport::all(text, choice)
        .into_iter()
        .map(|r| Unit {
            char_start: chars.at(r.start),
            char_end: chars.at(r.end),
            start: r.start,
            end: r.end,
            body_start: r.body_start,
            body_end: r.body_end,
            text: r.text.to_owned(),
            kind: r.kind,
            choosable: r.choosable,
            open_quote: r.open_quote,
            paragraph: r.paragraph,
            language: r.language,
        })
        .collect()
}

/// Character offsets of byte offsets of one text, asked in increasing
/// order (sentences and units come in text order), in one pass.
struct CharOffsets<'a> {
    text: &'a [u8],
    byte: usize,
    char: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets { text: text.as_bytes(), byte: 0, char: 0 }
    }

    /// The number of characters before byte `at` (a character boundary).
    fn at(&mut self, at: u32) -> usize {
        let at = (at as usize).min(self.text.len());
        if at < self.byte {
            // Not in order after all: count from the start.
            (self.byte, self.char) = (0, 0);
        }
        // Every byte but a UTF-8 continuation byte starts a character.
        self.char += self.text[self.byte..at].iter().filter(|&&b| b & 0xC0 != 0x80).count();
        self.byte = at;
        self.char
    }
}
