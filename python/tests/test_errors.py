"""Errors: typed, with the CLI's messages."""

import json
import re

import pytest

import epitome

BODY = "The council approved the new harbour bridge on Monday. Work starts in May."


def test_the_hierarchy():
    assert issubclass(epitome.EpitomeError, ValueError)
    for cls in (epitome.InputTooLong, epitome.IdfInvalid):
        assert issubclass(cls, epitome.EpitomeError)
    assert epitome.InputTooLong.__doc__ and "4 GiB" in epitome.InputTooLong.__doc__


@pytest.mark.parametrize("bad", [b"bytes", 3, ["a list"], object()])
def test_bodies_that_are_not_str(bad):
    with pytest.raises(TypeError, match=r"^text must be str or None, not \w+"):
        epitome.summarize(bad)
    with pytest.raises(TypeError, match="^text must be str"):
        epitome.keywords(bad)


def test_titles_that_are_not_str():
    with pytest.raises(TypeError, match="^title must be str or None, not int$"):
        epitome.summarize(BODY, 7)


def test_sentences_takes_str_only():
    with pytest.raises(TypeError, match="^text must be str, not NoneType$"):
        epitome.sentences(None)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"sentences": 33}, "sentences: 33 is not in 0..=32"),
        ({"sentences": -1}, "sentences: -1 is not in 0..=32"),
        ({"keywords": 17}, "keywords: 17 is not in 0..=16"),
        ({"max_chars": -5}, "max_chars: -5 is not in 0..=4294967295"),
        ({"language": "xx"}, "language: \"xx\" is not one of auto, en, fr, de, es, it, pt, nl"),
    ],
)
def test_options_out_of_range(kwargs, message):
    with pytest.raises(ValueError, match="^" + message.replace(".", r"\.").replace("(", r"\(")):
        epitome.summarize(BODY, **kwargs)


def test_options_of_the_wrong_type():
    with pytest.raises(TypeError):
        epitome.summarize(BODY, sentences="3")
    with pytest.raises(TypeError):
        epitome.summarize(BODY, language=1)
    with pytest.raises(TypeError, match="^idf must be bytes, str or os.PathLike, not int$"):
        epitome.summarize(BODY, idf=1)
    with pytest.raises(TypeError):
        epitome.summarize(BODY, 3, 4)  # options are keyword-only


def test_a_malformed_idf_table(tmp_path):
    from conftest import cli_path
    import subprocess

    damaged = r"not a valid IDF table \(checksum mismatch: damaged\?\); rebuild it with `epitome model build`$"
    with pytest.raises(epitome.IdfInvalid, match=r"^IDF table \(bytes\): " + damaged):
        epitome.summarize(BODY, idf=b"not a table")
    path = tmp_path / "idf.bin"
    path.write_bytes(b"EPIDF junk")
    # The message the CLI prints for `--idf PATH`.
    cli = subprocess.run([str(cli_path()), "summarize", "-", "--idf", str(path)], input=BODY.encode(), capture_output=True)
    message = cli.stderr.decode().strip().removeprefix("epitome: ")
    with pytest.raises(epitome.IdfInvalid) as raised:
        epitome.summarize(BODY, idf=path)
    assert str(raised.value) == message
    assert re.search(f"^IDF table {re.escape(str(path))}: " + damaged, message)
    with pytest.raises(epitome.IdfInvalid):
        epitome.summarize_batch([BODY], idf=str(path))


def test_a_missing_idf_file(tmp_path):
    path = tmp_path / "missing.bin"
    with pytest.raises(FileNotFoundError, match=f"^reading IDF table {path}: "):
        epitome.summarize(BODY, idf=path)


def test_a_real_idf_table(tmp_path):
    """A table from `epitome model build` (its checksum checked and removed, as
    the CLI's --idf does); one without a checksum, as older builds wrote
    them, is read with a warning."""
    from conftest import REPO, run_cli

    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(5):
        (docs / f"{i}.txt").write_text(f"Title {i}\nThe harbour bridge story number {i} about council votes.\n")
    table = tmp_path / "idf.bin"
    run_cli("model", "build", str(docs), "-o", str(table))
    with_table = epitome.summarize(BODY, idf=table)
    assert with_table == epitome.summarize(BODY, idf=table.read_bytes())
    title, _, body = (REPO / "host" / "sample" / "01-harbour-bridge.txt").read_text().partition("\n")
    [want] = json.loads(run_cli("summarize", "--json", "--idf", str(table), str(REPO / "host" / "sample" / "01-harbour-bridge.txt")))
    got = epitome.summarize(body, title.strip(), idf=table)
    assert [(k.text, k.score) for k in got.keywords] == [(k["text"], k["score"]) for k in want["keywords"]]
    with pytest.warns(UserWarning, match="has no checksum"):
        older = epitome.summarize(BODY, idf=table.read_bytes()[:-4])
    assert older == with_table


def test_lone_surrogates_are_an_encoding_error():
    with pytest.raises(UnicodeEncodeError):
        epitome.summarize("broken \ud800 text")


def test_batch_errors_name_the_item():
    with pytest.raises(TypeError, match=r"^bodies\[1\] must be str or None, not int$"):
        epitome.summarize_batch([BODY, 5])
    with pytest.raises(TypeError, match=r"^titles\[0\] must be str or None, not bytes$"):
        epitome.summarize_batch([BODY], [b"t"])
    with pytest.raises(ValueError, match=r"^titles has fewer items than bodies \(1\)$"):
        epitome.summarize_batch([BODY, BODY], ["one"])
    with pytest.raises(ValueError, match=r"^titles has more items than bodies \(1\)$"):
        epitome.summarize_batch([BODY], ["one", "two"])
    with pytest.raises(ValueError, match=r"^jobs: 0 is not in 1\.\.=65535$"):
        epitome.summarize_batch([BODY], jobs=0)
    with pytest.raises(TypeError):
        epitome.summarize_batch(5)
