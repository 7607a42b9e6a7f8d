#!/usr/bin/env python3
"""Where the instructions of one icount workload go, by pipeline stage.

Runs the workload under callgrind (only the measured call counted, as the
`icount` table does), with one cost per machine instruction. Each
instruction is charged to the innermost frame of its inline chain
(`addr2line -i`) that is a line of the core: code from Rust's standard
library the compiler inlined (integer arithmetic, slice indexing,
iterators) counts for the core line that used it, and that line's module
names the stage. What has no core frame (libc's memcpy and memset, the
few out-of-line library calls) is listed apart. Usage (after `cargo build
--release -p epitome-benches --bin icount`):

    python3 benches/stages.py [WORKLOAD [INPUT]] [--lines N] [--files]

WORKLOAD defaults to summarize and INPUT to seeds; `--lines N` also prints
the N costliest core lines, and `--files` the cost of each core file.
"""
import collections
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
      "core/src/stem.rs", "core/src/hash.rs", "core/src/unicode.rs", "core/src/bytes.rs",
      "core/src/normalize/"]),
    ("lang", "language detection (stopword hits per language)", ["core/src/lang/"]),
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
LIBRARY = "outside the core: libc memcpy/memset and out-of-line library calls"

# One record of a callgrind file with `--dump-instr=yes`: an address
# (absolute, relative `+n`/`-n`, or `*` for the same), a line, a cost.
ADDRESS = re.compile(r"^(0x[0-9a-f]+|[+-]\d+|\*)\s+\S+\s+(\d+)")
OBJECT = re.compile(r"^(c?ob)=\((\d+)\)\s*(.*)$")


def self_cost_by_address(path):
    """Own cost per instruction address, per object file."""
    names, cost = {}, collections.Counter()
    obj, addr, after_call = None, 0, False
    with open(path) as f:
        for line in f:
            m = OBJECT.match(line)
            if m:
                if m.group(3):
                    names[m.group(2)] = m.group(3)
                if m.group(1) == "ob":
                    obj = names.get(m.group(2))
                continue
            if line.startswith("calls="):
                after_call = True  # the next record is the call's inclusive cost
                continue
            m = ADDRESS.match(line)
            if not m:
                continue
            a = m.group(1)
            if a.startswith("0x"):
                addr = int(a, 16)
            elif a != "*":
                addr += int(a)
            if after_call:
                after_call = False
                continue
            cost[(obj, addr)] += int(m.group(2))
    return cost


def core_frames(binary, addrs):
    """address -> (file, line) of the innermost core frame, or None."""
    out = subprocess.run(["addr2line", "-i", "-a", "-e", binary], input="\n".join(hex(a) for a in addrs),
                         capture_output=True, text=True, check=True).stdout.splitlines()
    frames, cur = {}, None
    for line in out:
        if line.startswith("0x"):
            cur = int(line, 16)
            frames[cur] = None
            continue
        loc = line.split(" (discriminator")[0]
        if frames.get(cur) is None and "/core/src/" in loc and "/rustc/" not in loc:
            file, _, num = loc.rpartition(":")
            frames[cur] = ("core/src/" + file.split("/core/src/", 1)[1], num)
        elif frames.get(cur) is None and "/benches/src/" in loc:
            frames[cur] = ("benches", "")
    return frames


def stage_of(file):
    for key, _, prefixes in STAGES:
        if any(file.startswith(p) for p in prefixes):
            return key
    return "library"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    lines = 0
    by_file_too = "--files" in sys.argv
    if "--lines" in sys.argv:
        i = sys.argv.index("--lines")
        lines = int(sys.argv[i + 1])
        args = [a for a in args if a != sys.argv[i + 1]]
    workload = args[0] if args else "summarize"
    inp = args[1] if len(args) > 1 else "seeds"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    icount = os.path.join(root, "target", "release", "icount")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        subprocess.run(["valgrind", "--tool=callgrind", "--dump-instr=yes", f"--callgrind-out-file={out}",
                        "--collect-atstart=no", "--toggle-collect=*measured*", icount, "run", workload, inp],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cost = self_cost_by_address(out)
    ours = sorted(a for (obj, a) in cost if obj and os.path.realpath(obj) == os.path.realpath(icount))
    frames = core_frames(icount, ours)
    totals, by_line, by_file, grand = collections.Counter(), collections.Counter(), collections.Counter(), 0
    for (obj, a), n in cost.items():
        frame = frames.get(a) if obj and os.path.realpath(obj) == os.path.realpath(icount) else None
        if frame and frame[0] == "benches":
            continue  # the harness around the measured call
        key = stage_of(frame[0]) if frame else "library"
        totals[key] += n
        grand += n
        if frame:
            by_line[f"{frame[0]}:{frame[1]}"] += n
            by_file[frame[0]] += n
    names = {k: d for k, d, _ in STAGES}
    names["library"] = LIBRARY
    order = [k for k, _, _ in STAGES] + ["library"]
    print(f"{workload} on {inp}: {grand:,} instructions (callgrind, x86-64; inlined code charged to the core line that inlined it)")
    print("| stage | instructions | share |")
    print("|---|---:|---:|")
    for k in order:
        if totals.get(k):
            print(f"| {names[k]} | {totals[k]:,} | {100 * totals[k] / grand:.1f} % |")
    if by_file_too:
        print()
        print("| core file | instructions | share |")
        print("|---|---:|---:|")
        for f, n in by_file.most_common():
            print(f"| {f} | {n:,} | {100 * n / grand:.1f} % |")
    if lines:
        print()
        print("| core line | instructions | share |")
        print("|---|---:|---:|")
        for loc, n in by_line.most_common(lines):
            print(f"| {loc} | {n:,} | {100 * n / grand:.1f} % |")


if __name__ == "__main__":
    main()
