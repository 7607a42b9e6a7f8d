//! The one writer of command output: standard output (block-buffered into
//! pipes and files, line by line on a terminal), JSON in its two shapes —
//! pretty-printed, and one object a line — and the rule that a closed
//! pipe (`epitome … | head`) is a quiet success, as in ripgrep.
//!
//! Text for people passes [`terminal_safe`] (control characters shown
//! escaped, so an article cannot retitle or rewrite the reader's terminal);
//! messages go through [`warn`], which never fails the run when standard
//! error is gone.
//!
//! JSON is serialized into bytes first and then written as plain bytes, so
//! every write error is an [`std::io::Error`] and a closed pipe is
//! recognised whatever was being written.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};

use serde::Serialize;

/// Standard output, buffered as suits where it goes.
#[derive(Debug)]
pub enum Stdout {
    /// Each line as soon as it is complete (Rust's own line buffering).
    Lines(StdoutLock<'static>),
    /// A pipe or file: large blocks.
    Block(BufWriter<StdoutLock<'static>>),
}

/// Standard output for a command's results: in large blocks if `blocks`
/// (commands that stream many results) and it is not a terminal, else
/// each line as soon as it is complete.
pub fn stdout(blocks: bool) -> Stdout {
    let out = io::stdout();
    if blocks && !out.is_terminal() {
        Stdout::Block(BufWriter::with_capacity(1 << 16, out.lock()))
    } else {
        Stdout::Lines(out.lock())
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stdout::Lines(w) => w.write(buf),
            Stdout::Block(w) => w.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Stdout::Lines(w) => w.write_all(buf),
            Stdout::Block(w) => w.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Stdout::Lines(w) => w.flush(),
            Stdout::Block(w) => w.flush(),
        }
    }
}

/// `value` as pretty-printed JSON (two-space indent), without a newline.
pub fn pretty(value: &impl Serialize) -> io::Result<Vec<u8>> {
    Ok(serde_json::to_vec_pretty(value)?)
}

/// `value` as one line of JSON, newline included.
pub fn line(value: &impl Serialize) -> io::Result<Vec<u8>> {
    let mut v = serde_json::to_vec(value)?;
    v.push(b'\n');
    Ok(v)
}

/// Writes `value` as pretty-printed JSON and a newline.
pub fn write_pretty(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut bytes = pretty(value)?;
    bytes.push(b'\n');
    out.write_all(&bytes)
}

/// Writes `value` as one line of JSON.
pub fn write_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    out.write_all(&line(value)?)
}

/// `value` as an element of a pretty-printed array, for
/// [`JsonArray::push`]: [`pretty`] bytes with every line after the first
/// indented one level. Made where the value is (a worker thread), so that
/// the writer only copies bytes.
pub fn array_element(value: &impl Serialize) -> io::Result<Vec<u8>> {
    // serde_json indents it so itself inside a one-element array,
    // `[\n  ELEMENT\n]`: cheaper than indenting afterwards byte by byte.
    let mut bytes = serde_json::to_vec_pretty(&[value])?;
    bytes.truncate(bytes.len().saturating_sub(2));
    bytes.drain(..4.min(bytes.len()));
    Ok(bytes)
}

/// A pretty-printed JSON array written one element at a time, so that it
/// never has to be held whole; the bytes are exactly those of
/// [`write_pretty`] on the whole array.
///
/// ```
/// use epitome_host::output::{JsonArray, array_element, write_pretty};
/// let items = [serde_json::json!({"a": [1, 2]}), serde_json::json!("b")];
/// let mut streamed = Vec::new();
/// let mut array = JsonArray::default();
/// for item in &items {
///     array.push(&mut streamed, &array_element(item)?)?;
/// }
/// array.finish(&mut streamed)?;
/// let mut whole = Vec::new();
/// write_pretty(&mut whole, &items)?;
/// assert_eq!(streamed, whole);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct JsonArray {
    elements: usize,
}

impl JsonArray {
    /// Writes one element, given as [`array_element`] bytes.
    pub fn push(&mut self, out: &mut impl Write, element: &[u8]) -> io::Result<()> {
        out.write_all(if self.elements == 0 { b"[\n  " } else { b",\n  " })?;
        self.elements += 1;
        out.write_all(element)
    }

    /// Closes the array (`[]` if it is empty) and ends the line.
    pub fn finish(self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(if self.elements == 0 { b"[]\n" } else { b"\n]\n" })
    }
}

/// Writes `epitome: MESSAGE` on standard error. A standard error that
/// cannot be written (closed, or a closed pipe) loses the line, never the
/// run: there is nowhere left to say anything.
pub fn warn(message: impl std::fmt::Display) {
    let _ = writeln!(io::stderr().lock(), "epitome: {message}");
}

/// Whether standard output was closed when the process started, as the
/// binary found before Rust's runtime opened `/dev/null` in its place
/// ([`note_stdout_closed`]).
static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Records that standard output was closed at start (`epitome … >&-`).
/// The binary calls this before `main`: afterwards, a closed standard
/// output cannot be told from `/dev/null`, and every result would be lost
/// without a word.
pub fn note_stdout_closed() {
    STDOUT_CLOSED.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// An error if standard output was closed when the program started.
pub fn check_stdout() -> io::Result<()> {
    if STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(io::Error::other("standard output is closed: the results would be lost"));
    }
    Ok(())
}

/// `text` with every control character a terminal would act on shown as
/// `\u{XX}` instead: C0 but tab and line feed, DEL, C1, and the
/// bidirectional embeddings, overrides and isolates (U+202A..U+202E,
/// U+2066..U+2069), which reorder what follows them. Text without any
/// (nearly all) is returned as it is.
///
/// ```
/// use epitome_host::output::terminal_safe;
/// assert_eq!(terminal_safe("T \u{1b}]0;pwned\u{7}"), "T \\u{1b}]0;pwned\\u{7}");
/// assert_eq!(terminal_safe("a\u{202e}b\tc\n"), "a\\u{202e}b\tc\n");
/// assert_eq!(terminal_safe("café “ok”"), "café “ok”");
/// ```
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    // One pass over the bytes that may start such a character (C0, DEL,
    // the lead byte 0xC2 of C1, 0xE2 of the bidi controls) shows whether
    // there is anything to do.
    let suspect = |b: u8| (b < 0x20 && b != b'\t' && b != b'\n') | (b == 0x7f) | (b == 0xC2) | (b == 0xE2);
    if !text.bytes().any(suspect) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if (c.is_control() && c != '\t' && c != '\n') || bidi {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// True if `err` comes from writing into a closed pipe: the reader has
/// all it wanted, so the command ends quietly and successfully.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| e.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_array_equals_the_whole_one() {
        for n in 0..4 {
            let items: Vec<serde_json::Value> =
                (0..n).map(|i| serde_json::json!({"i": i, "s": "line\nbreak", "v": [], "o": {"x": [1]}})).collect();
            let mut streamed = Vec::new();
            let mut array = JsonArray::default();
            for item in &items {
                array.push(&mut streamed, &array_element(item).unwrap()).unwrap();
            }
            array.finish(&mut streamed).unwrap();
            let mut whole = Vec::new();
            write_pretty(&mut whole, &items).unwrap();
            assert_eq!(String::from_utf8(streamed).unwrap(), String::from_utf8(whole).unwrap());
        }
    }

    #[test]
    fn terminal_controls_are_escaped_and_the_rest_kept() {
        assert_eq!(terminal_safe("\u{85}x\u{9b}2J\u{7f}\r"), "\\u{85}x\\u{9b}2J\\u{7f}\\u{d}");
        assert_eq!(terminal_safe("\u{2066}iso\u{2069} \u{2014} \u{20ac}"), "\\u{2066}iso\\u{2069} \u{2014} \u{20ac}");
        assert!(matches!(terminal_safe("plain\ttext\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn broken_pipe_is_found_through_context() {
        let e = anyhow::Error::from(io::Error::from(io::ErrorKind::BrokenPipe)).context("writing");
        assert!(is_broken_pipe(&e));
        assert!(!is_broken_pipe(&anyhow::anyhow!("other")));
    }
}
