//! `epitome flash` with a stand-in `probe-rs` on `PATH`: a script that
//! records its arguments. The real build (the firmware with the packed
//! articles in flash) needs the board's Rust target; without it that test
//! prints SKIPPED, unless `EPITOME_REQUIRE_FLASH_BUILD` is set
//! (scripts/test.d/20-firmware.sh sets it).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A directory holding a stand-in `probe-rs` that appends its arguments,
/// one line per call, to `calls.txt` there and exits with `status`.
fn stand_in(status: i32) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let script = dir.path().join("probe-rs");
    let log = dir.path().join("calls.txt");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho \"$*\" >> '{}'\n[ \"$1\" = run ] && echo 'Error: No connected probes were found.' >&2 && exit {status}\nexit 0\n",
            log.display()
        ),
    )
    .expect("write stand-in");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    dir
}

/// Runs `epitome flash ARGS` with `path` as the whole `PATH`.
fn flash(path: &std::ffi::OsStr, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_epitome"))
        .arg("flash")
        .args(args)
        .current_dir(root())
        .env("PATH", path)
        .output()
        .expect("run epitome")
}

fn calls(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join("calls.txt")).unwrap_or_default().lines().map(str::to_owned).collect()
}

#[test]
fn without_probe_rs_it_says_how_to_install_it_and_builds_nothing() {
    let empty = tempfile::tempdir().expect("tempdir");
    let o = flash(empty.path().as_os_str(), &["host/sample", "--chip", "STM32F405RGTx"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        err.contains("probe-rs is not installed") && err.contains("cargo install probe-rs-tools --locked"),
        "{err}"
    );
    assert!(!err.contains("building"), "{err}");
}

#[test]
fn dry_run_prints_the_build_and_the_probe_rs_command() {
    let empty = tempfile::tempdir().expect("tempdir");
    let o = flash(
        empty.path().as_os_str(),
        &["host/sample", "--chip", "STM32F405RGTx", "--probe", "0483:374b", "--dry-run"],
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].starts_with("# write the bundle (4 articles, "), "{out}");
    assert!(lines[1].contains("EPITOME_CORPUS=") && lines[1].contains("cargo build"), "{out}");
    assert!(lines[1].contains("-p epitome-board-stm32f405") && lines[1].contains("--features rtt"), "{out}");
    assert!(
        lines[2].starts_with("probe-rs run --chip STM32F405RGTx --probe 0483:374b ")
            && lines[2].ends_with("thumbv7em-none-eabihf/flash/epitome-stm32f405"),
        "{out}"
    );
}

#[test]
fn articles_larger_than_the_flash_are_refused_with_the_excess_before_building() {
    let probe = stand_in(0);
    let dir = tempfile::tempdir().expect("tempdir");
    // 300 articles of about 4 KiB: more than the board's 1 MiB of flash.
    let para = "The harbour board met on Tuesday to discuss the new ferry timetable and its cost. ".repeat(48);
    for i in 0..300 {
        std::fs::write(dir.path().join(format!("{i:03}.txt")), format!("Ferry timetable {i}\n\n{para}\n"))
            .expect("write article");
    }
    let o = flash(probe.path().as_os_str(), &[dir.path().to_str().expect("utf-8"), "--chip", "STM32F405RGTx"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        err.contains("do not fit the stm32f405 board's flash") && err.contains("bytes over its 1048576 bytes"),
        "{err}"
    );
    assert_eq!(calls(probe.path()), vec!["--version"], "probe-rs not asked to run");
}

#[test]
fn it_passes_the_chip_and_an_elf_holding_the_packed_articles_and_probe_rs_s_status() {
    let target_installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).lines().any(|l| l == "thumbv7em-none-eabihf"));
    if !target_installed {
        assert!(std::env::var_os("EPITOME_REQUIRE_FLASH_BUILD").is_none(), "thumbv7em-none-eabihf is missing");
        eprintln!("SKIPPED: needs the thumbv7em-none-eabihf target (rustup target add thumbv7em-none-eabihf)");
        return;
    }
    let probe = stand_in(3);
    let path = std::env::join_paths(
        std::iter::once(probe.path().to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .expect("PATH");
    let article = "host/sample/02-battery-plant.txt";
    let o = flash(&path, &[article, "--chip", "nRF-stand-in-chip"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(3), "probe-rs's status passed on: {err}");
    assert!(err.contains("No connected probes were found."), "probe-rs's own message shown: {err}");

    let run = calls(probe.path()).into_iter().find(|c| c.starts_with("run ")).expect("probe-rs run called");
    let elf = run.strip_prefix("run --chip nRF-stand-in-chip ").expect("the chip passed");
    let elf_bytes = std::fs::read(elf).expect("the ELF passed to probe-rs exists");
    // The ELF holds the bundle of exactly that article, as `epitome pack` makes it.
    let packed = tempfile::tempdir().expect("tempdir");
    let bundle = packed.path().join("one.bin");
    let p = Command::new(env!("CARGO_BIN_EXE_epitome"))
        .args(["pack", article, "-o"])
        .arg(&bundle)
        .current_dir(root())
        .output()
        .expect("pack");
    assert!(p.status.success());
    let bundle = std::fs::read(&bundle).expect("bundle");
    assert!(elf_bytes.windows(bundle.len()).any(|w| w == bundle), "the ELF does not hold the packed article");
}
