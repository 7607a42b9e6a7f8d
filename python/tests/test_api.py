"""The API: what summarize, keywords and sentences return, and their options."""

import re
import tomllib

import pytest

import epitome
from conftest import REPO, SHARED, read_text

BODY = (
    "The council approved the new harbour bridge on Monday. "
    "Construction starts in May and should take two years. "
    "Critics said the bridge would cost too much. "
    "The mayor said the town had waited long enough for it."
)


def test_version_is_the_workspaces():
    cargo = tomllib.loads((REPO / "Cargo.toml").read_text())
    assert epitome.__version__ == cargo["workspace"]["package"]["version"]


def test_summary_fields():
    s = epitome.summarize(BODY, "Harbour bridge approved")
    assert isinstance(s, epitome.Summary)
    assert len(s.sentences) == 3
    assert [x.index for x in s.sentences] == sorted(x.index for x in s.sentences)
    assert max(x.score for x in s.sentences) == 1000
    assert all(0 <= x.score <= 1000 for x in s.sentences)
    assert 0 < len(s.keywords) <= 10
    assert s.keywords[0].score == 1000
    assert s.flags == []
    assert s.stats.sentences == 4 and s.stats.words > 20
    first = s.sentences[0]
    assert first.byte_span == (first.start, first.end)
    assert first.char_span == (first.char_start, first.char_end)
    assert "Sentence(" in repr(first) and "Summary(" in repr(s)


def test_spans_slice_the_body_in_bytes_and_characters():
    body = "Zürich’s café « ouvert » — naïve users said so on Monday. " * 3 + "Ünïcödé closes the day at noon."
    s = epitome.summarize(body, sentences=4)
    raw = body.encode()
    for x in s.sentences:
        assert body[x.char_start : x.char_end] == x.text
        assert raw[x.start : x.end].decode() == x.text


def test_sentence_and_keyword_budgets():
    assert len(epitome.summarize(BODY, sentences=1).sentences) == 1
    assert epitome.summarize(BODY, sentences=0).sentences == []
    assert len(epitome.summarize(BODY, "Harbour bridge approved", keywords=2).keywords) == 2
    assert epitome.summarize(BODY, keywords=0).keywords == []
    short = epitome.summarize(BODY, max_chars=60)
    assert sum(len(x.text) for x in short.sentences) <= 60
    assert len(short.sentences) >= 1


def test_keywords_is_summarize_without_sentences():
    kws = epitome.keywords(BODY, "Harbour bridge approved", keywords=5)
    assert kws == epitome.summarize(BODY, "Harbour bridge approved", keywords=5).keywords
    assert all(isinstance(k, epitome.Keyword) for k in kws)


def test_title_none_is_no_title():
    assert epitome.summarize(BODY, None) == epitome.summarize(BODY, "") == epitome.summarize(BODY)


def test_missing_bodies_give_none():
    # As the CLI skips a JSON line whose body is missing or null.
    assert epitome.summarize(None) is None
    assert epitome.keywords(None, "title") is None
    assert epitome.summarize(float("nan")) is None


def test_empty_and_blank_bodies_give_empty_summaries():
    for body in ["", "   \n\n  ", "\x00"]:
        s = epitome.summarize(body)
        assert s.sentences == [] and s.flags == []


def test_language_auto_and_codes():
    s = epitome.summarize(BODY, language="auto")
    assert s.language == "en"
    assert epitome.summarize(BODY, language="en") == s
    for code in ["fr", "de", "es", "it", "pt", "nl"]:
        # Read in that language when this build carries it, else as English.
        assert epitome.summarize(BODY, language=code).language in (code, "en")


def test_flags_name_what_was_cut():
    long = " ".join(f"Sentence number {i} talks about topic{i % 7} and more words." for i in range(400))
    assert "sentences_truncated" in epitome.summarize(long).flags


def test_results_are_values():
    assert epitome.summarize(BODY) == epitome.summarize(BODY)
    assert epitome.summarize(BODY) != epitome.summarize(BODY, sentences=1)
    with pytest.raises(AttributeError):
        epitome.summarize(BODY).sentences[0].text = "x"  # type: ignore[misc]


def test_sentences_lists_units_as_the_cli(tmp_path):
    from conftest import run_cli
    import json

    for path in sorted((SHARED / "corpus" / "seeds").glob("*.txt"))[:2]:
        text = read_text(path)
        units = epitome.sentences(text)
        want = json.loads(run_cli("sentences", "--json", str(path)))
        # Every field the CLI prints, under the same name.
        got = [{k: getattr(u, k) for k in w} for u, w in zip(units, want)]
        assert len(units) == len(want) and got == want
        for u in units:
            assert text[u.char_start : u.char_end] == u.text


def test_sentences_name_the_language_the_text_is_read_in():
    text = "Panique à Venise\nLe paquebot, qui peut contenir plus de 2.600 passagers, est venu heurter le quai."
    auto, german = epitome.sentences(text), epitome.sentences(text, language="de")
    assert {u.language for u in auto} == {epitome.summarize(text.split("\n", 1)[1], "Panique à Venise").language} == {"fr"}
    assert {u.language for u in german} == {"de"}
    # The segmenter reads every language alike.
    assert [(u.start, u.end, u.kind) for u in auto] == [(u.start, u.end, u.kind) for u in german]
    with pytest.raises(ValueError, match="auto, en, fr"):
        epitome.sentences(text, language="xx")


def test_help_is_readable():
    doc = epitome.summarize.__doc__
    assert doc and "Args:" in doc and "Returns:" in doc
    assert re.search(r"summarize\(text, title=None, \*, sentences=3", epitome.summarize.__text_signature__ or "") or (
        "(text, title=None, *, sentences=3" in (epitome.summarize.__text_signature__ or "")
    )


def test_batch_over_pandas_series_with_gaps():
    pd = pytest.importorskip("pandas")
    bodies = pd.Series([BODY, None, float("nan"), BODY], index=[10, 11, 12, 13])
    titles = pd.Series(["Harbour", None, "x", pd.NA], dtype=object, index=[10, 11, 12, 13])
    got = epitome.summarize_batch(bodies, titles, jobs=2)
    assert got[1] is None and got[2] is None
    assert got[0] == epitome.summarize(BODY, "Harbour") and got[3] == epitome.summarize(BODY)
    strings = pd.Series([BODY, None], dtype="string")  # pandas.NA marks the gap
    assert epitome.summarize_batch(strings)[1] is None


def test_batch_takes_any_iterable_and_jobs():
    gen = (BODY for _ in range(700))  # more than one chunk of 256 per job
    got = epitome.summarize_batch(gen, jobs=2)
    assert len(got) == 700 and all(s == got[0] for s in got)
    assert epitome.summarize_batch([]) == []
    assert epitome.summarize_batch([BODY], jobs=1) == epitome.summarize_batch((BODY,), jobs=8)


def test_results_pickle_and_copy():
    import copy
    import pickle

    s = epitome.summarize(BODY, "Harbour bridge approved")
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(s, protocol))
        assert back == s and back.sentences == s.sentences and back.language == s.language
    assert copy.deepcopy(s) == s
    assert pickle.loads(pickle.dumps(s.keywords[0])) == s.keywords[0]
