"""Runs gleaner over web archives on Apache Spark and writes the articles as Parquet.

Input: a text file listing WARC paths, one per line (blank lines and `#` comments skipped; read
by the driver when local, else with Spark's `textFile`; a gzipped list such as Common Crawl's
`warc.paths.gz` is decompressed on the fly, and `--prefix` turns its relative paths into URIs). One Spark task per archive streams
it through the `gleaner` binary in its WARC mode: gleaner reads the records, Python only sees
gleaner's answers, one JSON line at a time, never a whole archive. Every answer becomes a row with
gleaner's JSON schema as columns. A record that fails (no article, unreadable page, damaged
archive) becomes a row too, with `status` and `error` (the manifest's fields), instead of failing
the task; an archive that cannot be read at all gives one error row.

Reruns overwrite the output deterministically: one partition per archive in list order, rows in a
fixed order within it (the archive's articles in archive order, then its failures in archive
order; gleaner names failures on stderr without their position, so they cannot be interleaved),
numbered by `record`.

    spark-submit --files target/release/gleaner spark/gleaner_job.py \
        --paths warc.paths --output out/articles.parquet [--jsonl out/articles.jsonl]

Paths may be local (`/data/x.warc.gz`, `file:///...`); other URIs (`s3://`, `hdfs://`,
`https://`...) are copied to the task's local disk first, with `fsspec` when it is installed
(`s3fs` for S3), else `urllib` for http(s) and `boto3` for S3.
"""

import argparse
import gzip
import json
import os
import shutil
import stat
import subprocess
import tempfile

STRING_COLUMNS = [
    "url", "title", "published", "modified", "date_source", "site_name", "section", "language",
    "language_detected", "description", "canonical_url", "short_url", "image", "license",
    "page_type", "credits", "source", "text", "warc_date", "warc_record_id",
]
LIST_COLUMNS = ["authors", "tags"]
JSON_COLUMNS = ["blocks", "captions"]
RUN_COLUMNS = ["warc_file", "status", "error", "extra"]
COLUMNS = STRING_COLUMNS + LIST_COLUMNS + JSON_COLUMNS + RUN_COLUMNS + ["record"]
# Keys of gleaner's answers that the row carries elsewhere (status is recomputed).
DROPPED_KEYS = ["status"]


def schema():
    from pyspark.sql.types import (ArrayType, IntegerType, StringType, StructField,
                                   StructType)

    fields = [StructField(c, StringType()) for c in STRING_COLUMNS]
    fields += [StructField(c, ArrayType(StringType())) for c in LIST_COLUMNS]
    fields += [StructField(c, StringType()) for c in JSON_COLUMNS + RUN_COLUMNS]
    fields.append(StructField("record", IntegerType()))
    return StructType(fields)


def article_row(record, warc_file):
    """One of gleaner's JSON lines as a row (unknown keys go to `extra` as JSON)."""
    row = {c: record.pop(c, None) for c in STRING_COLUMNS}
    row.update({c: record.pop(c, None) or [] for c in LIST_COLUMNS})
    row.update({c: json.dumps(record.pop(c, None), ensure_ascii=False) for c in JSON_COLUMNS})
    for key in DROPPED_KEYS:
        record.pop(key, None)
    row.update(warc_file=warc_file, status="ok", error=None)
    row["extra"] = json.dumps(record, ensure_ascii=False, sort_keys=True) if record else None
    return row


def error_row(warc_file, url, message):
    """A failed record (or archive, `url` None): status `no-article` or `error`, as in the
    manifest."""
    row = {c: None for c in STRING_COLUMNS + JSON_COLUMNS + RUN_COLUMNS}
    row.update({c: [] for c in LIST_COLUMNS})
    status = "no-article" if message.startswith("no article found") else "error"
    row.update(url=url, warc_file=warc_file, status=status, error=message)
    return row


def parse_stderr_line(line, archive):
    """gleaner names a failed record `gleaner: ARCHIVE: URI: message`, the archive itself
    `gleaner: ARCHIVE: message`. Returns (url or None, message) or None for other lines."""
    prefix = f"gleaner: {archive}: "
    if not line.startswith(prefix):
        return None
    rest = line[len(prefix):]
    head, sep, message = rest.partition(": ")
    if sep and "://" in head and " " not in head:
        return head, message
    return None, rest


def local_copy(path, directory):
    """A local path for `path`: itself when local, else a streamed copy in `directory`."""
    if path.startswith("file://"):
        return path[len("file://"):]
    if "://" not in path:
        return path
    target = os.path.join(directory, os.path.basename(path.rstrip("/")) or "input.warc")
    try:
        import fsspec
    except ImportError:
        fsspec = None
    if fsspec is not None:
        with fsspec.open(path, "rb") as source, open(target, "wb") as sink:
            shutil.copyfileobj(source, sink, 1 << 20)
    elif path.startswith(("http://", "https://")):
        import urllib.request

        with urllib.request.urlopen(path, timeout=300) as source, open(target, "wb") as sink:
            shutil.copyfileobj(source, sink, 1 << 20)
    elif path.startswith(("s3://", "s3a://")):
        import boto3

        bucket, _, key = path.split("://", 1)[1].partition("/")
        boto3.client("s3").download_file(bucket, key, target)
    else:
        raise ValueError(f"no reader for {path} (install fsspec)")
    return target


def archive_rows(path, gleaner):
    """Streams one archive through gleaner; yields its rows (articles, then failures)."""
    with tempfile.TemporaryDirectory(prefix="gleaner-") as directory:
        try:
            local = local_copy(path, directory)
        except Exception as e:  # noqa: BLE001 - any copy failure is a row, not a task failure
            yield error_row(path, None, f"cannot read archive: {e}")
            return
        # stderr goes to a file: a pipe read after stdout could fill up and block gleaner.
        with open(os.path.join(directory, "stderr"), "w+", encoding="utf-8",
                  errors="replace") as stderr:
            process = subprocess.Popen(
                [gleaner, "--jobs", "1", "--quiet", "--format", "jsonl", local],
                stdout=subprocess.PIPE, stderr=stderr, bufsize=1 << 16,
            )
            for line in process.stdout:
                if line.strip():
                    yield article_row(json.loads(line), path)
            code = process.wait()
            stderr.seek(0)
            for line in stderr:
                parsed = parse_stderr_line(line.rstrip("\n"), local)
                if parsed is not None:
                    yield error_row(path, parsed[0], parsed[1])
            if code not in (0, 1):
                yield error_row(path, None, f"gleaner exited with {code}")


def process_archive(path, gleaner):
    """The rows of one archive as tuples in `COLUMNS` order, numbered in their order
    (`record`)."""
    for number, row in enumerate(archive_rows(path, gleaner)):
        row["record"] = number
        yield tuple(row[c] for c in COLUMNS)


def gleaner_binary(given):
    """The binary's path on this executor: `given`, else the copy shipped with `--files`."""
    if given:
        return given
    from pyspark import SparkFiles

    shipped = SparkFiles.get("gleaner")
    mode = os.stat(shipped).st_mode
    if not mode & stat.S_IXUSR:  # some cluster managers drop the executable bit
        os.chmod(shipped, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return shipped


def read_paths(spark, paths_file, prefix=""):
    """The listed paths. A local list is read by the driver (executors may not see it), a remote
    one with `textFile`; both are gunzipped when named `.gz`."""
    if "://" not in paths_file or paths_file.startswith("file://"):
        local = paths_file[len("file://"):] if paths_file.startswith("file://") else paths_file
        opener = gzip.open if local.endswith(".gz") else open
        with opener(local, "rt", encoding="utf-8") as f:
            lines = f.read().splitlines()
    else:
        lines = spark.sparkContext.textFile(paths_file).collect()
    return [prefix + p.strip() for p in lines if p.strip() and not p.strip().startswith("#")]


def run(spark, paths_file, output, jsonl=None, gleaner=None, prefix=""):
    """Runs the job; `gleaner` is the binary's path on every executor (default: SparkFiles)."""
    # Executors unpickle the task functions by module name: ship this module to them.
    spark.sparkContext.addPyFile(os.path.abspath(__file__))
    paths = read_paths(spark, paths_file, prefix)
    binary = gleaner
    rdd = spark.sparkContext.parallelize(paths, max(1, len(paths))).mapPartitions(
        lambda part: (row for path in part for row in process_archive(path, gleaner_binary(binary)))
    )
    # Rows are built to the schema here: Spark's per-row verification would only cost time.
    spark.createDataFrame(rdd, schema(), verifySchema=False).write.mode("overwrite").parquet(output)
    if jsonl:
        copy_jsonl(spark, output, jsonl)


def copy_jsonl(spark, parquet, jsonl):
    """Writes the Parquet output again as JSON Lines (a copy, not a second pass through
    gleaner)."""
    spark.read.parquet(parquet).write.mode("overwrite").json(jsonl)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paths", required=True,
                        help="text file listing WARC paths (may be gzipped, e.g. warc.paths.gz)")
    parser.add_argument("--prefix", default="",
                        help="prepended to every listed path, e.g. s3a://commoncrawl/")
    parser.add_argument("--output", required=True, help="Parquet output directory")
    parser.add_argument("--jsonl", help="also write JSON Lines here")
    parser.add_argument("--gleaner", help="gleaner binary (default: shipped with --files)")
    args = parser.parse_args()
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("gleaner").getOrCreate()
    run(spark, args.paths, args.output, args.jsonl, args.gleaner, args.prefix)
    spark.stop()


if __name__ == "__main__":
    main()
