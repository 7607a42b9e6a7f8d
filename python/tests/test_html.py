"""summarize(page, html=True), keywords and summarize_batch over HTML pages:
the same article and summary as the CLI gives for the same page, and the
extractor's errors, typed and naming the item."""

import json
import pickle

import pytest

import epitome
from conftest import REPO, SHARED, as_record, run_cli

PAGE = REPO / "host" / "tests" / "data" / "page.html"
RECORD = ("keywords", "sentences", "flags")


def cli_summary(*args: str, stdin: bytes | None = None) -> list[dict]:
    return [json.loads(line) for line in run_cli("summarize", "--jsonl", *args, stdin=stdin).splitlines()]


def test_a_page_gives_the_clis_summary():
    [want] = cli_summary(str(PAGE))
    s = epitome.summarize(PAGE.read_bytes(), html=True)
    assert as_record(s) == {k: want[k] for k in RECORD}
    assert s.language == want["language"]
    assert s.article.title == want["title"]
    assert s.article == epitome.extract(PAGE.read_bytes())
    # The spans index the article's text, the text that was summarized.
    for x in s.sentences:
        assert s.article.text[x.char_start : x.char_end] == x.text
        assert s.article.text.encode()[x.start : x.end].decode() == x.text


def test_options_and_keywords_follow_the_cli():
    [want] = cli_summary("-n", "1", "-k", "3", "--language", "fr", str(PAGE))
    s = epitome.summarize(PAGE.read_bytes(), html=True, sentences=1, keywords=3, language="fr")
    assert as_record(s) == {k: want[k] for k in RECORD} and s.language == "fr"
    [kw] = [json.loads(line) for line in run_cli("keywords", "--jsonl", str(PAGE)).splitlines()]
    got = epitome.keywords(PAGE.read_bytes(), html=True)
    assert [{"text": k.text, "score": k.score} for k in got] == kw["keywords"]


def test_a_page_as_text_reads_as_the_clis_html_field():
    page = PAGE.read_bytes().decode("cp1252")
    lines = (json.dumps({"id": "a", "html": page}) + "\n" + json.dumps({"id": "b", "title": "Given", "html": page}) + "\n").encode()
    untitled, titled = cli_summary("--input", "jsonl", "-", stdin=lines)
    s = epitome.summarize(page, html=True)
    assert as_record(s) == {k: untitled[k] for k in RECORD} and s.article.title == untitled["title"]
    # A title given wins over the page's, for the summary as for the CLI.
    t = epitome.summarize(page, "Given", html=True)
    assert as_record(t) == {k: titled[k] for k in RECORD} and t.article.title == "Given"
    assert t.article.text == s.article.text


def test_french_pages_give_the_clis_summaries_in_a_batch():
    pages = sorted((SHARED / "eval" / "orangesum" / "html").glob("*.html"))[:8]
    if not pages:
        pytest.fail(f"{SHARED}/eval/orangesum/html is missing: the tests read French pages from ../shared")
    want = cli_summary(*map(str, pages))
    got = epitome.summarize_batch([p.read_bytes() for p in pages], html=True, jobs=2)
    assert [as_record(s) for s in got] == [{k: w[k] for k in RECORD} for w in want]
    assert [(s.language, s.article.title) for s in got] == [(w["language"], w["title"]) for w in want]
    assert all(s.language == "fr" for s in got)


def test_a_batch_keeps_order_and_equals_single_calls():
    pd = pytest.importorskip("pandas")
    page = PAGE.read_bytes()
    other = b'<html><body><div itemprop="articleBody"><p>The harbour bridge opens in May after ten years of work.</p></div></body></html>'
    bodies = pd.Series([page, None, other.decode(), other, page.decode("cp1252")], index=[5, 6, 7, 8, 9])
    titles = ["", None, "Bridge", None, "Trains"]
    for jobs in (1, 3):
        got = epitome.summarize_batch(bodies, titles, html=True, sentences=2, jobs=jobs)
        want = [None if b is None else epitome.summarize(b, t, html=True, sentences=2) for b, t in zip(bodies, titles)]
        assert got == want
    assert got[1] is None and got[2].article.title == "Bridge" and got[4].article.title == "Trains"
    assert pickle.loads(pickle.dumps(got[0])) == got[0]
    # Text given as text is still text: a Summary of text has no article.
    assert epitome.summarize_batch(["The harbour bridge opens in May."])[0].article is None


def test_what_is_not_an_article_raises_no_article():
    for page in (b"", "", b"   \n", "Plain text, not a page. It has two sentences of some length.", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"):
        with pytest.raises(epitome.NoArticle, match="no article found in the HTML page"):
            epitome.summarize(page, html=True)
        with pytest.raises(epitome.NoArticle):
            epitome.keywords(page, html=True)
    with pytest.raises(epitome.PageTooLarge):
        epitome.summarize(b" " * (16 * 1024 * 1024 + 1), html=True)
    # In a batch the error names the item, as the CLI names the file.
    with pytest.raises(epitome.NoArticle, match=r"^bodies\[1\]: no article found in the HTML page"):
        epitome.summarize_batch([PAGE.read_bytes(), b"<html></html>", PAGE.read_bytes()], html=True)


def test_errors_return_keeps_the_rest_of_the_batch():
    good = PAGE.read_bytes()
    out = epitome.summarize_batch([good, b"<html></html>", None, good], html=True, errors="return", jobs=2)
    want = epitome.summarize(good, html=True)
    assert out[0] == want and out[3] == want and out[2] is None
    assert isinstance(out[1], epitome.NoArticle)
    assert str(out[1]).startswith("bodies[1]: no article found in the HTML page")
    # "raise" (the default) raises the same error; a wrong type is the
    # caller's bug and raises either way.
    with pytest.raises(epitome.NoArticle, match=r"^bodies\[1\]: "):
        epitome.summarize_batch([good, b"<html></html>"], html=True, errors="raise")
    with pytest.raises(TypeError):
        epitome.summarize_batch([good, 5], html=True, errors="return")
    with pytest.raises(ValueError, match='^errors: "skip" is not "raise" or "return"$'):
        epitome.summarize_batch([good], html=True, errors="skip")


def test_errors_return_in_a_frame():
    pd = pytest.importorskip("pandas")
    from epitome.spark import keywords_series, summarize_frame

    body = pd.Series([PAGE.read_bytes(), b"<html></html>"], index=[10, 11])
    title = pd.Series([None, None], index=[10, 11])
    frame = summarize_frame(title, body, html=True, errors="return")
    assert frame.loc[10, "error"] is None and frame.loc[10, "sentences"]
    assert frame.loc[11, "sentences"] is None
    assert frame.loc[11, "error"].startswith("bodies[1]: no article found")
    assert keywords_series(title, body, html=True, errors="return").loc[11] is None
    with pytest.raises(epitome.NoArticle):
        summarize_frame(title, body, html=True)


def test_types_are_checked():
    assert epitome.summarize(None, html=True) is None
    assert epitome.summarize(float("nan"), html=True) is None
    with pytest.raises(TypeError, match=r"text must be an HTML page as bytes or str, or None \(html=True\), not int"):
        epitome.summarize(3, html=True)
    with pytest.raises(TypeError, match=r"bodies\[0\] must be an HTML page"):
        epitome.summarize_batch([bytearray(b"<html>")], html=True)
    # bytes without html=True: the message says what to do.
    with pytest.raises(TypeError, match="pass html=True"):
        epitome.summarize(PAGE.read_bytes())
    with pytest.raises(TypeError, match="title must be str or None, not bytes"):
        epitome.summarize(PAGE.read_bytes(), b"title", html=True)
