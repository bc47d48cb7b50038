"""Runs gleaner over web archives on Apache Spark and writes the articles as Parquet.

Input: a text file listing WARC paths (one per line). Each Spark task takes one archive and
streams it through the `gleaner` binary (its WARC mode: records are read by gleaner, never loaded
into Python); every answer becomes a row with gleaner's JSON schema as columns. A record that
fails becomes a row too, with `status` and `error` (the manifest's fields), instead of failing the
task; an archive that cannot be read gives one error row. Rerunning overwrites the output
(deterministic: one partition per archive, rows in archive order).

    spark-submit --files target/release/gleaner spark/gleaner_job.py \
        --paths warc.paths --output out/articles.parquet [--jsonl out/articles.jsonl]

Paths may be local (`/data/x.warc.gz`, `file:///...`); other URIs (`s3://`, `hdfs://`, `https://`)
are copied to the task's local disk first with `fsspec` when it is installed.
"""

import argparse
import json
import os
import shutil
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


def schema():
    from pyspark.sql.types import ArrayType, StringType, StructField, StructType

    fields = [StructField(c, StringType()) for c in STRING_COLUMNS]
    fields += [StructField(c, ArrayType(StringType())) for c in LIST_COLUMNS]
    fields += [StructField(c, StringType()) for c in JSON_COLUMNS + RUN_COLUMNS]
    return StructType(fields)


def article_row(record, warc_file):
    """One of gleaner's JSON lines as a row (unknown keys go to `extra` as JSON)."""
    row = {c: record.pop(c, None) for c in STRING_COLUMNS}
    row.update({c: record.pop(c, None) or [] for c in LIST_COLUMNS})
    row.update({c: json.dumps(record.pop(c, None), ensure_ascii=False) for c in JSON_COLUMNS})
    row.update(warc_file=warc_file, status="ok", error=None)
    row["extra"] = json.dumps(record, ensure_ascii=False, sort_keys=True) if record else None
    return row


def error_row(warc_file, url, message):
    row = {c: None for c in STRING_COLUMNS + JSON_COLUMNS + RUN_COLUMNS}
    row.update({c: [] for c in LIST_COLUMNS})
    row.update(url=url, warc_file=warc_file, status="error", error=message)
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
    """A local path for `path`, copying remote URIs with fsspec."""
    if path.startswith("file://"):
        return path[len("file://"):]
    if "://" not in path:
        return path
    import fsspec  # only needed for remote archives

    target = os.path.join(directory, os.path.basename(path))
    with fsspec.open(path, "rb") as source, open(target, "wb") as sink:
        shutil.copyfileobj(source, sink, 1 << 20)
    return target


def process_archive(path, gleaner):
    """Streams one archive through gleaner; yields rows in archive order."""
    with tempfile.TemporaryDirectory() as directory:
        try:
            local = local_copy(path, directory)
        except Exception as e:  # noqa: BLE001 - any copy failure is a row, not a task failure
            yield error_row(path, None, f"cannot read archive: {e}")
            return
        stderr_path = os.path.join(directory, "stderr")
        with open(stderr_path, "w+") as stderr:
            process = subprocess.Popen(
                [gleaner, "--jobs", "1", "--quiet", "--format", "jsonl", local],
                stdout=subprocess.PIPE, stderr=stderr,
            )
            for line in process.stdout:
                yield article_row(json.loads(line), path)
            code = process.wait()
            stderr.seek(0)
            for line in stderr:
                parsed = parse_stderr_line(line.rstrip("\n"), local)
                if parsed is not None:
                    yield error_row(path, parsed[0], parsed[1])
            if code not in (0, 1):
                yield error_row(path, None, f"gleaner exited with {code}")


def gleaner_binary(given):
    if given:
        return given
    from pyspark import SparkFiles

    return SparkFiles.get("gleaner")


def run(spark, paths_file, output, jsonl=None, gleaner=None):
    """Runs the job; `gleaner` is the binary's path on every executor (default: SparkFiles)."""
    # Executors unpickle the task functions by module name: ship this module to them.
    spark.sparkContext.addPyFile(os.path.abspath(__file__))
    paths = [p.strip() for p in spark.sparkContext.textFile(paths_file).collect() if p.strip()]
    binary = gleaner
    rdd = spark.sparkContext.parallelize(paths, max(1, len(paths))).mapPartitions(
        lambda part: (row for path in part for row in process_archive(path, gleaner_binary(binary)))
    )
    frame = spark.createDataFrame(rdd, schema())
    frame.write.mode("overwrite").parquet(output)
    if jsonl:
        frame.write.mode("overwrite").json(jsonl)
    return frame


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paths", required=True, help="text file listing WARC paths")
    parser.add_argument("--output", required=True, help="Parquet output directory")
    parser.add_argument("--jsonl", help="also write JSON Lines here")
    parser.add_argument("--gleaner", help="gleaner binary (default: shipped with --files)")
    args = parser.parse_args()
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("gleaner").getOrCreate()
    run(spark, args.paths, args.output, args.jsonl, args.gleaner)
    spark.stop()


if __name__ == "__main__":
    main()
