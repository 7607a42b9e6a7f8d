//! The `epitome._epitome` extension module: Epitome's core summarizer for
//! Python. `python/epitome/__init__.py` re-exports it with `__all__`; the
//! documentation Python users read is in the docstrings below (Rust doc
//! comments become `__doc__`) and in `epitome/__init__.pyi`.
//!
//! Each call checks its arguments with the GIL held, then lets the GIL go
//! while the core runs, so Python threads summarize in parallel too.
#![forbid(unsafe_code)]

mod batch;
mod errors;
mod objects;
mod options;

use std::cell::RefCell;

use epitome::DefaultSummarizer;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyFloat, PyString};

use errors::core_error;
use objects::{Article, Keyword, Sentence, Stats, Summary, Unit};
use options::{Settings, type_name};

thread_local! {
    /// Each Python thread's workspace for single calls (about 100 KiB,
    /// made once rather than per article).
    static SUMMARIZER: RefCell<Option<Box<DefaultSummarizer>>> = const { RefCell::new(None) };
}

/// `v` as text: `None` for a missing value, a `TypeError` naming `what`
/// for anything but a `str`. The text is borrowed from the Python object,
/// not copied.
pub(crate) fn text_arg(v: &Bound<'_, PyAny>, what: &str) -> PyResult<Option<PyBackedStr>> {
    if is_missing(v) {
        return Ok(None);
    }
    match v.cast::<PyString>() {
        Ok(s) => Ok(Some(PyBackedStr::try_from(s.clone())?)),
        Err(_) => Err(PyTypeError::new_err(format!("{what} must be str or None, not {}", type_name(v)))),
    }
}

/// `None`, or how pandas marks a missing value in a column of text (`NaN`
/// in an object column, `pandas.NA` in a string column): a Series read
/// from a file with gaps holds these.
fn is_missing(v: &Bound<'_, PyAny>) -> bool {
    v.is_none()
        || v.cast::<PyFloat>().is_ok_and(|f| f.value().is_nan())
        || v.get_type().name().is_ok_and(|n| n == "NAType")
}

/// Summarizes one article with this thread's workspace, without the GIL.
fn summarize_one(
    py: Python<'_>,
    title: Option<&Bound<'_, PyAny>>,
    body: &str,
    settings: &Settings,
) -> PyResult<Summary> {
    let title = title.map(|t| text_arg(t, "title")).transpose()?.flatten();
    let opts = settings.options()?;
    let title = title.as_deref().unwrap_or("");
    py.detach(|| {
        SUMMARIZER.with(|cell| {
            let mut slot = cell.borrow_mut();
            let summarizer = slot.get_or_insert_with(|| Box::new(DefaultSummarizer::new()));
            summarizer.summarize(title, body, &opts).map(|s| Summary::new(&s, body))
        })
    })
    .map_err(|e| core_error(e, None))
}

/// Summarize one news article: its best sentences, in text order, and its
/// keyphrases.
///
/// Args:
///     text: The article's body (``str``). A missing body (``None``, or
///         pandas' ``NaN``/``NA``) gives ``None``: the CLI likewise skips a
///         JSON line whose body field is missing or null.
///     title: The headline (``str``); ``None`` or absent means no title.
///     sentences: How many sentences to choose, 0 to 32.
///     max_chars: Instead of ``sentences``, at most this many characters in
///         all (counting one separator between sentences), for small screens.
///     keywords: How many keyphrases, 0 to 16.
///     language: ``"auto"`` (detect it) or an ISO 639-1 code (``"en"``,
///         ``"fr"``, ``"de"``, ``"es"``, ``"it"``, ``"pt"``, ``"nl"``); a
///         language this build does not carry is read as English.
///     idf: A background IDF table (from ``epitome model build``) as bytes
///         or a path; ``None`` weighs every content word alike.
///
/// Returns:
///     A ``Summary``, or ``None`` if ``text`` is ``None``.
///
/// Raises:
///     TypeError: ``text`` or ``title`` is not a ``str`` (or ``None``).
///     ValueError: an option is out of range.
///     IdfInvalid: ``idf`` is not an IDF table.
///     InputTooLong: a body of 4 GiB or a title of 2 GiB.
///
/// >>> import epitome
/// >>> s = epitome.summarize(
/// ...     "The council approved the new harbour bridge on Monday. "
/// ...     "Construction starts in May and should take two years. "
/// ...     "Critics said the bridge would cost too much.",
/// ...     "Harbour bridge approved", sentences=1)
/// >>> [x.text for x in s.sentences]
/// ['The council approved the new harbour bridge on Monday.']
/// >>> [k.text for k in s.keywords[:2]]
/// ['bridge', 'approved']
#[pyfunction]
#[pyo3(signature = (text, title=None, *, sentences=3, max_chars=None, keywords=10, language="auto", idf=None))]
#[allow(clippy::too_many_arguments)]
fn summarize(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    title: Option<&Bound<'_, PyAny>>,
    sentences: i64,
    max_chars: Option<i64>,
    keywords: i64,
    language: &str,
    idf: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<Summary>> {
    let settings = Settings::new(sentences, max_chars, keywords, language, idf)?;
    let Some(body) = text_arg(text, "text")? else { return Ok(None) };
    summarize_one(py, title, &body, &settings).map(Some)
}

/// The keyphrases of one article, best first: the same core call as
/// ``summarize`` (and the CLI's ``epitome keywords``), choosing no sentence.
///
/// Arguments, ``None`` and errors as for ``summarize``.
///
/// >>> import epitome
/// >>> [k.text for k in epitome.keywords(
/// ...     "The harbour bridge opens in May. The harbour bridge cost two million.",
/// ...     "Harbour bridge", keywords=2)]
/// ['harbour', 'bridge']
#[pyfunction]
#[pyo3(signature = (text, title=None, *, keywords=10, language="auto", idf=None))]
fn keywords(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    title: Option<&Bound<'_, PyAny>>,
    keywords: i64,
    language: &str,
    idf: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<Vec<Keyword>>> {
    let settings = Settings::new(0, None, keywords, language, idf)?.keywords_only();
    let Some(body) = text_arg(text, "text")? else { return Ok(None) };
    summarize_one(py, title, &body, &settings).map(|s| Some(s.into_keywords()))
}

/// The segmenter's units of ``text``, in order, as ``epitome sentences
/// --json`` lists them: sentences, list items, headings and boilerplate
/// (share buttons, credits), with their spans. The segmenter splits every
/// language alike; ``language`` (``"auto"`` or a code, as for
/// ``summarize``) is the one each unit reports the text is read in.
///
/// >>> import epitome
/// >>> [(u.kind, u.text) for u in epitome.sentences("Share on Facebook\nMr. Smith left at 5 p.m. on Monday. He said so.")]
/// [('boilerplate', 'Share on Facebook'), ('sentence', 'Mr. Smith left at 5 p.m. on Monday.'), ('sentence', 'He said so.')]
/// >>> epitome.sentences("Le navire est venu heurter le quai. Il y a eu des blessés.")[0].language
/// 'fr'
#[pyfunction]
#[pyo3(signature = (text, *, language="auto"))]
fn sentences(py: Python<'_>, text: &Bound<'_, PyAny>, language: &str) -> PyResult<Vec<Unit>> {
    let Ok(s) = text.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!("text must be str, not {}", type_name(text))));
    };
    let choice = options::language_choice(language)?;
    let text = PyBackedStr::try_from(s.clone())?;
    Ok(py.detach(|| objects::units(&text, choice)))
}

/// The article inside an HTML page, as the CLI reads ``.html`` files: its
/// title, text and the method that found it (the page's JSON-LD or
/// microdata article body, else readability). ``html`` is the page's
/// ``bytes`` (its charset is read from a byte-order mark or the page's
/// ``<meta charset>``, else UTF-8, as a browser does) or a ``str`` (text
/// already: no charset is looked for). The GIL is released while the page
/// is parsed.
///
/// Raises ``PageTooLarge`` (over 16 MiB), ``PageTooDeep`` or ``NoArticle``,
/// all ``ExtractError``; ``TypeError`` for anything but ``bytes`` or ``str``.
///
/// >>> import epitome
/// >>> page = b'<html><head><meta charset="iso-8859-1"><title>Le pont</title></head>'
/// >>> page += b'<body><div itemprop="articleBody"><p>Le conseil a vot\xe9 le pont.</p></div></body></html>'
/// >>> a = epitome.extract(page)
/// >>> a.title, a.text, a.method
/// ('Le pont', 'Le conseil a voté le pont.', 'microdata')
/// >>> epitome.summarize(a.text, a.title).language
/// 'fr'
#[pyfunction]
#[pyo3(name = "extract")]
fn extract_article(py: Python<'_>, html: &Bound<'_, PyAny>) -> PyResult<Article> {
    let found = if let Ok(b) = html.cast::<PyBytes>() {
        let bytes = b.as_bytes();
        py.detach(|| ::extract::article(bytes))
    } else if let Ok(s) = html.cast::<PyString>() {
        let page = PyBackedStr::try_from(s.clone())?;
        py.detach(|| ::extract::article_from_str(&page, &::extract::Options::default()))
    } else {
        return Err(PyTypeError::new_err(format!("html must be bytes or str, not {}", type_name(html))));
    };
    found.map(Article::from).map_err(errors::extract_error)
}

/// Summarize many articles on every core: ``bodies`` (and ``titles``, when
/// given: as many) from any iterable — a list, a generator, a pandas Series.
/// The GIL is released while the articles are summarized, on ``jobs``
/// threads (default: one per core). Results come in input order and equal
/// one ``summarize`` call per article, whatever ``jobs`` is.
///
/// A ``None`` body gives ``None`` in its place (the CLI skips a JSON line
/// without a body and goes on); a ``None`` title is no title. Other
/// arguments as for ``summarize``; an error names the item (``bodies[3]``).
///
/// >>> import epitome
/// >>> out = epitome.summarize_batch(["One sentence here is long enough to count.", None], sentences=1)
/// >>> out[0].sentences[0].text, out[1]
/// ('One sentence here is long enough to count.', None)
#[pyfunction]
#[pyo3(signature = (bodies, titles=None, *, sentences=3, max_chars=None, keywords=10, language="auto", idf=None, jobs=None))]
#[allow(clippy::too_many_arguments)]
fn summarize_batch(
    py: Python<'_>,
    bodies: &Bound<'_, PyAny>,
    titles: Option<&Bound<'_, PyAny>>,
    sentences: i64,
    max_chars: Option<i64>,
    keywords: i64,
    language: &str,
    idf: Option<&Bound<'_, PyAny>>,
    jobs: Option<i64>,
) -> PyResult<Vec<Option<Summary>>> {
    let settings = Settings::new(sentences, max_chars, keywords, language, idf)?;
    let jobs = match jobs {
        None => std::thread::available_parallelism().map_or(1, usize::from),
        Some(n @ 1..=65535) => n as usize,
        Some(n) => return Err(PyValueError::new_err(format!("jobs: {n} is not in 1..=65535"))),
    };
    batch::summarize_batch(py, bodies, titles.filter(|t| !t.is_none()), &settings.options()?, jobs)
}

/// Epitome's core summarizer: fixed-memory extractive summaries and
/// keyphrases of news articles.
#[pymodule]
fn _epitome(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(summarize, m)?)?;
    m.add_function(wrap_pyfunction!(keywords, m)?)?;
    m.add_function(wrap_pyfunction!(sentences, m)?)?;
    m.add_function(wrap_pyfunction!(summarize_batch, m)?)?;
    m.add_function(wrap_pyfunction!(extract_article, m)?)?;
    m.add_class::<Article>()?;
    m.add_class::<Summary>()?;
    m.add_class::<Sentence>()?;
    m.add_class::<Keyword>()?;
    m.add_class::<Stats>()?;
    m.add_class::<Unit>()?;
    errors::register(m)?;
    Ok(())
}
