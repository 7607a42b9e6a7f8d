#!/usr/bin/env bash
# Every criterion benchmark once in test mode (no timing), so that none can
# rot: each checks its answer before it would be timed. `cargo test --benches`
# runs criterion's test mode like `cargo bench -- --test`, but in the test
# profile, whose dependencies the test step has already built (the bench
# profile would rebuild every crate optimised: minutes on a 2-core CI box).
# Full runs are for people: see BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo test -p epitome-benches --benches
