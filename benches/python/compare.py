"""Grouped NPS and CSAT: servex against what a data scientist writes, on the same
seeded arrays, measured side by side in one run and reported as ratios.

    python benches/python/compare.py            # 10,000,000 responses, 1,000 groups
    python benches/python/compare.py --quick    # small sizes, one repetition (CI)
    python benches/python/compare.py --rust target/release/examples/grouped_kernel

Every case is timed ``--reps`` times and the median is kept; a ratio is the case's
median over servex's median on the same arrays (above 1: servex is faster). The
floor is a plain read of the same arrays (``scores.sum() + codes.sum()``): no
grouped metric can be faster than reading its input once. With ``--rust``, the Rust
kernel is timed on data of the same shape (same sizes, seeded) in the same run, to
read the cost of the Python call against it. Results are checked to agree (servex
against the numpy idiom), so the quick mode is also a correctness check.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from typing import Callable, Dict, List, Tuple

import numpy as np
import pandas as pd

import servex


def median_time(f: Callable[[], object], reps: int) -> float:
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def nps_bincount(scores: np.ndarray, codes: np.ndarray, groups: int) -> np.ndarray:
    h = np.bincount(codes.astype(np.int64) * 11 + scores, minlength=groups * 11).reshape(groups, 11)
    n = h.sum(axis=1)
    return 100.0 * (h[:, 9:].sum(axis=1) - h[:, :7].sum(axis=1)) / n


def csat_bincount(scores: np.ndarray, codes: np.ndarray, groups: int) -> np.ndarray:
    h = np.bincount(codes.astype(np.int64) * 6 + scores, minlength=groups * 6).reshape(groups, 6)
    return 100.0 * h[:, 4:].sum(axis=1) / h[:, 1:].sum(axis=1)


def main(argv: List[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="small sizes, one repetition (CI)")
    p.add_argument("--rows", type=int, default=10_000_000)
    p.add_argument("--groups", type=int, default=1_000)
    p.add_argument("--reps", type=int, default=7)
    p.add_argument("--seed", type=int, default=6)
    p.add_argument("--apply", action="store_true", help="also time groupby().apply(lambda) at full size (slow)")
    p.add_argument("--rust", help="the grouped_kernel example binary, timed in the same run")
    a = p.parse_args(argv)
    rows, groups, reps = (20_000, 50, 1) if a.quick else (a.rows, a.groups, a.reps)

    rng = np.random.default_rng(a.seed)
    codes = rng.integers(0, groups, rows, dtype=np.uint32)
    nps_u8 = rng.integers(0, 11, rows, dtype=np.uint8)
    csat_u8 = rng.integers(1, 6, rows, dtype=np.uint8)
    nps_f64 = nps_u8.astype(np.float64)
    cat = pd.Categorical.from_codes(codes.astype(np.int16), categories=list(range(groups)))
    df = pd.DataFrame({"g": codes, "score": nps_u8, "csat": csat_u8, "g_cat": cat})
    df["is_promoter"] = df["score"] >= 9
    df["is_detractor"] = df["score"] <= 6
    df["is_satisfied"] = df["csat"] >= 4

    # The answers agree before anything is timed.
    ours = servex.nps(nps_u8, groups=codes)
    theirs = nps_bincount(nps_u8, codes, groups)
    for g in ours:
        assert abs(ours.group(g).score - theirs[g]) < 1e-9, (g, ours.group(g).score, theirs[g])
    by_cat = servex.nps(df["score"], groups=df["g_cat"])
    assert [(g, by_cat.group(g).score) for g in by_cat] == [(g, ours.group(g).score) for g in ours]
    csat_ours = servex.csat(csat_u8, groups=codes)
    csat_theirs = csat_bincount(csat_u8, codes, groups)
    for g in csat_ours:
        assert abs(csat_ours.group(g).score - csat_theirs[g]) < 1e-9

    metrics: Dict[str, List[Tuple[str, Callable[[], object]]]] = {
        "nps": [
            ("servex.nps(uint8, groups=uint32)", lambda: servex.nps(nps_u8, groups=codes)),
            ("servex.nps(Series, groups=categorical)", lambda: servex.nps(df["score"], groups=df["g_cat"])),
            ("servex.nps(float64, groups=uint32)", lambda: servex.nps(nps_f64, groups=codes)),
            ("numpy bincount on combined codes", lambda: nps_bincount(nps_u8, codes, groups)),
            (
                "pandas groupby[[is_promoter, is_detractor]].mean()",
                lambda: df.groupby("g")[["is_promoter", "is_detractor"]].mean(),
            ),
            ("floor: scores.sum() + codes.sum()", lambda: (nps_u8.sum(), codes.sum())),
        ],
        "csat": [
            ("servex.csat(uint8, groups=uint32)", lambda: servex.csat(csat_u8, groups=codes)),
            ("servex.csat(Series, groups=categorical)", lambda: servex.csat(df["csat"], groups=df["g_cat"])),
            ("numpy bincount on combined codes", lambda: csat_bincount(csat_u8, codes, groups)),
            ("pandas groupby[[is_satisfied]].mean()", lambda: df.groupby("g")[["is_satisfied"]].mean()),
            ("floor: scores.sum() + codes.sum()", lambda: (csat_u8.sum(), codes.sum())),
        ],
    }
    apply_rows = rows if (a.apply or a.quick) else min(rows, 1_000_000)
    sub = df.iloc[:apply_rows]
    metrics["nps"].append(
        (
            f"pandas groupby().apply(lambda) [{apply_rows:,} rows]",
            lambda: sub.groupby("g")["score"].apply(lambda s: 100.0 * ((s >= 9).mean() - (s <= 6).mean())),
        )
    )

    print(f"servex {servex.__version__}, numpy {np.__version__}, pandas {pd.__version__}, python {sys.version.split()[0]}")
    print(f"{rows:,} responses, {groups:,} groups, seed {a.seed}, median of {reps}")
    for name, cases in metrics.items():
        results = []
        for label, f in cases:
            t = median_time(f, reps)
            n = apply_rows if "apply" in label else rows
            results.append((label, t, t * 1e9 / n))
        base = results[0][2]
        print()
        print(f"{name}: {'case':<55} {'median ms':>10} {'ns/resp':>8} {'ratio':>7}")
        for label, t, per in results:
            print(f"{name}: {label:<55} {t * 1e3:>10.2f} {per:>8.2f} {per / base:>7.2f}")
        if name == "nps" and a.rust:
            out = subprocess.run([a.rust, str(rows), str(groups)], capture_output=True, text=True, check=True).stdout
            timings = dict(line.split() for line in out.splitlines() if line.startswith("nps_grouped_u8"))
            # The kernel on prebuilt groups, then on the same raw codes taken as integer
            # labels (`Split::Integers`), as the Python call takes them.
            for key, label in [
                ("nps_grouped_u8_ns", "rust kernel, prebuilt groups (grouped_kernel)"),
                ("nps_grouped_u8_integer_labels_ns", "rust kernel, integer labels (grouped_kernel)"),
            ]:
                if key in timings:
                    ns = float(timings[key])
                    print(f"nps: {label:<55} {'':>10} {ns:>8.2f} {ns / base:>7.2f}")
                    print(f"nps: python call / {label.split(' (')[0]} = {base / ns:.2f}")
    print()
    print("ratio = the case's ns per response / servex's on the same arrays (first line): above 1, servex is faster")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
