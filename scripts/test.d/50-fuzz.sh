#!/usr/bin/env bash
# Time-boxed fuzzing of every target in fuzz/ (FUZZ_SECONDS each, default 30).
# cargo fuzz needs a nightly toolchain: installed here when missing (minimal
# profile), as cargo-fuzz is. Longer runs by hand: cargo +nightly fuzz run TARGET -- -max_total_time=600
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${FUZZ_SECONDS:-30}"
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "installing the nightly toolchain (cargo fuzz needs one)"
    rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz"
    cargo install --locked cargo-fuzz
fi
cd fuzz
for target in $(cargo +nightly fuzz list); do
    mkdir -p "corpus/$target"
    cp -n seeds/"$target"/* "corpus/$target/" 2>/dev/null || true
    # The extractor's page seed is the host's test page, kept in one place.
    if [ "$target" = extract ]; then
        cp -n ../host/tests/data/page.html corpus/extract/page.html
    fi
    echo "fuzzing $target for ${secs}s"
    # No sanitizer: the core forbids unsafe code, so ASan would only slow the search.
    set +e
    out=$(cargo +nightly fuzz run --sanitizer none "$target" -- -max_total_time="$secs" -max_len=4096 2>&1)
    rc=$?
    set -e
    echo "$out" | grep -E "Done [0-9]+ runs|ERROR|panicked|SUMMARY" || true
    if [ "$rc" -ne 0 ]; then
        echo "$out" | tail -40
        echo "fuzz target $target failed (exit $rc); crash inputs are in fuzz/artifacts/$target"
        exit 1
    fi
done
