//! The `epitome` binary end to end, over temporary directories.

use std::path::Path;
use std::process::{Command, Output};

fn epitome(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_epitome")).args(args).current_dir(cwd).output().expect("run epitome")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn no_arguments_summarizes_the_sample() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = epitome(&[], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    assert_eq!(out.matches("\n# ").count() + usize::from(out.starts_with("# ")), 4, "{out}");
    assert!(out.contains("Port Alder council approves tidal bridge"));
    assert!(out.contains("keywords: "));
    assert!(!out.contains("Share on"), "boilerplate in output: {out}");
}

#[test]
fn summarize_a_directory_as_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Ferry returns\n\nThe island ferry returned to service on Monday after repairs. Repairs to the ferry took six weeks. Passengers welcomed the ferry back.",
    )
    .expect("write");
    std::fs::write(dir.path().join("notes.md"), "ignored").expect("write");
    let o = epitome(&["summarize", "--json", "-n", "1", "."], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let arts = v.as_array().expect("array");
    assert_eq!(arts.len(), 1);
    assert_eq!(arts[0]["title"], "Ferry returns");
    assert_eq!(arts[0]["sentences"].as_array().map(Vec::len), Some(1));
    let kws: Vec<&str> =
        arts[0]["keywords"].as_array().expect("keywords").iter().filter_map(|k| k["text"].as_str()).collect();
    assert!(kws.contains(&"ferry"), "{kws:?}");
}

#[test]
fn a_quotation_left_open_by_its_paragraph_is_shown_closed() {
    // News re-opens each paragraph of a long quotation; the source leaves
    // the first paragraph's sentence open.
    let dir = tempfile::tempdir().expect("tempdir");
    let body = "Parry firm over Gerrard\n\nLiverpool chief executive Rick Parry says the club will not sell Steven Gerrard. \
                He told BBC Five Live: \"Steven Gerrard is above money for the club. \"We will not accept offers for Steven Gerrard.\"";
    std::fs::write(dir.path().join("a.txt"), body).expect("write");
    let o = epitome(&["summarize", "--json", "-n", "3", "a.txt"], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let open = "He told BBC Five Live: \"Steven Gerrard is above money for the club.";
    let s = v[0]["sentences"].as_array().expect("sentences");
    let half = s.iter().find(|x| x["text"] == open).expect("the half-open sentence is chosen");
    assert_eq!(half["shown"], format!("{open}\""));
    let (start, end) = (half["start"].as_u64().expect("start"), half["end"].as_u64().expect("end"));
    assert_eq!(end - start, open.len() as u64, "the span stays the source's");
    assert!(s.iter().filter(|x| x["text"] != open).all(|x| x.get("shown").is_none()), "{s:?}");
    let text = stdout(&epitome(&["summarize", "-n", "3", "a.txt"], dir.path()));
    assert!(text.contains(&format!("  - {open}\"\n")), "{text}");
}

#[test]
fn max_chars_budget_and_keywords_command() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    std::fs::write(
        &path,
        "Title here\nA sentence about the harbour bridge plan. Another sentence about the bridge here.",
    )
    .expect("write");
    let o = epitome(&["summarize", "--max-chars", "45", "--json", "a.txt"], dir.path());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let total: usize = v[0]["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .map(|s| s["text"].as_str().unwrap_or("").chars().count())
        .sum();
    assert!(total <= 45);
    let o = epitome(&["keywords", "-k", "2", "a.txt"], dir.path());
    assert!(o.status.success());
    assert_eq!(stdout(&o).lines().count(), 2);
}

#[test]
fn sentences_marks_unchoosable_units() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), "A Heading\nShare on facebook\nMr. Smith left. He returned.")
        .expect("write");
    let o = epitome(&["sentences", "a.txt"], dir.path());
    assert_eq!(stdout(&o), "[heading] A Heading\n[boilerplate] Share on facebook\nMr. Smith left.\nHe returned.\n");
}

#[test]
fn sentences_json_gives_spans_kinds_and_choosability() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "A Heading\nShe said: \"It works. It is fast.\" Then she left.\n- Oil";
    std::fs::write(dir.path().join("a.txt"), text).expect("write");
    let o = epitome(&["sentences", "--json", "a.txt"], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let units = v.as_array().expect("array");
    let texts: Vec<&str> = units.iter().map(|u| u["text"].as_str().unwrap_or("")).collect();
    assert_eq!(texts, ["A Heading", "She said: \"It works. It is fast.\"", "Then she left.", "Oil"]);
    let kinds: Vec<&str> = units.iter().map(|u| u["kind"].as_str().unwrap_or("")).collect();
    assert_eq!(kinds, ["heading", "sentence", "sentence", "heading"]);
    let choosable: Vec<bool> = units.iter().map(|u| u["choosable"].as_bool().unwrap_or(false)).collect();
    assert_eq!(choosable, [false, true, true, false]);
    for u in units {
        let (s, e) = (u["start"].as_u64().unwrap_or(0) as usize, u["end"].as_u64().unwrap_or(0) as usize);
        assert_eq!(&text[s..e], u["text"].as_str().unwrap_or(""));
        assert_eq!(u["open_quote"], false);
    }
}

/// `sentences --language`: the units do not depend on the language (the
/// segmenter reads every one alike), the JSON names the one the text is
/// read in, detected as `summarize` detects it, and an unknown code is
/// refused.
#[test]
fn sentences_json_names_the_language_detected_or_asked_for() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "Panique à Venise\nLe paquebot, qui peut contenir plus de 2.600 passagers, est venu heurter le quai. M. Rossi a vu la scène depuis la rive.";
    std::fs::write(dir.path().join("a.txt"), text).expect("write");
    let units = |language: &str| -> Vec<serde_json::Value> {
        let o = epitome(&["sentences", "--json", "--language", language, "a.txt"], dir.path());
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        serde_json::from_str(&stdout(&o)).expect("json")
    };
    let summary = epitome(&["summarize", "--json", "a.txt"], dir.path());
    let summary: serde_json::Value = serde_json::from_str(&stdout(&summary)).expect("json");
    assert_eq!(summary[0]["language"], "fr");
    let (auto, german) = (units("auto"), units("de"));
    assert_eq!(auto.len(), 3, "{auto:?}");
    assert_eq!(auto[2]["text"], "M. Rossi a vu la scène depuis la rive.");
    for (a, g) in auto.iter().zip(&german) {
        assert_eq!(a["language"], summary[0]["language"]);
        assert_eq!(g["language"], "de");
        let without = |u: &serde_json::Value| {
            let mut u = u.clone();
            u.as_object_mut().map(|o| o.remove("language"));
            u
        };
        assert_eq!(without(a), without(g), "the units do not depend on the language");
    }
    let o = epitome(&["sentences", "--language", "xx", "a.txt"], dir.path());
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("expected auto, en, fr"));
    // The plain listing is the same whatever the language.
    let plain = |language: &str| stdout(&epitome(&["sentences", "--language", language, "a.txt"], dir.path()));
    assert_eq!(plain("auto"), plain("en"));
}

#[test]
fn model_build_writes_a_table_the_summarizer_accepts() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (i, t) in ["the bridge opened", "the bridge closed", "a ferry sailed"].iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i:03}.txt")), t).expect("write");
    }
    let o = epitome(&["model", "build", ".", "-o", "idf.bin"], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("3 documents"));
    let o = epitome(&["summarize", "--idf", "idf.bin", "000.txt"], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn bad_input_fails_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = epitome(&["summarize", "missing.txt"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.txt"));
    std::fs::write(dir.path().join("bad.bin"), b"not an idf table").expect("write");
    std::fs::write(dir.path().join("a.txt"), "T\nBody text here.").expect("write");
    let o = epitome(&["summarize", "--idf", "bad.bin", "a.txt"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad.bin"), "{}", String::from_utf8_lossy(&o.stderr));
}

/// The README's French example (section "Other languages") is read as
/// French and gets a summary, both detected and asked for; `--language`
/// rejects an unknown code.
#[test]
fn the_readme_french_example_is_summarized_in_french() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let start = readme.find("summarize - -n 2 <<'EOF'\n").expect("the French example in README.md");
    let text = &readme[start..].split_once('\n').expect("its text").1;
    let text = &text[..text.find("\nEOF\n").expect("its end")];
    for language in ["auto", "fr"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_epitome"))
            .args(["summarize", "-", "-n", "2", "--json", "--language", language])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("run epitome");
        std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), text.as_bytes()).expect("write");
        let o = child.wait_with_output().expect("wait");
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
        assert_eq!(v[0]["language"], "fr", "--language {language}: {v}");
        assert_eq!(v[0]["sentences"].as_array().map(Vec::len), Some(2), "--language {language}: {v}");
    }
    let o = epitome(&["summarize", "-", "--language", "xx"], &root);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("expected auto, en, fr"));
}
