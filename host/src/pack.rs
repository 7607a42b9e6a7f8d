//! Corpus packing: article lists (read as [`crate::input`] reads them for
//! every command: text, JSON, JSON lines, bundles, directories) to a bundle
//! and back.
//!
//! JSON articles' fields: `body` (required), `title`, `source`,
//! `published`, `lang` (strings) and `id` (an integer `0..=u32::MAX` is
//! kept); other fields are ignored. Articles without such an `id` get
//! their position in the pack (0, 1, …); ids must be unique.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use epitome::wire::{Article, BUNDLE_HEADER_LEN, Bundle, WireError, write_bundle};
use serde::{Deserialize, Serialize};

use crate::{input, output};

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

/// The articles of `inputs` and how many inputs failed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loaded {
    /// The articles read, in input order, with their ids.
    pub articles: Vec<OwnedArticle>,
    /// Inputs (or lines, or articles) that gave no article: each was
    /// reported on standard error. The command's exit status is then 2.
    pub failed: usize,
}

impl Loaded {
    /// The exit status the inputs call for.
    pub fn status(&self) -> std::process::ExitCode {
        if self.failed > 0 { std::process::ExitCode::from(2) } else { std::process::ExitCode::SUCCESS }
    }
}

/// Reads every article of `inputs` as every command reads an article list
/// ([`crate::input`]: text, JSON, JSON lines, bundles, directories) and
/// assigns ids: an id that is an integer in `0..=u32::MAX` is kept, any
/// other article is numbered by its position. An input that cannot be
/// read, or an article whose id is already taken, is reported on standard
/// error and left out; everything else is read.
pub fn load(inputs: &[PathBuf], limits: input::Limits) -> Loaded {
    let opts = input::ReadOptions { limits, ..input::ReadOptions::default() };
    let mut loaded = Loaded::default();
    let mut seen: HashMap<u32, String> = HashMap::new();
    let mut renumbered = 0usize;
    for pending in input::pending(inputs, &opts) {
        let a = match pending.read(&opts.fields) {
            Ok(a) => a,
            Err(e) => {
                output::warn(&e);
                loaded.failed += 1;
                continue;
            }
        };
        if a.fallback_encoding {
            output::warn(format!("{}: not valid UTF-8, read as Windows-1252", output::terminal_safe(&a.origin)));
        }
        let given = match (&a.id, a.kind) {
            (_, input::Kind::Text | input::Kind::Sample) | (serde_json::Value::Null, _) => None,
            (id, _) => {
                let id = id.as_u64().and_then(|n| u32::try_from(n).ok());
                renumbered += usize::from(id.is_none());
                id
            }
        };
        let position = loaded.articles.len() + loaded.failed;
        let Some(id) = given.or_else(|| u32::try_from(position).ok()) else {
            output::warn(format!("{}: more than 2^32 articles", output::terminal_safe(&a.origin)));
            loaded.failed += 1;
            continue;
        };
        if let Some(first) = seen.get(&id) {
            output::warn(format!(
                "{}: field `id`: {id} already used by {}; left out",
                output::terminal_safe(&a.origin),
                output::terminal_safe(first)
            ));
            loaded.failed += 1;
            continue;
        }
        seen.insert(id, a.origin.clone());
        let input::InputArticle { title, body, meta, .. } = a;
        loaded.articles.push(OwnedArticle {
            id,
            title,
            body,
            source: meta.source,
            published: meta.published,
            lang: meta.lang,
        });
    }
    if renumbered > 0 {
        output::warn(format!(
            "{renumbered} article(s) with an id that is not an integer 0..=4294967295 numbered by position instead"
        ));
    }
    loaded
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

    fn load_ok(inputs: &[PathBuf]) -> Vec<OwnedArticle> {
        let loaded = load(inputs, input::Limits::default());
        assert_eq!(loaded.failed, 0);
        loaded.articles
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
        let arts = load_ok(&[dir.path().to_path_buf()]);
        let titles: Vec<&str> = arts.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["J1", "J2", "Second title", "A"]);
        let ids: Vec<u32> = arts.iter().map(|a| a.id).collect();
        assert_eq!(ids, [0, 77, 2, 3]);
        assert_eq!(arts[0].lang, "en");
        assert_eq!(arts[2].body, "Second body.");
        assert_eq!(arts[3].source, "S");
    }

    #[test]
    fn bad_inputs_are_left_out_alone() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "x.jsonl", "{\"title\":\"ok\",\"body\":\"b\"}\n{\"title\":3,\"body\":\"b\"}\n");
        let q = write(
            dir.path(),
            "d.jsonl",
            "{\"body\":\"b\",\"id\":1}\n{\"body\":\"d\",\"id\":1}\n{\"body\":\"s\",\"id\":\"x-9\"}\n",
        );
        // What `summarize` accepts, `pack` accepts: empty files, any name, string ids.
        let e = write(dir.path(), "e.txt", "  \n\n");
        let f = write(dir.path(), "f.csv", "Title\nbody");
        let loaded = load(&[p, dir.path().join("missing.txt"), q, e, f], input::Limits::default());
        assert_eq!(loaded.failed, 3, "{loaded:?}");
        let ids: Vec<u32> = loaded.articles.iter().map(|a| a.id).collect();
        assert_eq!(ids, [0, 1, 5, 6, 7]);
        assert_eq!(loaded.articles[3].body, "");
        assert_eq!(loaded.articles[4].title, "Title");
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
