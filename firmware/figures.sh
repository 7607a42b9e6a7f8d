#!/usr/bin/env bash
# Prints the firmware's figures as a markdown table: flash and static RAM of the
# release firmware (sample corpus included), peak stack (painting) and the
# workspace size on the target, instructions per article and per input byte on
# the emulated Cortex-M4 (QEMU -icount shift=0,sleep=off: deterministic), and
# the size of the core alone on a Cortex-M0+ (thumbv6m, the panic-never proof
# binary that links every core entry point); then the same memory figures for
# the lm3s6965evb board (Cortex-M3, the digest on its OLED), its peak stack
# over boot, the first page drawn, a page turn and the sample articles.
# Needs: qemu-system-arm, defmt-print, and arm-none-eabi-size or llvm-size
# (rustup component add llvm-tools). Usage: bash firmware/figures.sh
set -euo pipefail
cd "$(dirname "$0")/.."

fw=target/thumbv7em-none-eabihf/firmware/epitome-stm32f405
m0=target/thumbv6m-none-eabi/panic-never/epitome-panic-never
lm3s=target/thumbv7m-none-eabi/firmware/epitome-lm3s6965evb
DEFMT_LOG=info cargo build -q -p epitome-board-stm32f405 --profile firmware --target thumbv7em-none-eabihf --no-default-features --features qemu
DEFMT_LOG=info cargo build -q -p epitome-board-lm3s6965evb --profile firmware --target thumbv7m-none-eabi
cargo build -q -p epitome-panic-never --profile panic-never --target thumbv6m-none-eabi
cargo build -q -p epitome-host

if command -v arm-none-eabi-size >/dev/null; then
    size_tool=arm-none-eabi-size
else
    size_tool=$(ls "$(rustc --print sysroot)"/lib/rustlib/*/bin/llvm-size 2>/dev/null | head -n 1 || true)
    [ -n "$size_tool" ] || { echo "figures: need arm-none-eabi-size or llvm-size (rustup component add llvm-tools)" >&2; exit 1; }
fi
# section sizes: flash = vectors + text + rodata + data (its initial values); RAM = data + bss (+ uninit)
sizes() {
    "$size_tool" -A "$1" | awk '
        $1 == ".vector_table" || $1 == ".text" || $1 == ".rodata" { flash += $2 }
        $1 == ".data" { flash += $2; ram += $2 }
        $1 == ".bss" || $1 == ".uninit" { ram += $2 }
        END { print flash, ram }'
}
read -r fw_flash fw_ram < <(sizes "$fw")
read -r m0_flash m0_ram < <(sizes "$m0")
read -r lm3s_flash lm3s_ram < <(sizes "$lm3s")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
inputs=(host/sample)
[ -d ../shared/corpus/seeds ] && inputs=(../shared/corpus/seeds host/sample)
bash firmware/big-article.sh "$work/big-16k.txt"

target/debug/epitome board --quiet --icount --log "$work/run.defmt" "${inputs[@]}" "$work/big-16k.txt" >/dev/null
defmt-print -e "$fw" < "$work/run.defmt" > "$work/run.txt"
n_big=$(( $(grep -c '^INFO  article [0-9]*: ' "$work/run.txt") ))
awk -v fw_flash="$fw_flash" -v fw_ram="$fw_ram" -v m0_flash="$m0_flash" -v m0_ram="$m0_ram" -v n_big="$n_big" \
    -v what="$(IFS=+; echo "${inputs[*]}" | sed 's#\.\./shared/corpus/seeds#seeds#; s#host/sample#sample#g')" '
    function fmt(n,   s, out) {
        s = sprintf("%d", n); out = ""
        while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
        return s out
    }
    /^INFO  workspace / { ws = $3 }
    /^INFO  article [0-9]+: / {
        k++; bytes = $4; for (i = 1; i <= NF; i++) if ($(i+1) ~ /^instructions/) ins = $i
        if (k < n_big) { n++; tb += bytes; ti += ins; if (min == "" || ins < min) min = ins; if (ins > max) max = ins }
        else { bigb = bytes; bigi = ins }
    }
    /^INFO  hang-up:/ { for (i = 1; i <= NF; i++) if ($i == "peak") peak = $(i+2) }
    END {
        print "| figure (release firmware, QEMU netduinoplus2, Cortex-M4F) | value |"
        print "|---|---|"
        printf "| flash: vectors + text + rodata + data, sample corpus included | %s B |\n", fmt(fw_flash)
        printf "| static RAM: data + bss | %s B |\n", fmt(fw_ram)
        printf "| peak stack (painted; boot, flash digests and every article) | %s B |\n", fmt(peak)
        printf "| RAM including peak stack | %s B |\n", fmt(fw_ram + peak)
        printf "| workspace `size_of::<DefaultSummarizer>()` on the target | %s B |\n", fmt(ws)
        printf "| instructions per article (%d articles: %s; mean, min-max) | %s (%s-%s) |\n", n, what, fmt(ti / n), fmt(min), fmt(max)
        printf "| instructions per input byte (same articles, %s bytes of body) | %.0f |\n", fmt(tb), ti / tb
        printf "| instructions per input byte, one 16 KiB article (%s bytes) | %.0f |\n", fmt(bigb), bigi / bigb
        printf "| core alone on Cortex-M0+ (thumbv6m, panic-never binary): flash / static RAM | %s B / %s B |\n", fmt(m0_flash), fmt(m0_ram)
    }' "$work/run.txt"

target/debug/epitome board --board lm3s6965evb --quiet --check --log "$work/lm3s.defmt" \
    --screenshot "$work/oled.png" --screen-page 2 host/sample >/dev/null
defmt-print -e "$lm3s" < "$work/lm3s.defmt" > "$work/lm3s.txt"
awk -v flash="$lm3s_flash" -v ram="$lm3s_ram" '
    function fmt(n,   s, out) {
        s = sprintf("%d", n); out = ""
        while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
        return s out
    }
    /^INFO  OLED: page / { split($4, p, "/"); pages = p[2] }
    /^INFO  hang-up:/ { for (i = 1; i <= NF; i++) if ($i == "peak") peak = $(i+2) }
    END {
        print ""
        print "| figure (release firmware, QEMU lm3s6965evb, Cortex-M3, digest on the 128x64 OLED) | value |"
        print "|---|---|"
        printf "| flash: vectors + text + rodata + data, sample corpus and font included | %s B of 262,144 |\n", fmt(flash)
        printf "| static RAM: data + bss (frame buffer and pager included) | %s B |\n", fmt(ram)
        printf "| peak stack (painted; boot, page 1 drawn, a page turn, the sample articles) | %s B |\n", fmt(peak)
        printf "| RAM including peak stack | %s B of 65,536 |\n", fmt(ram + peak)
        printf "| pages of the sample digest on the OLED | %d |\n", pages
    }' "$work/lm3s.txt"
