"""servex.tally on Spark (local mode) and on a Dask cluster, against what a data
engineer writes, on the same generated survey (a Parquet file), timed side by side in
one run and reported as ratios.

    python benches/python/engines.py                    # 20,000,000 answers, 1,000 groups
    python benches/python/engines.py --rows 5000000     # a smaller survey
    python benches/python/engines.py --quick            # tiny, one repetition (CI)

Spark: ``servex.tally(df, "nps", by="branch").nps()`` against the floor, the group-by
that any tally needs (``df.groupBy("branch", "nps").count().collect()``), and against
``applyInPandas`` with a pandas NPS per group. Dask (a LocalCluster of two worker
processes): the same tally against ``ddf.groupby("branch").apply`` with the same pandas
NPS. Every case is timed ``--reps`` times (the UDF routes at most 3 times), the cases
taking turns, and the median kept, after one untimed run of each. The scores of every route are checked to
agree first, so the quick mode is also a correctness check.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

import servex
from local_engines import start_dask, start_spark

# A timed case: its name in the ratios, what is printed, the call, the repetitions.
Case = Tuple[str, str, Callable[[], object], int]


def write_survey(path: Path, rows: int, groups: int, seed: int) -> None:
    """Answers 0..10 (int8), a branch 0..groups-1 (int32) and a design weight per row,
    in row groups of a million rows, written a row group at a time."""
    rng = np.random.default_rng(seed)
    chunk = 1_000_000
    writer = None
    for start in range(0, rows, chunk):
        k = min(chunk, rows - start)
        table = pa.table(
            {
                "nps": rng.integers(0, 11, k, dtype=np.int8),
                "branch": rng.integers(0, groups, k, dtype=np.int32),
                "weight": rng.uniform(0.2, 5.0, k),
            }
        )
        writer = writer or pq.ParquetWriter(str(path), table.schema)
        writer.write_table(table)
    if writer is not None:
        writer.close()


def pandas_nps(branch: Any, answers: pd.Series) -> pd.DataFrame:
    """What a UDF route computes per group: the NPS of the group's answers."""
    score = 100.0 * ((answers >= 9).mean() - (answers <= 6).mean())
    return pd.DataFrame({"branch": [int(branch)], "n": [len(answers)], "score": [score]})


def scores(result: Any) -> Dict[int, Tuple[int, float]]:
    return {label: (result.group(label).n, result.group(label).score) for label in result}


def agree(ours: Any, theirs: pd.DataFrame, route: str) -> None:
    expected = {int(b): (int(n), float(s)) for b, n, s in zip(theirs["branch"], theirs["n"], theirs["score"])}
    got = scores(ours)
    assert got.keys() == expected.keys(), route
    for b, (n, s) in got.items():
        assert n == expected[b][0] and abs(s - expected[b][1]) < 1e-9, (route, b, got[b], expected[b])


def nps_of(data: Any, weight: Optional[str] = None) -> Any:
    """servex: the engine counts per branch and answer, servex finishes."""
    return servex.tally(data, "nps", by="branch", weight=weight).nps()


def spark_floor(df: Any) -> object:
    """The group-by any tally needs, collected: no NPS of a Spark DataFrame is faster."""
    return df.groupBy("branch", "nps").count().collect()


def dask_floor(ddf: Any) -> object:
    return ddf.groupby(["branch", "nps"]).size().compute()


def spark_udf(df: Any) -> Any:
    """The UDF route: every row through Arrow to a Python worker, a group at a time."""
    return df.groupBy("branch").applyInPandas(
        lambda key, group: pandas_nps(key[0], group["nps"]), "branch int, n long, score double"
    )


def dask_udf(ddf: Any) -> Any:
    """The UDF route: every row shuffled to its group's partition, a group at a time."""
    meta = {"branch": "i8", "n": "i8", "score": "f8"}
    return ddf.groupby("branch").apply(lambda group: pandas_nps(group.name, group["nps"]), meta=meta)


def timed(cases: List[Case], rows: int) -> Dict[str, float]:
    """Each case's median time. The cases take turns, one repetition each per round,
    so that a change of load on a shared machine weighs on all of them alike."""
    samples: Dict[str, List[float]] = {name: [] for name, _, _, _ in cases}
    for turn in range(max(reps for _, _, _, reps in cases)):
        for name, _, f, reps in cases:
            if turn < reps:
                start = time.perf_counter()
                f()
                samples[name].append(time.perf_counter() - start)
    times = {name: statistics.median(s) for name, s in samples.items()}
    for name, label, _, _ in cases:
        print(f"{label:<62} {times[name] * 1e3:>10.1f} ms {times[name] * 1e9 / rows:>8.1f} ns/answer", flush=True)
    return times


def spark(path: Path, rows: int, reps: int) -> None:
    session = start_spark()
    try:
        df = session.read.parquet(str(path))
        agree(nps_of(df), spark_udf(df).toPandas(), "applyInPandas")
        # The other routes once untimed too: the JVM compiles a query's code on its first runs.
        spark_floor(df)
        nps_of(df, "weight")
        t = timed(
            [
                ("servex", "spark: servex.tally(df, by=branch).nps()", lambda: nps_of(df), reps),
                ("floor", "spark: floor: df.groupBy(branch, nps).count().collect()", lambda: spark_floor(df), reps),
                ("weighted", "spark: servex.tally(..., weight=weight).nps()", lambda: nps_of(df, "weight"), reps),
                ("udf", "spark: groupBy(branch).applyInPandas(pandas nps).collect()", lambda: spark_udf(df).collect(), min(reps, 3)),
            ],
            rows,
        )
    finally:
        session.stop()
    print(f"spark: servex / floor = {t['servex'] / t['floor']:.2f} (goal <= 1.2)")
    print(f"spark: weighted / unweighted servex = {t['weighted'] / t['servex']:.2f}")
    print(f"spark: applyInPandas / servex = {t['udf'] / t['servex']:.1f} (goal >= 5)")


def dask(path: Path, rows: int, reps: int) -> None:
    import dask.dataframe as dd

    client = start_dask(workers=2)  # the default scheduler from now on
    try:
        ddf = dd.read_parquet(str(path))
        agree(nps_of(ddf), dask_udf(ddf).compute(), "dask apply")
        dask_floor(ddf)
        t = timed(
            [
                ("servex", "dask: servex.tally(ddf, by=branch).nps()", lambda: nps_of(ddf), reps),
                ("floor", "dask: floor: ddf.groupby([branch, nps]).size().compute()", lambda: dask_floor(ddf), reps),
                ("udf", "dask: groupby(branch).apply(pandas nps).compute()", lambda: dask_udf(ddf).compute(), min(reps, 3)),
            ],
            rows,
        )
    finally:
        client.close()
        client.cluster.close()
    print(f"dask: servex / floor = {t['servex'] / t['floor']:.2f}")
    print(f"dask: apply / servex = {t['udf'] / t['servex']:.1f} (goal >= 5)")


def main(argv: List[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="tiny sizes, one repetition (CI)")
    p.add_argument("--rows", type=int, default=20_000_000)
    p.add_argument("--groups", type=int, default=1_000)
    p.add_argument("--reps", type=int, default=7)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--only", choices=["spark", "dask"], help="one engine only")
    a = p.parse_args(argv)
    rows, groups, reps = (20_000, 50, 1) if a.quick else (a.rows, a.groups, a.reps)

    with tempfile.TemporaryDirectory(prefix="servex-engines-") as tmp:
        path = Path(tmp) / "survey.parquet"
        write_survey(path, rows, groups, a.seed)
        print(f"servex {servex.__version__}, pandas {pd.__version__}, python {sys.version.split()[0]}")
        print(f"{rows:,} answers, {groups:,} groups, seed {a.seed}, median of {reps} (UDF routes: of {min(reps, 3)})")
        if a.only in (None, "spark"):
            spark(path, rows, reps)
        if a.only in (None, "dask"):
            dask(path, rows, reps)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
