"""Runs spark/gleaner_job.py in Spark local mode over two small archives made here and checks
the Parquet output against the plain `gleaner` CLI, record for record.

    GLEANER=target/release/gleaner python spark/test_gleaner_job.py
"""

import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gleaner_job  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GLEANER = os.path.abspath(os.environ.get("GLEANER", os.path.join(ROOT, "target/release/gleaner")))


def page(n, body=True):
    article = (
        f"<article><h1>Story {n}</h1><p>BODY_TEXT {n}: the harbour council met on Tuesday to "
        "argue about the ferry terminal budget, and the meeting ran long past midnight.</p>"
        "<p>Residents said the plans would bring traffic to narrow streets, while shop owners "
        "welcomed the prospect of more visitors in the quiet winter months of the year.</p></article>"
    )
    inner = article if body else "<nav><a href='/a'>A</a> <a href='/b'>B</a></nav>"
    return f"<html><head><title>Story {n}</title></head><body>{inner}</body></html>".encode()


def warc(path, first, count):
    with open(path, "wb") as out:
        for i in range(first, first + count):
            status, kind = ("404 Not Found", "text/html") if i % 7 == 3 else ("200 OK", "text/html")
            body = page(i, body=i % 5 != 4)
            http = (f"HTTP/1.1 {status}\r\nContent-Type: {kind}; charset=utf-8\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n").encode() + body
            head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/{i}\r\n"
                    f"WARC-Date: 2024-01-01T00:00:00Z\r\n"
                    f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{i:012d}>\r\n"
                    f"Content-Length: {len(http)}\r\n\r\n").encode()
            out.write(gzip.compress(head + http + b"\r\n\r\n"))


class SparkJobTest(unittest.TestCase):
    def test_parquet_equals_the_cli_record_for_record(self):
        from pyspark.sql import SparkSession

        with tempfile.TemporaryDirectory() as tmp:
            archives = [os.path.join(tmp, "a.warc.gz"), os.path.join(tmp, "b.warc.gz")]
            warc(archives[0], 0, 40)
            warc(archives[1], 100, 30)
            paths = os.path.join(tmp, "paths.txt")
            with open(paths, "w") as f:
                f.write("\n".join(archives) + "\n")

            expected = {}
            started = time.time()
            for archive in archives:
                cli = subprocess.run([GLEANER, "--jobs", "1", "-q", archive],
                                     capture_output=True, check=False)
                expected[archive] = [json.loads(l) for l in cli.stdout.splitlines()]
            cli_seconds = time.time() - started

            spark = (SparkSession.builder.master("local[2]").appName("gleaner-test")
                     .config("spark.ui.enabled", "false").getOrCreate())
            try:
                output = os.path.join(tmp, "out.parquet")
                started = time.time()
                gleaner_job.run(spark, paths, output, gleaner=GLEANER)
                spark_seconds = time.time() - started
                rows = [r.asDict() for r in spark.read.parquet(output).collect()]
            finally:
                spark.stop()

            for archive in archives:
                got = [r for r in rows if r["warc_file"] == archive and r["status"] == "ok"]
                got.sort(key=lambda r: int(r["url"].rsplit("/", 1)[1]))
                want = expected[archive]
                self.assertEqual(len(got), len(want))
                for row, line in zip(got, want):
                    for key in ["url", "title", "text", "warc_date", "warc_record_id"]:
                        self.assertEqual(row[key], line[key], key)
                    self.assertEqual(json.loads(row["blocks"]), line["blocks"])
                errors = [r for r in rows if r["warc_file"] == archive and r["status"] == "error"]
                self.assertTrue(errors and all("no article" in r["error"] for r in errors))
            print(f"CLI {cli_seconds:.2f} s, Spark local[2] job {spark_seconds:.2f} s "
                  f"(start-up included)", file=sys.stderr)


if __name__ == "__main__":
    unittest.main()
