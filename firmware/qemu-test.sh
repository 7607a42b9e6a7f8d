#!/usr/bin/env bash
# The firmware under QEMU, checked end to end (run by scripts/test.d/20-firmware.sh):
#   1. boot: the flash corpus digests; then the seed articles (../shared; left
#      out with a message only when ../shared itself is absent) and the built-in sample over the UART; every
#      frame the board sends must be byte-for-byte what the host computes;
#   2. under fire: the same articles inside a hostile stream (fixed seed) of
#      line noise, corrupt, truncated and oversize frames: every good frame
#      answered correctly, every bad one with the predicted error frame.
# Each run must end with exit status 0 after the host's hang-up, and its defmt
# log (decoded with defmt-print) must hold no ERROR line and report a peak stack
# within the firmware's bound.
# Usage: firmware/qemu-test.sh [BOARD (default stm32f405)] [GARBAGE_BYTES (default 150000)] [SEED (default 1)]
set -euo pipefail
cd "$(dirname "$0")/.."
source firmware/boards.sh

board=${1:-stm32f405}
garbage=${2:-150000}
seed=${3:-1}
fw=target/$(board_target "$board")/firmware/epitome-$board
epitome=target/debug/epitome
[ -x "$epitome" ] || cargo build -q -p epitome-host
[ -f "$fw" ] || { echo "qemu-test: $fw missing: build it first (scripts/test.d/20-firmware.sh)" >&2; exit 1; }

articles=(host/sample)
# Like the tests marked 'needs ../shared' (README, Testing): skipped only when
# ../shared is absent altogether; once it is there, missing seeds are an error.
if [ -d ../shared ]; then
    [ -d ../shared/corpus/seeds ] || { echo "qemu-test: ../shared/corpus/seeds is missing" >&2; exit 1; }
    articles=(../shared/corpus/seeds host/sample)
else
    echo "qemu-test: SKIPPED the seed articles: ../shared is absent (sending the built-in sample only)"
fi

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

# An article at the STM32F405 firmware's limit: 16 KiB of body (firmware/big-article.sh);
# over a smaller board's receive buffer it must get the predicted oversize error.
bash firmware/big-article.sh "$logs/big-16k.txt"
articles+=("$logs/big-16k.txt")

# Decodes a run's defmt log; fails on an ERROR line or a missing clean end.
check_log() {
    local name=$1
    defmt-print -e "$fw" < "$logs/$name.defmt" > "$logs/$name.txt"
    if grep -q '^ERROR' "$logs/$name.txt"; then
        echo "qemu-test: $name: the firmware logged errors:" >&2
        grep -B2 -A2 '^ERROR' "$logs/$name.txt" >&2
        return 1
    fi
    # A reset would boot (and greet) a second time.
    local boots
    boots=$(grep -c '^INFO  epitome firmware ' "$logs/$name.txt" || true)
    if [ "$boots" != 1 ]; then
        echo "qemu-test: $name: the firmware booted $boots times (a reset?)" >&2
        return 1
    fi
    if ! grep -q '^INFO  hang-up:' "$logs/$name.txt"; then
        echo "qemu-test: $name: the log has no clean end; its tail:" >&2
        tail -n 20 "$logs/$name.txt" >&2
        return 1
    fi
    grep '^INFO  hang-up:' "$logs/$name.txt" | sed "s/^INFO  /qemu-test: $name: firmware: /"
}

run() {
    local name=$1
    shift
    echo "qemu-test: $board: $name"
    if ! "$epitome" board --board "$board" --check --quiet --icount --log "$logs/$name.defmt" "$@"; then
        [ -f "$logs/$name.defmt" ] && defmt-print -e "$fw" < "$logs/$name.defmt" | tail -n 20 >&2
        return 1
    fi
    check_log "$name"
}

run boot-and-articles "${articles[@]}"
run under-fire --garbage "$garbage" --seed "$seed" "${articles[@]}"
echo "qemu-test: $board: passed"
