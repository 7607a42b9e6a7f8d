//! Embeds the flash corpus for the runtime (`runtime::CORPUS`), on a
//! bare-metal target only: the bundle `corpus/sample.bin` (the host's
//! built-in sample, made by `epitome pack host/sample -o
//! firmware/corpus/sample.bin`), or the file named by `EPITOME_CORPUS` at
//! build time. Linking is each board's own build script (boards/*/build.rs).

use std::path::PathBuf;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-env-changed=EPITOME_CORPUS");
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("none") {
        return;
    }
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let here = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
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
}
