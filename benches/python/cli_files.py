"""`servex nps FILE --response score --by region` on a Parquet and a CSV file, against
DuckDB counting the same file (`SELECT region, score, count(*) ... GROUP BY ALL`),
measured side by side in one run: wall time and peak memory (max RSS from
`/usr/bin/time -v`) of each, and their ratios.

    python benches/python/cli_files.py                 # 200,000,000 answers, 1,000 regions
    python benches/python/cli_files.py --quick         # 1,000,000 answers, one repetition (CI)
    python benches/python/cli_files.py --rows 50000000 --reps 3

Needs the `duckdb` package (`pip install duckdb`) and a release build of the command
line (`cargo build --release -p servex-cli`). The files are generated once by DuckDB
under `--dir` (region: text `r0`..`r999`, score: 0..10 as a TINYINT) and reused. Each
repetition runs servex and DuckDB on the same file one after the other; the median of
each is kept. DuckDB runs in a child Python process that times its own query (the
`query` column) so that its start-up and import are not counted against it; the
process's wall time is shown too. Each run's per-region counts are checked against
DuckDB's, so the quick mode is also a correctness check.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from typing import Dict, List, Tuple

import duckdb

DUCKDB_CHILD = """
import sys, time, json, duckdb
duckdb.sql("SET enable_progress_bar = false")
t = time.perf_counter()
rows = duckdb.sql(sys.argv[1]).fetchall()
elapsed = time.perf_counter() - t
counts = {}
for region, score, n in rows:
    counts[region] = counts.get(region, 0) + n
print(json.dumps({"seconds": elapsed, "counts": counts}))
"""


def generate(path: str, rows: int, groups: int, fmt: str) -> None:
    source = (
        f"SELECT 'r' || (hash(i) % {groups})::VARCHAR AS region, "
        f"(hash(i + 1000000000000) % 11)::TINYINT AS score FROM range({rows}) t(i)"
    )
    options = "FORMAT parquet, COMPRESSION snappy" if fmt == "parquet" else "FORMAT csv, HEADER"
    tmp = path + ".tmp"
    duckdb.sql("SET enable_progress_bar = false")
    duckdb.sql(f"COPY ({source}) TO '{tmp}' ({options})")
    os.replace(tmp, path)


def timed(command: List[str]) -> Tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (user + system), max RSS in MB and stdout of
    `command` under /usr/bin/time -v."""
    t = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if done.returncode != 0:
        sys.exit(f"{command[0]} failed: {done.stderr[-2000:]}")

    def figure(label: str) -> float:
        found = re.search(label + r": ([0-9.]+)", done.stderr)
        return float(found.group(1)) if found else float("nan")

    cpu = figure(r"User time \(seconds\)") + figure(r"System time \(seconds\)")
    return wall, cpu, figure(r"Maximum resident set size \(kbytes\)") / 1024, done.stdout


def servex_counts(text: str) -> Dict[str, int]:
    return {g["group"]: g["n"] for g in json.loads(text)["groups"]}


def main(argv: List[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="1,000,000 answers, one repetition (CI)")
    p.add_argument("--rows", type=int, default=200_000_000)
    p.add_argument("--groups", type=int, default=1_000)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--dir", default="/tmp/servex-cli-files")
    p.add_argument("--servex", default="target/release/servex")
    args = p.parse_args(argv)
    if args.quick:
        args.rows, args.reps = 1_000_000, 1
    os.makedirs(args.dir, exist_ok=True)
    print(f"{args.rows:,} answers, {args.groups:,} regions, median of {args.reps}; duckdb {duckdb.__version__}, {os.cpu_count()} CPUs")
    print(f"{'file':<9}{'size MB':>9}  {'case':<24}{'wall s':>8}{'CPU s':>8}{'query s':>9}{'max RSS MB':>12}{'DuckDB / servex':>17}")
    for fmt in ["parquet", "csv"]:
        path = os.path.join(args.dir, f"answers-{args.rows}-{args.groups}.{fmt}")
        if not os.path.exists(path):
            t = time.perf_counter()
            generate(path, args.rows, args.groups, fmt)
            print(f"  (generated {path} in {time.perf_counter() - t:.1f} s)")
        source = f"'{path}'" if fmt == "parquet" else f"read_csv('{path}')"
        query = f"SELECT region, score, count(*) FROM {source} GROUP BY ALL"
        servex_runs, duck_runs = [], []
        for _ in range(args.reps):
            wall, cpu, rss, out = timed([args.servex, "nps", path, "--response", "score", "--by", "region"])
            servex_runs.append((wall, cpu, rss))
            counts = servex_counts(out)
            d_wall, d_cpu, d_rss, d_out = timed([sys.executable, "-c", DUCKDB_CHILD, query])
            duck = json.loads(d_out)
            duck_runs.append((d_wall, d_cpu, duck["seconds"], d_rss))
            if counts != duck["counts"]:
                sys.exit(f"servex and DuckDB count {path} differently")
        s_wall, s_cpu = (statistics.median(r[i] for r in servex_runs) for i in (0, 1))
        s_rss = max(r[2] for r in servex_runs)
        d_wall, d_cpu, d_query = (statistics.median(r[i] for r in duck_runs) for i in (0, 1, 2))
        d_rss = max(r[3] for r in duck_runs)
        size = os.path.getsize(path) / 1e6
        print(f"{fmt:<9}{size:>9.0f}  {'servex nps (process)':<24}{s_wall:>8.2f}{s_cpu:>8.2f}{'':>9}{s_rss:>12.1f}{'1.00':>17}")
        ratio = f"{d_query / s_wall:.2f} ({d_wall / s_wall:.2f})"
        print(f"{'':<9}{'':>9}  {'DuckDB GROUP BY ALL':<24}{d_wall:>8.2f}{d_cpu:>8.2f}{d_query:>9.2f}{d_rss:>12.1f}{ratio:>17}")
    print("DuckDB / servex: DuckDB's query time over servex's wall time (in brackets: DuckDB's process); above 1, servex is faster")
    print("CPU s: user + system time of the process (DuckDB's includes Python's start and its two threads)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
