#!/usr/bin/env bash
# The one test command (README): installs what it needs, then runs every
# check CI runs. Safe to run repeatedly; each section says what it does.
set -euo pipefail
cd "$(dirname "$0")/.."
# A one-shot run gains nothing from incremental caches, which took about a
# third of target/debug; keep the disk use of a CI clone small.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

# Each header shows the time since the start, so slow steps are easy to spot.
step() { printf '\n==> [%dm%02ds] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

step "toolchain: thumb targets and components"
rustup target add thumbv6m-none-eabi thumbv7em-none-eabihf >/dev/null
rustup component add rustfmt clippy >/dev/null 2>&1 || echo "note: could not add rustfmt/clippy components (assuming present)"

step "format"
cargo fmt --all --check

step "lint (host workspace, all targets, warnings are errors)"
cargo clippy --all-targets -- -D warnings

step "tests (unit, integration, property, doc)"
cargo test

step "core builds no_std for Cortex-M0+ and Cortex-M4F (with and without defmt)"
cargo build -p epitome --release --target thumbv6m-none-eabi
cargo build -p epitome --release --target thumbv7em-none-eabihf
cargo build -p epitome --release --target thumbv7em-none-eabihf --features defmt

step "panic-freedom proof: core entry points linked with an undefined panic handler (fails to link if any panic is reachable)"
cargo build -p epitome-panic-never --profile panic-never --target thumbv7em-none-eabihf
cargo build -p epitome-panic-never --profile panic-never --target thumbv6m-none-eabi

for extra in scripts/test.d/*.sh; do
    [ -e "$extra" ] || continue
    step "$extra"
    bash "$extra"
done

step "all checks passed"
