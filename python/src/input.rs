//! What the functions summarize: an article's text, or, with `html=True`,
//! an HTML page with the article inside, read as the CLI reads `.html`
//! files and `--input html` (the extractor finds the article, the caller's
//! title wins over the page's, the core summarizes the article's text).
//!
//! Arguments are taken with the GIL held (borrowing the Python objects'
//! bytes, not copying them); [`summarize_body`] runs without it.

use epitome::{DefaultSummarizer, Options};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyString};

use crate::errors::Failure;
use crate::objects::Summary;
use crate::options::type_name;
use crate::{is_missing, text_arg};

/// An HTML page as Python gives it.
pub enum Page {
    /// The page's bytes: decoded by its byte-order mark or `<meta charset>`,
    /// else as UTF-8, else Windows-1252 (the CLI's rule for `.html` files).
    Bytes(PyBackedBytes),
    /// Text already (a JSON field, a DataFrame column of `str`): no charset
    /// is looked for, as the CLI reads a JSON line's `html` field.
    Text(PyBackedStr),
}

impl Page {
    /// `v` as a page, `None` when it is neither `bytes` nor `str`.
    pub fn new(v: &Bound<'_, PyAny>) -> PyResult<Option<Page>> {
        if let Ok(b) = v.cast::<PyBytes>() {
            return Ok(Some(Page::Bytes(PyBackedBytes::from(b.clone()))));
        }
        match v.cast::<PyString>() {
            Ok(s) => Ok(Some(Page::Text(PyBackedStr::try_from(s.clone())?))),
            Err(_) => Ok(None),
        }
    }

    /// The article inside the page, found as the CLI finds it (call it
    /// without the GIL: parsing a page is most of the work).
    pub fn article(&self) -> Result<extract::Article, extract::ExtractError> {
        match self {
            Page::Bytes(b) => extract::article(b),
            Page::Text(s) => extract::article_from_str(s, &extract::Options::default()),
        }
    }
}

/// One article's input: its text, or a page holding it.
pub enum Body {
    /// The article's body.
    Text(PyBackedStr),
    /// An HTML page (`html=True`).
    Page(Page),
}

/// `v` as the body of an article (a page when `html`): `None` for a missing
/// value (`None`, pandas' `NaN`/`NA`), a `TypeError` naming `what` for a
/// value of another type.
pub fn body_arg(v: &Bound<'_, PyAny>, what: &str, html: bool) -> PyResult<Option<Body>> {
    if !html {
        if v.is_instance_of::<PyBytes>() {
            return Err(PyTypeError::new_err(format!(
                "{what} must be str or None, not bytes (an HTML page? pass html=True)"
            )));
        }
        return Ok(text_arg(v, what)?.map(Body::Text));
    }
    if is_missing(v) {
        return Ok(None);
    }
    match Page::new(v)? {
        Some(page) => Ok(Some(Body::Page(page))),
        None => Err(PyTypeError::new_err(format!(
            "{what} must be an HTML page as bytes or str, or None (html=True), not {}",
            type_name(v)
        ))),
    }
}

/// The summary of `body` under `title` (empty: none) with `summarizer`.
/// A page's article is found first and summarized under `title` when one
/// is given, else under the page's own ([`extract::Article::titled`]); its
/// summary keeps the article ([`Summary::article`]), whose text the
/// sentences' spans index.
pub fn summarize_body(
    summarizer: &mut DefaultSummarizer,
    body: &Body,
    title: &str,
    opts: &Options<'_>,
) -> Result<Summary, Failure> {
    match body {
        Body::Text(text) => Ok(Summary::new(&summarizer.summarize(title, text, opts)?, text)),
        Body::Page(page) => {
            let article = page.article()?.titled(title);
            let summary = Summary::new(&summarizer.summarize(&article.title, &article.text, opts)?, &article.text);
            Ok(summary.with_article(article.into()))
        }
    }
}
