//! Corpus packing: article files (`.txt`, `.json`, `.jsonl`) to a bundle and back.
//!
//! - `.txt`: the first non-empty line is the title (see [`crate::input::split_title`]),
//!   the rest the body; decoded as [`crate::decode`] says (binary files are refused).
//! - `.html`/`.htm` (or a `.txt` file that starts like a page): the article
//!   inside the HTML page, its title and text ([`crate::html`]).
//! - `.json`: one article object or an array of them; `.jsonl`: one object a
//!   line. Fields `title` and `body` (strings) are required; `source`,
//!   `published`, `lang` (strings) and `id` (integer) are optional; other
//!   fields are ignored.
//! - Directories are walked recursively, files sorted by path, so the same
//!   inputs always give the same bytes.
//!
//! Articles without an `id` get their position in the pack (0, 1, …); ids
//! must be unique.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use epitome::wire::{Article, BUNDLE_HEADER_LEN, Bundle, WireError, write_bundle};
use serde::{Deserialize, Serialize};

use crate::{decode, input};

/// An article read from a file, owning its text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OwnedArticle {
    /// Article id (see the module docs).
    pub id: u32,
    /// Headline.
    pub title: String,
    /// Outlet, or empty.
    pub source: String,
    /// Publication date, or empty.
    pub published: String,
    /// Language tag, or empty.
    pub lang: String,
    /// Full text.
    pub body: String,
}

impl OwnedArticle {
    /// The wire view, borrowing the text.
    pub fn as_wire(&self) -> Article<'_> {
        Article {
            id: self.id,
            title: &self.title,
            source: &self.source,
            published: &self.published,
            lang: &self.lang,
            body: &self.body,
        }
    }

    /// An owned copy of a wire article.
    pub fn from_wire(a: &Article<'_>) -> Self {
        OwnedArticle {
            id: a.id,
            title: a.title.to_owned(),
            source: a.source.to_owned(),
            published: a.published.to_owned(),
            lang: a.lang.to_owned(),
            body: a.body.to_owned(),
        }
    }
}

/// Why an input could not be packed: names the file, and where it applies
/// the line (JSON Lines, or JSON syntax errors) and the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackError {
    /// The offending file.
    pub file: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// The offending field, when one is to blame.
    pub field: Option<&'static str>,
    /// What is wrong.
    pub reason: String,
}

impl PackError {
    fn new(file: &Path, reason: impl Into<String>) -> Self {
        PackError { file: file.to_path_buf(), line: None, field: None, reason: reason.into() }
    }
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        if let Some(field) = self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.reason)
    }
}

impl std::error::Error for PackError {}

/// The kinds of file [`load`] reads.
fn kind(path: &Path) -> Option<&'static str> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "txt" => Some("txt"),
        "html" | "htm" => Some("html"),
        "json" => Some("json"),
        "jsonl" | "ndjson" => Some("jsonl"),
        _ => None,
    }
}

/// Expands `inputs` into article files: named files as given (they must
/// have a known extension), directories recursively, sorted by path.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, PackError> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let mut found = Vec::new();
            let mut stack = vec![p.clone()];
            while let Some(d) = stack.pop() {
                let rd = std::fs::read_dir(&d).map_err(|e| PackError::new(&d, format!("cannot list: {e}")))?;
                for entry in rd {
                    let path = entry.map_err(|e| PackError::new(&d, format!("cannot list: {e}")))?.path();
                    if path.is_dir() {
                        stack.push(path);
                    } else if kind(&path).is_some() {
                        found.push(path);
                    }
                }
            }
            found.sort();
            out.extend(found);
        } else if p.is_file() {
            if kind(p).is_none() {
                return Err(PackError::new(p, "unknown file type (expected .txt, .html, .json or .jsonl)"));
            }
            out.push(p.clone());
        } else {
            return Err(PackError::new(p, "no such file or directory"));
        }
    }
    Ok(out)
}

/// Reads every article of `inputs` (see the module docs) and assigns ids.
pub fn load(inputs: &[PathBuf]) -> Result<Vec<OwnedArticle>, PackError> {
    let mut all: Vec<(OwnedArticle, PathBuf, bool)> = Vec::new();
    for file in expand(inputs)? {
        for (a, explicit_id) in load_file(&file)? {
            all.push((a, file.clone(), explicit_id));
        }
    }
    let mut seen: HashMap<u32, PathBuf> = HashMap::new();
    let mut out = Vec::with_capacity(all.len());
    for (i, (mut a, file, explicit)) in all.into_iter().enumerate() {
        if !explicit {
            a.id = u32::try_from(i).map_err(|_| PackError::new(&file, "more than 2^32 articles"))?;
        }
        if let Some(first) = seen.insert(a.id, file.clone()) {
            return Err(PackError {
                field: Some("id"),
                ..PackError::new(&file, format!("id {} already used by {}", a.id, first.display()))
            });
        }
        out.push(a);
    }
    Ok(out)
}

/// Reads the articles of one file; the flag says whether the id was given.
pub fn load_file(path: &Path) -> Result<Vec<(OwnedArticle, bool)>, PackError> {
    let bytes = std::fs::read(path).map_err(|e| PackError::new(path, format!("cannot read: {e}")))?;
    match kind(path) {
        Some("html") => Ok(vec![(html_article(path, &bytes)?, false)]),
        Some("txt") if crate::html::looks_like_html(&bytes) => Ok(vec![(html_article(path, &bytes)?, false)]),
        Some("txt") => {
            let text = decode::decode(bytes).map_err(|e| PackError::new(path, e.to_string()))?;
            let (title, body) = input::split_title(&text);
            if title.trim().is_empty() && body.trim().is_empty() {
                return Err(PackError::new(path, "empty file: no title or body"));
            }
            Ok(vec![(OwnedArticle { title, body, ..OwnedArticle::default() }, false)])
        }
        Some("json") => {
            let text = utf8(path, &bytes)?;
            let v: serde_json::Value = serde_json::from_str(text).map_err(|e| PackError {
                line: Some(e.line()),
                ..PackError::new(path, format!("invalid JSON: {e}"))
            })?;
            match v {
                serde_json::Value::Array(items) => items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        from_json(item).map_err(|(field, reason)| PackError {
                            field,
                            ..PackError::new(path, format!("article {i}: {reason}"))
                        })
                    })
                    .collect(),
                other => from_json(&other)
                    .map(|a| vec![a])
                    .map_err(|(field, reason)| PackError { field, ..PackError::new(path, reason) }),
            }
        }
        Some("jsonl") => {
            let text = utf8(path, &bytes)?;
            let mut out = Vec::new();
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let at = |field, reason| PackError { line: Some(i + 1), field, ..PackError::new(path, reason) };
                let v: serde_json::Value =
                    serde_json::from_str(line).map_err(|e| at(None, format!("invalid JSON: {e}")))?;
                out.push(from_json(&v).map_err(|(field, reason)| at(field, reason))?);
            }
            if out.is_empty() {
                return Err(PackError::new(path, "no articles in file"));
            }
            Ok(out)
        }
        _ => Err(PackError::new(path, "unknown file type (expected .txt, .html, .json or .jsonl)")),
    }
}

/// The article inside an HTML page's bytes.
fn html_article(path: &Path, bytes: &[u8]) -> Result<OwnedArticle, PackError> {
    let a = crate::html::article(bytes).map_err(|e| PackError::new(path, e.to_string()))?;
    Ok(OwnedArticle { title: a.title, body: a.text, ..OwnedArticle::default() })
}

fn utf8<'b>(path: &Path, bytes: &'b [u8]) -> Result<&'b str, PackError> {
    let s = std::str::from_utf8(bytes).map_err(|e| PackError::new(path, format!("not UTF-8: {e}")))?;
    Ok(s.strip_prefix('\u{feff}').unwrap_or(s))
}

type FieldError = (Option<&'static str>, String);

/// One article from a JSON object.
fn from_json(v: &serde_json::Value) -> Result<(OwnedArticle, bool), FieldError> {
    let obj = v.as_object().ok_or((None, format!("expected an object, found {}", json_kind(v))))?;
    let text = |field: &'static str, required: bool| -> Result<String, FieldError> {
        match obj.get(field) {
            None | Some(serde_json::Value::Null) if !required => Ok(String::new()),
            None | Some(serde_json::Value::Null) => Err((Some(field), "missing".to_owned())),
            Some(serde_json::Value::String(s)) => Ok(s.clone()),
            Some(other) => Err((Some(field), format!("expected a string, found {}", json_kind(other)))),
        }
    };
    let (id, explicit) = match obj.get("id") {
        None | Some(serde_json::Value::Null) => (0, false),
        Some(serde_json::Value::Number(n)) => {
            let id = n.as_u64().and_then(|n| u32::try_from(n).ok());
            (id.ok_or((Some("id"), format!("expected an integer 0..=4294967295, found {n}")))?, true)
        }
        Some(other) => return Err((Some("id"), format!("expected an integer, found {}", json_kind(other)))),
    };
    let a = OwnedArticle {
        id,
        title: text("title", true)?,
        body: text("body", true)?,
        source: text("source", false)?,
        published: text("published", false)?,
        lang: text("lang", false)?,
    };
    Ok((a, explicit))
}

fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Encodes `articles` as one bundle.
pub fn pack(articles: &[OwnedArticle]) -> Result<Vec<u8>, WireError> {
    // Upper bound: header, index, and per article a 5-byte id varint plus
    // five strings with up to 10-byte length prefixes.
    let cap = BUNDLE_HEADER_LEN
        + 4 * (articles.len() + 1)
        + articles
            .iter()
            .map(|a| 55 + a.title.len() + a.source.len() + a.published.len() + a.lang.len() + a.body.len())
            .sum::<usize>();
    let mut buf = vec![0u8; cap];
    let wire: Vec<Article<'_>> = articles.iter().map(OwnedArticle::as_wire).collect();
    let n = write_bundle(&wire, &mut buf)?;
    buf.truncate(n);
    Ok(buf)
}

/// True if `bytes` start like a bundle (magic), whatever the version.
pub fn looks_like_bundle(bytes: &[u8]) -> bool {
    bytes.starts_with(&epitome::wire::BUNDLE_MAGIC)
}

/// Validates a bundle, naming `path` in the error.
pub fn open_bundle<'b>(path: &Path, bytes: &'b [u8]) -> Result<Bundle<'b>, PackError> {
    Bundle::from_bytes(bytes).map_err(|e| PackError::new(path, format!("not a valid corpus bundle: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn loads_all_formats_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "b/2.txt", "\n\nSecond title\nSecond body.");
        write(
            dir.path(),
            "a.jsonl",
            "{\"title\":\"J1\",\"body\":\"B1\",\"lang\":\"en\"}\n\n{\"title\":\"J2\",\"body\":\"B2\",\"id\":77}\n",
        );
        write(dir.path(), "c.json", "[{\"title\":\"A\",\"body\":\"x\",\"source\":\"S\",\"published\":\"2026-01-01\"}]");
        write(dir.path(), "ignored.md", "nope");
        let arts = load(&[dir.path().to_path_buf()]).unwrap();
        let titles: Vec<&str> = arts.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["J1", "J2", "Second title", "A"]);
        let ids: Vec<u32> = arts.iter().map(|a| a.id).collect();
        assert_eq!(ids, [0, 77, 2, 3]);
        assert_eq!(arts[0].lang, "en");
        assert_eq!(arts[2].body, "Second body.");
        assert_eq!(arts[3].source, "S");
    }

    #[test]
    fn errors_name_file_line_and_field() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "x.jsonl", "{\"title\":\"ok\",\"body\":\"b\"}\n{\"title\":3,\"body\":\"b\"}\n");
        let e = load(std::slice::from_ref(&p)).unwrap_err();
        assert_eq!((e.line, e.field), (Some(2), Some("title")));
        assert!(e.to_string().starts_with(&format!("{}:2: field `title`: expected a string", p.display())), "{e}");

        let p = write(dir.path(), "y.json", "{\"title\":\"t\"}");
        assert_eq!(
            load(&[p]).unwrap_err().to_string().rsplit(": ").take(2).collect::<Vec<_>>(),
            ["missing", "field `body`"]
        );
        let p = write(dir.path(), "z.json", "{\"title\": ");
        assert!(load(&[p]).unwrap_err().reason.starts_with("invalid JSON"));
        let p = write(
            dir.path(),
            "d.jsonl",
            "{\"title\":\"a\",\"body\":\"b\",\"id\":1}\n{\"title\":\"c\",\"body\":\"d\",\"id\":1}",
        );
        assert_eq!(load(&[p]).unwrap_err().field, Some("id"));
        let p = write(dir.path(), "e.txt", "  \n\n");
        assert!(load(&[p]).unwrap_err().reason.contains("empty"));
        let p = write(dir.path(), "f.csv", "a,b");
        assert!(load(&[p]).unwrap_err().reason.contains("unknown file type"));
        assert!(load(&[dir.path().join("missing.txt")]).unwrap_err().reason.contains("no such file"));
    }

    #[test]
    fn pack_round_trips() {
        let arts = vec![
            OwnedArticle {
                id: 3,
                title: "T".into(),
                body: "Body “é”.".into(),
                lang: "fr".into(),
                ..Default::default()
            },
            OwnedArticle { id: 4, ..Default::default() },
        ];
        let bytes = pack(&arts).unwrap();
        assert!(looks_like_bundle(&bytes));
        let b = open_bundle(Path::new("mem"), &bytes).unwrap();
        let back: Vec<OwnedArticle> = b.iter().map(|a| OwnedArticle::from_wire(&a)).collect();
        assert_eq!(back, arts);
        assert_eq!(pack(&arts).unwrap(), bytes, "deterministic");
    }
}
