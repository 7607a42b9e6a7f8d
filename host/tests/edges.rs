//! The host program's edges (issue 27): one test per row of its table —
//! closed pipes and streams, threads that cannot start, endless lines,
//! output files that are not regular files, bad entries in a folder,
//! symbolic-link cycles, FIFOs, terminal escapes, slow producers and the
//! smaller misreports. Where permissions matter the test also runs as
//! `nobody` (with `setpriv`), and says SKIPPED when it cannot.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const EXE: &str = env!("CARGO_BIN_EXE_epitome");

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample")
}

fn run(args: &[&str]) -> Output {
    Command::new(EXE).args(args).stdin(Stdio::null()).output().expect("run epitome")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A folder of the four sample articles, and the temporary directory holding it.
fn folder(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path().join(name);
    std::fs::create_dir(&d).expect("mkdir");
    for e in std::fs::read_dir(sample()).expect("ls sample") {
        let p = e.expect("entry").path();
        std::fs::copy(&p, d.join(p.file_name().expect("name"))).expect("copy");
    }
    (dir, d)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Waits for `child` at most `secs` seconds; kills it and fails if it hangs.
fn wait_for(mut child: Child, secs: u64) -> Output {
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            panic!("epitome still running after {secs} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn mkfifo(p: &Path) {
    assert!(Command::new("mkfifo").arg(p).status().expect("mkfifo").success());
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

/// `setpriv` arguments that run a command as `nobody`, or `None` (with a
/// visible message) when privileges cannot be dropped here.
fn as_nobody(test: &str) -> Option<Vec<&'static str>> {
    let ok = is_root()
        && Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
            .status()
            .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("SKIPPED {test} as an unprivileged user: not root, or no setpriv");
        return None;
    }
    Some(vec!["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", EXE])
}

/// Row 1: a closed standard error never panics; a closed pipe on standard output is a quiet success.
#[test]
fn row01_closed_stderr_and_closed_pipes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("m.jsonl");
    std::fs::write(&bad, "{x\n{x\n").expect("write");
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let o = Command::new(EXE).args(["summarize", s(&bad)]).stderr(writer).output().expect("run");
    assert_eq!(o.status.code(), Some(2), "two bad lines, stderr closed: status 2, no panic");

    // `| head -1`: the reader leaves after one line of many.
    let mut inputs = vec!["summarize", "--jsonl", "-j", "2"];
    let path = sample();
    for _ in 0..400 {
        inputs.push(s(&path));
    }
    let mut child =
        Command::new(EXE).args(&inputs).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut first).expect("read");
    assert!(first.starts_with("{\"id\""), "{first}");
    let o = wait_for(child, 60);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "quiet: {}", stderr(&o));
}

/// Row 2: threads that cannot be started leave the work to those that could; `--jobs` is clamped.
#[test]
fn row02_threads_that_cannot_start() {
    let (_dir, d) = folder("many");
    for i in 0..40 {
        std::fs::copy(sample().join("01-harbour-bridge.txt"), d.join(format!("x{i:02}.txt"))).expect("copy");
    }
    // Clamped to a sane maximum, and to the inputs: the same results.
    let want = run(&["summarize", s(&d), "--jsonl", "-j", "1"]);
    let got = run(&["summarize", s(&d), "--jsonl", "-j", "65535"]);
    assert_eq!(got.status.code(), Some(0));
    assert_eq!(got.stdout, want.stdout);
    let one = sample().join("01-harbour-bridge.txt");
    assert_eq!(run(&["summarize", s(&one), "-j", "65535"]).status.code(), Some(0));

    let Some(nobody) = as_nobody("row02") else { return };
    std::fs::set_permissions(d.parent().expect("parent"), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let o = Command::new("prlimit")
        .args(["--nproc=1"])
        .args(&nobody)
        .args(["summarize", s(&d), "--jsonl", "-j", "200"])
        .output()
        .expect("prlimit");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(o.stdout, want.stdout);
    assert!(stderr(&o).contains("could start only"), "{}", stderr(&o));
}

/// Row 3: a JSON line that never ends, a huge sparse file: bounded memory, a clear error.
#[test]
fn row03_endless_lines_and_huge_files() {
    let o = run(&["summarize", "--input", "jsonl", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/dev/zero: binary file"), "{}", stderr(&o));

    let dir = tempfile::tempdir().expect("tempdir");
    let sparse = dir.path().join("big.txt");
    std::fs::File::create(&sparse).and_then(|f| f.set_len(3 << 30)).expect("sparse file");
    let o = run(&["summarize", s(&sparse)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("big.txt: binary file"), "{}", stderr(&o));

    // Text past the limits: the line or the file named, the rest read.
    let long = dir.path().join("long.jsonl");
    let text = format!("{{\"body\":\"{}\"}}\n{{\"id\":7,\"body\":\"Short one. Fine.\"}}\n", "word ".repeat(100_000));
    std::fs::write(&long, text).expect("write");
    let o = run(&["summarize", s(&long), "--jsonl", "--max-line-bytes", "64K"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("long.jsonl:1: line longer than 65536 bytes"), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"id\":7"));
    let o = run(&["summarize", s(&long), "--jsonl"]);
    assert_eq!(o.status.code(), Some(0), "the default limit is larger: {}", stderr(&o));
    let big = dir.path().join("big-text.txt");
    std::fs::write(&big, "Title\n".to_owned() + &"Many words here. ".repeat(10_000)).expect("write");
    let o = run(&["summarize", s(&big), "--max-article-bytes", "100K"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("big-text.txt: file larger than 102400 bytes"), "{}", stderr(&o));
}

/// Row 4: output files are written into what the user named, unless they are regular files.
#[test]
fn row04_outputs_are_written_into_what_was_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    // A FIFO: its reader gets the bundle, and it stays a FIFO.
    let fifo = d.join("out.fifo");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).expect("read FIFO"))
    };
    let o = run(&["pack", s(&sample()), "-o", s(&fifo)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bytes = reader.join().expect("reader");
    assert!(bytes.starts_with(b"EPTB"));
    assert!(std::fs::symlink_metadata(&fifo).expect("stat").file_type().is_fifo());
    // A symbolic link: written through, still a link.
    let target = d.join("real.bin");
    std::fs::write(&target, "old").expect("write");
    let link = d.join("link.bin");
    symlink(&target, &link).expect("symlink");
    assert_eq!(run(&["pack", s(&sample()), "-o", s(&link)]).status.code(), Some(0));
    assert!(std::fs::symlink_metadata(&link).expect("stat").file_type().is_symlink());
    assert_eq!(std::fs::read(&target).expect("read"), bytes);
    // A regular file: replaced whole, its permissions kept, nothing left beside it.
    let plain = d.join("plain.bin");
    std::fs::write(&plain, "old").expect("write");
    std::fs::set_permissions(&plain, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    assert_eq!(run(&["pack", s(&sample()), "-o", s(&plain)]).status.code(), Some(0));
    assert_eq!(std::fs::read(&plain).expect("read"), bytes);
    assert_eq!(std::fs::metadata(&plain).expect("stat").permissions().mode() & 0o777, 0o640);
    let names: Vec<String> = std::fs::read_dir(d)
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains("tmp")), "{names:?}");
    // A device: written into (here /dev/full: the error says so), still a device.
    if is_root() {
        let full = d.join("myfull");
        assert!(Command::new("mknod").args([s(&full), "c", "1", "7"]).status().expect("mknod").success());
        let o = run(&["pack", s(&sample()), "-o", s(&full)]);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("No space left on device"), "{}", stderr(&o));
        assert!(std::fs::symlink_metadata(&full).expect("stat").file_type().is_char_device());
    } else {
        eprintln!("SKIPPED row04 device node: not root (mknod)");
    }
}

use std::os::unix::fs::FileTypeExt;

/// Row 5: one bad entry in a folder loses nothing else, and is named itself.
#[test]
fn row05_one_bad_entry_loses_nothing_else() {
    let (dir, d) = folder("r3");
    symlink("/nonexistent", d.join("dangling.txt")).expect("symlink");
    symlink("self.txt", d.join("self.txt")).expect("symlink");
    for cmd in [&["summarize", "--json"][..], &["pack", "-o", "/dev/null"], &["digest"]] {
        let mut args = cmd.to_vec();
        args.push(s(&d));
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{cmd:?}");
        let e = stderr(&o);
        assert!(e.contains("r3/dangling.txt: dangling symbolic link"), "{cmd:?}: {e}");
        assert!(e.contains("r3/self.txt: symbolic link loop"), "{cmd:?}: {e}");
        assert!(!e.contains(&format!("{}: ", s(&d))), "the folder itself is not blamed: {e}");
    }
    let o = run(&["summarize", "--json", s(&d)]);
    assert_eq!(stdout(&o).matches("\"origin\"").count(), 4);
    assert!(stdout(&run(&["digest", s(&d)])).starts_with("# Digest of 4 articles"));

    // An unreadable subfolder, as a user it is unreadable to.
    let Some(nobody) = as_nobody("row05") else { return };
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::fs::remove_file(d.join("dangling.txt")).expect("rm");
    std::fs::remove_file(d.join("self.txt")).expect("rm");
    let locked = d.join("locked");
    std::fs::create_dir(&locked).expect("mkdir");
    std::fs::write(locked.join("x.txt"), "T\nBody.").expect("write");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let o = Command::new(nobody[0]).args(&nobody[1..]).args(["summarize", "--json", s(&d)]).output().expect("run");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("r3/locked: cannot read: Permission denied"), "{}", stderr(&o));
    assert_eq!(stdout(&o).matches("\"origin\"").count(), 4);
    // As root the same folder is read whole.
    let o = run(&["summarize", "--json", s(&d)]);
    assert_eq!((o.status.code(), stdout(&o).matches("\"origin\"").count()), (Some(0), 5));
}

/// Row 6: symbolic-link cycles end, and no file is read twice.
#[test]
fn row06_symlink_cycles_end_and_files_count_once() {
    let (dir, d) = folder("r5");
    symlink(".", d.join("s1")).expect("symlink");
    symlink(".", d.join("s2")).expect("symlink");
    let out = dir.path().join("r5.bin");
    let child = Command::new(EXE)
        .args(["pack", s(&d), "-o", s(&out)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let o = wait_for(child, 60);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("4 articles"), "{}", stdout(&o));
    assert!(stderr(&o).contains("r5/s1: symbolic link loop"), "{}", stderr(&o));
    // A link to a folder beside it: followed, but its files are read once.
    let (_d2, e) = folder("r6");
    std::fs::create_dir(e.join("sub")).expect("mkdir");
    std::fs::write(e.join("sub/extra.txt"), "Extra\nThe extra article body.").expect("write");
    symlink("sub", e.join("again")).expect("symlink");
    let o = run(&["digest", s(&e)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("# Digest of 5 articles"), "{}", stdout(&o));
}

/// Row 7: a FIFO named on the command line is read as a stream after what
/// came before is written; one inside a folder is skipped with a message.
#[test]
fn row07_fifos() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("f");
    mkfifo(&fifo);
    let one = sample().join("01-harbour-bridge.txt");
    let mut child = Command::new(EXE)
        .args(["summarize", "--jsonl", s(&one), s(&fifo)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    // The file's result comes before anyone writes to the FIFO.
    out.read_line(&mut first).expect("read");
    assert!(first.contains("01-harbour-bridge.txt"), "{first}");
    std::fs::write(&fifo, "From a FIFO\nThe FIFO's article arrives late. It is read all the same.")
        .expect("write FIFO");
    let mut rest = String::new();
    out.read_to_string(&mut rest).expect("read");
    let o = wait_for(child, 30);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(rest.contains("From a FIFO"), "{rest}");

    let (_d, folder) = folder("r7");
    mkfifo(&folder.join("g.txt"));
    let child = Command::new(EXE)
        .args(["summarize", s(&folder)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let o = wait_for(child, 30);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("r7/g.txt: skipped: a FIFO, not a regular file"), "{}", stderr(&o));
    assert_eq!(stdout(&o).matches("  source:").count(), 4);
}

/// Row 8: control characters in titles, bodies and file names reach the terminal escaped; JSON is unchanged.
#[test]
fn row08_terminal_escapes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("e\u{202e}txt.txt");
    let body = "Body text here today, with enough words around it to be an article. ".repeat(3);
    std::fs::write(&p, format!("T \x1b]0;pwned\x07\n{body}\u{9b}2J stays inside the body.\n")).expect("write");
    let o = run(&["summarize", s(&p)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("# T \\u{1b}]0;pwned\\u{7}"), "{text}");
    assert!(text.contains("e\\u{202e}txt.txt"), "{text}");
    assert!(!text.contains('\x1b') && !text.contains('\x07') && !text.contains('\u{202e}') && !text.contains('\u{9b}'));
    let o = run(&["summarize", s(&p), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v[0]["title"], "T \x1b]0;pwned\x07");
    // Messages on standard error too.
    let missing = dir.path().join("gone\x1b[2J.txt");
    let o = run(&["summarize", s(&missing)]);
    assert!(stderr(&o).contains("gone\\u{1b}[2J.txt: no such file"), "{}", stderr(&o));
}

/// Row 9: a closed standard output is an error, not a silent success.
#[test]
fn row09_closed_stdout() {
    let o =
        Command::new("sh").args(["-c", "exec \"$0\" summarize \"$1\" >&-", EXE, s(&sample())]).output().expect("sh");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("standard output is closed"), "{}", stderr(&o));
    // Sent to /dev/null on purpose, it is fine.
    let o = Command::new(EXE).args(["summarize", s(&sample())]).stdout(Stdio::null()).output().expect("run");
    assert_eq!(o.status.code(), Some(0));
}

/// Row 10: a slow JSON-lines producer is answered line by line.
#[test]
fn row10_slow_producer_answered_as_lines_arrive() {
    for extra in [&["--jsonl"][..], &[]] {
        let mut args = vec!["summarize", "-", "--input", "jsonl"];
        args.extend_from_slice(extra);
        let mut child =
            Command::new(EXE).args(&args).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("spawn");
        let mut input = child.stdin.take().expect("stdin");
        input
            .write_all(b"{\"id\":1,\"title\":\"LINE1\",\"body\":\"The first line's article. It comes alone.\"}\n")
            .expect("write");
        input.flush().expect("flush");
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        let mut first = String::new();
        // Answered while the producer still holds the stream open.
        out.read_line(&mut first).expect("read");
        assert!(first.contains("LINE1"), "{extra:?}: {first}");
        input.write_all(b"{\"id\":2,\"title\":\"LINE2\",\"body\":\"Second.\"}\n").expect("write");
        drop(input);
        let mut rest = String::new();
        out.read_to_string(&mut rest).expect("read");
        assert!(rest.contains("LINE2"), "{rest}");
        assert!(wait_for(child, 30).status.success());
    }
}

/// Row 11: the smaller misreports.
#[test]
fn row11_smaller_misreports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let lines = d.join("m.jsonl");
    std::fs::write(
        &lines,
        "{\"id\":123456789012345678901234567890,\"body\":\"Big id. Kept exact.\"}\n{\"body\": null}\n{\"body\": \"cut off\n{\"id\":\"s-1\",\"title\":\"T\",\"body\":\"String id.\"}\n{\"body\": \"x\", ",
    )
    .expect("write");
    let o = run(&["summarize", s(&lines), "--jsonl"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(stdout(&o).contains("\"id\":\"123456789012345678901234567890\""), "{}", stdout(&o));
    assert!(e.contains("m.jsonl:2: field `body`: null, expected a string"), "{e}");
    assert!(e.contains("m.jsonl:3: invalid JSON: the line ends before the JSON value does (cut off?)"), "{e}");
    assert!(e.contains("m.jsonl:5: invalid JSON: the line ends before"), "{e}");
    assert!(!e.contains("column 0") && !e.contains("control character"), "{e}");

    // `digest /dev/zero` is binary, not missing.
    let o = run(&["digest", "/dev/zero"]);
    assert!(stderr(&o).contains("/dev/zero: binary file"), "{}", stderr(&o));

    // pack takes what summarize takes (string ids, empty files), and every
    // command that reads an article list takes a bundle.
    std::fs::write(d.join("empty.txt"), "").expect("write");
    let bundle = d.join("c.bin");
    let o = run(&["pack", s(&lines), s(&d.join("empty.txt")), "-o", s(&bundle)]);
    assert_eq!(o.status.code(), Some(2), "the bad lines are still bad");
    assert!(stdout(&o).contains("3 articles"), "{}", stdout(&o));
    let o = run(&["summarize", s(&bundle), "--jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 3);
    assert!(stdout(&o).contains("c.bin#2"), "{}", stdout(&o));
    assert_eq!(run(&["keywords", s(&bundle)]).status.code(), Some(0));

    // Windows-1252 fallback said once per file.
    let legacy = d.join("legacy.txt");
    std::fs::write(&legacy, b"Caf\xc3\xa9 title\nA caf\xe9 body. Another sentence of it.\n").expect("write");
    let o = run(&["summarize", s(&legacy)]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o).matches("legacy.txt: not valid UTF-8, read as Windows-1252").count(), 1, "{}", stderr(&o));

    // Byte offsets: `sentences --json`'s body_start/body_end are
    // `summarize --json`'s start/end for the same sentence.
    let one = sample().join("01-harbour-bridge.txt");
    let units: serde_json::Value =
        serde_json::from_slice(&run(&["sentences", "--json", s(&one)]).stdout).expect("JSON");
    let summary: serde_json::Value =
        serde_json::from_slice(&run(&["summarize", "--json", s(&one)]).stdout).expect("JSON");
    let chosen = summary[0]["sentences"].as_array().expect("sentences");
    assert!(!chosen.is_empty());
    for c in chosen {
        let unit = units.as_array().expect("units").iter().find(|u| u["text"] == c["text"]).expect("same unit");
        assert_eq!((&unit["body_start"], &unit["body_end"]), (&c["start"], &c["end"]), "{c}");
    }

    // IDF tables carry a checksum: a flipped bit is refused, not used.
    let idf = d.join("idf.bin");
    assert_eq!(run(&["model", "build", s(&sample()), "-o", s(&idf)]).status.code(), Some(0));
    assert_eq!(run(&["summarize", "--idf", s(&idf), s(&one)]).status.code(), Some(0));
    let mut bytes = std::fs::read(&idf).expect("read");
    bytes[40] ^= 0x10;
    std::fs::write(&idf, bytes).expect("write");
    let o = run(&["summarize", "--idf", s(&idf), s(&one)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("checksum mismatch"), "{}", stderr(&o));
}
