#!/usr/bin/env bash
# Every criterion benchmark once in test mode (no timing), so that none can
# rot: each checks its answer before it would be timed. Full runs are for
# people: see BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo bench -p epitome-benches --bench throughput -- --test
