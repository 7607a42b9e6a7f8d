//! Links the firmware for its board and embeds the flash corpus.
//!
//! - `memory.x` goes to `OUT_DIR` on the linker search path (cortex-m-rt's
//!   `link.x` includes it); link arguments are set here rather than in a
//!   `.cargo/config.toml` so that building from the workspace root works.
//! - The corpus bundle is `corpus/sample.bin` (the host's built-in sample,
//!   made by `epitome pack host/sample -o firmware/corpus/sample.bin`), or
//!   the file named by `EPITOME_CORPUS` at build time.

use std::path::PathBuf;
use std::{env, fs};

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let here = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));

    println!("cargo:rerun-if-env-changed=EPITOME_CORPUS");
    let corpus = match env::var_os("EPITOME_CORPUS") {
        Some(p) => {
            let p = PathBuf::from(p);
            if p.is_absolute() { p } else { env::current_dir().expect("current directory").join(p) }
        }
        None => here.join("corpus/sample.bin"),
    };
    println!("cargo:rerun-if-changed={}", corpus.display());
    let bytes = fs::read(&corpus).unwrap_or_else(|e| panic!("reading the corpus bundle {}: {e}", corpus.display()));
    if bytes.get(..4) != Some(b"EPTB") {
        panic!("{} is not a corpus bundle (make one with `epitome pack`)", corpus.display());
    }
    fs::write(out.join("corpus.bin"), bytes).expect("writing OUT_DIR/corpus.bin");

    if env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("none") {
        fs::copy(here.join("memory.x"), out.join("memory.x")).expect("copying memory.x");
        println!("cargo:rustc-link-search={}", out.display());
        println!("cargo:rerun-if-changed=memory.x");
        for arg in ["--nmagic", "-Tlink.x", "-Tdefmt.x"] {
            println!("cargo:rustc-link-arg-bins={arg}");
        }
    }
}
