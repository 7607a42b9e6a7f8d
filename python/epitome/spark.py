"""Epitome on Spark, and on anything else that hands out pandas Series.

``summarize_udf(**options)`` and ``keywords_udf(**options)`` make
`pandas UDFs <https://spark.apache.org/docs/latest/api/python/user_guide/sql/arrow_pandas.html>`_
that take a title and a body column and summarize each Arrow batch with
``epitome.summarize_batch``. The summary column is a struct::

    sentences array<string>,
    keywords  array<struct<text:string,score:int>>,
    flags     array<string>,
    language  string,
    error     string

and the keywords column an ``array<struct<text:string,score:int>>``. A null
body gives null fields (the CLI skips a JSON line without a body); a null
title is no title. Results equal ``epitome summarize --jsonl`` on the same
titles and bodies.

With ``html=True`` the body column holds raw HTML pages (``string`` or
``binary``, as a crawl or WARC archive stores them) and the article inside
each is summarized, as ``epitome summarize`` reads ``.html`` files: the
title column wins over the page's title when it is not null. A page without
an article fails the task with ``NoArticle`` naming its row in the batch;
with ``errors="return"`` the task goes on, that row's other fields are null
and ``error`` holds the message (``error`` is null for every row that was
summarized).

Example (read JSON lines or Parquet, add the summary, write Parquet)::

    from pyspark.sql import SparkSession
    from epitome.spark import summarize_udf

    spark = SparkSession.builder.getOrCreate()
    articles = spark.read.json("articles.jsonl")   # or spark.read.parquet(...)
    summarize = summarize_udf(sentences=3, keywords=10)
    out = articles.withColumn("summary", summarize("title", "body"))
    out.select("id", "summary.sentences", "summary.keywords").write.parquet("summaries.parquet")

Spark runs one task per core, so each UDF call uses one thread
(``jobs=1``) unless told otherwise. The functions the UDFs wrap,
``summarize_frame`` and ``keywords_series``, take and return pandas objects
and work unchanged elsewhere, in Dask for one::

    import dask.dataframe as dd
    from epitome.spark import summarize_frame, SUMMARY_META

    ddf = dd.read_parquet("articles.parquet")
    summaries = ddf.map_partitions(lambda df: summarize_frame(df["title"], df["body"]), meta=SUMMARY_META)

pandas (and pyspark, for the UDFs) are imported only when used: ``pip install
'epitome[spark]'``.

>>> import pandas as pd
>>> from epitome.spark import summarize_frame
>>> frame = summarize_frame(pd.Series(["Bridge"]), pd.Series(["The harbour bridge opens in May. It cost two million."]), sentences=1)
>>> frame.loc[0, "sentences"], frame.loc[0, "flags"]
(['The harbour bridge opens in May.'], [])
>>> frame.loc[0, "keywords"][0]
{'text': 'bridge', 'score': 1000}
>>> frame.loc[0, "language"]
'en'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import summarize, summarize_batch

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

__all__ = [
    "KEYWORDS_SCHEMA",
    "SUMMARY_META",
    "SUMMARY_SCHEMA",
    "keywords_series",
    "keywords_udf",
    "summarize_frame",
    "summarize_udf",
]

#: The Spark type of the summary column (DDL).
SUMMARY_SCHEMA = (
    "struct<sentences:array<string>,keywords:array<struct<text:string,score:int>>,flags:array<string>,"
    "language:string,error:string>"
)
#: The Spark type of the keywords column (DDL).
KEYWORDS_SCHEMA = "array<struct<text:string,score:int>>"
#: The columns ``summarize_frame`` returns, for Dask's ``meta=``.
SUMMARY_META = {"sentences": "object", "keywords": "object", "flags": "object", "language": "object", "error": "object"}


def summarize_frame(title: pd.Series, body: pd.Series, **options: Any) -> pd.DataFrame:
    """The summaries of ``body`` (with ``title``) as a DataFrame of five columns.

    ``sentences`` (lists of the chosen sentences' text), ``keywords`` (lists of
    ``{"text", "score"}`` dicts), ``flags`` (lists of flag names) and
    ``language`` (the code of the language each was read in) and ``error``
    (``None``, or with ``errors="return"`` the message of a row that failed,
    whose other columns are then ``None``), on ``body``'s index; ``None`` in
    each for a missing body. ``options`` are ``summarize_batch``'s (``jobs``
    defaults to 1 here; ``html=True`` when ``body`` holds HTML pages).
    """
    import pandas as pd

    options.setdefault("jobs", 1)
    sentences: list[list[str] | None] = []
    keywords: list[list[dict[str, Any]] | None] = []
    flags: list[list[str] | None] = []
    language: list[str | None] = []
    error: list[str | None] = []
    for s in summarize_batch(body, title, **options):
        if s is None or isinstance(s, Exception):
            sentences.append(None)
            keywords.append(None)
            flags.append(None)
            language.append(None)
            error.append(None if s is None else str(s))
            continue
        error.append(None)
        sentences.append([x.text for x in s.sentences])
        keywords.append([{"text": k.text, "score": k.score} for k in s.keywords])
        flags.append(s.flags)
        language.append(s.language)
    columns = {"sentences": sentences, "keywords": keywords, "flags": flags, "language": language, "error": error}
    return pd.DataFrame(columns, index=body.index)


def keywords_series(title: pd.Series, body: pd.Series, **options: Any) -> pd.Series:
    """The keyphrases of ``body`` (with ``title``): a Series of lists of
    ``{"text", "score"}`` dicts, ``None`` for a missing body (and, with
    ``errors="return"``, for a row that failed: ``summarize_frame`` says why).
    ``options`` are ``epitome.keywords``' (``html=True`` for pages), ``jobs``
    (default 1) and ``errors``."""
    import pandas as pd

    options.setdefault("jobs", 1)
    summaries = summarize_batch(body, title, sentences=0, **options)
    return pd.Series(
        [
            None if s is None or isinstance(s, Exception) else [{"text": k.text, "score": k.score} for k in s.keywords]
            for s in summaries
        ],
        index=body.index,
        dtype=object,
    )


def _check(**options: Any) -> None:
    """Raises now, on the driver, for options every task would reject."""
    jobs = options.pop("jobs", 1)
    html = options.pop("html", False)
    errors = options.pop("errors", "raise")
    summarize_batch([], jobs=jobs, html=html, errors=errors)
    summarize("", **options)


def summarize_udf(**options: Any):
    """A pandas UDF ``(title, body) -> summary struct`` (``SUMMARY_SCHEMA``).

    ``options`` are ``epitome.summarize_batch``'s: ``sentences``,
    ``max_chars``, ``keywords``, ``language``, ``idf`` (bytes, shipped to the
    executors with the UDF), ``html`` (the body column holds HTML pages),
    ``jobs`` (threads per task, default 1), ``errors`` (``"return"``: a row
    that fails gets its message in ``error`` instead of failing the task).
    """
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    _check(**options)

    def summarize_columns(title, body):
        return summarize_frame(title, body, **options)

    summarize_columns.__annotations__ = {"title": pd.Series, "body": pd.Series, "return": pd.DataFrame}
    return pandas_udf(summarize_columns, returnType=SUMMARY_SCHEMA)  # type: ignore[call-overload]


def keywords_udf(**options: Any):
    """A pandas UDF ``(title, body) -> array<struct<text, score>>`` (``KEYWORDS_SCHEMA``).

    ``options`` are ``epitome.keywords``': ``keywords``, ``language``,
    ``idf``, ``html``, ``jobs`` (threads per task, default 1) and ``errors``
    (``"return"``: a row that fails is null instead of failing the task).
    """
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    _check(**options)

    def keywords_column(title, body):
        return keywords_series(title, body, **options)

    keywords_column.__annotations__ = {"title": pd.Series, "body": pd.Series, "return": pd.Series}
    return pandas_udf(keywords_column, returnType=KEYWORDS_SCHEMA)  # type: ignore[call-overload]
