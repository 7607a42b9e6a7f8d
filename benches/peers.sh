#!/usr/bin/env bash
# Whole-process peers, side by side with Epitome's CLI on the same articles
# in the same run (default: the seed articles of ../shared; or a directory of
# .txt articles given as $1, first line = title). Prints one table: articles/s
# and MB/s. Not part of CI (it needs the Python peers and pithy); each peer
# that is not installed is skipped with a message.
#
#   bash benches/peers.sh [DIR] [REPEATS]
#
# - epitome: `epitome summarize FILE` (3 sentences), one process per article,
#   and `epitome summarize DIR`, one process for all (start-up paid once).
# - pithy: `pithy-cli -f FILE --sentences 3`, one process per article
#   (install: cargo install pithy --locked).
# - sumy (Luhn, LSA, LexRank, TextRank, SumBasic, KL) and summa TextRank via
#   ../shared/peers/peers.py with PEERS_VENV (default /work/peers-venv, else
#   ../shared/peers/.venv). peers.py times only the summarizer call inside one
#   Python process (no interpreter start-up, no file reading): this favours
#   them over the whole-process figures above.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${EPITOME_SHARED:-$root/../shared}"
dir="${1:-$shared/corpus/seeds}"
repeats="${2:-20}"
[ -d "$dir" ] || { echo "SKIPPED peers: no article directory $dir"; exit 0; }
# Absolute: the Python peers read the articles through links in a temporary directory.
dir=$(cd "$dir" && pwd)
mapfile -t files < <(find "$dir" -maxdepth 1 -name '*.txt' | sort)
[ "${#files[@]}" -gt 0 ] || { echo "SKIPPED peers: no .txt articles in $dir"; exit 0; }
bytes=$(cat "${files[@]}" | wc -c)
n=${#files[@]}

cargo build --release -q -p epitome-host --manifest-path "$root/Cargo.toml"
epitome="$root/target/release/epitome"

now() { date +%s%N; }
row() { # name seconds-for-one-pass-over-all-articles
    awk -v name="$1" -v s="$2" -v n="$n" -v b="$bytes" \
        'BEGIN { printf "| %-22s | %9.1f | %8.3f |\n", name, n / s, b / 1e6 / s }'
}
# Runs "$@" FILE for every article, $repeats times; prints seconds per pass.
per_file() {
    local t0 t1
    t0=$(now)
    for ((r = 0; r < repeats; r++)); do
        for f in "${files[@]}"; do "$@" "$f" >/dev/null; done
    done
    t1=$(now)
    awk -v d=$((t1 - t0)) -v r="$repeats" 'BEGIN { print d / 1e9 / r }'
}

echo "$n articles, $bytes bytes, from $dir; $repeats passes each (wall time, $(nproc) cores, shared machine)"
echo
echo "| system (whole process) | articles/s | MB/s |"
echo "|---|---:|---:|"
row "epitome (per article)" "$(per_file "$epitome" summarize)"
t0=$(now)
for ((r = 0; r < repeats; r++)); do "$epitome" summarize "$dir" >/dev/null; done
t1=$(now)
row "epitome (one process)" "$(awk -v d=$((t1 - t0)) -v r="$repeats" 'BEGIN { print d / 1e9 / r }')"
if command -v pithy-cli >/dev/null; then
    pithy_run() { pithy-cli -f "$1" --sentences 3; }
    row "pithy (per article)" "$(per_file pithy_run)"
else
    echo "| pithy | skipped: pithy-cli not installed (cargo install pithy --locked) | |"
fi

venv="${PEERS_VENV:-/work/peers-venv}"
[ -x "$venv/bin/python" ] || venv="$shared/peers/.venv"
if [ -x "$venv/bin/python" ] && [ -f "$shared/peers/peers.py" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/articles"
    for f in "${files[@]}"; do ln -s "$f" "$tmp/articles/$(basename "$f")"; done
    echo
    echo "In-process (peers.py times only the summarizer call; 3 sentences):"
    echo
    PEERS_VENV="$venv" "$venv/bin/python" "$shared/peers/peers.py" "$tmp" --budget sentences --sentences 3 \
        --systems sumy-luhn,sumy-lsa,sumy-lexrank,sumy-textrank,sumy-sumbasic,sumy-kl,summa-textrank |
        awk 'NR > 2 { printf "| %-22s | %9s | %8s |\n", $1, $(NF-1), $NF }'
else
    echo "| sumy / summa | skipped: no Python venv with the peers (set PEERS_VENV; see ../shared/peers/setup.sh) | |"
fi
