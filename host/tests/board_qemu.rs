//! `epitome board` against the real firmware under QEMU: the session works
//! and QEMU is stopped on every exit path (success, error, Ctrl-C).
//!
//! Needs `qemu-system-arm` and the firmware built for the board
//! (`scripts/test.d/20-firmware.sh` builds it, then runs these tests with
//! `EPITOME_REQUIRE_QEMU=1` so that they cannot skip there); elsewhere they
//! print SKIPPED when either is missing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A private copy of the firmware (so that its path names only our QEMU), or None to skip.
fn firmware(dir: &Path) -> Option<PathBuf> {
    let fw = root().join("target/thumbv7em-none-eabihf/firmware/epitome-stm32f405");
    let qemu = Command::new("qemu-system-arm").arg("--version").output().is_ok_and(|o| o.status.success());
    if !fw.is_file() || !qemu {
        assert!(std::env::var_os("EPITOME_REQUIRE_QEMU").is_none(), "QEMU or the firmware is missing");
        eprintln!("SKIPPED: needs qemu-system-arm and the firmware (scripts/test.d/20-firmware.sh builds it)");
        return None;
    }
    let copy = dir.join("fw-under-test.elf");
    std::fs::copy(&fw, &copy).expect("copy firmware");
    Some(copy)
}

/// True if a QEMU process runs `path`.
fn running(path: &Path) -> bool {
    let needle = path.to_string_lossy().into_owned();
    std::fs::read_dir("/proc").expect("/proc").flatten().any(|e| {
        std::fs::read(e.path().join("cmdline"))
            .map(|c| {
                let c = String::from_utf8_lossy(&c).replace('\0', " ");
                c.starts_with("qemu-system-arm ") && c.contains(&needle)
            })
            .unwrap_or(false)
    })
}

fn board(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_epitome")).arg("board").args(args).current_dir(root()).output().expect("run")
}

#[test]
fn sample_round_trip_is_byte_identical_and_qemu_exits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some(fw) = firmware(dir.path()) else { return };
    let o = board(&["--check", "--firmware", fw.to_str().expect("utf-8"), "host/sample"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{out}\n{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.contains("article 0:") && out.contains("digest of 4 articles:"), "{out}");
    assert!(out.contains("4 answers (4 digests, 0 error frames), 0 differing from the host"), "{out}");
    assert!(!running(&fw), "QEMU left running");
}

/// Articles tagged in a language the board reads, untagged, and in one no
/// board reads (Japanese): two digests and a `Language` error frame, each
/// byte for byte as the host predicts.
#[test]
fn a_language_the_board_lacks_gets_the_predicted_error_frame() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some(fw) = firmware(dir.path()) else { return };
    let fr = "Le conseil municipal a approuvé lundi la construction d'un nouveau pont sur le fleuve. \
              Le pont coûtera 40 millions d'euros et ouvrira en 2028. Selon les élus, il réduira la circulation.";
    let jsonl = dir.path().join("languages.jsonl");
    let lines = [
        serde_json::json!({"title": "Le pont approuvé", "body": fr, "lang": "fr-FR"}),
        serde_json::json!({"title": "Le pont approuvé", "body": fr}),
        serde_json::json!({"title": "橋が承認された", "body": "市議会は月曜日に新しい橋の建設を承認した。", "lang": "ja"}),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(&jsonl, text).expect("write");
    let o = board(&["--check", "--firmware", fw.to_str().expect("utf-8"), jsonl.to_str().expect("utf-8")]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{out}\n{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.contains("in languages en fr de es it pt nl"), "{out}");
    assert!(out.contains("error for article 2: Language"), "{out}");
    assert!(out.contains("3 answers (2 digests, 1 error frames), 0 differing from the host"), "{out}");
    assert!(!running(&fw), "QEMU left running");
}

#[test]
fn qemu_is_stopped_when_the_check_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some(fw) = firmware(dir.path()) else { return };
    // Claim the firmware holds another corpus: the boot digests differ.
    let other = dir.path().join("other.bin");
    let o = Command::new(env!("CARGO_BIN_EXE_epitome"))
        .args(["pack", "../shared/corpus/seeds", "host/sample/01-harbour-bridge.txt", "-o"])
        .arg(&other)
        .current_dir(root())
        .output()
        .expect("pack");
    let o = if o.status.success() {
        o
    } else {
        // Without ../shared: one sample article alone is another corpus too.
        let o = Command::new(env!("CARGO_BIN_EXE_epitome"))
            .args(["pack", "host/sample/02-battery-plant.txt", "-o"])
            .arg(&other)
            .current_dir(root())
            .output()
            .expect("pack");
        assert!(o.status.success());
        o
    };
    drop(o);
    let o = Command::new(env!("CARGO_BIN_EXE_epitome"))
        .args(["board", "--check", "--quiet", "--timeout", "20", "--firmware"])
        .arg(&fw)
        .arg("--corpus")
        .arg(&other)
        .current_dir(root())
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(err.contains("differ from the host"), "{err}");
    assert!(!running(&fw), "QEMU left running after an error");
}

#[test]
fn qemu_is_stopped_on_ctrl_c() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some(fw) = firmware(dir.path()) else { return };
    // A stream of noise long enough to be interrupted in the middle.
    let mut child = Command::new(env!("CARGO_BIN_EXE_epitome"))
        .args(["board", "--quiet", "--garbage", "5000000", "--firmware"])
        .arg(&fw)
        .arg("host/sample")
        .current_dir(root())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !running(&fw) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(running(&fw), "QEMU did not start");
    std::thread::sleep(Duration::from_millis(500));
    // SIGINT to epitome alone (not its process group, as a terminal would).
    let sent = Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("kill");
    assert!(sent.success());
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(130));
    let deadline = Instant::now() + Duration::from_secs(5);
    while running(&fw) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!running(&fw), "QEMU left running after Ctrl-C");
}
