//! Reading article files: title detection, encodings, directories.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// An article read from a plain-text file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextArticle {
    /// Where it came from (`-` for standard input, `sample:NAME` for the sample).
    pub origin: String,
    /// The title (first non-empty, non-metadata line).
    pub title: String,
    /// Everything after the title line.
    pub body: String,
}

/// Decodes bytes as UTF-8, falling back to Latin-1 (real data sets contain
/// such files, e.g. one article of the BBC set) rather than failing.
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.strip_prefix('\u{feff}').unwrap_or(s).to_owned(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
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

/// Reads one article from a text file (`-` for standard input).
pub fn read_text(path: &Path) -> Result<TextArticle> {
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).context("reading standard input")?;
        buf
    } else {
        std::fs::read(path).with_context(|| format!("reading {}", path.display()))?
    };
    let (title, body) = split_title(&decode(&bytes));
    Ok(TextArticle { origin: path.display().to_string(), title, body })
}

/// Expands files and directories (recursively, sorted for determinism) into
/// the `.txt` files they name. A named file is taken whatever its extension.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in inputs {
        if p == Path::new("-") || p.is_file() {
            out.push(p.clone());
        } else if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found)?;
            found.sort();
            out.extend(found);
        } else {
            bail!("{}: no such file or directory", p.display());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).with_context(|| format!("listing {}", d.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                out.push(path);
            }
        }
    }
    Ok(())
}

/// The built-in sample as articles.
pub fn sample() -> Vec<TextArticle> {
    crate::sample::ARTICLES
        .iter()
        .map(|(name, text)| {
            let (title, body) = split_title(text);
            TextArticle { origin: format!("sample:{name}"), title, body }
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

    #[test]
    fn latin1_fallback() {
        assert_eq!(decode(b"caf\xe9"), "café");
        assert_eq!(decode("\u{feff}ok".as_bytes()), "ok");
    }
}
