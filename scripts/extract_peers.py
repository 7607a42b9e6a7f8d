#!/usr/bin/env python3
"""Main-content extraction peers on HTML pages, and the scorer for everyone.

    python3 scripts/extract_peers.py ../shared/eval/orangesum [--predictions DIR ...] [--peer NAME] [--json]

Runs trafilatura and readability-lxml (the extractors a Python user picks)
over DATASET/html/NNNNN.html, one process, one core, pages in memory, and
scores them and every --predictions DIR (DIR/NNNNN.txt: the title line, a
blank line, the text; `cargo run --release -p epitome-extract --example
orangesum -- DATASET --dump DIR` writes Epitome's) against
DATASET/articles/NNNNN.txt (the title line, then the body):

- body: token-level precision, recall and F1, averaged over the pages
  (tokens: Python's `\\w+` on the lower-cased text, with multiplicity);
- title: the share of pages whose title equals the article's first line;
- abstract: the share of pages whose abstract (DATASET/references/NNNNN.txt)
  lands in the text (its whole token sequence, contiguous);
- speed: pages/s and MB/s of HTML per CPU second on one core (peers only;
  Epitome's is timed in Rust the same way).

Needs trafilatura and readability-lxml: `bash scripts/extract_peers.sh`
makes a venv under target/ with them and runs this script in it.
"""

import argparse
import collections
import json
import pathlib
import re
import sys
import time

WORD = re.compile(r"\w+")


def tokens(text):
    return WORD.findall(text.lower())


def prf(pred, gold):
    common = sum((collections.Counter(pred) & collections.Counter(gold)).values())
    p = common / len(pred) if pred else 0.0
    r = common / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def contains_run(hay, needle):
    n = len(needle)
    return n > 0 and any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def load(dataset):
    pages = []
    for path in sorted((dataset / "html").glob("*.html")):
        stem = path.stem
        gold = (dataset / "articles" / f"{stem}.txt").read_text(encoding="utf-8")
        title, _, body = gold.partition("\n")
        reference = (dataset / "references" / f"{stem}.txt").read_text(encoding="utf-8")
        pages.append({"stem": stem, "html": path.read_bytes(), "title": title, "body": body, "reference": reference})
    return pages


def score(pages, outputs):
    """outputs: stem -> (title, text)."""
    sp = sr = sf = 0.0
    titles = abstracts = 0
    for page in pages:
        title, text = outputs.get(page["stem"], ("", ""))
        t = tokens(text)
        p, r, f = prf(t, tokens(page["body"]))
        sp, sr, sf = sp + p, sr + r, sf + f
        titles += title.strip() == page["title"].strip()
        abstracts += contains_run(t, tokens(page["reference"]))
    n = len(pages)
    return {"p": sp / n, "r": sr / n, "f1": sf / n, "title": titles / n, "abstract": abstracts / n}


def run_trafilatura(html):
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, favor_precision=False)
    if doc is None:
        return "", ""
    return (doc.title or ""), (doc.text or "")


def run_readability(html):
    import lxml.html
    from readability import Document

    # It takes text, not bytes: decoded as the pages declare (UTF-8).
    d = Document(html.decode("utf-8", errors="replace"))
    summary = d.summary(html_partial=True)
    text = "\n\n".join(t.strip() for t in lxml.html.fromstring(summary).itertext() if t.strip())
    return d.title() or "", text


def time_peer(pages, fn):
    # CPU time of this process: what one core spends, whatever else the machine runs.
    start = time.process_time()
    outputs = {}
    for page in pages:
        try:
            outputs[page["stem"]] = fn(page["html"])
        except Exception:  # a peer's failure on one page scores as an empty text
            outputs[page["stem"]] = ("", "")
    secs = time.process_time() - start
    return outputs, secs


def read_predictions(directory):
    out = {}
    for path in pathlib.Path(directory).glob("*.txt"):
        title, _, text = path.read_text(encoding="utf-8").partition("\n")
        out[path.stem] = (title, text)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dataset", type=pathlib.Path)
    ap.add_argument("--predictions", action="append", default=[], metavar="DIR", help="score DIR/NNNNN.txt too")
    ap.add_argument("--no-peers", action="store_true", help="only score --predictions")
    ap.add_argument(
        "--peer", choices=["trafilatura", "readability-lxml"], help="run this peer only (to time it as a whole process)"
    )
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    pages = load(args.dataset)
    megabytes = sum(len(p["html"]) for p in pages) / 1e6
    rows = []
    if not args.no_peers:
        import importlib.metadata as md

        for name, dist, fn in [
            ("trafilatura", "trafilatura", run_trafilatura),
            ("readability-lxml", "readability-lxml", run_readability),
        ]:
            if args.peer not in (None, name):
                continue
            outputs, secs = time_peer(pages, fn)
            row = {"system": f"{name} {md.version(dist)}", **score(pages, outputs)}
            row.update({"pages_per_s": len(pages) / secs, "mb_per_s": megabytes / secs})
            rows.append(row)
    for directory in args.predictions:
        rows.append({"system": str(directory), **score(pages, read_predictions(directory))})
    if args.json:
        json.dump({"pages": len(pages), "megabytes": megabytes, "systems": rows}, sys.stdout, indent=1)
        print()
        return
    print(f"{len(pages)} pages, {megabytes:.1f} MB of HTML")
    print(f"{'system':40} {'P':>6} {'R':>6} {'F1':>6} {'title':>7} {'abstract':>9} {'pages/s':>8} {'MB/s':>6}")
    for r in rows:
        speed = f"{r['pages_per_s']:8.0f} {r['mb_per_s']:6.1f}" if "mb_per_s" in r else f"{'':8} {'':6}"
        print(
            f"{r['system'][:40]:40} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f} {100 * r['title']:6.1f}% "
            f"{100 * r['abstract']:8.1f}% {speed}"
        )


if __name__ == "__main__":
    main()
