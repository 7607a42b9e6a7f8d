#!/usr/bin/env python3
"""Share of chosen sentences that show the reader an unmatched quote mark.

Reads the JSON of `epitome summarize DIR --json` (a file, or stdin) and
counts the chosen sentences whose straight double quotes are odd in number or
whose curly opening and closing double quotes differ in number (issue 13), as
a reader is shown them (the `shown` field when present: the sentence with the
quotation marks it lacks added), and, for comparison, as they stand in the
source (`text`).

    cargo run --release -p epitome-host -- summarize ../shared/eval/bbc/articles --json \
        | python3 scripts/unmatched_quotes.py [--show N] [--max-share 0.005]

Exit status 1 when --max-share is given and the share is above it.
"""
import argparse
import json
import sys


def unmatched(text: str) -> bool:
    """True if `text` has an odd number of `"` or unequal counts of “ and ”."""
    return text.count('"') % 2 == 1 or text.count("\u201c") != text.count("\u201d")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("json", nargs="?", help="summarize --json output (default: stdin)")
    ap.add_argument("--show", type=int, default=0, help="print the first N offending sentences")
    ap.add_argument("--max-share", type=float, help="fail when the share is above this fraction")
    args = ap.parse_args()
    data = json.load(open(args.json, encoding="utf-8") if args.json else sys.stdin)
    articles = data if isinstance(data, list) else [data]
    chosen = 0
    bad = []
    in_source = 0
    for a in articles:
        for s in a.get("sentences", []):
            chosen += 1
            shown = s.get("shown", s["text"])
            in_source += unmatched(s["text"])
            if unmatched(shown):
                bad.append((a.get("origin", "?"), shown))
    share = len(bad) / chosen if chosen else 0.0
    src = in_source / chosen if chosen else 0.0
    print(f"{len(bad)} of {chosen} chosen sentences show an unmatched quote mark ({100 * share:.2f} %); "
          f"{in_source} ({100 * src:.2f} %) in the source text, before the missing marks are added")
    for origin, text in bad[: args.show]:
        print(f"  {origin}: {text}")
    if args.max_share is not None and share > args.max_share:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
