"""The Python results equal the CLI's JSON lines field by field."""

import epitome
from conftest import as_record, cli_jsonl


def test_summarize_equals_the_cli(corpus):
    want = cli_jsonl(corpus, "summarize", "--jsonl")
    assert len(want) == len(corpus)
    for a, line in zip(corpus, want):
        s = epitome.summarize(a["body"], a["title"])
        assert as_record(s) == {k: line[k] for k in ("keywords", "sentences", "flags")}, a["id"]


def test_batch_equals_the_cli_with_options(corpus):
    want = cli_jsonl(corpus, "summarize", "--jsonl", "-n", "5", "-k", "4")
    got = epitome.summarize_batch((a["body"] for a in corpus), [a["title"] for a in corpus], sentences=5, keywords=4)
    assert [as_record(s) for s in got] == [{k: w[k] for k in ("keywords", "sentences", "flags")} for w in want]
    assert [w["title"] for w in want] == [a["title"] for a in corpus]


def test_character_budget_equals_the_cli(corpus):
    want = cli_jsonl(corpus, "summarize", "--jsonl", "--max-chars", "200")
    got = epitome.summarize_batch([a["body"] for a in corpus], [a["title"] for a in corpus], max_chars=200, jobs=1)
    assert [as_record(s)["sentences"] for s in got] == [w["sentences"] for w in want]


def test_keywords_equal_the_cli(corpus):
    want = cli_jsonl(corpus, "keywords", "--jsonl", "-k", "16")
    for a, line in zip(corpus, want):
        got = epitome.keywords(a["body"], a["title"], keywords=16)
        assert [{"text": k.text, "score": k.score} for k in got] == line["keywords"]


def test_a_missing_body_is_skipped_as_the_cli_skips_it(corpus):
    # The CLI reports a JSON line without a body and writes the others;
    # the batch keeps the place with None.
    articles = [corpus[0], {"id": "x", "title": "no body"}, corpus[1]]
    import subprocess, json
    from conftest import cli_path

    lines = "".join(json.dumps(a) + "\n" for a in articles).encode()
    run = subprocess.run([str(cli_path()), "summarize", "--jsonl", "--input", "jsonl", "-"], input=lines, capture_output=True)
    assert run.returncode == 2 and b"field `body`: missing" in run.stderr
    want = [json.loads(line) for line in run.stdout.splitlines()]
    got = epitome.summarize_batch([a.get("body") for a in articles], [a["title"] for a in articles])
    assert got[1] is None
    assert [as_record(s) for s in got if s is not None] == [{k: w[k] for k in ("keywords", "sentences", "flags")} for w in want]
