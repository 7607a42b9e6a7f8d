//! Snapshot tests of the CLI's output: any change of a summary, keyphrase,
//! score or flag fails here and shows in review as a diff of a plain file
//! under `host/tests/snapshots/`.
//!
//! A deliberate change of output is re-blessed with
//!
//! ```text
//! EPITOME_BLESS=1 cargo test -p epitome-host --test snapshots
//! ```
//!
//! which rewrites the files from the current build (then review them with
//! `git diff host/tests/snapshots/`). A hand-written check rather than
//! `insta`: the snapshot files are exactly what the CLI prints (plain JSON
//! and text, no header), so they can be regenerated and compared with the
//! CLI itself, and nothing needs `cargo insta` installed.
//!
//! Commands: `summarize --json` (default, `-n 5`, `--max-chars 300`), `keywords
//! --json` and the multi-article `digest --json -n 12`, on the sample (and the
//! default run) and on the seeds.
//!
//! The seeds come from `../shared` (their test is ignored unless run with
//! `--ignored`: `core/tests/shared/mod.rs` says why).
//! Their text must not be copied into the project, so their snapshots are
//! the CLI's JSON without the title and the sentences' text (keys sorted):
//! the spans, scores, keyphrases and flags of each summary stay, and a span
//! still pins a sentence exactly (`epitome sentences` shows it).

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "../../core/tests/shared/mod.rs"]
mod shared;

/// The commands snapshotted on every corpus: (file suffix, arguments).
const COMMANDS: [(&str, &[&str]); 4] = [
    ("summarize", &["summarize", "--json"]),
    ("summarize-n5", &["summarize", "--json", "-n", "5"]),
    ("summarize-chars300", &["summarize", "--json", "--max-chars", "300"]),
    ("keywords", &["keywords", "--json"]),
];

/// The multi-article digest snapshotted on every corpus (longer than the
/// default 6 sentences so that the near-duplicate rule has work to do).
const DIGEST: [&str; 4] = ["digest", "--json", "-n", "12"];

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the CLI in `cwd` and returns its standard output.
fn run(args: &[&str], cwd: &Path) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_epitome")).args(args).current_dir(cwd).output().expect("run epitome");
    assert!(o.status.success(), "epitome {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

/// Compares `got` with the snapshot `name`, or rewrites it under
/// `EPITOME_BLESS=1`. Returns a description of the mismatch, if any.
fn check(name: &str, got: &str) -> Option<String> {
    let path = manifest_dir().join("tests/snapshots").join(name);
    if std::env::var_os("EPITOME_BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().expect("snapshot dir")).expect("create snapshot dir");
        std::fs::write(&path, got).expect("write snapshot");
        eprintln!("blessed {}", path.display());
        return None;
    }
    let Ok(want) = std::fs::read_to_string(&path) else {
        return Some(format!("{name}: no snapshot at {} (bless it with EPITOME_BLESS=1)", path.display()));
    };
    if want == got {
        return None;
    }
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let line = w.iter().zip(&g).position(|(a, b)| a != b).unwrap_or(w.len().min(g.len()));
    let show = |v: &[&str]| v.iter().skip(line.saturating_sub(2)).take(6).copied().collect::<Vec<_>>().join("\n");
    Some(format!(
        "{name}: output differs from {} at line {}\n--- snapshot\n{}\n--- now\n{}\n\
         (if the change is intended: EPITOME_BLESS=1 cargo test -p epitome-host --test snapshots, then review git diff)",
        path.display(),
        line + 1,
        show(&w),
        show(&g)
    ))
}

fn assert_all(mismatches: Vec<String>) {
    assert!(mismatches.is_empty(), "{} snapshot(s) differ:\n\n{}", mismatches.len(), mismatches.join("\n\n"));
}

#[test]
fn sample_output_is_unchanged() {
    let host = manifest_dir();
    let mut bad = Vec::new();
    // The default run (no arguments), as the README's first command shows it.
    bad.extend(check("sample.default.txt", &run(&[], &host)));
    for (suffix, args) in COMMANDS {
        let mut a = args.to_vec();
        a.push("sample");
        bad.extend(check(&format!("sample.{suffix}.json"), &run(&a, &host)));
    }
    let mut a = DIGEST.to_vec();
    a.push("sample");
    bad.extend(check("sample.digest.json", &run(&a, &host)));
    assert_all(bad);
}

/// The seeds' JSON without their published text: titles and sentence texts
/// dropped, everything else (origins, spans, scores, keyphrases, flags) kept.
fn without_text(json: &str) -> String {
    let mut v: serde_json::Value = serde_json::from_str(json).expect("JSON output");
    for article in v.as_array_mut().expect("an array of articles") {
        let a = article.as_object_mut().expect("an article object");
        a.remove("title");
        if let Some(sentences) = a.get_mut("sentences").and_then(|s| s.as_array_mut()) {
            for s in sentences {
                s.as_object_mut().expect("a sentence object").remove("text");
            }
        }
    }
    let mut s = serde_json::to_string_pretty(&v).expect("serialize");
    s.push('\n');
    s
}

/// The seeds' digest JSON without their published text: each sentence's
/// title and text dropped, its article, span and score kept.
fn digest_without_text(json: &str) -> String {
    let mut v: serde_json::Value = serde_json::from_str(json).expect("JSON output");
    if let Some(sentences) = v.get_mut("sentences").and_then(|s| s.as_array_mut()) {
        for s in sentences {
            let s = s.as_object_mut().expect("a sentence object");
            s.remove("title");
            s.remove("text");
        }
    }
    let mut s = serde_json::to_string_pretty(&v).expect("serialize");
    s.push('\n');
    s
}

#[test]
#[ignore = "needs ../shared"]
fn seed_output_is_unchanged() {
    let seeds = shared::path("corpus/seeds");
    let mut bad = Vec::new();
    for (suffix, args) in COMMANDS {
        let mut a = args.to_vec();
        a.push(".");
        bad.extend(check(&format!("seeds.{suffix}.json"), &without_text(&run(&a, &seeds))));
    }
    let mut a = DIGEST.to_vec();
    a.push(".");
    bad.extend(check("seeds.digest.json", &digest_without_text(&run(&a, &seeds))));
    assert_all(bad);
}
