#!/usr/bin/env bash
# Byte-identity check for refactors that must not change any answer:
#
#   bash scripts/same-output.sh REV      # e.g. main, HEAD~1, a commit hash
#
# Builds the `epitome` CLI at git revision REV (from `git archive`, in
# target/same-output/, with its own target directory so the work tree's
# build is left alone) and at the work tree, then compares, on every
# article of the built-in sample, the seeds, the BBC, kpcrowd and
# cnndm-dev sets and the French OrangeSum articles and WikiNews stories
# (from ../shared; a set that is absent prints SKIPPED), each with the
# default `--language auto`, so the detected language (the JSON's
# "language") is compared too:
#
#   summarize --json                  (default budget)
#   summarize --json -n 5
#   summarize --json --max-chars 300
#   keywords --json
#
# Each data set goes to one process per command (the CLI takes a
# directory), so the whole run takes a few minutes, most of it the two
# release builds. Exit status 0 and "SAME" only when every output is
# byte-identical; otherwise "DIFFERENT" with the first differing lines, and
# the two outputs are kept in target/same-output/out/ for `diff`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ $# -ne 1 ]; then
    echo "usage: bash scripts/same-output.sh REV" >&2
    exit 2
fi
rev=$(git rev-parse --verify --quiet "$1^{commit}") || {
    echo "not a git revision: $1" >&2
    exit 2
}

work=$root/target/same-output
src=$work/src-$rev
out=$work/out
mkdir -p "$work" "$out"

# The revision's sources, once per commit (a commit never changes); older
# revisions' sources are removed (their build products stay, for reuse).
for d in "$work"/src-*; do
    [ -e "$d" ] && [ "$d" != "$src" ] && rm -rf "$d"
done
if [ ! -f "$src/.complete" ]; then
    rm -rf "$src"
    mkdir -p "$src"
    git archive "$rev" | tar -x -C "$src"
    touch "$src/.complete"
fi

echo "==> building the CLI at $1 ($rev)"
cargo build --release --quiet -p epitome-host --manifest-path "$src/Cargo.toml" --target-dir "$work/target"
old=$work/target/release/epitome
echo "==> building the CLI at the work tree"
cargo build --release --quiet -p epitome-host
new=$root/target/release/epitome

shared=$root/../shared
datasets=(
    "sample|$root/host/sample"
    "seeds|$shared/corpus/seeds"
    "bbc|$shared/eval/bbc/articles"
    "kpcrowd|$shared/eval/kpcrowd/docs"
    "cnndm-dev|$shared/eval/cnndm-dev/articles"
    "orangesum|$shared/eval/orangesum/articles"
    "wikinews-fr|$shared/eval/wikinews-fr/docs"
)
modes=(
    "summarize|summarize --json"
    "summarize-n5|summarize --json -n 5"
    "summarize-chars300|summarize --json --max-chars 300"
    "keywords|keywords --json"
)

status=0
compared=0
for d in "${datasets[@]}"; do
    name=${d%%|*}
    dir=${d#*|}
    if [ ! -d "$dir" ]; then
        echo "SKIPPED $name: $dir is absent"
        continue
    fi
    files=$(find "$dir" -name '*.txt' | wc -l)
    for m in "${modes[@]}"; do
        label=${m%%|*}
        read -r -a args <<<"${m#*|}"
        a=$out/$name.$label.old
        b=$out/$name.$label.new
        "$old" "${args[@]}" "$dir" >"$a"
        "$new" "${args[@]}" "$dir" >"$b"
        compared=$((compared + 1))
        if cmp -s "$a" "$b"; then
            printf 'same       %-11s %-19s %5d articles\n' "$name" "$label" "$files"
        else
            printf 'DIFFERENT  %-11s %-19s (diff %s %s)\n' "$name" "$label" "$a" "$b"
            diff "$a" "$b" | head -20 || true
            status=1
        fi
    done
done

if [ "$compared" -eq 0 ]; then
    echo "VERDICT: nothing compared"
    exit 1
elif [ "$status" -eq 0 ]; then
    echo "VERDICT: SAME — all $compared outputs byte-identical to $1 ($rev)"
else
    echo "VERDICT: DIFFERENT — outputs differ from $1 ($rev), see above"
fi
exit "$status"
