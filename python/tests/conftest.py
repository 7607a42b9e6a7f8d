"""Shared fixtures: the repository, ../shared, the CLI, and articles as JSON lines."""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("EPITOME_SHARED", REPO.parent / "shared"))


def cli_path() -> Path:
    """The `epitome` CLI of this checkout (built by scripts/test.d/60-python.sh)."""
    cli = Path(os.environ.get("EPITOME_CLI", REPO / "target" / "release" / "epitome"))
    if not cli.exists():
        subprocess.run(["cargo", "build", "--release", "-p", "epitome-host"], cwd=REPO, check=True)
    return cli


def run_cli(*args: str, stdin: bytes | None = None) -> bytes:
    return subprocess.run([str(cli_path()), *args], input=stdin, check=True, capture_output=True).stdout


def read_text(path: Path) -> str:
    """A text file as the articles are stored: UTF-8, or Latin-1 (one BBC article)."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def article(path: Path) -> dict:
    """A text article as a JSON-lines record: the first line is the title.

    Only a way to give the CLI and Python the same title and body; which
    line is the title does not matter to the comparison."""
    title, _, body = read_text(path).partition("\n")
    return {"id": path.name, "title": title.strip(), "body": body}


def sample_and_seeds() -> list[dict]:
    files = sorted((REPO / "host" / "sample").glob("*.txt"))
    seeds = SHARED / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.fail(f"{seeds} is missing: the tests read the seed articles from ../shared")
    return [article(p) for p in files + sorted(seeds.glob("*.txt"))]


def cli_jsonl(articles: list[dict], *args: str) -> list[dict]:
    """`epitome summarize --jsonl` (or another command) over `articles` given as JSON lines."""
    lines = "".join(json.dumps(a) + "\n" for a in articles).encode()
    return [json.loads(line) for line in run_cli(*args, "--input", "jsonl", "-", stdin=lines).splitlines()]


def as_record(s) -> dict:
    """The fields of a Python Summary the CLI's JSON line holds, in its shape."""
    sentences = []
    for x in s.sentences:
        d = {"text": x.text}
        if x.shown is not None:
            d["shown"] = x.shown
        d.update(start=x.start, end=x.end, score=x.score)
        sentences.append(d)
    return {
        "keywords": [{"text": k.text, "score": k.score} for k in s.keywords],
        "sentences": sentences,
        "flags": list(s.flags),
    }


@pytest.fixture(scope="session")
def corpus() -> list[dict]:
    return sample_and_seeds()
