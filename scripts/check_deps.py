#!/usr/bin/env python3
"""Offline dependency policy check (what `cargo deny check licenses sources` would do here).

Every dependency in Cargo.lock (the workspace's and fuzz/'s) must come from crates.io or a path in
this repository (no git or other registries), and its SPDX license expression must be satisfiable
with licenses we accept. Advisories (`cargo audit`/`cargo deny check advisories`) need the RustSec
database from GitHub, which this machine and CI cannot reach, so they are not checked here.

Usage: python3 scripts/check_deps.py   (exit 1 with a list of offenders)
"""
import json
import re
import subprocess
import sys

ALLOWED = {
    "MIT", "Apache-2.0", "Apache-2.0 WITH LLVM-exception", "BSD-2-Clause", "BSD-3-Clause", "ISC", "Zlib",
    "Unicode-3.0", "Unicode-DFS-2016", "Unlicense", "CC0-1.0", "BSL-1.0", "0BSD", "NCSA",
}
# MPL-2.0 (weak, file-level copyleft: the crates' own files stay open, nothing
# of ours is affected) only for Servo's CSS selector engine, which every HTML
# DOM with selectors in Rust builds on (epitome-extract, through dom_query).
ALLOWED_FOR = {
    "cssparser": {"MPL-2.0"}, "cssparser-macros": {"MPL-2.0"}, "selectors": {"MPL-2.0"}, "dtoa-short": {"MPL-2.0"},
}
CRATES_IO = "registry+https://github.com/rust-lang/crates.io-index"


def tokens(expr):
    # Old-style "MIT/Apache-2.0" means OR.
    expr = expr.replace("/", " OR ")
    return re.findall(r"\(|\)|[A-Za-z0-9.\-+]+(?:\s+WITH\s+[A-Za-z0-9.\-+]+)?", expr)


def satisfiable(expr, allowed=ALLOWED):
    """Evaluates an SPDX expression: OR = any side allowed, AND = both sides allowed."""
    toks = tokens(expr)
    pos = 0

    def parse_or():
        nonlocal pos
        value = parse_and()
        while pos < len(toks) and toks[pos] == "OR":
            pos += 1
            value = parse_and() or value
        return value

    def parse_and():
        nonlocal pos
        value = parse_atom()
        while pos < len(toks) and toks[pos] == "AND":
            pos += 1
            value = parse_atom() and value
        return value

    def parse_atom():
        nonlocal pos
        if pos >= len(toks):
            raise ValueError(f"unexpected end of {expr!r}")
        t = toks[pos]
        pos += 1
        if t == "(":
            value = parse_or()
            if pos >= len(toks) or toks[pos] != ")":
                raise ValueError(f"unbalanced parentheses in {expr!r}")
            pos += 1
            return value
        return re.sub(r"\s+", " ", t) in allowed

    value = parse_or()
    if pos != len(toks):
        raise ValueError(f"trailing tokens in {expr!r}")
    return value


def check(manifest):
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked", "--manifest-path", manifest],
        check=True, capture_output=True, text=True,
    ).stdout
    problems = []
    packages = json.loads(out)["packages"]
    for p in packages:
        name = f"{p['name']} {p['version']}"
        source = p.get("source")
        if source is None:
            continue  # a path package of this repository
        if source != CRATES_IO:
            problems.append(f"{name}: source {source} is not crates.io")
        lic = p.get("license")
        if not lic:
            problems.append(f"{name}: no SPDX license expression")
            continue
        try:
            if not satisfiable(lic, ALLOWED | ALLOWED_FOR.get(p["name"], set())):
                problems.append(f"{name}: license {lic!r} not satisfiable with {sorted(ALLOWED)}")
        except ValueError as e:
            problems.append(f"{name}: {e}")
    return len(packages), problems


def main():
    assert satisfiable("MIT OR Apache-2.0") and satisfiable("(MIT OR Apache-2.0) AND Unicode-3.0")
    assert satisfiable("MIT/Apache-2.0") and not satisfiable("GPL-3.0") and not satisfiable("MIT AND GPL-3.0")
    failed = False
    for manifest in ["Cargo.toml", "fuzz/Cargo.toml"]:
        n, problems = check(manifest)
        print(f"{manifest}: {n} packages, {len(problems)} problems")
        for line in problems:
            print("  " + line)
        failed |= bool(problems)
    print("not checked: security advisories (the RustSec database is on GitHub, unreachable here)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
