//! Where articles come from: text files, JSON documents and lines, corpus
//! bundles and standard input, turned into [`InputArticle`]s in input
//! order. Every command that reads a list of articles reads it here, so
//! one set of rules holds for all of them (the README's table):
//!
//! - A text file (any name when named on the command line, `.txt` inside a
//!   directory) is one article: the first non-empty line is the title
//!   ([`split_title`]), decoded as [`crate::decode`] describes; binary files
//!   are refused.
//! - A JSON-lines file (`.jsonl`/`.ndjson`, or any file with `--input
//!   jsonl`) holds one article object a line, read as a stream: fields
//!   `id` (string or number, optional), `title` (optional) and `body`
//!   (required) by default, renamed with [`Fields`]; `source`, `published`
//!   and `lang` are kept for bundles. Blank lines are skipped; a malformed
//!   line is an error naming its line, and the other lines are still read.
//! - A JSON file (`.json`) holds one such object or an array of them.
//! - A file named on the command line that starts with the bundle magic is
//!   a corpus bundle (`epitome pack`): its articles in order.
//! - An HTML page (`.html`/`.htm`, a text file or stream that starts like a
//!   page, or anything with `--input html`) is one article: the one inside
//!   the page, as [`crate::html`] finds it. A JSON object without the text
//!   field but with an HTML field (`html` by default, [`Fields::html`]) is
//!   read the same way, with the page's title unless the object has one.
//! - `-` is standard input: one text article, JSON lines with `--input
//!   jsonl`, an HTML page with `--input html` (or by its content).
//! - Directories are walked recursively, files sorted by path, so the same
//!   inputs always come in the same order. Symbolic links are followed, but
//!   never into a directory that holds them (a loop), and a file reached
//!   twice in one walk is read once. Entries that are not regular files
//!   (FIFOs, devices, sockets) are skipped with a message: reading one could
//!   block forever. Named on the command line, a FIFO or device is read as a
//!   stream, as `cat` would.
//!
//! Each input is judged alone: one that cannot be read (missing, a dangling
//! link, a loop, unreadable, not a regular file inside a walk, binary, over
//! a [`Limits`] size) gives one [`InputError`] naming *its* path, in its
//! place, and everything else is still read. Memory stays bounded: a file
//! is read only up to its limit, a line only up to its own, and a file
//! whose first block holds a NUL is refused as binary at once.
//!
//! Reading is split in two so that it can run on every core: [`pending`]
//! walks the inputs in order and yields cheap [`Pending`] items (a path, or
//! one line of JSON); [`Pending::read`] does the reading and parsing, on
//! any thread.
//!
//! A new kind of input (say HTML pages) is one [`Kind`] variant: a line in
//! [`Kind::in_walk`] and [`Kind::named`] for the names it goes by, and one
//! arm in [`Pending::read`] (or in `Pendings::file` for a kind holding
//! several articles) that turns its bytes into an [`InputArticle`].

use std::collections::HashSet;
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

use crate::decode::{self, DecodeError};
use crate::output::terminal_safe;

/// An article ready for the summarizer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputArticle {
    /// The input's own id: the JSON id field (a string or number, or null
    /// when absent; an integer too large for a 64-bit number is kept as
    /// its text, a string, rather than rounded), the bundle's id, the path
    /// for a text file.
    pub id: Value,
    /// Where it came from: the path, `FILE:LINE` for a JSON line, `FILE#N`
    /// for the Nth article of a JSON array or bundle, `-` for standard
    /// input, `sample:NAME` for the sample.
    pub origin: String,
    /// The title.
    pub title: String,
    /// The text to summarize.
    pub body: String,
    /// The fields a bundle carries besides (empty when not given).
    pub meta: Meta,
    /// What kind of input it came from.
    pub kind: Kind,
    /// True when the text was not UTF-8 and was read as Windows-1252
    /// ([`decode::Decoded::fallback`]): the reader is told once per file.
    pub fallback_encoding: bool,
}

/// The optional fields of a bundle's article (`epitome pack`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    /// Outlet.
    pub source: String,
    /// Publication date.
    pub published: String,
    /// Language tag.
    pub lang: String,
}

/// The kinds of input an article comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A text file (or stream): one article.
    Text,
    /// JSON lines: one article a line.
    JsonLines,
    /// A JSON document: one article object, or an array of them.
    Json,
    /// A corpus bundle from `epitome pack`.
    Bundle,
    /// An HTML page: the article inside it.
    Html,
    /// The built-in sample.
    Sample,
}

impl Kind {
    /// The kind of a file met inside a directory, `None` for files that
    /// are not articles (only these names are read from directories).
    pub fn in_walk(path: &Path, format: Format) -> Option<Kind> {
        match format {
            Format::Auto if has_extension(path, &["txt"]) => Some(Kind::Text),
            Format::Auto if has_extension(path, &["json"]) => Some(Kind::Json),
            Format::Auto | Format::Jsonl if has_extension(path, &["jsonl", "ndjson"]) => Some(Kind::JsonLines),
            Format::Text if has_extension(path, &["txt"]) => Some(Kind::Text),
            Format::Auto | Format::Html if crate::html::has_html_name(path) => Some(Kind::Html),
            _ => None,
        }
    }

    /// The kind of a file named on the command line (any name is read):
    /// by name, then, for a regular file, a bundle if it starts like one.
    fn named(path: &Path, format: Format) -> Kind {
        match format {
            Format::Text => Kind::Text,
            Format::Jsonl => Kind::JsonLines,
            Format::Html => Kind::Html,
            Format::Auto => Kind::in_walk(path, format).unwrap_or(Kind::Text),
        }
    }
}

/// How to read the inputs (`--input`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// By name: `.jsonl` and `.ndjson` files are JSON lines, `.json` files
    /// JSON, a file starting like a bundle a bundle, anything else (and
    /// `-`) one text article.
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
    /// The text to summarize (required, unless the object has an HTML page).
    pub text: String,
    /// A raw HTML page, read when the object has no text field: the article
    /// inside it is summarized, and its title used when the object has none.
    pub html: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields { id: "id".into(), title: "title".into(), text: "body".into(), html: "html".into() }
    }
}

/// The largest inputs read, so that memory stays bounded whatever the
/// input: decided while reading, never after reading the whole thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of one text article, JSON document or bundle (`--max-article-bytes`).
    pub article_bytes: u64,
    /// Bytes of one JSON line (`--max-line-bytes`).
    pub line_bytes: u64,
}

/// The default of both limits: 16 MiB, a hundred times the longest news
/// article in the data sets and small enough that the threads' windows
/// of articles in flight stay well inside a desktop's memory.
pub const DEFAULT_LIMIT: u64 = 16 << 20;

impl Default for Limits {
    fn default() -> Self {
        Limits { article_bytes: DEFAULT_LIMIT, line_bytes: DEFAULT_LIMIT }
    }
}

/// What [`pending`] and [`Pending::read`] need to know.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Text, JSON lines, or by file name.
    pub format: Format,
    /// JSON field names.
    pub fields: Fields,
    /// Size limits.
    pub limits: Limits,
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
    /// A symbolic link to nothing.
    DanglingLink,
    /// A symbolic link that leads back to itself or to a directory holding it.
    Loop,
    /// Not a regular file, met inside a directory (what it is).
    NotRegular(&'static str),
    /// Larger than its limit.
    TooLarge {
        /// `file` or `line`.
        what: &'static str,
        /// The limit, in bytes.
        limit: u64,
    },
    /// Reading it failed (the system's message).
    Unreadable(String),
    /// NUL bytes or mostly control characters ([`DecodeError::Binary`]).
    Binary,
    /// A directory without article files, or a JSON-lines input without a line.
    NoArticles,
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
    /// A file that starts like a corpus bundle but is not a valid one.
    InvalidBundle(String),
    /// An HTML page without an article, or over a limit (the extractor's error).
    Html(crate::html::ExtractError),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotFound => f.write_str("no such file or directory"),
            Problem::DanglingLink => f.write_str("dangling symbolic link (its target does not exist)"),
            Problem::Loop => f.write_str("symbolic link loop (leads back to itself or a directory holding it)"),
            Problem::NotRegular(kind) => {
                write!(f, "skipped: {kind}, not a regular file (name it to read it as a stream)")
            }
            Problem::TooLarge { what: "line", limit } => {
                write!(f, "line longer than {limit} bytes, skipped (raise --max-line-bytes)")
            }
            Problem::TooLarge { what, limit } => {
                write!(f, "{what} larger than {limit} bytes, not read (raise --max-article-bytes)")
            }
            Problem::Unreadable(e) => write!(f, "cannot read: {e}"),
            Problem::Binary => write!(f, "{}", DecodeError::Binary),
            Problem::NoArticles => f.write_str(
                "no articles found (looked for .txt, .html, .htm, .json, .jsonl and .ndjson files, or lines)",
            ),
            Problem::Html(e) => write!(f, "{e}"),
            Problem::InvalidJson(e) => write!(f, "invalid JSON: {e}"),
            Problem::NotAnObject(kind) => write!(f, "expected an article object, found {kind}"),
            Problem::Field { name, problem } => write!(f, "field `{name}`: {problem}"),
            Problem::InvalidBundle(e) => write!(f, "not a valid corpus bundle: {e}"),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Paths and messages go to a terminal: no control character raw.
        write!(f, "{}: {}", terminal_safe(&self.origin), terminal_safe(&self.problem.to_string()))
    }
}

impl std::error::Error for InputError {}

impl InputError {
    fn new(origin: impl Into<String>, problem: Problem) -> Self {
        InputError { origin: origin.into(), problem }
    }

    fn io(origin: impl Into<String>, e: &std::io::Error) -> Self {
        let problem = match e.kind() {
            std::io::ErrorKind::NotFound => Problem::NotFound,
            _ if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) => Problem::Loop,
            _ => Problem::Unreadable(e.to_string()),
        };
        InputError::new(origin, problem)
    }

    /// Why `path` (which could not be followed) cannot be read: a dangling
    /// link is told apart from a missing path.
    fn path(path: &Path, e: &std::io::Error) -> Self {
        let mut err = InputError::io(path.display().to_string(), e);
        if err.problem == Problem::NotFound && path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) {
            err.problem = Problem::DanglingLink;
        }
        err
    }
}

/// One article still to read, in input order: made cheaply by [`pending`],
/// read by [`Pending::read`] on whichever thread is free.
#[derive(Debug)]
pub enum Pending {
    /// A text file (or a FIFO or device named on the command line): one article.
    TextFile(PathBuf, Limits),
    /// Standard input's text: one article.
    Stdin(Limits),
    /// An HTML page's file: one article.
    HtmlFile(PathBuf, Limits),
    /// Standard input's HTML page: one article.
    HtmlStdin(Limits),
    /// One JSON line.
    Line {
        /// The file (or `-`).
        file: Arc<str>,
        /// 1-based line number.
        line: usize,
        /// The line's bytes.
        bytes: Vec<u8>,
    },
    /// An article already read (from a JSON document or a bundle).
    Ready(Box<InputArticle>),
    /// An input that failed before any article could be read from it.
    Failed(InputError),
}

impl Pending {
    /// Reads and parses the article.
    pub fn read(self, fields: &Fields) -> Result<InputArticle, InputError> {
        match self {
            Pending::TextFile(path, limits) => {
                let origin = path.display().to_string();
                let bytes = std::fs::File::open(&path)
                    .map_err(|e| InputError::path(&path, &e))
                    .and_then(|f| read_bounded(f, limits.article_bytes, &origin))?;
                text_article(origin, bytes)
            }
            Pending::Stdin(limits) => {
                let bytes = read_bounded(std::io::stdin().lock(), limits.article_bytes, "-")?;
                text_article("-".to_owned(), bytes)
            }
            Pending::HtmlFile(path, limits) => {
                let origin = path.display().to_string();
                let bytes = std::fs::File::open(&path)
                    .map_err(|e| InputError::path(&path, &e))
                    .and_then(|f| read_limited(f, limits.article_bytes, &origin, false))?;
                html_article(origin, &bytes)
            }
            Pending::HtmlStdin(limits) => {
                let bytes = read_limited(std::io::stdin().lock(), limits.article_bytes, "-", false)?;
                html_article("-".to_owned(), &bytes)
            }
            Pending::Line { file, line, bytes } => {
                let origin = format!("{file}:{line}");
                match json_article(&bytes, fields) {
                    Ok(parts) => Ok(parts.into_article(origin, Kind::JsonLines)),
                    Err(problem) => Err(InputError::new(origin, problem)),
                }
            }
            Pending::Ready(a) => Ok(*a),
            Pending::Failed(e) => Err(e),
        }
    }
}

/// The first block read of a file: a NUL in it refuses the file as binary
/// before any more is read (news text never holds one).
const FIRST_BLOCK: u64 = 16 << 10;

/// A whole file's or stream's bytes, at most `limit` of them. Unlike
/// `std::fs::read`, without asking the size first (two system calls per
/// article file, `statx` and `lseek`, and no use for a stream): a buffer
/// most articles fit is read into until a read returns nothing, and grows
/// for the others. (Through `Take`, because `File`'s own `read_to_end`
/// asks the size.)
fn read_bounded(r: impl Read, limit: u64, origin: &str) -> Result<Vec<u8>, InputError> {
    read_limited(r, limit, origin, true)
}

/// [`read_bounded`], with the binary test on the first block only if
/// `text` (a bundle is binary).
fn read_limited(mut r: impl Read, limit: u64, origin: &str, text: bool) -> Result<Vec<u8>, InputError> {
    let io = |e: std::io::Error| InputError::io(origin, &e);
    let mut bytes = Vec::with_capacity(FIRST_BLOCK as usize);
    (&mut r).take(FIRST_BLOCK).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 == FIRST_BLOCK {
        if text && bytes.contains(&0) {
            return Err(InputError::new(origin, Problem::Binary));
        }
        // One byte past the limit tells a file at the limit from a larger one.
        r.take(limit.saturating_sub(FIRST_BLOCK).saturating_add(1)).read_to_end(&mut bytes).map_err(io)?;
    }
    if bytes.len() as u64 > limit {
        return Err(InputError::new(origin, Problem::TooLarge { what: "file", limit }));
    }
    Ok(bytes)
}

/// The bytes of a file that is not text (a bundle, a table), at most
/// `limit` of them: a FIFO or `/dev/zero` given by mistake is refused once
/// the limit is passed instead of filling the memory.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let origin = path.display().to_string();
    let f = std::fs::File::open(path).map_err(|e| InputError::path(path, &e))?;
    read_limited(f, limit, &origin, false)
}

fn text_article(origin: String, bytes: Vec<u8>) -> Result<InputArticle, InputError> {
    if crate::html::looks_like_html(&bytes) {
        return html_article(origin, &bytes);
    }
    let text = decode::decode_noting(bytes).map_err(|_| InputError::new(origin.as_str(), Problem::Binary))?;
    let (title, body) = split_title(&text.text);
    Ok(InputArticle {
        id: Value::String(origin.clone()),
        origin,
        title,
        body,
        meta: Meta::default(),
        kind: Kind::Text,
        fallback_encoding: text.fallback,
    })
}

/// One article from an HTML page's bytes.
fn html_article(origin: String, bytes: &[u8]) -> Result<InputArticle, InputError> {
    let a = crate::html::article(bytes).map_err(|e| InputError::new(origin.as_str(), Problem::Html(e)))?;
    Ok(InputArticle {
        id: Value::String(origin.clone()),
        origin,
        title: a.title,
        body: a.text,
        meta: Meta::default(),
        kind: Kind::Html,
        fallback_encoding: false,
    })
}

/// Reads a whole text file (`-` for standard input) and decodes it,
/// refusing binary files and files over the default limit ([`DEFAULT_LIMIT`]).
/// An HTML page (by name or content) gives the text of its article: the
/// title line, a blank line, the text.
pub fn read_text_file(path: &Path) -> Result<String, InputError> {
    read_text_file_limited(path, DEFAULT_LIMIT)
}

/// [`read_text_file`] with a limit of `limit` bytes.
pub fn read_text_file_limited(path: &Path, limit: u64) -> Result<String, InputError> {
    let origin = path.display().to_string();
    let bytes = if path == Path::new("-") {
        read_bounded(std::io::stdin().lock(), limit, "-")?
    } else {
        let f = std::fs::File::open(path).map_err(|e| InputError::path(path, &e))?;
        read_bounded(f, limit, &origin)?
    };
    if crate::html::has_html_name(path) || crate::html::looks_like_html(&bytes) {
        let a = crate::html::article(&bytes).map_err(|e| InputError::new(origin, Problem::Html(e)))?;
        return Ok(crate::html::as_text(&a));
    }
    decode::decode(bytes).map_err(|_| InputError::new(origin, Problem::Binary))
}

/// The fields of one JSON article, before it has an origin.
struct JsonParts {
    id: Value,
    title: String,
    body: String,
    meta: Meta,
}

impl JsonParts {
    fn into_article(self, origin: String, kind: Kind) -> InputArticle {
        InputArticle {
            id: self.id,
            origin,
            title: self.title,
            body: self.body,
            meta: self.meta,
            kind,
            fallback_encoding: false,
        }
    }
}

/// The article of one JSON line.
fn json_article(bytes: &[u8], fields: &Fields) -> Result<JsonParts, Problem> {
    // Without its line end, so that a string cut off by the end of the
    // line is reported as cut off, not as holding a control character.
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        // serde_json counts lines inside the text it was given: one line here.
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg);
        if e.is_eof() {
            Problem::InvalidJson(format!("the line ends before the JSON value does (cut off?): {msg}"))
        } else {
            Problem::InvalidJson(format!("{msg} at column {}", e.column()))
        }
    })?;
    object_article(value, bytes, fields)
}

/// The article of one JSON value; `raw` is the text it was parsed from
/// (for an id too large to be a number: kept as its text).
fn object_article(value: Value, raw: &[u8], fields: &Fields) -> Result<JsonParts, Problem> {
    let Value::Object(mut obj) = value else { return Err(Problem::NotAnObject(json_kind(&value))) };
    let field_err = |name: &str, problem: String| Problem::Field { name: name.to_owned(), problem };
    let id = match obj.remove(&fields.id) {
        None | Some(Value::Null) => Value::Null,
        Some(Value::Number(n)) if n.is_f64() => raw_integer(raw, &fields.id).map_or(Value::Number(n), Value::String),
        Some(v @ (Value::String(_) | Value::Number(_))) => v,
        Some(other) => {
            return Err(field_err(&fields.id, format!("expected a string or a number, found {}", json_kind(&other))));
        }
    };
    let present = |name: &str| obj.get(name).is_some_and(|v| !v.is_null());
    let from_html = !present(&fields.text) && present(&fields.html);
    let mut text = |name: &str, required: bool| match obj.remove(name) {
        None if required => Err(field_err(name, "missing".to_owned())),
        Some(Value::Null) if required => Err(field_err(name, "null, expected a string".to_owned())),
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(field_err(name, format!("expected a string, found {}", json_kind(&other)))),
    };
    let title = text(&fields.title, false)?;
    let (title, body) = if from_html {
        let page = text(&fields.html, true)?;
        let a = crate::html::article_from_str(&page).map_err(|e| field_err(&fields.html, e.to_string()))?;
        let a = a.titled(&title);
        (a.title, a.text)
    } else {
        (title, text(&fields.text, true)?)
    };
    let meta =
        Meta { source: text("source", false)?, published: text("published", false)?, lang: text("lang", false)? };
    Ok(JsonParts { id, title, body, meta })
}

/// The text of the integer in field `name` of the JSON object `raw`, if
/// it is an integer literal (one too large for 64 bits, which serde_json
/// would round to a float): `123456789012345678901234567890` stays exact.
fn raw_integer(raw: &[u8], name: &str) -> Option<String> {
    let map: std::collections::HashMap<String, &serde_json::value::RawValue> = serde_json::from_slice(raw).ok()?;
    let text = map.get(name)?.get();
    let digits = text.strip_prefix('-').unwrap_or(text);
    digits.bytes().all(|b| b.is_ascii_digit()).then(|| text.to_owned())
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
    Pendings {
        inputs: inputs.iter(),
        format: opts.format,
        fields: &opts.fields,
        limits: opts.limits,
        walk: None,
        lines: None,
        list: Vec::new().into_iter(),
    }
}

/// True if `path` is read as a stream: `-`, or a FIFO, device or socket
/// named on the command line. What comes before it must be written out
/// before it is read (it may wait for its writer forever).
/// Standard input redirected from a regular file is not a stream.
pub fn is_stream(path: &Path) -> bool {
    if path == Path::new("-") {
        #[cfg(unix)]
        {
            let regular = rustix::fs::fstat(std::io::stdin())
                .is_ok_and(|st| rustix::fs::FileType::from_raw_mode(st.st_mode) == rustix::fs::FileType::RegularFile);
            return !regular;
        }
        #[cfg(not(unix))]
        return true;
    }
    std::fs::metadata(path).is_ok_and(|m| !m.is_dir() && !m.is_file())
}

/// The most articles `inputs` can give, when that is known without
/// reading them: each is a file read as one text article. (More threads
/// than articles would only wait.)
pub fn most_articles(inputs: &[PathBuf], format: Format) -> Option<usize> {
    inputs.iter().all(|p| is_single_text(std::slice::from_ref(p), format)).then_some(inputs.len())
}

/// The iterator of [`pending`].
pub struct Pendings<'a> {
    inputs: std::slice::Iter<'a, PathBuf>,
    format: Format,
    fields: &'a Fields,
    limits: Limits,
    /// The directory being walked.
    walk: Option<Walk>,
    /// The JSON-lines stream being read.
    lines: Option<Lines>,
    /// The articles of a JSON document or bundle, still to come.
    list: std::vec::IntoIter<Pending>,
}

impl fmt::Debug for Pendings<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pendings").field("walk", &self.walk.is_some()).field("lines", &self.lines.is_some()).finish()
    }
}

impl Iterator for Pendings<'_> {
    type Item = Pending;

    fn next(&mut self) -> Option<Pending> {
        loop {
            if let Some(p) = self.list.next() {
                return Some(p);
            }
            if let Some(lines) = &mut self.lines {
                match lines.next() {
                    Some(p) => return Some(p),
                    None => self.lines = None,
                }
            }
            if let Some(walk) = &mut self.walk {
                match walk.next() {
                    Some(Ok((path, kind))) => match self.file(path, kind) {
                        Some(p) => return Some(p),
                        None => continue,
                    },
                    Some(Err(e)) => return Some(Pending::Failed(e)),
                    None => self.walk = None,
                }
                continue;
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
                self.lines = Some(Lines::new(Arc::from("-"), Box::new(BufReader::new(std::io::stdin())), self.limits));
                return None;
            }
            if self.format == Format::Html {
                return Some(Pending::HtmlStdin(self.limits));
            }
            return Some(Pending::Stdin(self.limits));
        }
        match std::fs::metadata(input) {
            Err(e) => Some(Pending::Failed(InputError::path(input, &e))),
            Ok(m) if m.is_dir() => {
                self.walk = Some(Walk::new(input, self.format));
                None
            }
            Ok(m) => {
                let mut kind = Kind::named(input, self.format);
                if kind == Kind::Text && m.is_file() && self.format == Format::Auto && starts_like_bundle(input) {
                    kind = Kind::Bundle;
                }
                self.file(input.to_path_buf(), kind)
            }
        }
    }

    /// A text file's item, or the articles of a file holding several set
    /// up to come next.
    fn file(&mut self, path: PathBuf, kind: Kind) -> Option<Pending> {
        let name = || path.display().to_string();
        match kind {
            Kind::Text | Kind::Sample => Some(Pending::TextFile(path, self.limits)),
            Kind::Html => Some(Pending::HtmlFile(path, self.limits)),
            Kind::JsonLines => match std::fs::File::open(&path) {
                Ok(f) => {
                    let reader = Box::new(BufReader::with_capacity(1 << 16, f));
                    self.lines = Some(Lines::new(Arc::from(name()), reader, self.limits));
                    None
                }
                Err(e) => Some(Pending::Failed(InputError::path(&path, &e))),
            },
            Kind::Json | Kind::Bundle => {
                let read = std::fs::File::open(&path)
                    .map_err(|e| InputError::path(&path, &e))
                    .and_then(|f| read_limited(f, self.limits.article_bytes, &name(), kind == Kind::Json));
                let items = read.and_then(|bytes| match kind {
                    Kind::Bundle => bundle_articles(&name(), &bytes),
                    _ => json_document(&name(), &bytes, self.fields),
                });
                match items {
                    Ok(items) => {
                        self.list = items.into_iter();
                        None
                    }
                    Err(e) => Some(Pending::Failed(e)),
                }
            }
        }
    }
}

/// True if the file at `path` starts with the bundle magic.
fn starts_like_bundle(path: &Path) -> bool {
    let mut head = [0u8; 8];
    let n = std::fs::File::open(path).and_then(|f| f.take(head.len() as u64).read(&mut head)).unwrap_or(0);
    crate::pack::looks_like_bundle(&head[..n])
}

/// The articles of a bundle file, each as a ready item.
fn bundle_articles(name: &str, bytes: &[u8]) -> Result<Vec<Pending>, InputError> {
    let bundle = epitome::wire::Bundle::from_bytes(bytes)
        .map_err(|e| InputError::new(name, Problem::InvalidBundle(e.to_string())))?;
    Ok(bundle
        .iter()
        .enumerate()
        .map(|(i, a)| {
            Pending::Ready(Box::new(InputArticle {
                id: Value::from(a.id),
                origin: format!("{name}#{}", i + 1),
                title: a.title.to_owned(),
                body: a.body.to_owned(),
                meta: Meta { source: a.source.to_owned(), published: a.published.to_owned(), lang: a.lang.to_owned() },
                kind: Kind::Bundle,
                fallback_encoding: false,
            }))
        })
        .collect())
}

/// The articles of a JSON document: one object, or an array of them
/// (`FILE#N` each, from 1); an element that is not an article fails alone.
fn json_document(name: &str, bytes: &[u8], fields: &Fields) -> Result<Vec<Pending>, InputError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| InputError::new(name, Problem::InvalidJson(format!("not UTF-8: {e}"))))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value =
        serde_json::from_str(text).map_err(|e| InputError::new(name, Problem::InvalidJson(e.to_string())))?;
    let one = |v: Value, origin: String| match object_article(v, b"", fields) {
        Ok(parts) => Pending::Ready(Box::new(parts.into_article(origin, Kind::Json))),
        Err(problem) => Pending::Failed(InputError::new(origin, problem)),
    };
    Ok(match value {
        Value::Array(items) => {
            items.into_iter().enumerate().map(|(i, v)| one(v, format!("{name}#{}", i + 1))).collect()
        }
        other => vec![one(other, name.to_owned())],
    })
}

/// True if `inputs` can only ever give one article: one text file (or `-` as text).
pub fn is_single_text(inputs: &[PathBuf], format: Format) -> bool {
    match inputs {
        [one] if one.as_os_str() == "-" => format != Format::Jsonl,
        [one] => {
            std::fs::metadata(one).is_ok_and(|m| !m.is_dir())
                && matches!(Kind::named(one, format), Kind::Text | Kind::Html)
                && !(format == Format::Auto && starts_like_bundle(one))
        }
        _ => false,
    }
}

/// One directory walk: its article files in path order, and the entries
/// that could not be read, each in its place.
struct Walk {
    root: PathBuf,
    format: Format,
    entries: walkdir::IntoIter,
    /// The files given so far, as (device, inode): none twice.
    seen: HashSet<(u64, u64)>,
    /// The device of each directory on the way down to the current one.
    devices: Vec<u64>,
    /// Whether anything (a file or a failure) came from this walk.
    any: bool,
}

impl Walk {
    fn new(root: &Path, format: Format) -> Self {
        // Following links, walkdir checks every directory against the ones
        // above it (`same-file`) and reports a loop instead of entering it.
        let entries = walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter();
        Walk { root: root.to_path_buf(), format, entries, seen: HashSet::new(), devices: Vec::new(), any: false }
    }

    fn next(&mut self) -> Option<Result<(PathBuf, Kind), InputError>> {
        loop {
            let entry = match self.entries.next() {
                None if self.any => return None,
                None => {
                    self.any = true;
                    return Some(Err(InputError::new(self.root.display().to_string(), Problem::NoArticles)));
                }
                Some(Ok(entry)) => entry,
                Some(Err(e)) => {
                    if let Some(err) = self.walk_error(&e) {
                        self.any = true;
                        return Some(Err(err));
                    }
                    continue;
                }
            };
            let kind = entry.file_type();
            if kind.is_dir() {
                self.enter(&entry);
                continue;
            }
            let Some(article) = Kind::in_walk(entry.path(), self.format) else { continue };
            self.any = true;
            if !kind.is_file() {
                let what = file_type_name(&kind);
                return Some(Err(InputError::new(entry.path().display().to_string(), Problem::NotRegular(what))));
            }
            if let Some(key) = self.file_key(&entry)
                && !self.seen.insert(key)
            {
                continue;
            }
            return Some(Ok((entry.into_path(), article)));
        }
    }

    /// The error to report for an entry the walk could not follow, if any:
    /// a link that leads nowhere is reported only if it is named like an
    /// article; a loop, or a directory that cannot be listed, always.
    fn walk_error(&self, e: &walkdir::Error) -> Option<InputError> {
        let path = e.path().unwrap_or(&self.root);
        let origin = path.display().to_string();
        if e.loop_ancestor().is_some() {
            return Some(InputError::new(origin, Problem::Loop));
        }
        let io = e.io_error()?;
        let err = InputError::path(path, io);
        let is_link = path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink());
        if is_link && Kind::in_walk(path, self.format).is_none() && e.depth() > 0 {
            return None;
        }
        Some(err)
    }
}

impl Walk {
    /// Notes the device of a directory the walk enters, for the files in it.
    fn enter(&mut self, entry: &walkdir::DirEntry) {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            self.devices.truncate(entry.depth());
            self.devices.push(entry.metadata().map_or(0, |m| m.dev()));
        }
        let _ = entry;
    }

    /// (device, inode) of a walked file, so that a file reached twice
    /// (through a link, or a hard link) is read once; `None` where the
    /// system has no such numbers. Without a system call for a file that
    /// is not a link itself: its inode is in its directory entry, its
    /// device is its directory's (noted by [`Walk::enter`]).
    #[cfg(unix)]
    fn file_key(&self, entry: &walkdir::DirEntry) -> Option<(u64, u64)> {
        use std::os::unix::fs::MetadataExt;
        use walkdir::DirEntryExt;
        if entry.path_is_symlink() {
            return entry.metadata().ok().map(|m| (m.dev(), m.ino()));
        }
        let device = entry.depth().checked_sub(1).and_then(|d| self.devices.get(d)).copied().unwrap_or(0);
        Some((device, entry.ino()))
    }

    #[cfg(not(unix))]
    fn file_key(&self, _: &walkdir::DirEntry) -> Option<(u64, u64)> {
        None
    }
}

/// How a file type that is not a regular file is named in messages.
fn file_type_name(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    let _ = kind;
    "a special file"
}

/// The non-blank lines of a JSON-lines stream, each at most
/// [`Limits::line_bytes`] long (a longer one is reported and skipped
/// without being held); a NUL byte ends the file as binary (it is never
/// valid in JSON), a stream without a line is [`Problem::NoArticles`].
struct Lines {
    file: Arc<str>,
    reader: Box<dyn BufRead + Send>,
    limit: u64,
    line: usize,
    any: bool,
    done: bool,
}

/// What [`Lines::read_line`] found.
enum LineRead {
    End,
    Line(Vec<u8>),
    TooLong,
    Binary,
}

impl Lines {
    fn new(file: Arc<str>, reader: Box<dyn BufRead + Send>, limits: Limits) -> Self {
        Lines { file, reader, limit: limits.line_bytes, line: 0, any: false, done: false }
    }

    /// Ends the stream with `problem`.
    fn fail(&mut self, problem: Problem) -> Option<Pending> {
        self.done = true;
        Some(Pending::Failed(InputError::new(&*self.file, problem)))
    }

    /// The next line, newline included, held only up to the limit.
    fn read_line(&mut self) -> std::io::Result<LineRead> {
        let mut bytes = Vec::new();
        let mut too_long = false;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                return Ok(match (too_long, bytes.is_empty()) {
                    (true, _) => LineRead::TooLong,
                    (false, true) => LineRead::End,
                    (false, false) => LineRead::Line(bytes),
                });
            }
            let (chunk, ends) = match memchr::memchr(b'\n', buf) {
                Some(i) => (&buf[..=i], true),
                None => (buf, false),
            };
            if chunk.contains(&0) {
                return Ok(LineRead::Binary);
            }
            if !too_long {
                if (bytes.len() + chunk.len()) as u64 > self.limit.saturating_add(1) {
                    too_long = true;
                    bytes = Vec::new();
                } else {
                    bytes.extend_from_slice(chunk);
                }
            }
            let n = chunk.len();
            self.reader.consume(n);
            if ends {
                return Ok(if too_long { LineRead::TooLong } else { LineRead::Line(bytes) });
            }
        }
    }
}

impl Iterator for Lines {
    type Item = Pending;

    fn next(&mut self) -> Option<Pending> {
        while !self.done {
            let mut bytes = match self.read_line() {
                Ok(LineRead::End) if self.any => break,
                Ok(LineRead::End) => return self.fail(Problem::NoArticles),
                Ok(LineRead::Binary) => return self.fail(Problem::Binary),
                Ok(LineRead::TooLong) => {
                    self.line += 1;
                    self.any = true;
                    let origin = format!("{}:{}", self.file, self.line);
                    let limit = self.limit;
                    return Some(Pending::Failed(InputError::new(origin, Problem::TooLarge { what: "line", limit })));
                }
                Ok(LineRead::Line(bytes)) => bytes,
                Err(e) => {
                    self.done = true;
                    return Some(Pending::Failed(InputError::io(&*self.file, &e)));
                }
            };
            self.line += 1;
            if self.line == 1 && bytes.starts_with(b"\xef\xbb\xbf") {
                bytes.drain(..3);
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.any = true;
            return Some(Pending::Line { file: self.file.clone(), line: self.line, bytes });
        }
        self.done = true;
        None
    }
}

fn has_extension(path: &Path, any_of: &[&str]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| any_of.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The `.txt` files `inputs` name (files as given, directories walked as
/// for articles), for commands that read whole documents (`epitome model
/// build`); the inputs that cannot be read come as errors in their place.
pub fn text_files(inputs: &[PathBuf]) -> Vec<Result<PathBuf, InputError>> {
    let mut out = Vec::new();
    for p in inputs {
        match std::fs::metadata(p) {
            Err(e) => out.push(Err(InputError::path(p, &e))),
            Ok(m) if m.is_dir() => {
                let mut walk = Walk::new(p, Format::Text);
                while let Some(r) = walk.next() {
                    out.push(r.map(|(path, _)| path));
                }
            }
            Ok(_) => out.push(Ok(p.clone())),
        }
    }
    out
}

/// Splits plain text into title and body, owned ([`epitome::headline::split`]
/// is the rule).
pub fn split_title(text: &str) -> (String, String) {
    let (title, body) = epitome::headline::split(text);
    (title.to_owned(), body.to_owned())
}

/// The built-in sample as articles.
pub fn sample() -> Vec<InputArticle> {
    crate::sample::ARTICLES
        .iter()
        .map(|(name, text)| {
            let (title, body) = split_title(text);
            let origin = format!("sample:{name}");
            InputArticle {
                id: Value::String(origin.clone()),
                origin,
                title,
                body,
                meta: Meta::default(),
                kind: Kind::Sample,
                fallback_encoding: false,
            }
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
        assert_eq!(
            e.to_string(),
            "f.jsonl:7: invalid JSON: the line ends before the JSON value does (cut off?): EOF while parsing an object"
        );
    }

    fn collect(inputs: &[PathBuf], format: Format) -> Vec<Result<InputArticle, String>> {
        let opts = ReadOptions { format, ..ReadOptions::default() };
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
    fn files_past_the_first_buffer_are_read_whole_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        for len in [0, 1, 16 << 10, (16 << 10) + 1, 100_000] {
            let p = dir.path().join(format!("{len}.txt"));
            let bytes: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            std::fs::write(&p, &bytes).unwrap();
            let read = |limit| read_bounded(std::fs::File::open(&p).unwrap(), limit, "x");
            assert_eq!(read(DEFAULT_LIMIT).unwrap(), bytes, "{len} bytes");
            assert_eq!(read(len as u64).unwrap(), bytes, "{len} bytes at its own limit");
            if len > 0 {
                let e = read(len as u64 - 1).unwrap_err();
                assert_eq!(e.problem, Problem::TooLarge { what: "file", limit: len as u64 - 1 });
            }
        }
        // A NUL in the first block of a long file: refused before the rest is read.
        let mut r = std::io::repeat(0).take(u64::MAX);
        assert_eq!(read_bounded(&mut r, DEFAULT_LIMIT, "zeros").unwrap_err().problem, Problem::Binary);
        assert_eq!(r.limit(), u64::MAX - FIRST_BLOCK);
    }

    #[test]
    fn walk_sorts_like_paths() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in ["b.txt", "a/z.txt", "a.txt", "a-b/c.txt", "a/b/c.txt", "A.txt", "c.md"] {
            std::fs::create_dir_all(d.join(f).parent().unwrap()).unwrap();
            std::fs::write(d.join(f), "x").unwrap();
        }
        let got: Vec<PathBuf> = text_files(&[d.to_path_buf()]).into_iter().map(Result::unwrap).collect();
        let mut want = got.clone();
        want.sort();
        assert_eq!(got, want);
        assert_eq!(got.len(), 6);
    }

    #[test]
    fn long_lines_are_skipped_alone_and_big_ids_kept_exact() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.jsonl");
        let long = format!("{{\"body\":\"{}\"}}\n", "a".repeat(200));
        let text =
            format!("{{\"body\":\"one\",\"id\":123456789012345678901234567890}}\n{long}{{\"body\":\"three\"}}\n");
        std::fs::write(&p, text).unwrap();
        let opts = ReadOptions { limits: Limits { line_bytes: 100, ..Limits::default() }, ..ReadOptions::default() };
        let inputs = [p];
        let got: Vec<_> = pending(&inputs, &opts).map(|p| p.read(&opts.fields)).collect();
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].as_ref().unwrap().id, Value::from("123456789012345678901234567890"));
        assert!(
            got[1]
                .as_ref()
                .unwrap_err()
                .to_string()
                .ends_with("x.jsonl:2: line longer than 100 bytes, skipped (raise --max-line-bytes)")
        );
        assert_eq!(got[2].as_ref().unwrap().body, "three");
    }

    #[test]
    fn cut_off_and_null_fields_are_told_as_such() {
        let d = Fields::default();
        let e = line("{\"body\": \"abc\n", &d).unwrap_err();
        assert!(e.to_string().contains("cut off"), "{e}");
        let e = line(r#"{"body": null}"#, &d).unwrap_err();
        assert_eq!(e.to_string(), "f.jsonl:7: field `body`: null, expected a string");
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
