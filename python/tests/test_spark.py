"""A real Spark session (local[2]): the UDFs over the BBC articles (the
sample and seeds without ../shared's BBC) give exactly the CLI's --jsonl
results, in order; and the same function in Dask."""

import json
import os
import sys

import pytest

import epitome
from conftest import SHARED, REPO, article, cli_jsonl, sample_and_seeds

pytestmark = pytest.mark.slow


def articles() -> list[dict]:
    bbc = SHARED / "eval" / "bbc" / "articles"
    found = sorted(bbc.glob("*/*.txt")) if bbc.is_dir() else []
    if not found:
        return sample_and_seeds()
    return [dict(article(p), id=str(p.relative_to(bbc))) for p in found]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[list[dict], str]:
    items = [dict(a, n=i) for i, a in enumerate(articles())]
    path = tmp_path_factory.mktemp("spark") / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in items))
    return items, str(path)


@pytest.fixture(scope="module")
def spark():
    pyspark_sql = pytest.importorskip("pyspark.sql")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        pyspark_sql.SparkSession.builder.master("local[2]")
        .appName("epitome-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_summary_udf_equals_the_cli_in_order(spark, corpus, tmp_path):
    from epitome.spark import summarize_udf

    items, path = corpus
    want = cli_jsonl(items, "summarize", "--jsonl")
    df = spark.read.json(path).repartition(2)
    out = df.withColumn("summary", summarize_udf()("title", "body"))
    out.write.parquet(str(tmp_path / "summaries.parquet"))
    rows = spark.read.parquet(str(tmp_path / "summaries.parquet")).orderBy("n").collect()
    assert [r["id"] for r in rows] == [a["id"] for a in items]
    for row, line in zip(rows, want):
        s = row["summary"]
        assert s["sentences"] == [x["text"] for x in line["sentences"]], row["id"]
        assert [k.asDict() for k in s["keywords"]] == line["keywords"], row["id"]
        assert s["flags"] == line["flags"], row["id"]
        assert s["language"] == line["language"], row["id"]


def test_keywords_udf_and_null_bodies(spark):
    from epitome.spark import keywords_udf, summarize_udf

    rows = [("Bridge", "The harbour bridge opens in May. The harbour bridge cost two million."), ("No body", None), (None, "Only a body about the harbour bridge and the harbour.")]
    df = spark.createDataFrame(rows, "title string, body string")
    got = df.select(keywords_udf(keywords=3)("title", "body").alias("k"), summarize_udf(sentences=1)("title", "body").alias("s")).collect()
    for (title, body), row in zip(rows, got):
        want = epitome.keywords(body, title, keywords=3)
        if want is None:
            assert row["k"] is None and row["s"]["sentences"] is None
        else:
            assert [(k["text"], k["score"]) for k in row["k"]] == [(k.text, k.score) for k in want]
            assert row["s"]["sentences"] == [x.text for x in epitome.summarize(body, title, sentences=1).sentences]


def test_summary_udf_over_html_pages(spark):
    from epitome.spark import summarize_udf

    page = (REPO / "host" / "tests" / "data" / "page.html").read_bytes()
    rows = [("Given title", page), (None, page), (None, None)]
    df = spark.createDataFrame(rows, "title string, page binary")
    got = df.select(summarize_udf(html=True, sentences=2)("title", "page").alias("s")).collect()
    for (title, body), row in zip(rows, got):
        want = epitome.summarize(body, title, html=True, sentences=2)
        if want is None:
            assert row["s"]["sentences"] is None
        else:
            assert row["s"]["sentences"] == [x.text for x in want.sentences]
            assert row["s"]["language"] == want.language
    # Pages stored as text read the same.
    text = spark.createDataFrame([(None, page.decode("cp1252"))], "title string, page string")
    [row] = text.select(summarize_udf(html=True, sentences=2)("title", "page").alias("s")).collect()
    assert row["s"]["sentences"] == got[1]["s"]["sentences"]


def test_bad_options_fail_on_the_driver():
    pytest.importorskip("pyspark")
    from epitome.spark import summarize_udf

    with pytest.raises(ValueError, match="sentences: 99"):
        summarize_udf(sentences=99)


def test_the_same_function_in_dask(corpus):
    dd = pytest.importorskip("dask.dataframe")
    import pandas as pd
    from epitome.spark import SUMMARY_META, summarize_frame

    items, _ = corpus
    items = items[:200]
    pdf = pd.DataFrame(items)
    ddf = dd.from_pandas(pdf, npartitions=3)
    got = ddf.map_partitions(lambda df: summarize_frame(df["title"], df["body"]), meta=SUMMARY_META).compute()
    want = cli_jsonl(items, "summarize", "--jsonl")
    assert list(got["sentences"]) == [[x["text"] for x in w["sentences"]] for w in want]
    assert list(got["keywords"]) == [w["keywords"] for w in want]
