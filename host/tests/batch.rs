//! `epitome` as a batch tool, end to end over temporary directories: JSON
//! lines in and out, `--jobs` giving the same bytes as one job, bad inputs
//! reported while the rest is processed, encodings, a closed pipe, and the
//! options that every command spells alike.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

#[path = "../../core/tests/shared/mod.rs"]
mod shared;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_epitome"))
}

fn epitome(args: &[&str], cwd: &Path) -> Output {
    bin().args(args).current_dir(cwd).output().expect("run epitome")
}

fn with_stdin(args: &[&str], cwd: &Path, input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn epitome");
    child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(p, bytes).expect("write");
}

/// A news-like article of a few sentences, different for each `i`.
fn article(i: usize) -> (String, String) {
    let towns = ["Port Alder", "Millbrook", "Kelby", "Rensburg", "Halvorsen"];
    let town = towns[i % towns.len()];
    let title = format!("{town} council votes on plan {i}");
    let body = format!(
        "The council of {town} voted on plan number {i} on Monday evening after a long debate. \
         Supporters said the plan would bring {n} new jobs to the town within two years. \
         Opponents warned that the cost of {m} million pounds was too high for local taxpayers. \
         The mayor of {town} said a final decision would follow in the spring. \
         Residents will be asked for their views at a public meeting next month.",
        n = 10 + i * 7 % 90,
        m = 3 + i % 40
    );
    (title, body)
}

fn jsonl_line(i: usize) -> String {
    let (title, body) = article(i);
    format!("{}\n", serde_json::json!({"id": i, "title": title, "body": body}))
}

fn corpus_dir(dir: &Path, n: usize) {
    for i in 0..n {
        let (title, body) = article(i);
        write(dir, &format!("in/{:02}/{i:04}.txt", i % 7), format!("{title}\n\n{body}\n").as_bytes());
    }
}

#[test]
fn json_lines_in_and_out_with_a_bad_line_reported_and_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let lines = format!(
        "{}{{\"id\": 7, \"body\": \n\n{}{{\"id\": 9, \"title\": 3, \"body\": \"x\"}}\n",
        jsonl_line(1),
        jsonl_line(2)
    );
    write(d, "a.jsonl", lines.as_bytes());
    let o = epitome(&["summarize", "a.jsonl", "--jsonl", "-n", "1"], d);
    assert_eq!(o.status.code(), Some(2), "a bad line makes the exit status non-zero");
    let out = text(&o.stdout);
    let results: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).expect("one JSON object a line")).collect();
    assert_eq!(results.len(), 2, "{out}");
    assert_eq!((results[0]["id"].clone(), results[1]["id"].clone()), (1.into(), 2.into()));
    assert_eq!(results[0]["origin"], "a.jsonl:1");
    assert_eq!(results[1]["origin"], "a.jsonl:4", "line numbers count blank lines");
    assert_eq!(results[0]["sentences"].as_array().map(Vec::len), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("a.jsonl:2: invalid JSON: "), "{err}");
    assert!(err.contains("a.jsonl:5: field `title`: expected a string, found a number"), "{err}");

    // The same through standard input, and keywords too.
    let o = with_stdin(&["keywords", "-", "--input", "jsonl", "--jsonl", "-k", "3"], d, lines.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    let results: Vec<serde_json::Value> =
        text(&o.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    assert_eq!(results.len(), 2);
    assert_eq!(results[1]["origin"], "-:4");
    assert_eq!(results[1]["keywords"].as_array().map(Vec::len), Some(3));
}

#[test]
fn other_schemas_through_field_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, body) = article(3);
    let line = serde_json::json!({"id": "cnn-0042", "article": body, "highlights": "Not summarized."});
    let o = with_stdin(
        &["summarize", "-", "--input", "jsonl", "--text-field", "article", "--title-field", "headline", "--jsonl"],
        dir.path(),
        format!("{line}\n").as_bytes(),
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["id"], "cnn-0042");
    assert_eq!(v["title"], "");
    assert!(v["sentences"].as_array().is_some_and(|s| !s.is_empty()));
    // Without the mapping the text field is missing: named, nothing printed.
    let o = with_stdin(&["summarize", "-", "--input", "jsonl"], dir.path(), format!("{line}\n").as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("-:1: field `body`: missing"), "{}", text(&o.stderr));
    assert!(o.stdout.is_empty());
}

#[test]
fn any_number_of_jobs_gives_the_same_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    corpus_dir(d, 120);
    let lines: String = (0..150).map(jsonl_line).collect();
    write(d, "in/more.jsonl", lines.as_bytes());
    for args in [
        &["summarize", "in"][..],
        &["summarize", "in", "--json"],
        &["summarize", "in", "--jsonl", "--max-chars", "200"],
        &["keywords", "in"],
        &["keywords", "in", "--jsonl"],
    ] {
        let one = epitome(&[args, &["--jobs", "1"]].concat(), d);
        assert!(one.status.success(), "{}", text(&one.stderr));
        assert!(one.stdout.len() > 10_000, "{args:?}");
        for jobs in ["2", "3", "8"] {
            let many = epitome(&[args, &["-j", jobs]].concat(), d);
            assert!(many.status.success());
            assert!(one.stdout == many.stdout, "{args:?} with {jobs} jobs differs from one job");
        }
    }
    let json: serde_json::Value =
        serde_json::from_slice(&epitome(&["summarize", "in", "--json"], d).stdout).expect("JSON");
    assert_eq!(json.as_array().map(Vec::len), Some(270));
}

#[test]
#[ignore = "needs ../shared"]
fn bbc_with_every_core_equals_one_core() {
    let bbc = shared::path("eval/bbc/articles");
    let here = Path::new(".");
    let bbc = bbc.to_str().expect("UTF-8 path");
    for cmd in ["summarize", "keywords"] {
        let one = epitome(&[cmd, bbc, "--jobs", "1", "--jsonl"], here);
        let all = epitome(&[cmd, bbc, "--jsonl"], here);
        assert!(one.status.success() && all.status.success(), "{}", text(&all.stderr));
        assert_eq!(text(&one.stdout).lines().count(), 1485);
        assert!(one.stdout == all.stdout, "{cmd}: every core differs from one");
    }
}

#[test]
fn binary_and_missing_inputs_are_refused_and_the_rest_processed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let (title, body) = article(1);
    write(d, "in/a.txt", format!("{title}\n{body}").as_bytes());
    // An executable's start, and random bytes without a single NUL.
    write(d, "in/b.txt", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0");
    let mut rng = epitome_host::rng::SplitMix64::new(7);
    let noise: Vec<u8> = (0..8192).map(|_| (rng.next_u64() as u8).max(1)).collect();
    write(d, "in/c.txt", &noise);
    write(d, "in/d.txt", format!("{title}\n{body}").as_bytes());
    std::fs::create_dir_all(d.join("nothing-here")).expect("mkdir");
    let o = epitome(&["summarize", "in", "missing.txt", "nothing-here"], d);
    assert_eq!(o.status.code(), Some(2));
    let out = text(&o.stdout);
    assert_eq!(out.matches("  source:   ").count(), 2, "{out}");
    assert!(out.contains("in/a.txt") && out.contains("in/d.txt"));
    let err = text(&o.stderr);
    for want in [
        "in/b.txt: binary file, not a text article",
        "in/c.txt: binary file, not a text article",
        "missing.txt: no such file or directory",
        "nothing-here: no articles found",
    ] {
        assert!(err.contains(want), "{want:?} not in {err}");
    }
    // The same lines whatever the output shape; an empty JSON array when nothing is left.
    let o = epitome(&["keywords", "in/b.txt", "--json"], d);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(text(&o.stdout), "[]\n");
    assert!(text(&o.stderr).contains("in/b.txt: binary file, not a text article"));
}

#[test]
fn encodings_windows_1252_and_utf16() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let body = "The mayor said: \u{201c}We will rebuild the caf\u{e9} by the river.\u{201d} \
                Work on the bridge starts in the spring of next year. \
                The council has set aside money for the repairs.";
    // Windows-1252: curly quotes are 0x93/0x94, é is 0xE9.
    let cp1252: Vec<u8> = format!("Flood repairs\n{body}")
        .chars()
        .map(|c| match c {
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{e9}' => 0xE9,
            c => c as u8,
        })
        .collect();
    write(d, "cp1252.txt", &cp1252);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(format!("Flood repairs\n{body}").encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    write(d, "utf16.txt", &utf16);
    write(d, "bom.txt", format!("\u{feff}Flood repairs\n{body}").as_bytes());
    let mut outputs = Vec::new();
    for f in ["cp1252.txt", "utf16.txt", "bom.txt"] {
        let o = epitome(&["summarize", f, "--json", "-n", "3"], d);
        assert!(o.status.success(), "{f}: {}", text(&o.stderr));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        assert_eq!(v[0]["title"], "Flood repairs", "{f}");
        let first = v[0]["sentences"][0]["text"].as_str().unwrap_or_default().to_owned();
        assert!(first.contains("\u{201c}We will rebuild the caf\u{e9}"), "{f}: {first}");
        outputs.push(v[0]["sentences"].clone());
    }
    assert!(outputs.iter().all(|s| *s == outputs[0]), "the same text whatever the encoding");
}

#[test]
fn a_closed_pipe_is_a_quiet_success() {
    let dir = tempfile::tempdir().expect("tempdir");
    for shape in ["--json", "--jsonl", "--max-chars=400"] {
        let mut child = bin()
            .args(["summarize", "-", "--input", "jsonl", shape])
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn epitome");
        let mut stdin = child.stdin.take().expect("stdin");
        // A stream much longer than any pipe buffer, fed while the reader gives up.
        let feeder = std::thread::spawn(move || {
            for i in 0..20_000 {
                if stdin.write_all(jsonl_line(i).as_bytes()).is_err() {
                    break;
                }
            }
        });
        let mut first = String::new();
        BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut first).expect("read a line");
        assert!(!first.is_empty());
        // The reader is gone (as `| head -1` would be).
        let o = child.wait_with_output().expect("wait");
        feeder.join().expect("feeder");
        assert!(o.status.success(), "{shape}: {:?} {}", o.status, text(&o.stderr));
        assert_eq!(text(&o.stderr), "", "{shape}: nothing on standard error");
    }
}

#[test]
fn the_same_option_is_spelt_and_bounded_alike() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let (title, body) = article(2);
    write(d, "a.txt", format!("{title}\n{body}").as_bytes());
    write(d, "ds/docs/x.txt", format!("{title}\n{body}\n{body}\n").as_bytes());
    write(d, "ds/keys/x.key", b"council\nplan\n");
    // --keywords/-k everywhere, 0..=16; `--k` still understood.
    for cmd in [&["summarize", "a.txt"][..], &["keywords", "a.txt"], &["digest", "a.txt"], &["eval-keywords", "ds"]] {
        for ok in [["--keywords", "16"], ["-k", "0"], ["--k", "4"]] {
            let o = epitome(&[cmd, &ok[..]].concat(), d);
            assert!(o.status.success(), "{cmd:?} {ok:?}: {}", text(&o.stderr));
        }
        let o = epitome(&[cmd, &["--keywords", "17"]].concat(), d);
        assert_eq!(o.status.code(), Some(2), "{cmd:?}");
        assert!(text(&o.stderr).contains("17 is not in 0..=16"), "{cmd:?}: {}", text(&o.stderr));
    }
    let kws = text(&epitome(&["keywords", "a.txt"], d).stdout);
    let summary_kws = text(&epitome(&["summarize", "a.txt"], d).stdout);
    let line = summary_kws.lines().find(|l| l.starts_with("  keywords: ")).expect("keywords line");
    assert_eq!(kws.lines().count(), line.split(", ").count(), "the same default number of keyphrases");
    // -n is 0..=32 wherever a sentence count is asked for; --jobs at least 1.
    for cmd in [&["summarize", "a.txt"][..], &["digest", "a.txt"], &["eval", "ds"]] {
        assert!(text(&epitome(&[cmd, &["-n", "33"]].concat(), d).stderr).contains("33 is not in 0..=32"), "{cmd:?}");
    }
    assert!(text(&epitome(&["summarize", "a.txt", "--jobs", "0"], d).stderr).contains("--jobs"));
    assert!(text(&epitome(&["summarize", "a.txt", "--json", "--jsonl"], d).stderr).contains("cannot be used with"));
}

#[test]
fn eval_is_the_same_on_any_number_of_jobs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    for i in 0..40 {
        let (title, body) = article(i);
        write(d, &format!("ds/articles/{i:03}.txt"), format!("{title}\n\n{body}").as_bytes());
        let first = body.split(". ").next().unwrap_or_default();
        write(d, &format!("ds/references/{i:03}.txt"), format!("{first}.").as_bytes());
    }
    let run = |jobs: &str| {
        let o = epitome(&["eval", "ds", "--json", "--jobs", jobs], d);
        assert!(o.status.success(), "{}", text(&o.stderr));
        let mut v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        v["seconds"] = 0.into();
        v
    };
    let one = run("1");
    assert_eq!(one["articles"], 40);
    for jobs in ["2", "5"] {
        assert_eq!(run(jobs), one, "{jobs} jobs");
    }
}
