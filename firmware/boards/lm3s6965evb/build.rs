//! Links the firmware for this board: `memory.x` goes to `OUT_DIR` on the
//! linker search path (cortex-m-rt's `link.x` includes it); link arguments
//! are set here rather than in `.cargo/config.toml` so that building from
//! the workspace root works too. The flash corpus is embedded by
//! `epitome-firmware`'s own build script.

use std::path::PathBuf;
use std::{env, fs};

fn main() {
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("none") {
        return;
    }
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::copy("memory.x", out.join("memory.x")).expect("copying memory.x");
    println!("cargo:rustc-link-search={}", out.display());
    println!("cargo:rerun-if-changed=memory.x");
    for arg in ["--nmagic", "-Tlink.x", "-Tdefmt.x"] {
        println!("cargo:rustc-link-arg-bins={arg}");
    }
}
