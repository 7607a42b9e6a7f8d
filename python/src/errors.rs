//! The core's and the HTML extractor's errors as Python exceptions, mapped
//! in one place: one class per variant of [`epitome::Error`] and of
//! [`extract::ExtractError`], named after it, all subclasses of
//! `EpitomeError(ValueError)` (bad input is a value error), each with the
//! message the CLI prints for it.

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

create_exception!(
    epitome,
    EpitomeError,
    PyValueError,
    "Base class of Epitome's errors: the input or an option cannot be summarized."
);
create_exception!(
    epitome,
    InputTooLong,
    EpitomeError,
    "The input is longer than the summarizer can address: a body of 4 GiB - 1 bytes or more, or a title of 2 GiB or more."
);
create_exception!(
    epitome,
    IdfInvalid,
    EpitomeError,
    "The IDF table's bytes are malformed (bad magic, version or length)."
);

create_exception!(
    epitome,
    ExtractError,
    EpitomeError,
    "Base class of the errors of ``extract``: the HTML page gives no article."
);
create_exception!(
    epitome,
    PageTooLarge,
    ExtractError,
    "The HTML page is larger than the extractor reads (16 MiB); it was not parsed."
);
create_exception!(
    epitome,
    PageTooDeep,
    ExtractError,
    "The HTML page nests elements deeper than the extractor reads; it was not parsed."
);
create_exception!(
    epitome,
    NoArticle,
    ExtractError,
    "The HTML page holds no article: no structured article body, and no block of prose readability takes for one."
);

/// Why one article gave no summary: the core's error, or (for a page)
/// the extractor's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The core refused the article.
    Core(epitome::Error),
    /// The page holds no article the extractor can read.
    Extract(extract::ExtractError),
}

impl From<epitome::Error> for Failure {
    fn from(e: epitome::Error) -> Self {
        Failure::Core(e)
    }
}

impl From<extract::ExtractError> for Failure {
    fn from(e: extract::ExtractError) -> Self {
        Failure::Extract(e)
    }
}

impl Failure {
    /// The Python exception, its message prefixed with `context` (the
    /// item of a batch, `bodies[3]`) as the CLI prefixes the input's name.
    pub fn into_err(self, context: Option<&str>) -> PyErr {
        match self {
            Failure::Core(e) => core_error(e, context),
            Failure::Extract(e) => extract_error(e, context),
        }
    }
}

/// The Python exception for an extractor error, with the message the CLI
/// prints for it (prefixed with `context`, as [`core_error`] does).
pub fn extract_error(e: extract::ExtractError, context: Option<&str>) -> PyErr {
    let message = match context {
        Some(c) => format!("{c}: {e}"),
        None => e.to_string(),
    };
    match e {
        extract::ExtractError::TooLarge { .. } => PageTooLarge::new_err(message),
        extract::ExtractError::TooDeep { .. } => PageTooDeep::new_err(message),
        extract::ExtractError::NoArticle => NoArticle::new_err(message),
    }
}

/// The Python exception for a core error, its message prefixed with
/// `context` (`"IDF table idf.bin"`, `"item 3"`) as the CLI prefixes the
/// input's name.
pub fn core_error(e: epitome::Error, context: Option<&str>) -> PyErr {
    let message = match context {
        Some(c) => format!("{c}: {e}"),
        None => e.to_string(),
    };
    match e {
        epitome::Error::InputTooLong => InputTooLong::new_err(message),
        epitome::Error::IdfInvalid => IdfInvalid::new_err(message),
        // A variant added to the core later still reaches Python typed.
        _ => EpitomeError::new_err(message),
    }
}

/// Adds the exception classes to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("EpitomeError", py.get_type::<EpitomeError>())?;
    m.add("InputTooLong", py.get_type::<InputTooLong>())?;
    m.add("IdfInvalid", py.get_type::<IdfInvalid>())?;
    m.add("ExtractError", py.get_type::<ExtractError>())?;
    m.add("PageTooLarge", py.get_type::<PageTooLarge>())?;
    m.add("PageTooDeep", py.get_type::<PageTooDeep>())?;
    m.add("NoArticle", py.get_type::<NoArticle>())?;
    Ok(())
}
