#!/usr/bin/env bash
# Cargo runner (firmware/.cargo/config.toml): boots FIRMWARE under QEMU's
# netduinoplus2 and prints its decoded defmt log. The UART is left
# unconnected, so the firmware prints its flash digests and then waits:
# stop it with Ctrl-C. To talk to it, use `epitome board` instead.
set -euo pipefail
elf=$1
qemu-system-arm -machine netduinoplus2 -display none -monitor none \
    -semihosting-config enable=on,target=native -serial null -kernel "$elf" | defmt-print -e "$elf"
