#!/usr/bin/env python3
"""Instructions per function of a firmware run under QEMU, from its own log.

QEMU started with `-d in_asm,exec,nochain -D LOG` writes each translation
block's guest instructions once (`IN: symbol`, one `0x…:` line each) and a
`Trace` line with the block's start address every time it runs (`nochain`:
no block jumps straight into the next one unlogged). Instructions of a
block times its runs, summed by the function the block starts in, give
the emulated core's own profile: what `firmware/figures.sh` counts in all,
split by function. Blocks translated twice at one address with different
lengths (an instruction budget of `-icount` ending one early) are counted
with their first length, a small error that the total printed beside the
run's own count shows.

With the firmware's ELF (built with debug line tables, as the `firmware`
profile is), every instruction is also charged to the source line it came
from through `addr2line -i`, inlined frames included: the core's own lines
by stage (the stages of `benches/stages.py`, summed by the file of the
innermost frame under `core/src/`), and the innermost core functions.

Usage: python3 firmware/profile.py LOG [ELF [TOP]]   (figures.sh --profile runs it)
"""
import collections
import importlib.util
import os
import re
import shutil
import subprocess
import sys

TRACE = re.compile(r"^Trace \d+: \S+ \[[0-9a-f]+/([0-9a-f]+)/[0-9a-f]+/[0-9a-f]+\] ?(.*)$")
INSN = re.compile(r"^0x([0-9a-f]+):")


def demangle(name):
    """Legacy Rust symbols (`_ZN3foo3bar17h…E`) as `foo::bar`; others as they are."""
    if not name.startswith("_ZN") or not name.endswith("E"):
        return name
    body, parts, i = name[3:-1], [], 0
    while i < len(body) and body[i].isdigit():
        j = i
        while j < len(body) and body[j].isdigit():
            j += 1
        n = int(body[i:j])
        parts.append(body[j:j + n])
        i = j + n
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    subs = {"$LT$": "<", "$GT$": ">", "$u20$": " ", "$RF$": "&", "$C$": ",", "$u27$": "'", "$u7b$": "{",
            "$u7d$": "}", "$u5b$": "[", "$u5d$": "]", "$BP$": "*", "..": "::"}
    out = "::".join(parts)
    for k, v in subs.items():
        out = out.replace(k, v)
    return out


def by_source(elf, per_insn, top):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    """Charges each instruction's count to its innermost core frame (addr2line -i)."""
    tool = shutil.which("llvm-addr2line") or shutil.which("arm-none-eabi-addr2line") or "addr2line"
    addrs = sorted(a for a, n in per_insn.items() if n)
    out = subprocess.run([tool, "-a", "-i", "-f", "-C", "-e", elf], input="\n".join(hex(a) for a in addrs),
                         capture_output=True, text=True, check=True).stdout.splitlines()
    frames, cur, i = {}, None, 0
    while i < len(out):
        if out[i].startswith("0x"):
            cur = int(out[i], 16)
            frames[cur] = []
            i += 1
        else:
            frames[cur].append((out[i], out[i + 1] if i + 1 < len(out) else "?"))
            i += 2
    spec = importlib.util.spec_from_file_location("stages", os.path.join(root, "benches", "stages.py"))
    stages = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stages)
    per_stage, per_fn = collections.Counter(), collections.Counter()
    total = 0
    for a in addrs:
        n = per_insn[a]
        total += n
        core = [(fn, loc) for fn, loc in frames.get(a, []) if loc.startswith(root + "/core/src/")]
        if not core:
            per_stage["outside the core"] += n
            continue
        fn, loc = core[0]
        path = loc[len(root) + 1:].split(":")[0]
        if path.startswith("core/src/wire/"):
            per_stage["wire"] += n  # frames in and out: not the summarizer
            continue
        key = next((k for k, _, prefixes in stages.STAGES if any(path.startswith(p) for p in prefixes)), "other")
        per_stage[key] += n
        per_fn[re.sub(r"::h[0-9a-f]{16}$", "", demangle_dollars(fn)) + "  (" + path + ")"] += n
    names = {k: d for k, d, _ in stages.STAGES}
    names["wire"] = "wire frames in and out (core/src/wire/, outside the summarizer)"
    inside = total - per_stage["wire"] - per_stage["outside the core"]
    print(f"\nby stage (innermost frame under core/src/, inlined code included; {total:,} instructions, "
          f"{inside:,} in the core outside core/src/wire/)")
    print("| stage | instructions | share |")
    print("|---|---:|---:|")
    for k, n in per_stage.most_common():
        print(f"| {names.get(k, k)} | {n:,} | {100.0 * n / max(total, 1):.1f} % |")
    print("\nby innermost core function")
    print("| instructions | share | function (file) |")
    print("|---:|---:|---|")
    for k, n in per_fn.most_common(top):
        print(f"| {n:,} | {100.0 * n / max(total, 1):.1f} % | `{k}` |")


def demangle_dollars(name):
    for k, v in {"$LT$": "<", "$GT$": ">", "$u20$": " ", "$RF$": "&", "$C$": ",", "$u27$": "'", "$BP$": "*"}.items():
        name = name.replace(k, v)
    return name


def main():
    log = sys.argv[1]
    elf = sys.argv[2] if len(sys.argv) > 2 else None
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    length = {}  # block start address -> instructions
    insns = {}  # block start address -> its instruction addresses
    runs = collections.Counter()
    names = {}
    block_start = None
    with open(log, errors="replace") as f:
        for line in f:
            if line.startswith("Trace "):
                m = TRACE.match(line)
                if m:
                    pc = int(m.group(1), 16)
                    runs[pc] += 1
                    if pc not in names:
                        names[pc] = m.group(2).strip()
                block_start = None
            elif line.startswith("IN:"):
                block_start = -1
            elif block_start is not None:
                m = INSN.match(line)
                if m:
                    a = int(m.group(1), 16)
                    if block_start == -1:
                        block_start = a
                        if a in length:
                            block_start = None  # translated before: keep the first length
                            continue
                        length[a] = 0
                        insns[a] = []
                    length[block_start] += 1
                    insns[block_start].append(a)
                elif not line.strip():
                    block_start = None
    per_fn = collections.Counter()
    total = 0
    for pc, n in runs.items():
        k = n * length.get(pc, 0)
        total += k
        per_fn[demangle(names.get(pc, "") or hex(pc))] += k
    print(f"instructions executed (all of the run, boot included): {total:,}")
    print("\nby the function each block starts in (inlined code counts as its caller's)")
    print("| instructions | share | function |")
    print("|---:|---:|---|")
    for fn, k in per_fn.most_common(top):
        print(f"| {k:,} | {100.0 * k / max(total, 1):.1f} % | `{fn}` |")
    if elf:
        per_insn = collections.Counter()
        for pc, n in runs.items():
            for a in insns.get(pc, []):
                per_insn[a] += n
        by_source(elf, per_insn, top)


if __name__ == "__main__":
    main()
