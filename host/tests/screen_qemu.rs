//! The emulated OLED shows what `epitome screen` draws: the lm3s6965evb
//! firmware under QEMU, its display saved by `epitome board --screenshot`
//! (QEMU's screendump), compared pixel for pixel with `epitome screen` of
//! the same flash corpus — allowing only QEMU's 4x magnification and its
//! grey levels (any lit grey is a lit pixel).
//!
//! Needs `qemu-system-arm` and the board's release firmware
//! (`scripts/test.d/20-firmware.sh` builds it and runs this with
//! `EPITOME_REQUIRE_QEMU=1`, so that it cannot skip there); elsewhere it
//! prints SKIPPED when either is missing.

use std::path::{Path, PathBuf};
use std::process::Command;

use epitome_host::screen::read_png;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn epitome(args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_epitome")).args(args).current_dir(root()).output().expect("run epitome");
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(o.status.success(), "epitome {args:?}: {out}\n{}", String::from_utf8_lossy(&o.stderr));
    out
}

#[test]
fn emulated_oled_shows_the_pages_of_epitome_screen() {
    let fw = root().join("target/thumbv7m-none-eabi/firmware/epitome-lm3s6965evb");
    let qemu = Command::new("qemu-system-arm").arg("--version").output().is_ok_and(|o| o.status.success());
    if !fw.is_file() || !qemu {
        assert!(std::env::var_os("EPITOME_REQUIRE_QEMU").is_none(), "QEMU or the lm3s6965evb firmware is missing");
        eprintln!(
            "SKIPPED: needs qemu-system-arm and the lm3s6965evb firmware (scripts/test.d/20-firmware.sh builds it)"
        );
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    for page in ["1", "2"] {
        let oled = dir.path().join(format!("oled-{page}.png"));
        let host = dir.path().join(format!("host-{page}.png"));
        let out = epitome(&[
            "board",
            "--board",
            "lm3s6965evb",
            "--check",
            "--screenshot",
            oled.to_str().unwrap(),
            "--screen-page",
            page,
            "host/sample",
        ]);
        assert!(out.contains(", 0 display pixels differing"), "{out}");
        epitome(&["screen", "firmware/corpus/sample.bin", "--page", page, "-o", host.to_str().unwrap()]);
        let (a, b) = (read_png(&oled).unwrap(), read_png(&host).unwrap());
        assert_eq!((a.width, a.height), (512, 256), "QEMU's SSD0323 magnifies 4x");
        assert_eq!((b.width, b.height), (512, 256), "epitome screen enlarges 4x by default");
        let differ = a.pixels.iter().zip(&b.pixels).filter(|(x, y)| (**x > 0) != (**y > 0)).count();
        assert_eq!(
            differ,
            0,
            "page {page}: {differ} picture pixels differ ({} and {})",
            oled.display(),
            host.display()
        );
        assert!(b.pixels.iter().filter(|&&p| p > 0).count() > 16 * 1000, "page {page} is nearly blank");
    }
}
