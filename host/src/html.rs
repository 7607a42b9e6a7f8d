//! HTML pages as articles: the article inside a page (see the
//! `epitome-extract` crate), not its markup.
//!
//! A file is a page when it is named `.html` or `.htm`, when `--input html`
//! says so, or when its content starts like one ([`looks_like_html`]: a
//! `<!DOCTYPE html>` or an `<html>` tag, after a byte-order mark, blank
//! space and comments). The page's charset, size limit
//! ([`extract::MAX_PAGE_BYTES`]) and "no article" error are the extractor's;
//! the extracted title and text are what every later stage sees.

use std::path::Path;

pub use extract::{Article, ExtractError, MAX_PAGE_BYTES, Method};

/// True for a file named like an HTML page (`.html`, `.htm`, any case).
pub fn has_html_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// True when `bytes` start like an HTML page: after a UTF-8 byte-order mark,
/// blank space and `<!-- comments -->`, a `<!DOCTYPE html` or an `<html` tag
/// (any case). Plain text that merely mentions a tag is not a page.
///
/// ```
/// use epitome_host::html::looks_like_html;
/// assert!(looks_like_html(b"\xef\xbb\xbf\n  <!doctype HTML><html><p>x"));
/// assert!(looks_like_html(b"<!-- saved page --><html lang=fr>"));
/// assert!(!looks_like_html(b"Headline\n<p> is a tag, and this is text."));
/// ```
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    loop {
        rest = rest.trim_ascii_start();
        if !rest.starts_with(b"<!--") {
            break;
        }
        match rest.windows(3).position(|w| w == b"-->") {
            Some(end) => rest = &rest[end + 3..],
            None => return false,
        }
    }
    let starts = |prefix: &[u8]| rest.len() >= prefix.len() && rest[..prefix.len()].eq_ignore_ascii_case(prefix);
    starts(b"<!doctype html") || starts(b"<html") && rest.get(5).is_none_or(|b| b.is_ascii_whitespace() || *b == b'>')
}

/// The article in a page's bytes.
///
/// # Errors
/// The extractor's: too large, or no article in the page.
pub fn article(bytes: &[u8]) -> Result<Article, ExtractError> {
    extract::article(bytes)
}

/// The article in a page held in a string (a JSON field): no charset is
/// looked for.
///
/// # Errors
/// As [`article`].
pub fn article_from_str(page: &str) -> Result<Article, ExtractError> {
    extract::article_from_str(page, &extract::Options::default())
}

/// A page as the text of a plain article file: the title line, a blank
/// line, the text (what `epitome extract` prints and `epitome sentences`
/// segments).
pub fn as_text(a: &Article) -> String {
    if a.title.is_empty() { a.text.clone() } else { format!("{}\n\n{}", a.title, a.text) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_content() {
        assert!(has_html_name(Path::new("a/b.HTM")) && has_html_name(Path::new("x.html")));
        assert!(!has_html_name(Path::new("x.txt")) && !has_html_name(Path::new("html")));
        assert!(looks_like_html(b"<HTML>") && looks_like_html(b"<html\n lang=en>"));
        assert!(!looks_like_html(b"<htmlish>") && !looks_like_html(b"<!-- unclosed") && !looks_like_html(b""));
        assert!(!looks_like_html(b"<p>a fragment is not a page</p>"));
    }
}
