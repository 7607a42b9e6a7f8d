#!/usr/bin/env bash
# Writes the article at the firmware's limit to OUT: a title line and 16,000
# bytes of body (the built-in sample's bodies, repeated). The QEMU test sends
# it and firmware/figures.sh measures it, so both must use this one definition.
# Usage: bash firmware/big-article.sh OUT   (run from the repository root)
set -euo pipefail
out=$1
body=$(mktemp)
trap 'rm -f "$body"' EXIT
{
    echo "Sixteen kilobytes of local news"
    while [ "$(wc -c < "$body")" -lt 15800 ]; do
        for f in host/sample/*.txt; do tail -n +2 "$f" >> "$body"; done
    done
    head -c 16000 "$body"
    echo
} > "$out"
