//! Where articles come from: text files, JSON lines and standard input,
//! turned into [`InputArticle`]s in input order.
//!
//! - A text file (any name when named on the command line, `.txt` inside a
//!   directory) is one article: the first non-empty line is the title
//!   ([`split_title`]), decoded as [`crate::decode`] describes; binary files
//!   are refused.
//! - A JSON-lines file (`.jsonl`/`.ndjson`, or any file with `--input
//!   jsonl`) holds one article object a line, read as a stream: fields
//!   `id` (string or number, optional), `title` (optional) and `body`
//!   (required) by default, renamed with [`Fields`]. Blank lines are
//!   skipped; a malformed line is an error naming its line, and the other
//!   lines are still read.
//! - An HTML page (`.html`/`.htm`, a file that starts like a page, or any
//!   file with `--input html`) is one article: the one inside the page, as
//!   [`crate::html`] finds it; its title unless the input gives one. A JSON
//!   line without the text field but with an HTML field (`html` by default,
//!   [`Fields::html`]) is read the same way.
//! - `-` is standard input: one text article, JSON lines with `--input
//!   jsonl`, an HTML page with `--input html` (or by its content).
//! - Directories are walked recursively, files sorted by path, so the same
//!   inputs always come in the same order.
//!
//! Reading is split in two so that it can run on every core: [`pending`]
//! walks the inputs in order and yields cheap [`Pending`] items (a path, or
//! one line of JSON); [`Pending::read`] does the reading and parsing, on
//! any thread.

use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

use crate::decode::{self, DecodeError};

/// An article ready for the summarizer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputArticle {
    /// The input's own id: the JSON line's id field (a string or number, or
    /// null when absent), the path for a text file.
    pub id: Value,
    /// Where it came from: the path, `FILE:LINE` for a JSON line, `-` for
    /// standard input, `sample:NAME` for the sample.
    pub origin: String,
    /// The title.
    pub title: String,
    /// The text to summarize.
    pub body: String,
}

/// How to read the inputs (`--input`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// By name: `.jsonl` and `.ndjson` files are JSON lines, anything else
    /// (and `-`) one text article.
    #[default]
    Auto,
    /// Every file (and `-`) is one text article.
    Text,
    /// Every file (and `-`) is JSON lines, one article a line.
    Jsonl,
    /// Every file (and `-`) is one HTML page; directories give their `.html`/`.htm` files.
    Html,
}

/// Names of the JSON fields an article is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// The article's id (optional in the data).
    pub id: String,
    /// Its title (optional in the data: empty when absent).
    pub title: String,
    /// The text to summarize (required, unless the line has an HTML page).
    pub text: String,
    /// A raw HTML page, read when the line has no text field: the article
    /// inside it is summarized, and its title used when the line has none.
    pub html: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields { id: "id".into(), title: "title".into(), text: "body".into(), html: "html".into() }
    }
}

/// What [`pending`] and [`Pending::read`] need to know.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Text, JSON lines, or by file name.
    pub format: Format,
    /// JSON field names.
    pub fields: Fields,
}

/// Why an input, or one line of it, gave no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The path, `FILE:LINE`, or `-`.
    pub origin: String,
    /// What is wrong with it.
    pub problem: Problem,
}

/// What is wrong with an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The path does not exist.
    NotFound,
    /// Reading it failed (the system's message).
    Unreadable(String),
    /// NUL bytes or mostly control characters ([`DecodeError::Binary`]).
    Binary,
    /// A directory without article files, or a JSON-lines input without a line.
    NoArticles,
    /// An HTML page without an article, or over a limit (the extractor's error).
    Html(crate::html::ExtractError),
    /// A line that is not JSON (serde_json's message).
    InvalidJson(String),
    /// A JSON line that is not an object (what it is instead).
    NotAnObject(&'static str),
    /// A field is missing or of the wrong type.
    Field {
        /// The field's name.
        name: String,
        /// What is wrong with it.
        problem: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotFound => f.write_str("no such file or directory"),
            Problem::Unreadable(e) => write!(f, "cannot read: {e}"),
            Problem::Binary => write!(f, "{}", DecodeError::Binary),
            Problem::NoArticles => {
                f.write_str("no articles found (looked for .txt, .html, .htm, .jsonl and .ndjson files, or lines)")
            }
            Problem::Html(e) => write!(f, "{e}"),
            Problem::InvalidJson(e) => write!(f, "invalid JSON: {e}"),
            Problem::NotAnObject(kind) => write!(f, "expected an article object, found {kind}"),
            Problem::Field { name, problem } => write!(f, "field `{name}`: {problem}"),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.problem)
    }
}

impl std::error::Error for InputError {}

impl InputError {
    fn new(origin: impl Into<String>, problem: Problem) -> Self {
        InputError { origin: origin.into(), problem }
    }

    fn io(origin: impl Into<String>, e: &std::io::Error) -> Self {
        let problem = if e.kind() == std::io::ErrorKind::NotFound {
            Problem::NotFound
        } else {
            Problem::Unreadable(e.to_string())
        };
        InputError::new(origin, problem)
    }
}

/// One article still to read, in input order: made cheaply by [`pending`],
/// read by [`Pending::read`] on whichever thread is free.
#[derive(Debug)]
pub enum Pending {
    /// A text file: one article.
    TextFile(PathBuf),
    /// Standard input's text (already read): one article.
    Text {
        /// `-`.
        origin: String,
        /// The raw bytes.
        bytes: Vec<u8>,
    },
    /// An HTML page's file: one article.
    HtmlFile(PathBuf),
    /// Standard input's HTML page (already read): one article.
    Html {
        /// `-`.
        origin: String,
        /// The raw bytes.
        bytes: Vec<u8>,
    },
    /// One JSON line.
    Line {
        /// The file (or `-`).
        file: Arc<str>,
        /// 1-based line number.
        line: usize,
        /// The line's bytes.
        bytes: Vec<u8>,
    },
    /// An input that failed before any article could be read from it.
    Failed(InputError),
}

impl Pending {
    /// Reads and parses the article.
    pub fn read(self, fields: &Fields) -> Result<InputArticle, InputError> {
        match self {
            Pending::TextFile(path) => {
                let origin = path.display().to_string();
                let bytes = read_file(&path).map_err(|e| InputError::io(origin.as_str(), &e))?;
                text_article(origin, bytes)
            }
            Pending::Text { origin, bytes } => text_article(origin, bytes),
            Pending::HtmlFile(path) => {
                let origin = path.display().to_string();
                let bytes = read_file(&path).map_err(|e| InputError::io(origin.as_str(), &e))?;
                html_article(origin, &bytes)
            }
            Pending::Html { origin, bytes } => html_article(origin, &bytes),
            Pending::Line { file, line, bytes } => {
                let origin = format!("{file}:{line}");
                match json_article(&bytes, fields) {
                    Ok((id, title, body)) => Ok(InputArticle { id, origin, title, body }),
                    Err(problem) => Err(InputError::new(origin, problem)),
                }
            }
            Pending::Failed(e) => Err(e),
        }
    }
}

/// A whole file's bytes. Unlike `std::fs::read`, without asking the size
/// first (two system calls per article file, `statx` and `lseek`): a
/// buffer most articles fit is read into until a read returns nothing,
/// and grows for the others. (Through `Take`, because `File`'s own
/// `read_to_end` asks the size.)
fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(16 << 10);
    std::fs::File::open(path)?.take(u64::MAX).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn text_article(origin: String, bytes: Vec<u8>) -> Result<InputArticle, InputError> {
    if crate::html::looks_like_html(&bytes) {
        return html_article(origin, &bytes);
    }
    let text = decode::decode(bytes).map_err(|_| InputError::new(origin.as_str(), Problem::Binary))?;
    let (title, body) = split_title(&text);
    Ok(InputArticle { id: Value::String(origin.clone()), origin, title, body })
}

/// One article from an HTML page's bytes.
fn html_article(origin: String, bytes: &[u8]) -> Result<InputArticle, InputError> {
    let a = crate::html::article(bytes).map_err(|e| InputError::new(origin.as_str(), Problem::Html(e)))?;
    Ok(InputArticle { id: Value::String(origin.clone()), origin, title: a.title, body: a.text })
}

/// Reads a whole text file (`-` for standard input) and decodes it,
/// refusing binary files. An HTML page (by name or content) gives the text
/// of its article: the title line, a blank line, the text.
pub fn read_text_file(path: &Path) -> Result<String, InputError> {
    let origin = path.display().to_string();
    let bytes = if path == Path::new("-") {
        let mut b = Vec::new();
        std::io::stdin().lock().read_to_end(&mut b).map_err(|e| InputError::io("-", &e))?;
        b
    } else {
        read_file(path).map_err(|e| InputError::io(origin.as_str(), &e))?
    };
    if crate::html::has_html_name(path) || crate::html::looks_like_html(&bytes) {
        let a = crate::html::article(&bytes).map_err(|e| InputError::new(origin, Problem::Html(e)))?;
        return Ok(crate::html::as_text(&a));
    }
    decode::decode(bytes).map_err(|_| InputError::new(origin, Problem::Binary))
}

/// The id, title and body of one JSON line.
fn json_article(bytes: &[u8], fields: &Fields) -> Result<(Value, String, String), Problem> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        // serde_json counts lines inside the text it was given: one line here.
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg);
        Problem::InvalidJson(format!("{msg} at column {}", e.column()))
    })?;
    let Value::Object(mut obj) = value else { return Err(Problem::NotAnObject(json_kind(&value))) };
    let field_err = |name: &str, problem: String| Problem::Field { name: name.to_owned(), problem };
    let id = match obj.remove(&fields.id) {
        None | Some(Value::Null) => Value::Null,
        Some(v @ (Value::String(_) | Value::Number(_))) => v,
        Some(other) => {
            return Err(field_err(&fields.id, format!("expected a string or a number, found {}", json_kind(&other))));
        }
    };
    let present = |name: &str| obj.get(name).is_some_and(|v| !v.is_null());
    let from_html = !present(&fields.text) && present(&fields.html);
    let mut text = |name: &str, required: bool| match obj.remove(name) {
        None | Some(Value::Null) if required => Err(field_err(name, "missing".to_owned())),
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(field_err(name, format!("expected a string, found {}", json_kind(&other)))),
    };
    let title = text(&fields.title, false)?;
    if from_html {
        let page = text(&fields.html, true)?;
        let a = crate::html::article_from_str(&page).map_err(|e| field_err(&fields.html, e.to_string()))?;
        return Ok((id, if title.is_empty() { a.title } else { title }, a.text));
    }
    let body = text(&fields.text, true)?;
    Ok((id, title, body))
}

/// How a JSON value's type is named in messages (`a string`, `an array`).
pub fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Walks `inputs` in order, yielding every article still to read.
/// Problems with an input (missing, unreadable, a directory without
/// articles) come as [`Pending::Failed`] in their place. Lazy: a directory
/// is listed, and a JSON-lines file read a line further, only when the
/// items before are taken, so a run that stops early reads no further.
pub fn pending<'a>(inputs: &'a [PathBuf], opts: &'a ReadOptions) -> Pendings<'a> {
    Pendings { inputs: inputs.iter(), format: opts.format, files: Vec::new().into_iter(), lines: None }
}

/// The iterator of [`pending`].
pub struct Pendings<'a> {
    inputs: std::slice::Iter<'a, PathBuf>,
    format: Format,
    /// The files of the directory being walked, still to come.
    files: std::vec::IntoIter<PathBuf>,
    /// The JSON-lines stream being read.
    lines: Option<Lines>,
}

impl fmt::Debug for Pendings<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pendings").field("files", &self.files.len()).field("lines", &self.lines.is_some()).finish()
    }
}

impl Iterator for Pendings<'_> {
    type Item = Pending;

    fn next(&mut self) -> Option<Pending> {
        loop {
            if let Some(lines) = &mut self.lines {
                match lines.next() {
                    Some(p) => return Some(p),
                    None => self.lines = None,
                }
            }
            if let Some(path) = self.files.next() {
                match self.file(path) {
                    Some(p) => return Some(p),
                    None => continue,
                }
            }
            let input = self.inputs.next()?;
            if let Some(p) = self.input(input) {
                return Some(p);
            }
        }
    }
}

impl Pendings<'_> {
    /// Starts on one command-line input: the item it gives at once, if any
    /// (otherwise its files or lines are set up to come next).
    fn input(&mut self, input: &Path) -> Option<Pending> {
        if input == Path::new("-") {
            if self.format == Format::Jsonl {
                self.lines = Some(Lines::new(Arc::from("-"), Box::new(BufReader::new(std::io::stdin()))));
                return None;
            }
            let mut bytes = Vec::new();
            return Some(match std::io::stdin().lock().read_to_end(&mut bytes) {
                Ok(_) if self.format == Format::Html => Pending::Html { origin: "-".into(), bytes },
                Ok(_) => Pending::Text { origin: "-".into(), bytes },
                Err(e) => Pending::Failed(InputError::io("-", &e)),
            });
        }
        if input.is_dir() {
            let format = self.format;
            return match walk(input, |p| is_article_file(p, format)) {
                Ok(files) if files.is_empty() => {
                    Some(Pending::Failed(InputError::new(input.display().to_string(), Problem::NoArticles)))
                }
                Ok(files) => {
                    self.files = files.into_iter();
                    None
                }
                Err(e) => Some(Pending::Failed(InputError::io(input.display().to_string(), &e))),
            };
        }
        if input.exists() {
            return self.file(input.to_path_buf());
        }
        Some(Pending::Failed(InputError::new(input.display().to_string(), Problem::NotFound)))
    }

    /// A text file's item, or the JSON-lines file set up to be read next.
    fn file(&mut self, path: PathBuf) -> Option<Pending> {
        if is_html(&path, self.format) {
            return Some(Pending::HtmlFile(path));
        }
        if !is_jsonl(&path, self.format) {
            return Some(Pending::TextFile(path));
        }
        let name: Arc<str> = Arc::from(path.display().to_string());
        match std::fs::File::open(&path) {
            Ok(f) => {
                self.lines = Some(Lines::new(name, Box::new(BufReader::with_capacity(1 << 16, f))));
                None
            }
            Err(e) => Some(Pending::Failed(InputError::io(&*name, &e))),
        }
    }
}

/// True if `inputs` can only ever give one article: one text file (or `-` as text).
pub fn is_single_text(inputs: &[PathBuf], format: Format) -> bool {
    match inputs {
        [one] => one.as_os_str() == "-" && format != Format::Jsonl || one.is_file() && !is_jsonl(one, format),
        _ => false,
    }
}

/// The non-blank lines of a JSON-lines stream; a NUL byte ends the file
/// as binary (it is never valid in JSON), a stream without a line is
/// [`Problem::NoArticles`].
struct Lines {
    file: Arc<str>,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    any: bool,
    done: bool,
}

impl Lines {
    fn new(file: Arc<str>, reader: Box<dyn BufRead + Send>) -> Self {
        Lines { file, reader, line: 0, any: false, done: false }
    }

    /// Ends the stream with `problem`.
    fn fail(&mut self, problem: Problem) -> Option<Pending> {
        self.done = true;
        Some(Pending::Failed(InputError::new(&*self.file, problem)))
    }
}

impl Iterator for Lines {
    type Item = Pending;

    fn next(&mut self) -> Option<Pending> {
        while !self.done {
            let mut bytes = Vec::new();
            match self.reader.read_until(b'\n', &mut bytes) {
                Ok(0) if self.any => self.done = true,
                Ok(0) => return self.fail(Problem::NoArticles),
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Pending::Failed(InputError::io(&*self.file, &e)));
                }
            }
            if self.done {
                break;
            }
            self.line += 1;
            if self.line == 1 && bytes.starts_with(b"\xef\xbb\xbf") {
                bytes.drain(..3);
            }
            if bytes.contains(&0) {
                return self.fail(Problem::Binary);
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.any = true;
            return Some(Pending::Line { file: self.file.clone(), line: self.line, bytes });
        }
        None
    }
}

fn is_jsonl(path: &Path, format: Format) -> bool {
    match format {
        Format::Jsonl => true,
        Format::Text | Format::Html => false,
        Format::Auto => has_extension(path, &["jsonl", "ndjson"]),
    }
}

/// True for a file read as an HTML page whatever its content.
fn is_html(path: &Path, format: Format) -> bool {
    match format {
        Format::Html => true,
        Format::Text | Format::Jsonl => false,
        Format::Auto => crate::html::has_html_name(path),
    }
}

/// Which files inside a directory are articles.
fn is_article_file(path: &Path, format: Format) -> bool {
    match format {
        Format::Auto => has_extension(path, &["txt", "jsonl", "ndjson", "html", "htm"]),
        Format::Text => has_extension(path, &["txt"]),
        Format::Jsonl => has_extension(path, &["jsonl", "ndjson"]),
        Format::Html => has_extension(path, &["html", "htm"]),
    }
}

fn has_extension(path: &Path, any_of: &[&str]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| any_of.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The files under `dir` (recursively) that `keep` accepts, sorted by path
/// (as [`Path`]'s order: component by component).
pub fn walk(dir: &Path, keep: impl Fn(&Path) -> bool) -> std::io::Result<Vec<PathBuf>> {
    // Depth first through each directory's entries sorted by name gives
    // the paths in sorted order without comparing whole paths.
    let mut out = Vec::new();
    let mut stack = vec![sorted_entries(dir)?.into_iter()];
    while let Some(entries) = stack.last_mut() {
        match entries.next() {
            None => {
                stack.pop();
            }
            Some((path, true)) => stack.push(sorted_entries(&path)?.into_iter()),
            Some((path, false)) => {
                if keep(&path) {
                    out.push(path);
                }
            }
        }
    }
    Ok(out)
}

/// A directory's entries sorted by name, each with whether it is a directory.
fn sorted_entries(dir: &Path) -> std::io::Result<Vec<(PathBuf, bool)>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        // The entry's own type saves a stat per file; links are followed.
        let mut kind = entry.file_type()?;
        if kind.is_symlink() {
            kind = std::fs::metadata(entry.path())?.file_type();
        }
        entries.push((entry.file_name(), kind.is_dir()));
    }
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Ok(entries.into_iter().map(|(name, is_dir)| (dir.join(name), is_dir)).collect())
}

/// The `.txt` files `inputs` name (files as given, directories walked), for
/// commands that read whole documents (`epitome model build`).
pub fn text_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, InputError> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            out.extend(
                walk(p, |f| has_extension(f, &["txt"])).map_err(|e| InputError::io(p.display().to_string(), &e))?,
            );
        } else if p.is_file() {
            out.push(p.clone());
        } else {
            return Err(InputError::new(p.display().to_string(), Problem::NotFound));
        }
    }
    Ok(out)
}

/// Splits plain text into title and body: the title is the first non-empty
/// line. A first line that starts with a metadata stamp such as
/// `date 2026-01-28` is not a headline: then the title is empty and the
/// whole text is the body (the core's segmenter drops the stamp).
pub fn split_title(text: &str) -> (String, String) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        offset += line.len();
        if t.is_empty() {
            continue;
        }
        if starts_with_stamp(t) {
            return (String::new(), text.to_owned());
        }
        return (t.to_owned(), text[offset..].to_owned());
    }
    (String::new(), String::new())
}

fn starts_with_stamp(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    ["date", "published", "updated", "posted"].iter().any(|p| {
        lower.strip_prefix(p).is_some_and(|r| {
            let r2 = r.trim_start_matches([' ', ':', '\t']);
            r2.len() < r.len() && r2.starts_with(|c: char| c.is_ascii_digit())
        })
    })
}

/// The built-in sample as articles.
pub fn sample() -> Vec<InputArticle> {
    crate::sample::ARTICLES
        .iter()
        .map(|(name, text)| {
            let (title, body) = split_title(text);
            let origin = format!("sample:{name}");
            InputArticle { id: Value::String(origin.clone()), origin, title, body }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_skips_blank_and_metadata_lines() {
        let (t, b) = split_title("\n\nHeadline here\n\nBody text.");
        assert_eq!(t, "Headline here");
        assert_eq!(b, "\nBody text.");
        let (t, b) = split_title(" date 2026-01-28 The CIA is working.\nMore.");
        assert_eq!(t, "");
        assert_eq!(b, " date 2026-01-28 The CIA is working.\nMore.");
        assert_eq!(split_title("Dated material\nx").0, "Dated material");
    }

    fn line(json: &str, fields: &Fields) -> Result<InputArticle, InputError> {
        Pending::Line { file: Arc::from("f.jsonl"), line: 7, bytes: json.as_bytes().to_vec() }.read(fields)
    }

    #[test]
    fn json_lines_with_default_and_mapped_fields() {
        let a = line(r#"{"id": 5, "title": "T", "body": "B", "extra": [1]}"#, &Fields::default()).unwrap();
        assert_eq!(
            (a.id, a.origin.as_str(), a.title.as_str(), a.body.as_str()),
            (Value::from(5), "f.jsonl:7", "T", "B")
        );
        let a = line(r#"{"body": "only a body"}"#, &Fields::default()).unwrap();
        assert_eq!((a.id, a.title.as_str()), (Value::Null, ""));
        let cnn = Fields { id: "id".into(), title: "headline".into(), text: "article".into(), ..Fields::default() };
        let a = line(r#"{"id": "abc", "article": "Text.", "highlights": "H"}"#, &cnn).unwrap();
        assert_eq!((a.id, a.body.as_str()), (Value::from("abc"), "Text."));
    }

    #[test]
    fn json_line_errors_name_the_line_and_field() {
        let d = Fields::default();
        let e = line(r#"{"title": "T"}"#, &d).unwrap_err();
        assert_eq!(e.to_string(), "f.jsonl:7: field `body`: missing");
        let e = line(r#"{"body": 3}"#, &d).unwrap_err();
        assert_eq!(e.to_string(), "f.jsonl:7: field `body`: expected a string, found a number");
        let e = line(r#"{"id": [1], "body": "b"}"#, &d).unwrap_err();
        assert!(e.to_string().contains("field `id`: expected a string or a number"), "{e}");
        assert_eq!(line("[1]", &d).unwrap_err().problem, Problem::NotAnObject("an array"));
        let e = line(r#"{"body": "b""#, &d).unwrap_err();
        assert!(e.to_string().starts_with("f.jsonl:7: invalid JSON: EOF while parsing an object at column "), "{e}");
    }

    fn collect(inputs: &[PathBuf], format: Format) -> Vec<Result<InputArticle, String>> {
        let opts = ReadOptions { format, fields: Fields::default() };
        pending(inputs, &opts).map(|p| p.read(&opts.fields).map_err(|e| e.to_string())).collect()
    }

    #[test]
    fn inputs_in_order_with_failures_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("in/sub")).unwrap();
        std::fs::create_dir_all(d.join("empty")).unwrap();
        std::fs::write(d.join("in/b.txt"), "B title\nB body.").unwrap();
        std::fs::write(d.join("in/sub/a.jsonl"), "{\"body\":\"one\"}\n\n not json\n{\"body\":\"three\"}\n").unwrap();
        std::fs::write(d.join("in/notes.md"), "ignored").unwrap();
        std::fs::write(d.join("bin.txt"), b"\x7fELF\x02\x01\0\0").unwrap();
        std::fs::write(d.join("none.jsonl"), "\n  \n").unwrap();
        let inputs = ["in", "missing.txt", "empty", "bin.txt", "none.jsonl"].map(|p| d.join(p));
        let got = collect(&inputs, Format::Auto);
        let shown: Vec<String> = got
            .iter()
            .map(|r| match r {
                Ok(a) => format!("ok {}", a.body),
                Err(e) => e.replace(&d.display().to_string(), "D"),
            })
            .collect();
        assert_eq!(shown[0], "ok B body.");
        assert_eq!(shown[1], "ok one");
        assert!(shown[2].starts_with("D/in/sub/a.jsonl:3: invalid JSON"), "{shown:?}");
        assert_eq!(shown[3], "ok three");
        assert_eq!(shown[4], "D/missing.txt: no such file or directory");
        assert!(shown[5].starts_with("D/empty: no articles found"), "{shown:?}");
        assert_eq!(shown[6], "D/bin.txt: binary file, not a text article");
        assert!(shown[7].starts_with("D/none.jsonl: no articles found"), "{shown:?}");
        assert_eq!(shown.len(), 8);
        // Forced formats: a directory of only .txt files has no JSON lines.
        assert!(collect(&[d.join("in")], Format::Text).len() == 1);
        assert!(collect(&[d.join("in/b.txt")], Format::Jsonl)[0].as_ref().is_err());
        assert!(is_single_text(&[d.join("in/b.txt")], Format::Auto));
        assert!(!is_single_text(&[d.join("in")], Format::Auto));
        assert!(!is_single_text(&[d.join("in/sub/a.jsonl")], Format::Auto));
    }

    #[test]
    fn inputs_are_looked_at_only_when_their_turn_comes() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("x.jsonl"), "{\"body\":\"one\"}\n{\"body\":\"two\"}\n").unwrap();
        std::fs::write(d.join("y.txt"), "Y\nbody").unwrap();
        let opts = ReadOptions::default();
        let inputs = [d.join("x.jsonl"), d.join("y.txt")];
        let mut items = pending(&inputs, &opts);
        assert!(matches!(items.next(), Some(Pending::Line { line: 1, .. })));
        // Gone before its turn: found missing then, not at the start.
        std::fs::remove_file(d.join("y.txt")).unwrap();
        assert!(matches!(items.next(), Some(Pending::Line { line: 2, .. })));
        match items.next() {
            Some(Pending::Failed(e)) => assert_eq!(e.problem, Problem::NotFound),
            other => panic!("{other:?}"),
        }
        assert!(items.next().is_none());
    }

    #[test]
    fn files_past_the_first_buffer_are_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        for len in [0, 1, 16 << 10, (16 << 10) + 1, 100_000] {
            let p = dir.path().join(format!("{len}.txt"));
            let bytes: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            std::fs::write(&p, &bytes).unwrap();
            assert_eq!(read_file(&p).unwrap(), bytes, "{len} bytes");
        }
        assert_eq!(read_file(&dir.path().join("missing")).unwrap_err().kind(), std::io::ErrorKind::NotFound);
    }

    #[test]
    fn walk_sorts_like_paths() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in ["b.txt", "a/z.txt", "a.txt", "a-b/c.txt", "a/b/c.txt", "A.txt", "c.md"] {
            std::fs::create_dir_all(d.join(f).parent().unwrap()).unwrap();
            std::fs::write(d.join(f), "x").unwrap();
        }
        let got = walk(d, |p| has_extension(p, &["txt"])).unwrap();
        let mut want = got.clone();
        want.sort();
        assert_eq!(got, want);
        assert_eq!(got.len(), 6);
    }

    #[test]
    fn a_nul_ends_a_json_lines_file_as_binary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.jsonl");
        std::fs::write(&p, b"{\"body\":\"ok\"}\n\0\x01\x02\n{\"body\":\"never read\"}\n").unwrap();
        let got = collect(&[p], Format::Auto);
        assert_eq!(got.len(), 2);
        assert!(got[1].as_ref().unwrap_err().ends_with("x.jsonl: binary file, not a text article"));
    }
}
