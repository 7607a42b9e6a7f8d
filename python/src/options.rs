//! The keyword arguments every function takes, checked as the CLI checks
//! its flags (same names, ranges and defaults), turned into core
//! [`Options`].

use std::path::PathBuf;

use epitome::{Budget, Idf, Language, LanguageChoice, MAX_CHOSEN, MAX_KEYWORDS, Options};
use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyTypeError, PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::errors::{IdfInvalid, core_error};

/// The summarizer's settings, checked; [`Settings::options`] lends the
/// core options (they borrow the IDF table's bytes).
#[derive(Debug, Clone)]
pub struct Settings {
    budget: Budget,
    keywords: u8,
    language: LanguageChoice,
    /// The IDF table's bytes and how to name it in messages.
    idf: Option<(String, Vec<u8>)>,
}

impl Settings {
    /// Checks the arguments: `sentences` in 0..=32 ([`MAX_CHOSEN`]),
    /// `max_chars` (when given, the budget instead of `sentences`) from 0,
    /// `keywords` in 0..=16 ([`MAX_KEYWORDS`]), `language` `"auto"` or a
    /// language's code, `idf` a table's bytes or a path to one.
    pub fn new(
        sentences: i64,
        max_chars: Option<i64>,
        keywords: i64,
        language: &str,
        idf: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let budget = match max_chars {
            Some(m) => Budget::Chars(ranged(m, "max_chars", u32::MAX.into())? as u32),
            None => Budget::Sentences(ranged(sentences, "sentences", MAX_CHOSEN as u64)? as u16),
        };
        let keywords = ranged(keywords, "keywords", MAX_KEYWORDS as u64)? as u8;
        let language = language_choice(language)?;
        let idf = match idf {
            Some(v) if !v.is_none() => Some(checked_idf(v.py(), read_idf(v)?)?),
            _ => None,
        };
        let settings = Settings { budget, keywords, language, idf };
        // A malformed table is reported now, once, not at the first article.
        settings.options()?;
        Ok(settings)
    }

    /// The same settings with no sentence to choose (`keywords()`: the CLI's
    /// `epitome keywords` runs the same core call this way).
    pub fn keywords_only(mut self) -> Self {
        self.budget = Budget::Sentences(0);
        self
    }

    /// The core options.
    pub fn options(&self) -> PyResult<Options<'_>> {
        let mut o =
            Options { budget: self.budget, keywords: self.keywords, language: self.language, ..Options::default() };
        if let Some((origin, bytes)) = &self.idf {
            o.idf = Some(Idf::from_bytes(bytes).map_err(|e| core_error(e, Some(&format!("IDF table {origin}"))))?);
        }
        Ok(o)
    }
}

/// `n` if it is in 0..=`max`, else a `ValueError` with the CLI's wording
/// (`sentences: 40 is not in 0..=32`).
fn ranged(n: i64, name: &str, max: u64) -> PyResult<u64> {
    u64::try_from(n)
        .ok()
        .filter(|&n| n <= max)
        .ok_or_else(|| PyValueError::new_err(format!("{name}: {n} is not in 0..={max}")))
}

/// `"auto"` (detect it) or a language's ISO 639-1 code, as the CLI's
/// `--language` takes them.
pub fn language_choice(language: &str) -> PyResult<LanguageChoice> {
    if language == "auto" {
        return Ok(LanguageChoice::Auto);
    }
    Language::from_code(language).map(LanguageChoice::Only).ok_or_else(|| {
        let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
        PyValueError::new_err(format!("language: {language:?} is not one of auto, {}", codes.join(", ")))
    })
}

/// The bytes of an IDF table given as bytes or as a path (`str` or
/// `os.PathLike`), with its name for messages.
fn read_idf(v: &Bound<'_, PyAny>) -> PyResult<(String, Vec<u8>)> {
    if let Ok(b) = v.cast::<PyBytes>() {
        return Ok(("(bytes)".to_owned(), b.as_bytes().to_vec()));
    }
    let Ok(path) = v.extract::<PathBuf>() else {
        return Err(PyTypeError::new_err(format!("idf must be bytes, str or os.PathLike, not {}", type_name(v))));
    };
    match std::fs::read(&path) {
        Ok(bytes) => Ok((path.display().to_string(), bytes)),
        Err(e) => {
            let message = format!("reading IDF table {}: {e}", path.display());
            Err(if e.kind() == std::io::ErrorKind::NotFound {
                PyFileNotFoundError::new_err(message)
            } else {
                PyOSError::new_err(message)
            })
        }
    }
}

/// The core's table inside an IDF table file's bytes, as the CLI's `--idf`
/// takes it ([`epitome_report::idf_file::checked_table`]): its checksum
/// checked (a mismatch is `IdfInvalid`) and removed; a table without one
/// (written before tables had checksums) is taken with a `UserWarning`.
fn checked_idf(py: Python<'_>, (origin, bytes): (String, Vec<u8>)) -> PyResult<(String, Vec<u8>)> {
    match epitome_report::idf_file::checked_table(bytes) {
        Ok((table, legacy)) => {
            if legacy {
                let message = format!(
                    "IDF table {origin}: has no checksum (built before they had one); rebuild it with `epitome model build`"
                );
                let message = std::ffi::CString::new(message).unwrap_or_default();
                PyErr::warn(py, &py.get_type::<PyUserWarning>(), &message, 1)?;
            }
            Ok((origin, table))
        }
        Err(e) => Err(IdfInvalid::new_err(format!("IDF table {origin}: {e}"))),
    }
}

/// The name of `v`'s type, for messages.
pub fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type().name().map_or_else(|_| "?".to_owned(), |n| n.to_string())
}
