#!/usr/bin/env bash
# Cargo runner (boards/*/.cargo/config.toml): boots FIRMWARE under QEMU's
# MACHINE and prints its decoded defmt log. The UART is left unconnected,
# so the firmware prints its flash digests and then waits: stop it with
# Ctrl-C. To talk to it, use `epitome board` instead.
# Usage: qemu-run.sh MACHINE FIRMWARE
set -euo pipefail
machine=$1
elf=$2
qemu-system-arm -machine "$machine" -display none -monitor none \
    -semihosting-config enable=on,target=native -serial null -kernel "$elf" | defmt-print -e "$elf"
