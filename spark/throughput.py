"""Measures the Spark job's throughput against the plain CLI on the same archives and prints
records/s per core for both, by wall time and by CPU time.

    python spark/throughput.py [--gleaner target/release/gleaner] \
        [--pages ../shared/corpus/scrapinghub/html] [--records 1500] [--runs 3]

It writes two `.warc.gz` archives of `--records` records each from the pages (corpus pages by
default: real-sized records), runs `gleaner --jobs 2` on them, then the job in Spark `local[2]`
once untimed (JVM start-up and JIT warm-up, as a cluster pays once per executor) and `--runs`
times timed. Needs what the test needs (spark/requirements.txt, Java 17).

What is measured, per run:

- wall time: records / wall seconds / 2 cores. Noisy when other work shares the cores, so the
  machine's load is printed too (load average, and the share of the machine's CPU time that was
  not ours during the run, from /proc/stat).
- CPU time: records per CPU-second, which does not depend on the other work. For the CLI, the
  CPU time of gleaner. For Spark, of the whole process tree (from /proc), split into the JVM
  (scheduling, Arrow to rows, the Parquet writer), the Python workers (reading gleaner's output
  into Arrow batches) and gleaner itself (the workers' reaped children).
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gleaner_job  # noqa: E402
from test_gleaner_job import fixture_pages, write_warc  # noqa: E402

CORES = 2
TICK = os.sysconf("SC_CLK_TCK")


def processes():
    """{pid: (parent, command, own CPU s, reaped children's CPU s)} of every process."""
    found = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                head, tail = f.read().rsplit(")", 1)
        except OSError:
            continue
        fields = tail.split()
        # After the command: state ppid ... utime(11) stime(12) cutime(13) cstime(14).
        own = (int(fields[11]) + int(fields[12])) / TICK
        children = (int(fields[13]) + int(fields[14])) / TICK
        found[int(pid)] = (int(fields[1]), head.split("(", 1)[1], own, children)
    return found


def tree(root, table):
    """`root` and its descendants in `table`."""
    members, grew = {root}, True
    while grew:
        grew = False
        for pid, (parent, *_rest) in table.items():
            if parent in members and pid not in members:
                members.add(pid)
                grew = True
    return members & set(table)


def spark_cpu(jvm, before, after):
    """CPU seconds spent between two `processes()` snapshots by the JVM `jvm` and its
    descendants: {"JVM", "Python", "gleaner"}. A Python worker's reaped children are the gleaner
    runs; a worker that exited in between counts as Python (its gleaner time included)."""
    cpu = {"JVM": 0.0, "Python": 0.0, "gleaner": 0.0}
    for pid in tree(jvm, after):
        _, command, own, children = after[pid]
        was = before.get(pid, (None, command, 0.0, 0.0))
        own, children = own - was[2], children - was[3]
        if pid == jvm:
            cpu["JVM"] += own + children
        elif command.startswith("python"):
            daemon = after.get(after[pid][0], (None, ""))[1].startswith("java")
            cpu["Python"] += own + (children if daemon else 0.0)
            cpu["gleaner"] += 0.0 if daemon else children
        else:  # gleaner still running (it should not be, after the job)
            cpu["gleaner"] += own + children
    return cpu


def machine_busy():
    """(busy, total) CPU ticks of the whole machine so far (/proc/stat)."""
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def others_share(start, end, ours):
    """The share of the machine's CPU time used by other processes between two
    `machine_busy()` readings, `ours` CPU seconds being ours."""
    busy = (end[0] - start[0]) / TICK
    total = (end[1] - start[1]) / TICK
    return max(0.0, busy - ours) / total if total else 0.0


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gleaner", default=os.path.join(ROOT, "target", "release", "gleaner"))
    parser.add_argument("--pages", default=os.path.join(ROOT, "..", "shared", "corpus",
                                                        "scrapinghub", "html"),
                        help="folder of .html/.html.gz pages ('fixtures': the fixture pages)")
    parser.add_argument("--records", type=int, default=1500, help="records per archive")
    parser.add_argument("--runs", type=int, default=3, help="timed Spark runs")
    args = parser.parse_args()
    gleaner = os.path.abspath(args.gleaner)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    with tempfile.TemporaryDirectory(prefix="gleaner-throughput-") as tmp:
        pages = fixture_pages(args.pages)
        archives = [os.path.join(tmp, f"{n}.warc.gz") for n in "ab"]
        for n, archive in enumerate(archives):
            write_warc(archive, pages, n * args.records, args.records)
        paths = os.path.join(tmp, "warc.paths")
        with open(paths, "w") as f:
            f.write("\n".join(archives) + "\n")
        size = sum(len(body) for _, body in pages) / len(pages) / 1024
        print(f"{len(archives)} archives x {args.records} records from {len(pages)} pages "
              f"(mean {size:.0f} KB of HTML)", flush=True)

        spark = (SparkSession.builder.master(f"local[{CORES}]").appName("gleaner-throughput")
                 .config("spark.ui.enabled", "false")
                 .config("spark.ui.showConsoleProgress", "false").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        jvm = spark.sparkContext._gateway.proc.pid
        output = os.path.join(tmp, "out.parquet")
        try:
            gleaner_job.run(spark, paths, output, gleaner=gleaner)  # warm-up, untimed
            results = []

            def measure_cli():
                rusage = resource.getrusage(resource.RUSAGE_CHILDREN)
                machine, started, loads = machine_busy(), time.perf_counter(), load()
                cli = subprocess.run([gleaner, "--jobs", str(CORES), "--quiet", *archives],
                                     capture_output=True, check=False)
                wall = time.perf_counter() - started
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - rusage.ru_utime) + (after.ru_stime - rusage.ru_stime)
                answered = cli.stdout.count(b"\n") + sum(
                    gleaner_job.parse_stderr_line(line, a) is not None
                    for line in cli.stderr.decode().splitlines() for a in archives)
                others = others_share(machine, machine_busy(), cpu)
                results.append(("CLI --jobs 2", answered, wall, {"gleaner": cpu}, loads, others))

            def measure_spark(number):
                before, machine = processes(), machine_busy()
                started, loads = time.perf_counter(), load()
                gleaner_job.run(spark, paths, output, gleaner=gleaner)
                wall = time.perf_counter() - started
                cpu = spark_cpu(jvm, before, processes())
                others = others_share(machine, machine_busy(), sum(cpu.values()))
                rows = spark.read.parquet(output).count()
                results.append((f"Spark run {number}", rows, wall, cpu, loads, others))

            # CLI runs interleaved with the Spark runs: both see the same changing load.
            measure_cli()
            for number in range(1, args.runs + 1):
                measure_spark(number)
                measure_cli()
        finally:
            spark.stop()

    print(f"records/s per core ({CORES} cores) by wall time, and records per CPU-second:")
    for name, count, wall, cpu, loads, others in results:
        parts = ", ".join(f"{k} {v:.1f}" for k, v in cpu.items())
        print(f"  {name:13} {count} records  wall {wall:5.1f} s = {count / wall / CORES:4.0f}/s "
              f"per core  CPU {sum(cpu.values()):5.1f} s ({parts}) = "
              f"{count / sum(cpu.values()):4.0f}/CPU-s  load {loads}, others {others:.0%}",
              flush=True)
    # Each Spark run against the mean of the CLI runs just before and after it (the same load).
    rates = [(r[1] / r[2], r[1] / sum(r[3].values())) for r in results]
    for n in range(1, len(results), 2):
        name, count, wall, cpu, *_ = results[n]
        cli_wall = (rates[n - 1][0] + rates[n + 1][0]) / 2
        cli_cpu = (rates[n - 1][1] + rates[n + 1][1]) / 2
        print(f"  {name}: Spark/CLI {rates[n][0] / cli_wall:.2f} by wall time, "
              f"{rates[n][1] / cli_cpu:.2f} by CPU time; gleaner's share of Spark's CPU "
              f"{cpu['gleaner'] / sum(cpu.values()):.0%} (target 0.70)", flush=True)


if __name__ == "__main__":
    main()
