#!/usr/bin/env python3
"""Where the instructions of one icount workload go, by pipeline stage.

Runs the workload under callgrind (only the measured call counted, as the
`icount` table does) and sums each source line's own cost by the file it
was written in: the core's modules map to the stage they implement. Code
from Rust's standard library or libc that the compiler inlined (integer
arithmetic, slice iteration, memset) is charged to the stage of the
function it was inlined into when that function names one, else listed
apart. Usage (after `cargo build --release -p epitome-benches --bin icount`):

    python3 benches/stages.py [WORKLOAD [INPUT]]     # default: summarize seeds
"""
import os
import re
import subprocess
import sys
import tempfile

# Stages in the order an article flows through the core (module → stage).
STAGES = [
    ("segment", "segmentation", ["core/src/segment/"]),
    ("words", "word reader (tokenize, fold, stopword test, stem, hash)",
     ["core/src/tokenize.rs", "core/src/normalize.rs", "core/src/stopwords.rs",
      "core/src/stem.rs", "core/src/hash.rs", "core/src/unicode.rs"]),
    ("count", "counting pass bookkeeping (per word and per sentence)",
     ["core/src/summarize/count.rs", "core/src/summarize/record.rs", "core/src/span.rs"]),
    ("tables", "term and phrase tables (probes, Space-Saving)", ["core/src/terms.rs"]),
    ("phrases", "keyphrase candidate runs", ["core/src/summarize/phrases.rs"]),
    ("pool", "slot pool (write, read back)", ["core/src/summarize/pool.rs"]),
    ("score", "sentence scoring", ["core/src/summarize/sentence_score.rs", "core/src/score.rs"]),
    ("select", "selection and near-duplicates", ["core/src/summarize/select.rs", "core/src/near_duplicate.rs"]),
    ("keywords", "keyphrase ranking", ["core/src/summarize/keywords.rs", "core/src/idf.rs"]),
    ("digest", "multi-article digest", ["core/src/digest.rs"]),
    ("other", "orchestration, options, the rest of the core",
     ["core/src/"]),
]
# Inlined library code: charged by the name of the function it sits in.
BY_FUNCTION = [
    ("segment", ["segment::"]),
    ("words", ["tokenize::", "normalize::", "stopwords::", "stem::"]),
    ("tables", ["CountTable"]),
    ("phrases", ["phrases::"]),
    ("pool", ["pool::"]),
    ("keywords", ["keywords::"]),
    ("select", ["select::"]),
]
LIBRARY = "library code inlined into the summarizer's own loop (integer ops, slices, iterators, memset/memcpy)"

LINE = re.compile(r"^\s*([\d,]+)\s+\([ \d.]+%\)\s+(.*?):(.*?)(?: \[.*\])?$")


def stage_of(root, path, func):
    # Paths are absolute or relative to where the binary was built.
    rel = path[len(root) + 1:] if path.startswith(root + "/") else path.removeprefix("./")
    for key, _, prefixes in STAGES:
        if any(rel.startswith(p) for p in prefixes):
            return key
    for key, names in BY_FUNCTION:
        if any(n in func for n in names):
            return key
    return "library"


def main():
    workload = sys.argv[1] if len(sys.argv) > 1 else "summarize"
    inp = sys.argv[2] if len(sys.argv) > 2 else "seeds"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    icount = os.path.join(root, "target", "release", "icount")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--collect-atstart=no",
                        "--toggle-collect=*measured*", icount, "run", workload, inp],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        text = subprocess.run(["callgrind_annotate", "--threshold=100", "--auto=no", out], check=True,
                              capture_output=True, text=True).stdout
    totals = {}
    grand = 0
    started = False
    for line in text.splitlines():
        if "file:function" in line:
            started = True
            continue
        m = LINE.match(line) if started else None
        if not m:
            continue
        n = int(m.group(1).replace(",", ""))
        path, func = m.group(2), m.group(3)
        if "PROGRAM TOTALS" in line:
            continue
        if path.removeprefix(root + "/").removeprefix("./").startswith("benches/"):
            continue  # the harness around the measured call
        k = stage_of(root, path, func)
        totals[k] = totals.get(k, 0) + n
        grand += n
    names = {k: d for k, d, _ in STAGES}
    names["library"] = LIBRARY
    order = [k for k, _, _ in STAGES] + ["library"]
    print(f"{workload} on {inp}: {grand:,} instructions (callgrind, x86-64, own cost by source file)")
    print("| stage | instructions | share |")
    print("|---|---:|---:|")
    for k in order:
        if totals.get(k):
            print(f"| {names[k]} | {totals[k]:,} | {100 * totals[k] / grand:.1f} % |")


if __name__ == "__main__":
    main()
