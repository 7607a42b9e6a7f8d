//! `epitome pack`, `unpack` and `digest` end to end, over temporary directories.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "../../core/tests/shared/mod.rs"]
mod shared;

fn epitome(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_epitome")).args(args).current_dir(cwd).output().expect("run epitome")
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "failed: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn err(o: &Output) -> String {
    assert!(!o.status.success(), "unexpected success: {}", String::from_utf8_lossy(&o.stdout));
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(p, text).expect("write");
}

const FLOOD_A: &str = "River town flooded\n\nRain flooded the river town on Monday night. \"We lost everything in an hour,\" said the mayor of the town. Repairs to the bridge will take weeks.";

fn corpus(dir: &Path) {
    write(dir, "in/a.txt", FLOOD_A);
    write(
        dir,
        "in/sub/b.jsonl",
        "{\"title\":\"Army helps flooded town\",\"source\":\"Courier\",\"published\":\"2026-03-02\",\"lang\":\"en\",\"body\":\"\u{201c}We lost everything in an hour,\u{201d} said the mayor of the town. The army sent boats to the flooded streets on Tuesday.\"}\n",
    );
    write(dir, "in/c.json", "{\"id\": 99, \"title\": \"Ünïcode ok\", \"body\": \"Café owners counted the damage.\"}");
}

#[test]
fn pack_unpack_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    corpus(dir.path());
    let out = ok(&epitome(&["pack", "in", "-o", "corpus.bin"], dir.path()));
    assert!(out.starts_with("corpus.bin: 3 articles, "), "{out}");
    let lines = ok(&epitome(&["unpack", "corpus.bin"], dir.path()));
    let arts: Vec<serde_json::Value> = lines.lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    assert_eq!(arts.len(), 3);
    assert_eq!(arts[0]["title"], "River town flooded");
    assert_eq!(arts[0]["id"], 0);
    // Sorted by path: in/a.txt, in/c.json, in/sub/b.jsonl.
    assert_eq!(arts[1]["id"], 99);
    assert_eq!(arts[1]["title"], "Ünïcode ok");
    assert_eq!(arts[2]["id"], 2);
    assert_eq!(arts[2]["source"], "Courier");
    // unpack output is pack input: packing it again gives the same bytes.
    write(dir.path(), "again/all.jsonl", &lines);
    ok(&epitome(&["pack", "again", "-o", "again.bin"], dir.path()));
    assert_eq!(std::fs::read(dir.path().join("corpus.bin")).ok(), std::fs::read(dir.path().join("again.bin")).ok());
    // Deterministic.
    ok(&epitome(&["pack", "in", "-o", "twice.bin"], dir.path()));
    assert_eq!(std::fs::read(dir.path().join("corpus.bin")).ok(), std::fs::read(dir.path().join("twice.bin")).ok());
}

#[test]
fn bad_input_names_file_line_field_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    corpus(dir.path());
    write(dir.path(), "in/z.jsonl", "{\"title\":\"fine\",\"body\":\"ok\"}\n{\"title\":\"no body\"}\n");
    let e = err(&epitome(&["pack", "in", "-o", "corpus.bin"], dir.path()));
    assert!(e.contains("z.jsonl:2: field `body`: missing"), "{e}");
    let leftovers: Vec<PathBuf> =
        std::fs::read_dir(dir.path()).expect("ls").map(|e| e.expect("entry").path()).filter(|p| p.is_file()).collect();
    assert!(leftovers.is_empty(), "files left behind: {leftovers:?}");

    // A failed pack does not clobber an existing bundle.
    std::fs::remove_file(dir.path().join("in/z.jsonl")).expect("rm");
    ok(&epitome(&["pack", "in", "-o", "corpus.bin"], dir.path()));
    let before = std::fs::read(dir.path().join("corpus.bin")).expect("read");
    write(dir.path(), "in/y.json", "[{\"title\": 5, \"body\": \"x\"}]");
    let e = err(&epitome(&["pack", "in", "-o", "corpus.bin"], dir.path()));
    assert!(e.contains("y.json: field `title`: article 0: expected a string, found a number"), "{e}");
    assert_eq!(std::fs::read(dir.path().join("corpus.bin")).expect("read"), before);

    let e = err(&epitome(&["pack", "nowhere.txt", "-o", "x.bin"], dir.path()));
    assert!(e.contains("nowhere.txt: no such file or directory"), "{e}");
}

#[test]
fn unpack_and_digest_reject_corrupt_bundles() {
    let dir = tempfile::tempdir().expect("tempdir");
    corpus(dir.path());
    ok(&epitome(&["pack", "in", "-o", "corpus.bin"], dir.path()));
    let mut bytes = std::fs::read(dir.path().join("corpus.bin")).expect("read");
    let last = bytes.len() - 3;
    bytes[last] ^= 0x20;
    std::fs::write(dir.path().join("bad.bin"), &bytes).expect("write");
    let e = err(&epitome(&["unpack", "bad.bin"], dir.path()));
    assert!(
        e.contains("bad.bin: not a valid corpus bundle: frame CRC mismatch")
            || e.contains("bad.bin: not a valid corpus bundle"),
        "{e}"
    );
    let e = err(&epitome(&["digest", "bad.bin"], dir.path()));
    assert!(e.contains("bad.bin: not a valid corpus bundle"), "{e}");
    std::fs::write(dir.path().join("short.bin"), &bytes[..10]).expect("write");
    assert!(err(&epitome(&["unpack", "short.bin"], dir.path())).contains("short.bin"));
}

#[test]
fn digest_of_bundle_and_directory_agree_and_say_the_quote_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    corpus(dir.path());
    ok(&epitome(&["pack", "in", "-o", "corpus.bin"], dir.path()));
    let from_bundle = ok(&epitome(&["digest", "corpus.bin", "--json"], dir.path()));
    let from_dir = ok(&epitome(&["digest", "in", "--json"], dir.path()));
    assert_eq!(from_bundle, from_dir);
    let v: serde_json::Value = serde_json::from_str(&from_bundle).expect("JSON");
    assert_eq!(v["articles"], 3);
    let sentences = v["sentences"].as_array().expect("sentences");
    let quotes = sentences.iter().filter(|s| s["text"].as_str().is_some_and(|t| t.contains("lost everything"))).count();
    assert_eq!(quotes, 1, "{from_bundle}");
    assert!(sentences.iter().any(|s| s["article"] == 2 && s["source"] == "Courier"));
    assert!(sentences.iter().any(|s| s["article"] == 99));

    let text = ok(&epitome(&["digest", "corpus.bin", "-n", "2", "-k", "3"], dir.path()));
    assert!(text.starts_with("# Digest of 3 articles\n  keywords: "), "{text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("  - [")).count(), 2, "{text}");
    // -n has the same range as everywhere (0..=32): 0 is a keywords-only digest.
    let text = ok(&epitome(&["digest", "corpus.bin", "-n", "0"], dir.path()));
    assert!(text.contains("keywords: ") && !text.contains("  - ["), "{text}");
    assert!(err(&epitome(&["digest", "corpus.bin", "-n", "33"], dir.path())).contains("--sentences"));
}

#[test]
#[ignore = "needs ../shared"]
fn seeds_pack_and_digest() {
    let seeds = shared::path("corpus/seeds");
    let dir = tempfile::tempdir().expect("tempdir");
    let seeds = seeds.to_str().expect("UTF-8 path");
    ok(&epitome(&["pack", seeds, "-o", "seeds.bin"], dir.path()));
    let lines = ok(&epitome(&["unpack", "seeds.bin"], dir.path()));
    let mut files: Vec<PathBuf> = std::fs::read_dir(seeds).expect("ls").map(|e| e.expect("entry").path()).collect();
    files.sort();
    for (line, file) in lines.lines().zip(&files) {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
        let text = std::fs::read_to_string(file).expect("read");
        // Title and body together are the file's text, minus the title line's own whitespace.
        let (title, body) = (v["title"].as_str().expect("title"), v["body"].as_str().expect("body"));
        assert!(text.ends_with(body), "{}", file.display());
        assert!(text.contains(title), "{}", file.display());
    }
    // The exact count (once) is checked in core/tests/wire.rs, independent of ranking depth.
    let out = ok(&epitome(&["digest", "seeds.bin", "-n", "32"], dir.path()));
    assert!(out.matches("State plants the flag but CIA is really the influence").count() <= 1, "{out}");
    assert_eq!(out.lines().filter(|l| l.starts_with("  - [")).count(), 32, "{out}");
}
