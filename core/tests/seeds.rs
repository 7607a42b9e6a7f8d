//! Sane output on the real seed articles in `../shared/corpus/seeds/`
//! (five scraped reports of one story, with real junk). Ignored unless run
//! with `--ignored` (`shared/mod.rs` says why).

use std::path::PathBuf;

use epitome::segment::{Segmenter, UnitKind};
use epitome::{Budget, DefaultSummarizer, Options};

mod shared;

fn seeds() -> Vec<(String, String)> {
    let dir = shared::path("corpus/seeds");
    let rd = std::fs::read_dir(&dir).expect("readable seeds directory");
    let mut paths: Vec<PathBuf> =
        rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    paths.sort();
    assert!(!paths.is_empty(), "no seed articles in {}", dir.display());
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("seed is UTF-8");
            // Title = first line unless it starts with a date stamp.
            match text.split_once('\n') {
                Some((first, rest)) if !first.trim_start().starts_with("date ") => {
                    (first.trim().to_owned(), rest.to_owned())
                }
                _ => (String::new(), text),
            }
        })
        .collect()
}

const JUNK: [&str; 7] = ["Share on", "Sign up", "Credit:", "Research Staff", "Newsletter", "date 2026", "bestätigt"];

#[test]
#[ignore = "needs ../shared"]
fn summaries_are_sane() {
    let seeds = seeds();
    let mut s = Box::new(DefaultSummarizer::new());
    let mut all_keywords = Vec::new();
    for (title, body) in &seeds {
        let r = s
            .summarize(title, body, &Options { budget: Budget::Sentences(5), ..Options::default() })
            .expect("summarize");
        assert!(!r.sentences.is_empty(), "no summary for {title}");
        for c in &r.sentences {
            for j in JUNK {
                assert!(!c.text.contains(j), "boilerplate chosen: {}", c.text);
            }
            assert!(c.text.split_whitespace().count() >= 5, "fragment chosen: {}", c.text);
        }
        for (i, a) in r.sentences.iter().enumerate() {
            for b in &r.sentences[i + 1..] {
                assert_ne!(a.text, b.text, "duplicate sentence chosen");
            }
        }
        all_keywords.extend(r.keywords.iter().map(|k| k.text.to_lowercase()));
        eprintln!("{title:.60} -> {:?}", r.keywords.iter().map(|k| k.text).collect::<Vec<_>>());
    }
    // The central names of the story appear among the top keywords.
    for name in ["cia", "venezuela", "ratcliffe", "maduro"] {
        assert!(all_keywords.iter().any(|k| k.contains(name)), "{name} missing from {all_keywords:?}");
    }
}

#[test]
#[ignore = "needs ../shared"]
fn junk_lines_are_never_choosable() {
    let seeds = seeds();
    for (_, body) in &seeds {
        for u in Segmenter::new(body) {
            let text = u.span.slice(body).expect("valid span");
            if JUNK.iter().any(|j| text.starts_with(j)) || text == "Research Staff" {
                assert!(!u.kind.is_choosable(), "junk unit is choosable: {text:?} ({:?})", u.kind);
            }
            if text.starts_with("Trump bestätigt") {
                assert_eq!(u.kind, UnitKind::Heading);
            }
        }
    }
}

#[test]
#[ignore = "needs ../shared"]
fn repeated_quote_is_chosen_once() {
    let seeds = seeds();
    // Seed 001 repeats a paragraph; even with a large budget it appears once.
    let mut s = Box::new(DefaultSummarizer::new());
    for (title, body) in &seeds {
        let r = s
            .summarize(title, body, &Options { budget: Budget::Sentences(30), ..Options::default() })
            .expect("summarize");
        let texts: Vec<&str> = r.sentences.iter().map(|c| c.text).collect();
        for (i, a) in texts.iter().enumerate() {
            assert!(!texts[i + 1..].contains(a), "{a} chosen twice");
        }
    }
}
