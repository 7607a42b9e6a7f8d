#!/usr/bin/env bash
# Prints the firmware's figures as a markdown table, one column per board
# (firmware/boards.sh): flash and static RAM of the release firmware (sample
# corpus included), peak stack (painting), RAM in all, the workspace size on
# the target, and instructions per input byte on the emulated core (QEMU
# -icount shift=0,sleep=off: deterministic) for the articles sent over the
# UART: the sample (every board takes it), the seeds with the sample, and one
# 16 KiB article (a board whose receive buffer is smaller answers those with
# its oversize error: "-"). Then the size of the core alone on a Cortex-M0+
# (thumbv6m, the panic-never proof binary that links every core entry point).
# Then the lm3s6965evb's own figures (the digest on its OLED): its peak
# stack over boot, the first page drawn, a page turn and the sample articles.
# Needs: qemu-system-arm, defmt-print, and arm-none-eabi-size or llvm-size
# (rustup component add llvm-tools). Usage: bash firmware/figures.sh
#
# With --markdown FILE, the same tables are also written into FILE between
# the lines `<!-- begin: firmware/figures.sh -->` and
# `<!-- end: firmware/figures.sh -->`, after a line naming the commit they
# were measured on (BENCHMARKS.md keeps them so; the README only rounds):
#   bash firmware/figures.sh --markdown BENCHMARKS.md
#
# With --profile, the stm32f405 (Cortex-M4) runs the same articles once
# more with QEMU logging every translation block (-d in_asm,exec,nochain,
# about 0.5 GB in a temporary file), and firmware/profile.py prints where
# its instructions go: by the function each block starts in, and by core
# stage and function from the ELF's line tables (needs python3 and
# addr2line; about a minute more).
set -euo pipefail
cd "$(dirname "$0")/.."
source firmware/boards.sh
profile=0
markdown=
case "${1:-}" in
    --profile) profile=1 ;;
    --markdown) markdown=${2:?usage: bash firmware/figures.sh --markdown FILE} ;;
    "") ;;
    *) echo "usage: bash firmware/figures.sh [--profile | --markdown FILE]" >&2; exit 2 ;;
esac
begin='<!-- begin: firmware/figures.sh -->'
end='<!-- end: firmware/figures.sh -->'
if [ -n "$markdown" ] && ! { grep -qxF "$begin" "$markdown" && grep -qxF "$end" "$markdown"; }; then
    echo "figures: $markdown has no lines '$begin' and '$end' to write between" >&2
    exit 1
fi

m0=target/thumbv6m-none-eabi/panic-never/epitome-panic-never
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

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n_seeds=0
inputs=(host/sample)
# The seeds are left out only when ../shared is absent altogether (README, Testing).
if [ -d ../shared ]; then
    n_seeds=$(ls ../shared/corpus/seeds | grep -c .)
    inputs=(../shared/corpus/seeds host/sample)
fi
bash firmware/big-article.sh "$work/big-16k.txt"

# One board: "key value" lines in $work/<board>.fig.
measure() {
    local b=$1 fw flash ram
    fw=$(build_qemu_firmware "$b")
    read -r flash ram < <(sizes "$fw")
    target/debug/epitome board --board "$b" --quiet --icount --log "$work/$b.defmt" "${inputs[@]}" "$work/big-16k.txt" >/dev/null
    defmt-print -e "$fw" < "$work/$b.defmt" > "$work/$b.txt"
    awk -v flash="$flash" -v ram="$ram" -v ns="$n_seeds" '
        /^INFO  workspace / { ws = $3 }
        /^INFO  article [0-9]+: / {
            id = $3; sub(":", "", id); bytes = $4
            for (i = 1; i <= NF; i++) if ($(i+1) ~ /^instructions/) ins = $i
            if (id >= ns && id < ns + 4) { sb += bytes; si += ins }
            if (id < ns + 4) { ab += bytes; ai += ins; an++ }
            if (id == ns + 4) { bb = bytes; bi = ins }
        }
        /^INFO  hang-up:/ { for (i = 1; i <= NF; i++) if ($i == "peak") peak = $(i+2) }
        END {
            print "flash", flash; print "ram", ram; print "peak", peak; print "all", ram + peak; print "ws", ws
            print "sample", (sb ? sprintf("%.0f", si / sb) : "-")
            print "all_articles", (an == ns + 4 && ab ? sprintf("%.0f", ai / ab) : "-")
            print "big", (bb ? sprintf("%.0f", bi / bb) : "-")
        }' "$work/$b.txt" > "$work/$b.fig"
}
for b in "${BOARDS[@]}"; do measure "$b"; done
read -r m0_flash m0_ram < <(sizes "$m0")

# The core's flash with the languages "$@" names (--features epitome/fr ...);
# the default build (every language) is built last, so it is the one left.
core_flash() {
    cargo build -q -p epitome-panic-never --profile panic-never --target thumbv6m-none-eabi --no-default-features "$@"
    sizes "$m0" | cut -d' ' -f1
}
languages=$(sed -n 's/^all-languages = \[\(.*\)\]/\1/p' core/Cargo.toml | tr -d '",')
[ -n "$languages" ] || { echo "figures: no all-languages feature in core/Cargo.toml" >&2; exit 1; }
english=$(core_flash)
{
    echo "english $english"
    for l in $languages; do echo "$l $(core_flash --features "epitome/$l")"; done
} > "$work/languages.fig"
cargo build -q -p epitome-panic-never --profile panic-never --target thumbv6m-none-eabi
echo "all $(sizes "$m0" | cut -d' ' -f1)" >> "$work/languages.fig"

what=$(IFS=+; echo "${inputs[*]}" | sed 's#\.\./shared/corpus/seeds#seeds#; s#host/sample#sample#g')
{
awk -v boards="${BOARDS[*]}" -v work="$work" -v what="$what" -v m0_flash="$m0_flash" -v m0_ram="$m0_ram" '
    function fmt(n,   s, out) {
        if (n !~ /^[0-9]+$/) return n
        s = sprintf("%d", n); out = ""
        while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
        return s out
    }
    function row(label, key, unit,   i, line) {
        line = "| " label
        for (i = 1; i <= nb; i++) line = line " | " fmt(v[b[i], key]) (v[b[i], key] == "-" ? "" : unit)
        print line " |"
    }
    BEGIN {
        nb = split(boards, b, " ")
        for (i = 1; i <= nb; i++) { f = work "/" b[i] ".fig"; while ((getline l < f) > 0) { split(l, kv, " "); v[b[i], kv[1]] = kv[2] } }
        head = "| figure (release firmware under QEMU)"; sep = "|---"
        for (i = 1; i <= nb; i++) { head = head " | " b[i]; sep = sep "|---" }
        print head " |"; print sep "|"
        row("flash: vectors + text + rodata + data, sample corpus included", "flash", " B")
        row("static RAM: data + bss", "ram", " B")
        row("peak stack (painted; boot, flash digests and every article)", "peak", " B")
        row("RAM including peak stack", "all", " B")
        row("workspace `size_of::<Workspace>()` on the target", "ws", " B")
        row("instructions per input byte, the 4 sample articles over the UART", "sample", "")
        row("instructions per input byte, " what " over the UART", "all_articles", "")
        row("instructions per input byte, one 16 KiB article (16,001 bytes)", "big", "")
        printf "\ncore alone on Cortex-M0+ (thumbv6m, panic-never binary): flash %s B, static RAM %s B\n", fmt(m0_flash), fmt(m0_ram)
    }'
awk '
    function fmt(n,   s, out) {
        s = sprintf("%d", n); out = ""
        while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
        return s out
    }
    $1 == "english" { en = $2; print ""; print "| languages compiled into the core (alone on Cortex-M0+, panic-never binary) | flash | over English alone |"; print "|---|---|---|"; printf "| English (always) | %s B | |\n", fmt(en); next }
    $1 == "all" { printf "| all (`all-languages`) | %s B | +%s B |\n", fmt($2), fmt($2 - en); next }
    { printf "| English and `%s` | %s B | +%s B |\n", $1, fmt($2), fmt($2 - en) }' "$work/languages.fig"

# The lm3s6965evb: the digest on its OLED (a screenshot of page 2 after a page turn).
lm3s=target/thumbv7m-none-eabi/firmware/epitome-lm3s6965evb
read -r lm3s_flash lm3s_ram < <(sizes "$lm3s")
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
} > "$work/tables.md"
cat "$work/tables.md"

if [ -n "$markdown" ]; then
    commit=$(git rev-parse --short HEAD)
    git diff --quiet HEAD -- . ":(exclude,glob)**/*.md" || commit="$commit plus uncommitted changes"
    {
        echo "Measured on \`$commit\` with \`bash firmware/figures.sh --markdown $markdown\` (written by it; do not edit by hand):"
        echo
        cat "$work/tables.md"
    } > "$work/block.md"
    awk -v begin="$begin" -v end="$end" -v block="$work/block.md" '
        $0 == begin { print; while ((getline l < block) > 0) print l; skip = 1; next }
        $0 == end { skip = 0 }
        !skip { print }' "$markdown" > "$work/new.md"
    cp "$work/new.md" "$markdown"
    echo "figures: written into $markdown"
fi

if [ "$profile" = 1 ]; then
    # QEMU as `epitome board` starts it, plus the block log.
    fw=$(build_qemu_firmware stm32f405)
    printf '#!/bin/sh\nexec qemu-system-arm "$@" -d in_asm,exec,nochain -D "%s"\n' "$work/qemu.log" > "$work/qemu-profile"
    chmod +x "$work/qemu-profile"
    target/debug/epitome board --board stm32f405 --quiet --icount --qemu "$work/qemu-profile" \
        "${inputs[@]}" "$work/big-16k.txt" >/dev/null
    echo
    echo "stm32f405 profile (QEMU block log; boot digests, UART and every article above included):"
    python3 firmware/profile.py "$work/qemu.log" "$fw" 40
fi
