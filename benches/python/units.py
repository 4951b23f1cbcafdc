"""Many units from a long pandas table: ``servex.score_units(template, frame,
period="period")`` against what a user writes without it (a loop that builds each
unit's document from its rows and calls ``servex.score``), on the same seeded table,
measured in one run and reported as a ratio.

    python benches/python/units.py             # 2,000 units x 30 indicators x 8 periods
    python benches/python/units.py --quick     # small sizes, one repetition (CI)
    python benches/python/units.py --units 100000 --periods 1 --json units.json
                                               # write the SPEC 12.1 input for
                                               # `servex score-units units.json`

Each case is timed ``--reps`` times and the median kept. The two answers are checked
to agree unit by unit (score, model score, level), so the quick mode is also a
correctness check.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Dict, List, Tuple

import numpy as np
import pandas as pd

import servex
from compare import median_time  # benches/python/compare.py, beside this script

ELEMENTS = ["7.1.1", "7.2.1", "7.3.1", "7.4.1", "7.4.2"]


def template(indicators: int) -> Dict[str, Any]:
    return {
        "indicators": [
            {"id": f"k{i:02d}", "element": ELEMENTS[i % len(ELEMENTS)], "baseline": 0, "target": 100}
            for i in range(indicators)
        ]
    }


def long_table(units: int, indicators: int, periods: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = units * indicators * periods
    return pd.DataFrame(
        {
            "unit": np.repeat([f"branch-{u:05d}" for u in range(units)], indicators * periods),
            "indicator": np.tile(np.repeat([f"k{i:02d}" for i in range(indicators)], periods), units),
            "period": np.tile([f"2025-{p + 1:02d}" for p in range(periods)], units * indicators),
            "value": rng.uniform(0, 100, n),
        }
    )


def loop(doc: Dict[str, Any], frame: pd.DataFrame) -> List[Any]:
    """One document per unit, its latest period the value and the rest history."""
    definitions = {ind["id"]: ind for ind in doc["indicators"]}
    reports = []
    ordered = frame.sort_values(["unit", "indicator", "period"], kind="stable")
    for _, rows in ordered.groupby("unit", sort=False):
        indicators = []
        for ind, periods, values in zip(*(rows[c].to_numpy() for c in ("indicator", "period", "value"))):
            if indicators and indicators[-1]["id"] == ind:
                last = indicators[-1]
                last.setdefault("history", []).append({"period": last["period"], "value": last["value"]})
                last["value"], last["period"] = float(values), periods
            else:
                indicators.append({**definitions[ind], "value": float(values), "period": periods})
        for ind in indicators:
            del ind["period"]
        reports.append(servex.score({"indicators": indicators}))
    return reports


def write_json(path: str, doc: Dict[str, Any], frame: pd.DataFrame) -> None:
    """The table as SPEC 12.1 input (latest period the value, earlier ones history),
    written unit by unit so that 100,000 units need no document in memory."""
    ordered = frame.sort_values(["unit", "indicator", "period"], kind="stable")
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"scorecard": ' + json.dumps(doc) + ', "units": [')
        for k, (unit, rows) in enumerate(ordered.groupby("unit", sort=False)):
            latest: Dict[str, Tuple[str, float]] = {}
            history: Dict[str, List[Dict[str, Any]]] = {}
            for ind, period, value in zip(rows["indicator"], rows["period"], rows["value"]):
                if ind in latest:
                    earlier, then = latest[ind]
                    history.setdefault(ind, []).append({"period": earlier, "value": then})
                latest[ind] = (period, float(value))
            values = {ind: value for ind, (_, value) in latest.items()}
            out.write(("," if k else "") + json.dumps({"id": unit, "values": values, "history": history}))
        out.write("]}")


def main(argv: List[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="small sizes, one repetition (CI)")
    p.add_argument("--units", type=int, default=2_000)
    p.add_argument("--indicators", type=int, default=30)
    p.add_argument("--periods", type=int, default=8)
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--seed", type=int, default=3)
    p.add_argument("--json", help="write the units as SPEC 12.1 JSON to this file, and stop")
    args = p.parse_args(argv)
    if args.quick:
        args.units, args.reps = 50, 1
    doc = template(args.indicators)
    frame = long_table(args.units, args.indicators, args.periods, args.seed)
    if args.json:
        write_json(args.json, doc, frame)
        return 0

    together = servex.score_units(doc, frame, period="period")
    one_by_one = loop(doc, frame)
    for unit, report in zip(together.units, one_by_one):
        for key in ("score", "model_score", "level_attained"):
            if unit[key] != getattr(report, key):
                raise SystemExit(f"{unit['id']}: {key} {unit[key]} from score_units, {getattr(report, key)} alone")

    fast = median_time(lambda: servex.score_units(doc, frame, period="period"), args.reps)
    slow = median_time(lambda: loop(doc, frame), args.reps)
    rows = len(frame)
    print(f"{args.units} units x {args.indicators} indicators x {args.periods} periods ({rows:,} rows), "
          f"median of {args.reps}")  # fmt: skip
    print(f"  servex.score_units(template, frame, period=)  {fast * 1e3:9.1f} ms")
    print(f"  loop of servex.score per unit                 {slow * 1e3:9.1f} ms   {slow / fast:6.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
