//! Where the shared data sets are, for every test that reads them (the
//! core's, the host's by `#[path]`, the benchmarks').
//!
//! The pattern (README, "Testing"): a test that reads `../shared` is marked
//! `#[ignore = "needs ../shared"]`, so a plain `cargo test` lists it as
//! ignored instead of passing it vacuously, and `scripts/test-all.sh` runs it
//! with `cargo test --tests -- --ignored` whenever `../shared` is there (CI
//! has it). Once such a test runs, missing data are a failure: [`path`]
//! panics, it never skips.
//!
//! ```text
//! #[path = "../../core/tests/shared/mod.rs"] // from host/tests; `mod shared;` in core/tests
//! mod shared;
//!
//! #[test]
//! #[ignore = "needs ../shared"]
//! fn seeds_do_something() {
//!     let dir = shared::path("corpus/seeds");
//! }
//! ```

use std::path::PathBuf;

/// The shared data directory: `$EPITOME_SHARED` when set, else `../shared`
/// beside the repository.
pub fn dir() -> PathBuf {
    std::env::var_os("EPITOME_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"))
}

/// `rel` inside the shared data directory; panics, failing the test, when it
/// is absent.
#[allow(dead_code)] // the benchmarks' library includes this file for `dir` only
pub fn path(rel: &str) -> PathBuf {
    let p = dir().join(rel);
    assert!(
        p.exists(),
        "{} is absent: this test needs the shared data sets beside the repository \
         (or EPITOME_SHARED=DIR); without them run `cargo test` without --ignored",
        p.display()
    );
    p
}
