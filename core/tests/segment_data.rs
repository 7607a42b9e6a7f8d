//! The segmenter on real news: the seed articles (`../shared/corpus/seeds/`)
//! and BBC dev (`../shared/eval/bbc/articles/`). Every unit is a trimmed
//! span of one line; a unit not marked `open_quote` never shows an unmatched
//! double quotation mark; the hard cases found there stay fixed; and the
//! units are exactly those of the char-at-a-time reference
//! (`reference/segment.rs`).
//! Ignored unless run with `--ignored` (`shared/mod.rs` says why).

use std::path::{Path, PathBuf};

use epitome::segment::{Segmenter, Unit};

#[path = "reference/segment.rs"]
mod segment_reference;

mod shared;

/// A file as the CLI reads it: UTF-8, or Latin-1 (one BBC article is).
fn read(p: &Path) -> String {
    let b = std::fs::read(p).expect("readable");
    String::from_utf8(b.clone()).unwrap_or_else(|_| b.iter().map(|&c| char::from(c)).collect())
}

fn texts(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("readable dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push((p.clone(), read(&p)));
            }
        }
    }
    out.sort();
    out
}

fn balanced(s: &str) -> bool {
    s.matches('"').count().is_multiple_of(2) && s.matches('\u{201c}').count() == s.matches('\u{201d}').count()
}

fn check_invariants(path: &Path, text: &str) {
    let units: Vec<Unit> = Segmenter::new(text).collect();
    assert_eq!(units, segment_reference::naive_units(text), "{}: units differ from the reference", path.display());
    for u in Segmenter::new(text) {
        let s = u.span.slice(text).unwrap_or_else(|| panic!("{}: bad span {:?}", path.display(), u.span));
        assert!(!s.is_empty() && s.trim() == s, "{}: untrimmed unit {s:?}", path.display());
        assert!(!s.contains('\n'), "{}: unit spans lines: {s:?}", path.display());
        if !u.open_quote {
            assert!(balanced(s), "{}: unmatched quote mark not flagged: {s:?}", path.display());
        }
    }
}

fn unit_starting<'t>(text: &'t str, prefix: &str) -> (Unit, &'t str) {
    Segmenter::new(text)
        .map(|u| (u, u.span.slice(text).unwrap_or("")))
        .find(|(_, s)| s.starts_with(prefix))
        .unwrap_or_else(|| panic!("no unit starts with {prefix:?}"))
}

#[test]
#[ignore = "needs ../shared"]
fn seed_units_are_clean_and_hard_cases_hold() {
    let dir = shared::path("corpus/seeds");
    let seeds = texts(&dir);
    assert_eq!(seeds.len(), 5);
    for (p, t) in &seeds {
        check_invariants(p, t);
    }
    let all: String = seeds.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n");
    // A two-sentence quotation kept whole, attribution included.
    let (u, s) = unit_starting(&all, "“Setting up an annex is priority number one.");
    assert!(!u.open_quote && s.contains("one. Before") && s.ends_with("engaged with the Venezuelans."), "{s}");
    // A one-sentence quotation closed in its unit is not.
    let (u, s) = unit_starting(&all, "“Director Ratcliffe was there");
    assert!(!u.open_quote && s.ends_with("told reporters."), "{s}");
    // An ellipsis inside a quotation does not end it.
    let (u, s) = unit_starting(&all, "\"Before diplomatic channels the annex");
    assert!(!u.open_quote && s.ends_with("cannot have.\""), "{s}");
}

#[test]
#[ignore = "needs ../shared"]
fn bbc_units_are_clean_and_hard_cases_hold() {
    let dir = shared::path("eval/bbc/articles");
    let articles = texts(&dir);
    assert!(articles.len() > 1000);
    for (p, t) in &articles {
        check_invariants(p, t);
    }
    let get = |rel: &str| read(&dir.join(rel));
    // A number's full stop ends the sentence (`47.3%. BA's`).
    let t = get("business/004.txt");
    let (_, s) = unit_starting(&t, "Rod Eddington, BA's chief executive");
    assert!(s.ends_with("47.3%."), "{s}");
    // The paragraph convention: the first paragraph of a long quotation is
    // left open, the next re-opens it; only the closed part is not flagged.
    let t = get("business/229.txt");
    let (u, s) = unit_starting(&t, "A spokesman for the Shareholders United said");
    assert!(u.open_quote && s.ends_with("less debt."), "{s}");
    let (u, _) = unit_starting(&t, "\"He isn't bringing any money");
    assert!(!u.open_quote);
    // A short quotation over two sentences is one unit.
    let t = get("entertainment/052.txt");
    let (u, s) = unit_starting(&t, "\"Even Denzel (Washington)");
    assert!(!u.open_quote && s.contains("movie. But") && s.ends_with("Lee said."), "{s}");
    // A quotation left open at the end of its paragraph is flagged, and so
    // is the sentence inside it that follows.
    let t = get("business/190.txt");
    let (u, _) = unit_starting(&t, "\"In the beginning of 2004");
    assert!(u.open_quote);
    let (u, _) = unit_starting(&t, "Here it gets contributions from investment");
    assert!(u.open_quote);
}
