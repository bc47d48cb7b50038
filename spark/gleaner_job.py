"""Runs gleaner over web archives on Apache Spark and writes the articles as Parquet.

Input: a text file listing WARC paths, one per line (blank lines and `#` comments skipped; read
by the driver when local, else with Spark's `textFile`; a gzipped list such as Common Crawl's
`warc.paths.gz` is decompressed on the fly, and `--prefix` turns its relative paths into URIs).
One Spark task per archive streams it through the `gleaner` binary in its WARC mode: gleaner
reads the records, Python only sees gleaner's JSON Lines, a few MB at a time, never a whole
archive. pyarrow's JSON reader turns each chunk of lines into an Arrow record batch (an explicit
schema: gleaner's JSON schema, nested blocks and spans included) and pyarrow's Parquet writer
appends it to the archive's own Parquet file: no Python object and no JVM row per record. A
record that fails (no article, unreadable page, damaged archive) becomes a row too, with
`status` and `error` (the manifest's fields), instead of failing the task; an archive that
cannot be read at all gives one error row.

Output: one file per archive, `part-NNNNN-HASH.parquet` (list position, hash of the path),
written under a hidden name and renamed when whole. A run empties the output directory first;
`--resume` keeps it and skips the archives whose file exists (a crashed or stopped job goes on
where it was). Within a file the rows are in a fixed order (the archive's articles in archive
order, then its failures in archive order; gleaner names failures on stderr without their
position, so they cannot be interleaved), numbered by `record`.

    spark-submit --files target/release/gleaner spark/gleaner_job.py \
        --paths warc.paths --output out/articles.parquet [--jsonl out/articles.jsonl] [--resume]

Executors need pyarrow (spark/requirements.txt). The output directory must be one every
executor writes to (HDFS, S3, a shared disk; pyarrow's filesystems). Archive paths may be local
(`/data/x.warc.gz`, `file:///...`); other URIs (`s3://`, `hdfs://`, `https://`...) are copied
to the task's local disk first, with `fsspec` when it is installed (`s3fs` for S3), else
`urllib` for http(s) and `boto3` for S3.
"""

import argparse
import gzip
import hashlib
import io
import json
import os
import shutil
import stat
import subprocess
import tempfile
import time

STRING_COLUMNS = [
    "url", "title", "published", "modified", "date_source", "site_name", "section", "language",
    "language_detected", "description", "canonical_url", "short_url", "image", "license",
    "page_type", "credits", "source", "text", "warc_date", "warc_record_id",
]
LIST_COLUMNS = ["authors", "tags"]
NESTED_COLUMNS = ["captions", "blocks"]
RUN_COLUMNS = ["warc_file", "status", "error", "extra"]
COLUMNS = STRING_COLUMNS + LIST_COLUMNS + NESTED_COLUMNS + RUN_COLUMNS + ["record"]
# Keys of gleaner's answers that the row carries elsewhere (status is recomputed).
DROPPED_KEYS = ["status"]
# Bytes of gleaner's output read into one Arrow batch, which becomes one Parquet row group (a
# line longer than this makes a longer chunk: lines are never split). About 1,000 real-sized
# articles; the task holds one chunk and its batch at a time.
CHUNK_BYTES = 16 << 20


def article_fields():
    """gleaner's JSON schema as pyarrow fields (the article's keys, in `COLUMNS` order).
    Absent keys read as null; nested keys this schema does not name are dropped."""
    import pyarrow as pa

    string, flag, number = pa.string(), pa.bool_(), pa.int32()
    style = pa.struct([("emphasis", flag), ("strong", flag), ("code", flag)])
    span = pa.list_(pa.struct([("text", string), ("style", style), ("link", string),
                               ("image", string), ("line_break", flag)]))
    block = pa.struct([
        ("type", string), ("level", number), ("spans", span), ("ordered", flag),
        ("items", pa.list_(pa.struct([("depth", number), ("spans", span)]))),
        ("paragraphs", pa.list_(span)), ("text", string), ("language", string),
        ("rows", pa.list_(pa.struct([("header", flag), ("cells", pa.list_(string))]))),
        ("src", string), ("alt", string),
    ])
    caption = pa.struct([("text", string), ("credit", string), ("image", string)])
    fields = [pa.field(c, string) for c in STRING_COLUMNS]
    fields += [pa.field(c, pa.list_(string)) for c in LIST_COLUMNS]
    fields += [pa.field("captions", pa.list_(caption)), pa.field("blocks", pa.list_(block))]
    return fields


def arrow_schema():
    """The output rows' Arrow schema: the article, then `RUN_COLUMNS` and `record`."""
    import pyarrow as pa

    run = [pa.field(c, pa.string()) for c in RUN_COLUMNS] + [pa.field("record", pa.int32())]
    return pa.schema(article_fields() + run)


def spark_type(arrow_type):
    """The Spark SQL type of an Arrow type of `arrow_schema` (strings, flags, int32, lists,
    structs; the walk follows the schema's few levels of nesting)."""
    import pyarrow as pa
    from pyspark.sql import types as T

    if pa.types.is_list(arrow_type):
        return T.ArrayType(spark_type(arrow_type.value_type))
    if pa.types.is_struct(arrow_type):
        return T.StructType([T.StructField(f.name, spark_type(f.type)) for f in arrow_type])
    if pa.types.is_boolean(arrow_type):
        return T.BooleanType()
    if pa.types.is_int32(arrow_type):
        return T.IntegerType()
    if pa.types.is_string(arrow_type):
        return T.StringType()
    raise TypeError(f"no Spark type for {arrow_type}")


def schema():
    """The output rows' Spark schema (`arrow_schema` in Spark's types)."""
    import pyarrow as pa

    return spark_type(pa.struct(list(arrow_schema())))


def answers_batch(data, warc_file, first):
    """Complete JSON lines of gleaner's answers as one Arrow record batch of `ok` rows, numbered
    from `first`. Top-level keys the schema does not name go to `extra` as JSON. Raises
    pyarrow's error when a line does not fit the schema."""
    import pyarrow as pa
    from pyarrow import json as pj

    fields = article_fields()
    table = pj.read_json(
        io.BytesIO(data),
        read_options=pj.ReadOptions(use_threads=False, block_size=max(len(data), 1 << 20)),
        parse_options=pj.ParseOptions(explicit_schema=pa.schema(fields),
                                      unexpected_field_behavior="infer"),
    )
    count = table.num_rows
    known = {f.name for f in fields} | set(DROPPED_KEYS)
    unknown = [c for c in table.column_names if c not in known]
    extra = [None] * count
    if unknown:  # rare (a newer gleaner): the only per-record Python work
        values = table.select(unknown).to_pylist()
        kept = [{k: v for k, v in row.items() if v is not None} for row in values]
        extra = [json.dumps(k, ensure_ascii=False, sort_keys=True) if k else None for k in kept]
    columns = [table.column(f.name).combine_chunks().cast(f.type) for f in fields]
    columns += [
        pa.array([warc_file] * count, pa.string()),
        pa.array(["ok"] * count, pa.string()),
        pa.nulls(count, pa.string()),
        pa.array(extra, pa.string()),
        pa.array(range(first, first + count), pa.int32()),
    ]
    return pa.RecordBatch.from_arrays(columns, schema=arrow_schema())


def rows_batch(rows, first):
    """Failure rows (dicts with some of `COLUMNS`) as one record batch numbered from
    `first`."""
    import pyarrow as pa

    for number, row in enumerate(rows, first):
        row["record"] = number
    return pa.RecordBatch.from_pylist(rows, schema=arrow_schema())


def error_row(warc_file, url, message):
    """A failed record (or archive, `url` None): status `no-article` or `error`, as in the
    manifest."""
    status = "no-article" if message.startswith("no article found") else "error"
    return {"url": url, "warc_file": warc_file, "status": status, "error": message}


def lines_batches(data, warc_file, first):
    """`answers_batch` of `data`; when a line does not fit the schema, line by line, each line
    that does not fit an error row in its place. Yields batches."""
    try:
        yield answers_batch(data, warc_file, first)
        return
    except Exception:  # noqa: BLE001 - pyarrow's parse errors have no common type to name
        pass
    for number, line in enumerate(l for l in data.splitlines(keepends=True) if l.strip()):
        try:
            yield answers_batch(line, warc_file, first + number)
        except Exception as e:  # noqa: BLE001 - one answer that does not fit is one row
            try:
                url = json.loads(line).get("url")
            except (ValueError, AttributeError):
                url = None
            message = f"answer does not fit the schema: {e}"
            yield rows_batch([error_row(warc_file, url, message)], first + number)


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


def archive_batches(path, gleaner):
    """Streams one archive through gleaner; yields its rows as Arrow record batches (articles,
    then failures), numbered from 0 in that order."""
    with tempfile.TemporaryDirectory(prefix="gleaner-") as directory:
        try:
            local = local_copy(path, directory)
        except Exception as e:  # noqa: BLE001 - any copy failure is a row, not a task failure
            yield rows_batch([error_row(path, None, f"cannot read archive: {e}")], 0)
            return
        # stderr goes to a file: a pipe read after stdout could fill up and block gleaner.
        with open(os.path.join(directory, "stderr"), "w+", encoding="utf-8",
                  errors="replace") as stderr:
            process = subprocess.Popen(
                [gleaner, "--jobs", "1", "--quiet", "--format", "jsonl", local],
                stdout=subprocess.PIPE, stderr=stderr,
            )
            count, pending = 0, b""
            while True:
                block = process.stdout.read(CHUNK_BYTES)
                data = pending + block
                cut = len(data) if not block else data.rfind(b"\n") + 1
                data, pending = data[:cut], data[cut:]
                if data.strip():
                    for batch in lines_batches(data, path, count):
                        count += batch.num_rows
                        yield batch
                if not block:
                    break
            code = process.wait()
            stderr.seek(0)
            failures = []
            for line in stderr:
                parsed = parse_stderr_line(line.rstrip("\n"), local)
                if parsed is not None:
                    failures.append(error_row(path, parsed[0], parsed[1]))
            if code not in (0, 1):
                failures.append(error_row(path, None, f"gleaner exited with {code}"))
            if failures:
                yield rows_batch(failures, count)


def part_name(index, path):
    """The Parquet file of the `index`th listed archive: the same name on every run of the same
    list (a reader sorting by name gets the list order)."""
    digest = hashlib.sha1(path.encode("utf-8")).hexdigest()[:12]
    return f"part-{index:05d}-{digest}.parquet"


def output_filesystem(output):
    """(pyarrow filesystem, path in it) for the output directory: a local path, `file://`,
    `s3://` (`s3a://` read as `s3://`), `hdfs://`, `gs://`..."""
    from pyarrow import fs

    if "://" not in output:
        return fs.LocalFileSystem(), os.path.abspath(output)
    if output.startswith("s3a://"):
        output = "s3://" + output[len("s3a://"):]
    return fs.FileSystem.from_uri(output)


def write_archive(index, path, output, gleaner, resume=False):
    """The task: streams archive `path` through gleaner into its own Parquet file in `output`,
    batch by batch (written under a hidden temporary name, renamed when complete, so a file
    under its final name is always whole). With `resume`, an archive whose file exists is
    skipped. Returns (path, file name, rows, ok rows), rows None when skipped."""
    import pyarrow.compute as pc
    from pyarrow import fs as pafs
    from pyarrow import parquet as pq

    filesystem, root = output_filesystem(output)
    name = part_name(index, path)
    final = f"{root}/{name}"
    if resume and filesystem.get_file_info(final).type == pafs.FileType.File:
        return path, name, None, None
    # A leading `_` hides the file from Parquet readers (Spark, pyarrow) until it is renamed.
    temporary = f"{root}/_temporary-{name}-{os.getpid()}-{time.time_ns()}"
    rows = ok = 0
    with filesystem.open_output_stream(temporary) as sink:
        with pq.ParquetWriter(sink, arrow_schema(), compression="snappy") as writer:
            for batch in archive_batches(path, gleaner_binary(gleaner)):
                writer.write_batch(batch)
                rows += batch.num_rows
                ok += pc.sum(pc.equal(batch.column(COLUMNS.index("status")), "ok")).as_py() or 0
    filesystem.move(temporary, final)
    return path, name, rows, ok


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


def run(spark, paths_file, output, jsonl=None, gleaner=None, prefix="", resume=False):
    """Runs the job; `gleaner` is the binary's path on every executor (default: SparkFiles).
    Without `resume` the output directory is emptied first; with it, archives whose file exists
    are skipped. Returns the tasks' (path, file name, rows, ok rows), in list order."""
    from pyarrow import fs as pafs

    # Executors unpickle the task functions by module name: ship this module to them.
    spark.sparkContext.addPyFile(os.path.abspath(__file__))
    paths = read_paths(spark, paths_file, prefix)
    filesystem, root = output_filesystem(output)
    if not resume:
        filesystem.delete_dir_contents(root, missing_dir_ok=True)
    filesystem.create_dir(root, recursive=True)
    # One task per archive, in list order; the tasks write the Parquet files themselves.
    listed = spark.sparkContext.parallelize(list(enumerate(paths)), max(1, len(paths)))
    written = listed.map(
        lambda item: write_archive(item[0], item[1], output, gleaner, resume)).collect()
    # Files left by failed task attempts (their retries wrote the archive again).
    for info in filesystem.get_file_info(pafs.FileSelector(root)):
        if info.base_name.startswith("_temporary-"):
            filesystem.delete_file(info.path)
    if jsonl:
        copy_jsonl(spark, output, jsonl)
    return written


def copy_jsonl(spark, parquet, jsonl):
    """Writes the Parquet output again as JSON Lines (a copy, not a second pass through
    gleaner)."""
    spark.read.schema(schema()).parquet(parquet).write.mode("overwrite").json(jsonl)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paths", required=True,
                        help="text file listing WARC paths (may be gzipped, e.g. warc.paths.gz)")
    parser.add_argument("--prefix", default="",
                        help="prepended to every listed path, e.g. s3a://commoncrawl/")
    parser.add_argument("--output", required=True, help="Parquet output directory")
    parser.add_argument("--jsonl", help="also write JSON Lines here")
    parser.add_argument("--gleaner", help="gleaner binary (default: shipped with --files)")
    parser.add_argument("--resume", action="store_true",
                        help="keep the output, skip the archives whose Parquet file exists")
    args = parser.parse_args()
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("gleaner").getOrCreate()
    written = run(spark, args.paths, args.output, args.jsonl, args.gleaner, args.prefix,
                  args.resume)
    done = [w for w in written if w[2] is not None]
    print(f"gleaner: {len(done)} archives written, {len(written) - len(done)} skipped, "
          f"{sum(w[2] for w in done)} rows, {sum(w[3] for w in done)} articles")
    spark.stop()


if __name__ == "__main__":
    main()
