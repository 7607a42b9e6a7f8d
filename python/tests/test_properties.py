"""Property tests (hypothesis): summarize never raises on arbitrary text, its
spans slice the input back to the sentence text, it is deterministic, and a
batch equals one call per article."""

from hypothesis import given, settings
from hypothesis import strategies as st

import epitome

# Text with the characters news has (words, punctuation, quotes, newlines)
# often enough that sentences form, and anything else sometimes.
WORDS = st.sampled_from(
    ["The", "council", "said", "Mr.", "U.S.", "3.5m", "\u201cWe", "won\u201d", "\"Yes,\"", "café", "—", "\n", "\n\n", ".", "?", "Share", "•"]
)
NEWSY = st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=200).map(" ".join)
TEXT = st.one_of(st.text(), NEWSY)


@settings(max_examples=300, deadline=None)
@given(body=TEXT, title=st.text(max_size=80), n=st.integers(0, 32), k=st.integers(0, 16))
def test_never_raises_and_spans_slice_back(body, title, n, k):
    s = epitome.summarize(body, title, sentences=n, keywords=k)
    assert len(s.sentences) <= n and len(s.keywords) <= k
    raw = body.encode()
    last = -1
    for x in s.sentences:
        assert body[x.char_start : x.char_end] == x.text
        assert raw[x.start : x.end] == x.text.encode()
        assert 0 <= x.score <= 1000
        assert x.index > last  # text order
        last = x.index
    for kw in s.keywords:
        assert kw.text and (kw.text in body or kw.text in title)


@settings(max_examples=100, deadline=None)
@given(body=TEXT, chars=st.integers(0, 400))
def test_character_budget(body, chars):
    s = epitome.summarize(body, max_chars=chars)
    used = sum(len(x.text) for x in s.sentences) + max(0, len(s.sentences) - 1)
    assert used <= chars or len(s.sentences) == 0


@settings(max_examples=60, deadline=None)
@given(bodies=st.lists(st.one_of(st.none(), TEXT), max_size=20), jobs=st.integers(1, 3))
def test_batch_equals_one_call_per_article(bodies, jobs):
    titles = [f"title {i}" if i % 3 else None for i in range(len(bodies))]
    got = epitome.summarize_batch(bodies, titles, sentences=2, jobs=jobs)
    assert got == [epitome.summarize(b, t, sentences=2) for b, t in zip(bodies, titles)]


@settings(max_examples=100, deadline=None)
@given(text=TEXT)
def test_units_tile_in_order(text):
    last_end = 0
    for u in epitome.sentences(text):
        assert text[u.char_start : u.char_end] == u.text
        assert u.start >= last_end
        last_end = u.end
