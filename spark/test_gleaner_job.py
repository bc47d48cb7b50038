"""Runs spark/gleaner_job.py in Spark local mode (`local[2]`) over two web archives made here from
the repository's fixture pages, and checks the Parquet output against the plain `gleaner` CLI on
the same archives, record for record; then reruns the job (same output, overwritten), resumes it
(only a missing file rewritten) and copies it to JSON Lines.

    python spark/test_gleaner_job.py [--gleaner target/release/gleaner] [--records 600] \
        [--pages ../shared/corpus/scrapinghub/html]

(`GLEANER=...` works too.) Needs spark/requirements.txt and Java 17. The last line printed is
`N passed, N failed`; the exit code is non-zero on any failure. The throughput is measured by
spark/throughput.py.
"""

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gleaner_job  # noqa: E402

CORES = 2
NO_ARTICLE = (b"<html><head><title>Index</title></head><body><nav><a href='/a'>Alpha</a> "
              b"<a href='/b'>Beta</a> <a href='/c'>Gamma</a></nav></body></html>")


def fixture_pages(folder=None):
    """(name, bytes) of every fixtures/*/source.html: realistic pages in several languages; or
    of every *.html / *.html.gz file in `folder` (e.g. ../shared/corpus/scrapinghub/html) unless
    it is `fixtures`."""
    if folder and folder != "fixtures":
        pages = []
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if name.endswith(".html.gz"):
                with gzip.open(path) as f:
                    pages.append((name[: -len(".html.gz")], f.read()))
            elif name.endswith(".html"):
                with open(path, "rb") as f:
                    pages.append((name[: -len(".html")], f.read()))
        return pages
    pages = []
    folder = os.path.join(ROOT, "fixtures")
    for name in sorted(os.listdir(folder)):
        source = os.path.join(folder, name, "source.html")
        if os.path.isfile(source):
            with open(source, "rb") as f:
                pages.append((name, f.read()))
    return pages


def record_id(i):
    return f"<urn:uuid:00000000-0000-4000-8000-{i:012d}>"


def warc_member(i, url, http):
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Date: 2024-03-05T12:{i % 60:02d}:00Z\r\nWARC-Record-ID: {record_id(i)}\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return gzip.compress(head + http + b"\r\n\r\n", compresslevel=1)


def write_warc(path, pages, first, count, truncated=False):
    """A .warc.gz of `count` response records (one gzip member each, as Common Crawl writes
    them): fixture pages, every 11th a page without an article, every 23rd a 404 and every 31st
    an image (both skipped by gleaner). `truncated` ends it with half a record."""
    with open(path, "wb") as out:
        for i in range(first, first + count):
            name, body = pages[i % len(pages)]
            status, kind = "200 OK", "text/html"
            if i % 11 == 5:
                name, body = "index", NO_ARTICLE
            elif i % 23 == 7:
                status, body = "404 Not Found", b"<html><body>Not found</body></html>"
            elif i % 31 == 9:
                kind, body = "image/png", b"\x89PNG\r\n\x1a\n...."
            http = (f"HTTP/1.1 {status}\r\nContent-Type: {kind}\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n").encode() + body
            out.write(warc_member(i, f"https://news{i % 7}.example/{name}/{i}.html", http))
        if truncated:
            member = warc_member(first + count, "https://news.example/cut.html",
                                 b"HTTP/1.1 200 OK\r\n\r\n" + pages[0][1])
            out.write(member[: len(member) // 2])


def without_nulls(value):
    """`value` with null members of its objects left out, at every level (Parquet has a null
    where gleaner leaves a key out)."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def normalized(record):
    """A gleaner answer without empty values and its status (the row keeps it elsewhere)."""
    return {k: without_nulls(v) for k, v in record.items()
            if v not in (None, [], "") and k != "status"}


def first_difference(got, want):
    """The first record that differs, as its number and the (key, JSON value) pairs that are
    not in both; None when none does."""
    for number, (g, w) in enumerate(zip(got, want)):
        g = {(k, json.dumps(v, sort_keys=True)) for k, v in g.items()}
        w = {(k, json.dumps(v, sort_keys=True)) for k, v in w.items()}
        if g != w:
            return f"record {number}: {sorted(g ^ w)}"
    return None


def row_as_record(row):
    """Rebuilds the gleaner JSON object a Parquet row (`asDict(recursive=True)`) was made
    from."""
    fields = (gleaner_job.STRING_COLUMNS + gleaner_job.LIST_COLUMNS
              + gleaner_job.NESTED_COLUMNS)
    record = {c: row[c] for c in fields}
    if row["extra"]:
        record.update(json.loads(row["extra"]))
    return normalized(record)


def run_cli(gleaner, archives, split):
    """gleaner over the archives on CORES cores: (records by archive, failures by archive as
    (url, message)). Records numbered below `split` are in the first."""
    cli = subprocess.run([gleaner, "--jobs", str(CORES), "--quiet", *archives],
                         capture_output=True, check=False)
    records = {a: [] for a in archives}
    for line in cli.stdout.decode().splitlines():
        record = json.loads(line)
        index = int(record["warc_record_id"].rstrip(">").rsplit("-", 1)[1])
        records[archives[0] if index < split else archives[1]].append(record)
    failures = {a: [] for a in archives}
    for line in cli.stderr.decode().splitlines():
        for archive in archives:
            parsed = gleaner_job.parse_stderr_line(line, archive)
            if parsed is not None:
                failures[archive].append(parsed)
    return records, failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gleaner", default=os.environ.get(
        "GLEANER", os.path.join(ROOT, "target", "release", "gleaner")))
    parser.add_argument("--records", type=int, default=600, help="records per archive")
    parser.add_argument("--pages", help="folder of .html/.html.gz pages (default: fixtures)")
    args = parser.parse_args()
    gleaner = os.path.abspath(args.gleaner)
    passed = failed = 0

    def check(name, ok, detail=""):
        nonlocal passed, failed
        passed, failed = passed + bool(ok), failed + (not ok)
        print(f"{'ok  ' if ok else 'FAIL'}  {name}{'' if ok else ': ' + str(detail)[:600]}",
              flush=True)

    # Without Spark: keys the schema does not name, and answers that do not fit it.
    batch = gleaner_job.answers_batch(b'{"title": "T", "novel": {"a": 1}, "status": "ok"}\n',
                                      "w.warc.gz", 5).to_pylist()
    check("a key the schema does not name goes to `extra`", batch == [dict(
        {c: None for c in gleaner_job.COLUMNS}, title="T", warc_file="w.warc.gz", status="ok",
        extra='{"novel": {"a": 1}}', record=5)], batch)
    block = gleaner_job.answers_batch(b'{"blocks": [{"type": "paragraph", "novel": 1, "spans": '
                                      b'[{"text": "x"}]}]}\n', "w.warc.gz", 0).to_pylist()
    check("a key inside a block that the schema does not name is dropped, the block kept",
          without_nulls(block[0]["blocks"]) == [{"type": "paragraph", "spans": [{"text": "x"}]}],
          block[0]["blocks"])
    lines = b'{"title": "A"}\n{"url": "https://x.example/", "authors": "Ann"}\n{"title": "C"}\n'
    batches = list(gleaner_job.lines_batches(lines, "w.warc.gz", 0))
    got = [(r["record"], r["title"], r["url"], r["status"])
           for b in batches for r in b.to_pylist()]
    check("an answer that does not fit the schema is an error row in its place", got == [
        (0, "A", None, "ok"), (1, None, "https://x.example/", "error"), (2, "C", None, "ok")], got)

    from pyspark.sql import SparkSession

    # The Python workers need this interpreter's packages (pyarrow): not whatever `python3` is.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    with tempfile.TemporaryDirectory(prefix="gleaner-spark-") as tmp:
        pages = fixture_pages(args.pages)
        archives = [os.path.join(tmp, "a.warc.gz"), os.path.join(tmp, "b.warc.gz")]
        write_warc(archives[0], pages, 0, args.records)
        write_warc(archives[1], pages, args.records, args.records, truncated=True)
        missing = os.path.join(tmp, "missing.warc.gz")
        paths = os.path.join(tmp, "warc.paths")
        with open(paths, "w") as f:
            f.write("# two test archives and one that does not exist\n")
            f.write("\n".join(archives + [missing]) + "\n\n")

        expected, failures = run_cli(gleaner, archives, args.records)
        check("the CLI answers records and names failures",
              all(expected[a] for a in archives) and all(failures[a] for a in archives),
              {a: (len(expected[a]), len(failures[a])) for a in archives})

        spark = (SparkSession.builder.master(f"local[{CORES}]").appName("gleaner-test")
                 .config("spark.ui.enabled", "false")
                 .config("spark.ui.showConsoleProgress", "false").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        try:
            output = os.path.join(tmp, "out.parquet")
            gleaner_job.run(spark, paths, output, gleaner=gleaner)
            rows = [r.asDict(recursive=True) for r in spark.read.parquet(output).collect()]
            order = {path: n for n, path in enumerate(archives + [missing])}
            rows.sort(key=lambda r: (order[r["warc_file"]], r["record"]))
            parts = [n for n in os.listdir(output) if not n.startswith((".", "_"))]
            check("one Parquet file per archive, no other file", len(parts) == 3
                  and all(n.startswith("part-") for n in parts), sorted(os.listdir(output)))

            for archive in archives:
                name = os.path.basename(archive)
                mine = [r for r in rows if r["warc_file"] == archive]
                check(f"{name}: rows numbered 0..n-1 in order",
                      [r["record"] for r in mine] == list(range(len(mine))))
                got = [row_as_record(r) for r in mine if r["status"] == "ok"]
                want = [normalized(r) for r in expected[archive]]
                diff = first_difference(got, want)
                check(f"{name}: articles equal the CLI's, record for record, in archive order, "
                      "blocks and spans included",
                      len(got) == len(want) and diff is None,
                      f"{len(got)} rows, {len(want)} CLI records; {diff}")
                errors = [(r["url"], r["error"]) for r in mine if r["status"] != "ok"]
                check(f"{name}: failures are rows (url, error) as the CLI names them, in order",
                      errors == failures[archive], f"{errors[:3]} != {failures[archive][:3]}")
                statuses = {r["status"] for r in mine if r["status"] != "ok"}
                check(f"{name}: failure statuses are the manifest's",
                      "no-article" in statuses and statuses <= {"no-article", "error"}, statuses)
            damaged = [r for r in rows if r["warc_file"] == archives[1] and r["url"] is None]
            check("the truncated archive gives an error row (url null), its records kept",
                  len(damaged) == 1 and damaged[0]["status"] == "error", damaged)
            lost = [r for r in rows if r["warc_file"] == missing]
            check("an unreadable archive is one error row, not a failed job",
                  len(lost) == 1 and lost[0]["status"] == "error" and lost[0]["error"], lost)

            # A rerun overwrites the output with the same rows (a file of an earlier list goes); the
            # JSON Lines copy matches.
            stale = os.path.join(output, "part-99999-000000000000.parquet")
            shutil.copy(os.path.join(output, sorted(parts)[0]), stale)
            gleaner_job.run(spark, paths, output, gleaner=gleaner)
            again = [r.asDict(recursive=True) for r in spark.read.parquet(output).collect()]
            again.sort(key=lambda r: (order[r["warc_file"]], r["record"]))
            check("a rerun overwrites the output with the same rows", again == rows
                  and not os.path.exists(stale), f"{len(again)} rows, {len(rows)} before")
            # --resume skips the archives whose file is there: only a removed one is rewritten.
            stamps = {n: os.stat(os.path.join(output, n)).st_mtime_ns for n in parts}
            removed = sorted(parts)[1]
            os.remove(os.path.join(output, removed))
            written = gleaner_job.run(spark, paths, output, gleaner=gleaner, resume=True)
            redone = [w[1] for w in written if w[2] is not None]
            check("--resume writes only the archive whose file is missing", redone == [removed],
                  redone)
            check("--resume leaves the other files alone",
                  all(os.stat(os.path.join(output, n)).st_mtime_ns == t
                      for n, t in stamps.items() if n != removed), stamps)
            resumed = [r.asDict(recursive=True) for r in spark.read.parquet(output).collect()]
            resumed.sort(key=lambda r: (order[r["warc_file"]], r["record"]))
            check("a resumed run gives the same rows", resumed == rows,
                  f"{len(resumed)} rows, {len(rows)} before")
            jsonl = os.path.join(tmp, "out.jsonl")
            gleaner_job.copy_jsonl(spark, output, jsonl)
            copied = {(r["warc_file"], r["record"]): r["text"]
                      for r in spark.read.json(jsonl).collect()}
            check("the JSON Lines copy has every row",
                  copied == {(r["warc_file"], r["record"]): r["text"] for r in rows},
                  f"{len(copied)} lines, {len(rows)} rows")
        finally:
            spark.stop()

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
