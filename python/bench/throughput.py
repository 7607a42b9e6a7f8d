"""summarize_batch against the CLI and the Python peers, in one run (BENCHMARKS.md).

    target/python-venv/bin/python python/bench/throughput.py [--rounds 5] [--peer-articles 150]

On the BBC articles of ../shared: the CLI's whole process (`epitome
summarize --jsonl DIR -j 2`, start-up, file reads and output included),
`summarize_batch` over the same titles and bodies in memory (jobs=2, and
with the file reads), `summarize` one call at a time, and sumy
(LexRank, TextRank) and summa (TextRank) from this same Python on the first
`--peer-articles` articles with peers.py's own set-up (their packages from
the peers' venv, `--peers-venv`, default /work/peers/.venv or
../shared/peers/.venv). Each timing is the median of `--rounds`, the CLI and
Python rounds interleaved so that load on a shared machine hits both alike.
"""

import argparse
import glob
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import epitome

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def load(articles_dir: Path):
    files = sorted(articles_dir.glob("*/*.txt"))
    titles, bodies, size = [], [], 0
    for p in files:
        raw = p.read_bytes()
        size += len(raw)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        title, _, body = text.partition("\n")
        titles.append(title.strip())
        bodies.append(body)
    return files, titles, bodies, size


def timed(f):
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


def peers(venv: Path, bodies, n):
    """sumy and summa as ../shared/peers/peers.py sets them up."""
    site = glob.glob(str(venv / "lib" / "python3*" / "site-packages"))
    if not site:
        return {}
    sys.path.append(site[0])
    os.environ["PEERS_VENV"] = str(venv)
    sys.path.insert(0, str(SHARED / "peers"))
    import peers as p  # noqa: E402

    out = {}
    for name, make in [("sumy LexRank", lambda: p.make_sumy("lexrank", "english")),
                       ("sumy TextRank", lambda: p.make_sumy("textrank", "english")),
                       ("summa TextRank", lambda: p.make_summa("english"))]:
        run = make()
        out[name] = timed(lambda: [run(b, n) for b in bodies])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=Path, default=SHARED / "eval" / "bbc" / "articles")
    ap.add_argument("--cli", type=Path, default=REPO / "target" / "release" / "epitome")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--peer-articles", type=int, default=150)
    default_venv = Path("/work/peers/.venv") if Path("/work/peers/.venv").is_dir() else SHARED / "peers" / ".venv"
    ap.add_argument("--peers-venv", type=Path, default=default_venv)
    a = ap.parse_args()

    files, titles, bodies, size = load(a.articles)
    cmd = [str(a.cli), "summarize", "--jsonl", "-j", str(a.jobs), str(a.articles)]
    times = {"CLI whole process": [], "summarize_batch (in memory)": [], "read + summarize_batch": [], "summarize, one call each": []}
    check = epitome.summarize_batch(bodies, titles, jobs=a.jobs)
    assert len(check) == len(files) and all(s is not None for s in check)
    for _ in range(a.rounds):
        times["CLI whole process"].append(timed(lambda: subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)))
        times["summarize_batch (in memory)"].append(timed(lambda: epitome.summarize_batch(bodies, titles, jobs=a.jobs)))
        times["read + summarize_batch"].append(timed(lambda: epitome.summarize_batch(load(a.articles)[2], titles, jobs=a.jobs)))
        times["summarize, one call each"].append(timed(lambda: [epitome.summarize(b, t) for b, t in zip(bodies, titles)]))
    print(f"{len(files)} articles, {size:,} bytes; load average {os.getloadavg()[0]:.1f}; jobs={a.jobs}; median of {a.rounds}")
    print("| what | MB/s | articles/s | vs CLI |")
    print("|---|---|---|---|")
    cli = statistics.median(times["CLI whole process"])
    for name, ts in times.items():
        t = statistics.median(ts)
        print(f"| {name} | {size / t / 1e6:.1f} | {len(files) / t:,.0f} | {cli / t:.2f} |")
    k = a.peer_articles
    sub = bodies[:k]
    sub_size = sum(len(b.encode()) for b in sub)
    ours = timed(lambda: [epitome.summarize(b) for b in sub])
    print(f"\nPeers on the first {k} articles ({sub_size:,} bytes of body), one thread, 3 sentences each:")
    print("| summarizer | MB/s | articles/s | Epitome is faster by |")
    print("|---|---|---|---|")
    print(f"| epitome.summarize | {sub_size / ours / 1e6:.2f} | {k / ours:,.0f} | 1 |")
    for name, t in peers(a.peers_venv, sub, 3).items():
        print(f"| {name} | {sub_size / t / 1e6:.3f} | {k / t:,.1f} | {t / ours:,.0f}x |")


if __name__ == "__main__":
    main()
