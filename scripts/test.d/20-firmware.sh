#!/usr/bin/env bash
# Firmware step of the test command: build the firmware for each board,
# lint and unit-test it, check the committed flash corpus is fresh,
# then run it under QEMU (firmware/qemu-test.sh). Installs what it needs;
# says clearly what it could not install and what it skipped.
set -euo pipefail
cd "$(dirname "$0")/../.."

say() { printf 'firmware: %s\n' "$*"; }

rustup target add thumbv7em-none-eabihf thumbv7m-none-eabi thumbv6m-none-eabi >/dev/null

say "lint and host tests of the firmware library"
cargo clippy -p epitome-firmware -p epitome-board-stm32f405 -p epitome-board-microbit -p epitome-board-lm3s6965evb \
    --all-targets -- -D warnings
for t in epitome-board-stm32f405:thumbv7em-none-eabihf epitome-board-microbit:thumbv6m-none-eabi; do
    DEFMT_LOG=info cargo clippy -p "${t%%:*}" --target "${t#*:}" -- -D warnings
    cargo clippy -p "${t%%:*}" --target "${t#*:}" --no-default-features --features qemu -- -D warnings
done
DEFMT_LOG=info cargo clippy -p epitome-board-stm32f405 --target thumbv7em-none-eabihf --features ssd1306 -- -D warnings
DEFMT_LOG=info cargo clippy -p epitome-board-lm3s6965evb --target thumbv7m-none-eabi -- -D warnings
cargo test -q -p epitome-firmware

say "the committed flash corpus is what 'epitome pack host/sample' makes"
fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT
cargo run -q -p epitome-host -- pack host/sample -o "$fresh" >/dev/null
if ! cmp -s "$fresh" firmware/corpus/sample.bin; then
    echo "firmware/corpus/sample.bin is stale: run cargo run -p epitome-host -- pack host/sample -o firmware/corpus/sample.bin" >&2
    exit 1
fi

say "build: the real-board firmware (defmt over RTT, profile flash as epitome flash builds it; and with an SSD1306 OLED on I2C1), then each QEMU board's"
DEFMT_LOG=info cargo build -p epitome-board-stm32f405 --profile flash --target thumbv7em-none-eabihf
DEFMT_LOG=info cargo build -p epitome-board-stm32f405 --profile flash --target thumbv7em-none-eabihf --features ssd1306
DEFMT_LOG=info cargo build -p epitome-board-microbit --profile flash --target thumbv6m-none-eabi
source firmware/boards.sh
for b in "${BOARDS[@]}"; do build_qemu_firmware "$b" >/dev/null; done
cargo build -q -p epitome-host

say "epitome flash with a stand-in probe-rs: the chip and an ELF holding the packed articles passed on"
EPITOME_REQUIRE_FLASH_BUILD=1 cargo test -q -p epitome-host --test flash

apt_missing=()
command -v qemu-system-arm >/dev/null || apt_missing+=(qemu-system-arm)
command -v arm-none-eabi-size >/dev/null || apt_missing+=(binutils-arm-none-eabi)
if [ ${#apt_missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing ${apt_missing[*]}"
    (apt-get update -qq && apt-get install -y -qq "${apt_missing[@]}") >/dev/null 2>&1 || true
fi
command -v arm-none-eabi-size >/dev/null || rustup component add llvm-tools >/dev/null 2>&1 || true
if ! command -v defmt-print >/dev/null; then
    say "installing defmt-print (cargo install --locked)"
    cargo install --locked -q defmt-print || true
fi
missing=()
command -v qemu-system-arm >/dev/null || missing+=("qemu-system-arm (apt-get install qemu-system-arm, as root)")
command -v defmt-print >/dev/null || missing+=("defmt-print (cargo install --locked defmt-print)")
if [ ${#missing[@]} -gt 0 ]; then
    say "COULD NOT INSTALL: ${missing[*]}"
    # CI must run the firmware: there a missing tool is a failure, not a skip.
    [ -z "${CI:-}" ] || exit 1
    say "SKIPPED: running the firmware under QEMU"
    exit 0
fi

say "epitome board against the firmware: byte-identical session; QEMU stopped on success, error and Ctrl-C"
EPITOME_REQUIRE_QEMU=1 cargo test -q -p epitome-host --test board_qemu

bash firmware/qemu-test.sh stm32f405
# The micro:bit: the same runs with a shorter hostile stream (its UART is the slower link).
bash firmware/qemu-test.sh microbit 50000

say "the emulated OLED (lm3s6965evb) shows pixel for pixel what 'epitome screen' draws, pages 1 and 2"
EPITOME_REQUIRE_QEMU=1 cargo test -q -p epitome-host --test screen_qemu

say "figures (firmware/figures.sh)"
bash firmware/figures.sh
