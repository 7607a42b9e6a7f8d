"""extract: the article inside an HTML page, as the CLI reads pages; and the GIL let go while the core and the extractor run."""

import json
import pickle
import threading
import time

import pytest

import epitome
from conftest import REPO, SHARED, run_cli

PAGE = REPO / "host" / "tests" / "data" / "page.html"


def cli_extract(path) -> dict:
    return json.loads(run_cli("extract", "--json", str(path)))


def test_a_page_gives_the_clis_article():
    a = epitome.extract(PAGE.read_bytes())
    want = cli_extract(PAGE)
    assert (a.title, a.text, a.method) == (want["title"], want["text"], want["method"])
    # The page declares windows-1252: its bytes are decoded by that.
    assert "\ufffd" not in a.text


def test_the_summary_of_an_extracted_page_is_the_clis():
    a = epitome.extract(PAGE.read_bytes())
    s = epitome.summarize(a.text, a.title)
    [want] = json.loads(run_cli("summarize", "--json", str(PAGE)))
    assert [x.text for x in s.sentences] == [x["text"] for x in want["sentences"]]
    assert [(k.text, k.score) for k in s.keywords] == [(k["text"], k["score"]) for k in want["keywords"]]
    assert s.language == want["language"]


def test_the_french_pages_give_the_clis_articles():
    pages = sorted((SHARED / "eval" / "orangesum" / "html").glob("*.html"))
    if not pages:
        pytest.fail(f"{SHARED}/eval/orangesum/html is missing: the tests read French pages from ../shared")
    for path in pages[:5]:
        a = epitome.extract(path.read_bytes())
        want = cli_extract(path)
        assert (a.title, a.text, a.method) == (want["title"], want["text"], want["method"]), path
        assert epitome.summarize(a.text, a.title).language == "fr", path


def test_text_is_read_as_text_and_bytes_by_their_charset():
    page = '<html><head><meta charset="iso-8859-1"><title>T</title></head><body><div itemprop="articleBody"><p>Déjà lu.</p></div></body></html>'
    assert epitome.extract(page).text == "Déjà lu."
    assert epitome.extract(page.encode("latin-1")).text == "Déjà lu."
    a = epitome.extract(page)
    assert a.method == "microdata"
    assert pickle.loads(pickle.dumps(a)) == a
    assert "microdata" in repr(a)


def test_errors_are_typed_with_the_clis_message():
    with pytest.raises(epitome.NoArticle, match="no article found in the HTML page"):
        epitome.extract(b"<html><body></body></html>")
    with pytest.raises(epitome.PageTooLarge, match="over the limit of 16777216 bytes"):
        epitome.extract(b" " * (16 * 1024 * 1024 + 1))
    with pytest.raises(epitome.PageTooDeep):
        epitome.extract(b"<html><body>" + b"<div>" * 5000 + b"<p>Deep.</p></body></html>")
    for cls in (epitome.NoArticle, epitome.PageTooLarge, epitome.PageTooDeep):
        assert issubclass(cls, epitome.ExtractError) and issubclass(cls, epitome.EpitomeError)
        assert issubclass(cls, ValueError)
    with pytest.raises(TypeError, match="html must be bytes or str, not int"):
        epitome.extract(3)


def longest_pause(work) -> tuple[float, float]:
    """Runs `work` in a thread while this one counts: the longest time this
    thread went without running, and how long `work` took. A call that held
    the GIL would stop this thread for all of its time."""
    done = threading.Event()
    took = []

    def run():
        t0 = time.perf_counter()
        work()
        took.append(time.perf_counter() - t0)
        done.set()

    thread = threading.Thread(target=run)
    last = time.perf_counter()
    pause = 0.0
    thread.start()
    while not done.is_set():
        now = time.perf_counter()
        pause = max(pause, now - last)
        last = now
    thread.join()
    return pause, took[0]


def pause_in_enough_work(work, n: int) -> tuple[float, float]:
    """`longest_pause` of `work(n)`, doubling `n` until the call takes 0.2 s
    or more: enough to tell a held GIL from the switch interval, on a fast
    machine as on a slow one (a fixed amount of work once finished too soon
    on a quiet CI machine)."""
    for _ in range(12):
        pause, took = longest_pause(lambda: work(n))
        if took > 0.2:
            return pause, took
        n *= 2
    pytest.fail(f"too little work to tell even at {n} items ({took:.3f} s)")


def test_batch_and_extract_let_the_gil_go():
    body = (REPO / "host" / "sample" / "03-river-flood.txt").read_text()
    pause, took = pause_in_enough_work(lambda n: epitome.summarize_batch([body] * n, jobs=1), 1000)
    # Holding the GIL would pause this thread for the whole call; letting it
    # go, only for the switch interval (5 ms) and the machine's noise.
    assert pause < took / 2, f"the GIL was held: paused {pause:.3f} s of {took:.3f} s"

    page = PAGE.read_bytes().replace(b"</body>", b"<p>More news.</p>" * 20000 + b"</body>")
    pause, took = pause_in_enough_work(lambda n: [epitome.extract(page) for _ in range(n)], 1)
    assert pause < took / 2, f"the GIL was held: paused {pause:.3f} s of {took:.3f} s"
