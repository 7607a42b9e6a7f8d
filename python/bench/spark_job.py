"""The Spark job on the BBC articles, local[2] (BENCHMARKS.md).

    PYSPARK_PYTHON=target/python-venv/bin/python target/python-venv/bin/python python/bench/spark_job.py [--rounds 3]

Reads the articles as JSON lines (written once to a temporary directory, two
partitions), adds the summary column with `summarize_udf()`, writes Parquet;
then the same job with summa's TextRank inside the same kind of pandas UDF
(summa from the peers' venv, `--peers-venv`), for scale. The session's
start and a warm-up run are not timed; each figure is the median of
`--rounds` jobs (summa's: one). A first row times the job with a UDF that
does nothing but measure each body: what Spark itself costs.
"""

import argparse
import glob
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def summa_udf():
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    def summa_column(title: pd.Series, body: pd.Series) -> pd.Series:
        from summa import summarizer

        return pd.Series([summarizer.summarize(b or "", ratio=0.2, split=True) for b in body])

    return pandas_udf(summa_column, returnType="array<string>")


def length_udf():
    """Spark's own cost: the same job with a pandas UDF that only measures the body."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    def length_column(title: pd.Series, body: pd.Series) -> pd.Series:
        return body.str.len()

    return pandas_udf(length_column, returnType="long")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=Path, default=SHARED / "eval" / "bbc" / "articles")
    ap.add_argument("--rounds", type=int, default=3)
    default_venv = Path("/work/peers/.venv") if Path("/work/peers/.venv").is_dir() else SHARED / "peers" / ".venv"
    ap.add_argument("--peers-venv", type=Path, default=default_venv)
    a = ap.parse_args()

    site = glob.glob(str(a.peers_venv / "lib" / "python3*" / "site-packages"))
    if site:
        # The Python workers find summa there too (they inherit the environment).
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [os.environ.get("PYTHONPATH"), site[0]]))
        sys.path.append(site[0])
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from epitome.spark import summarize_udf

    tmp = Path(tempfile.mkdtemp())
    n, size = 0, 0
    with open(tmp / "articles.jsonl", "w") as out:
        for p in sorted(a.articles.glob("*/*.txt")):
            raw = p.read_bytes()
            size += len(raw)
            text = raw.decode("utf-8", errors="replace")
            title, _, body = text.partition("\n")
            out.write(json.dumps({"id": str(p), "title": title.strip(), "body": body}) + "\n")
            n += 1
    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")

    def job(udf, name):
        df = spark.read.json(str(tmp / "articles.jsonl")).repartition(2)
        df.withColumn("summary", udf("title", "body")).write.mode("overwrite").parquet(str(tmp / name))

    print(f"{n} articles, {size:,} bytes; Spark {spark.version}, local[2]; load average {os.getloadavg()[0]:.1f}")
    print("| job | seconds | articles/s | MB/s |")
    print("|---|---|---|---|")
    jobs = [
        ("Spark alone (a pandas UDF giving the body's length)", length_udf(), a.rounds),
        ("epitome summarize_udf()", summarize_udf(), a.rounds),
        ("summa TextRank in a pandas UDF", summa_udf(), 1),
    ]
    for name, udf, rounds in jobs:
        job(udf, "warm")
        ts = []
        for _ in range(rounds):
            t = time.perf_counter()
            job(udf, "out")
            ts.append(time.perf_counter() - t)
        t = statistics.median(ts)
        print(f"| {name} | {t:.2f} | {n / t:,.0f} | {size / t / 1e6:.2f} |")
    spark.stop()


if __name__ == "__main__":
    main()
