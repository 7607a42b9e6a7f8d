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
mod input;
mod objects;
mod options;

use std::cell::RefCell;

use epitome::DefaultSummarizer;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyFloat, PyString};

use input::{Body, Page, body_arg, summarize_body};
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
pub(crate) fn is_missing(v: &Bound<'_, PyAny>) -> bool {
    v.is_none()
        || v.cast::<PyFloat>().is_ok_and(|f| f.value().is_nan())
        || v.get_type().name().is_ok_and(|n| n == "NAType")
}

/// Summarizes one article (or the article in a page) with this thread's
/// workspace, without the GIL.
fn summarize_one(
    py: Python<'_>,
    title: Option<&Bound<'_, PyAny>>,
    body: &Body,
    settings: &Settings,
) -> PyResult<Summary> {
    let title = title.map(|t| text_arg(t, "title")).transpose()?.flatten();
    let opts = settings.options()?;
    let title = title.as_deref().unwrap_or("");
    py.detach(|| {
        SUMMARIZER.with(|cell| {
            let mut slot = cell.borrow_mut();
            let summarizer = slot.get_or_insert_with(|| Box::new(DefaultSummarizer::new()));
            summarize_body(summarizer, body, title, &opts)
        })
    })
    .map_err(|e| e.into_err(None))
}

/// Summarize one news article: its best sentences, in text order, and its
/// keyphrases.
///
/// Args:
///     text: The article's body (``str``); with ``html=True``, an HTML page
///         holding it. A missing body (``None``, or pandas' ``NaN``/``NA``)
///         gives ``None``: the CLI likewise skips a JSON line whose body
///         field is missing or null.
///     title: The headline (``str``); ``None`` or absent means no title (of
///         a page: the page's own).
///     sentences: How many sentences to choose, 0 to 32.
///     max_chars: Instead of ``sentences``, at most this many characters in
///         all (counting one separator between sentences), for small screens.
///     keywords: How many keyphrases, 0 to 16.
///     language: ``"auto"`` (detect it) or an ISO 639-1 code (``"en"``,
///         ``"fr"``, ``"de"``, ``"es"``, ``"it"``, ``"pt"``, ``"nl"``); a
///         language this build does not carry is read as English.
///     idf: A background IDF table (from ``epitome model build``) as bytes
///         or a path; ``None`` weighs every content word alike.
///     html: ``text`` is an HTML page, read as ``epitome summarize
///         page.html`` reads one: ``bytes`` decoded by the page's charset
///         (byte-order mark or ``<meta charset>``, else UTF-8, else
///         Windows-1252) or ``str``; the article inside it (``extract``) is
///         summarized, under ``title`` when one is given, else the page's.
///         The summary's ``article`` is that article: the sentences' spans
///         index its ``text``.
///
/// Returns:
///     A ``Summary``, or ``None`` if ``text`` is ``None``.
///
/// Raises:
///     TypeError: ``text`` or ``title`` is not a ``str`` (or ``None``;
///         with ``html=True``, ``text`` may be ``bytes`` too).
///     ValueError: an option is out of range.
///     IdfInvalid: ``idf`` is not an IDF table.
///     InputTooLong: a body of 4 GiB or a title of 2 GiB.
///     ExtractError: (``html=True``) the page holds no article
///         (``NoArticle``: an index page, an empty page, plain text), is
///         over 16 MiB (``PageTooLarge``) or nested too deep
///         (``PageTooDeep``).
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
///
/// An HTML page, as the CLI reads ``.html`` files:
///
/// >>> page = (b'<html><head><meta property="og:title" content="Harbour bridge approved"></head>'
/// ...         b'<body><nav>Home | News | Sport</nav><div itemprop="articleBody">'
/// ...         b'<p>The council approved the new harbour bridge on Monday.</p>'
/// ...         b'<p>Construction starts in May and should take two years.</p></div></body></html>')
/// >>> s = epitome.summarize(page, html=True, sentences=1)
/// >>> s.article.title, s.article.method, s.sentences[0].text
/// ('Harbour bridge approved', 'microdata', 'The council approved the new harbour bridge on Monday.')
#[pyfunction]
#[pyo3(signature = (text, title=None, *, sentences=3, max_chars=None, keywords=10, language="auto", idf=None, html=false))]
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
    html: bool,
) -> PyResult<Option<Summary>> {
    let settings = Settings::new(sentences, max_chars, keywords, language, idf)?;
    let Some(body) = body_arg(text, "text", html)? else { return Ok(None) };
    summarize_one(py, title, &body, &settings).map(Some)
}

/// The keyphrases of one article, best first: the same core call as
/// ``summarize`` (and the CLI's ``epitome keywords``), choosing no sentence.
///
/// Arguments (``html=True``: ``text`` is an HTML page), ``None`` and errors
/// as for ``summarize``.
///
/// >>> import epitome
/// >>> [k.text for k in epitome.keywords(
/// ...     "The harbour bridge opens in May. The harbour bridge cost two million.",
/// ...     "Harbour bridge", keywords=2)]
/// ['harbour', 'bridge']
#[pyfunction]
#[pyo3(signature = (text, title=None, *, keywords=10, language="auto", idf=None, html=false))]
fn keywords(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    title: Option<&Bound<'_, PyAny>>,
    keywords: i64,
    language: &str,
    idf: Option<&Bound<'_, PyAny>>,
    html: bool,
) -> PyResult<Option<Vec<Keyword>>> {
    let settings = Settings::new(0, None, keywords, language, idf)?.keywords_only();
    let Some(body) = body_arg(text, "text", html)? else { return Ok(None) };
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
/// >>> page += b'<body><div itemprop="articleBody"><p>Le conseil a vot\xe9 lundi la r\xe9novation du pont, selon la mairie.</p></div></body></html>'
/// >>> a = epitome.extract(page)
/// >>> a.title, a.text, a.method
/// ('Le pont', 'Le conseil a voté lundi la rénovation du pont, selon la mairie.', 'microdata')
/// >>> epitome.summarize(a.text, a.title).language
/// 'fr'
///
/// ``summarize(page, html=True)`` extracts and summarizes in one call.
#[pyfunction]
#[pyo3(name = "extract")]
fn extract_article(py: Python<'_>, html: &Bound<'_, PyAny>) -> PyResult<Article> {
    let Some(page) = Page::new(html)? else {
        return Err(PyTypeError::new_err(format!("html must be bytes or str, not {}", type_name(html))));
    };
    py.detach(|| page.article()).map(Article::from).map_err(|e| errors::extract_error(e, None))
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
/// With ``html=True`` every body is an HTML page (``bytes`` or ``str``),
/// read as ``summarize(page, html=True)`` reads it, pages parsed on the
/// ``jobs`` threads too; a page without an article raises ``NoArticle``
/// naming its item, as the CLI names the file.
///
/// ``errors="return"`` puts an item's exception in its place instead of
/// raising it (as ``asyncio.gather(return_exceptions=True)`` does), so one
/// bad page of a crawl loses that page only; a body of the wrong type
/// still raises ``TypeError`` (a bug in the caller, not in the data).
///
/// >>> import epitome
/// >>> out = epitome.summarize_batch(["One sentence here is long enough to count.", None], sentences=1)
/// >>> out[0].sentences[0].text, out[1]
/// ('One sentence here is long enough to count.', None)
/// >>> pages = [b'<html><body><div itemprop="articleBody"><p>The harbour bridge opens in May.</p></div></body></html>']
/// >>> [s.sentences[0].text for s in epitome.summarize_batch(pages, html=True)]
/// ['The harbour bridge opens in May.']
/// >>> out = epitome.summarize_batch([b"<html><body><p>Menu</p></body></html>", pages[0]], html=True, errors="return")
/// >>> type(out[0]).__name__, out[1].sentences[0].text
/// ('NoArticle', 'The harbour bridge opens in May.')
#[pyfunction]
#[pyo3(signature = (bodies, titles=None, *, sentences=3, max_chars=None, keywords=10, language="auto", idf=None, html=false, jobs=None, errors="raise"))]
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
    html: bool,
    jobs: Option<i64>,
    errors: &str,
) -> PyResult<Vec<Py<PyAny>>> {
    let settings = Settings::new(sentences, max_chars, keywords, language, idf)?;
    let jobs = match jobs {
        None => std::thread::available_parallelism().map_or(1, usize::from),
        Some(n @ 1..=65535) => n as usize,
        Some(n) => return Err(PyValueError::new_err(format!("jobs: {n} is not in 1..=65535"))),
    };
    let return_errors = match errors {
        "raise" => false,
        "return" => true,
        other => return Err(PyValueError::new_err(format!("errors: {other:?} is not \"raise\" or \"return\""))),
    };
    let outcomes = batch::summarize_batch(
        py,
        bodies,
        titles.filter(|t| !t.is_none()),
        &settings.options()?,
        html,
        jobs,
        return_errors,
    )?;
    outcomes
        .into_iter()
        .map(|o| match o {
            batch::Outcome::Summary(Some(s)) => Ok(Py::new(py, s)?.into_any()),
            batch::Outcome::Summary(None) => Ok(py.None()),
            batch::Outcome::Error(e) => Ok(e.into_value(py).into_any()),
        })
        .collect()
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
