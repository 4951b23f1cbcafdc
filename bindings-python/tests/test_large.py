"""The 10-million-row case of the issue: uint8 scores with categorical or integer
groups from a pandas DataFrame, read in place (no copy of the scores)."""

import tracemalloc

import numpy as np
import pandas as pd
import pytest

import servex

ROWS = 10_000_000


@pytest.fixture(scope="module")
def survey() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    regions = np.array(["north", "south", "east", "west", "centre"])
    codes = rng.integers(0, 5, ROWS).astype(np.int8)
    return pd.DataFrame(
        {
            "score": rng.integers(0, 11, ROWS, dtype=np.uint8),
            "region": pd.Categorical.from_codes(codes, categories=regions),
            "branch": codes.astype(np.int64) * 7,
        }
    )


def expected_counts(df: pd.DataFrame) -> dict:
    """Promoters, passives and detractors per region, counted with numpy."""
    codes = df["region"].cat.codes.to_numpy().astype(np.int64)
    hist = np.bincount(codes * 11 + df["score"].to_numpy(), minlength=55).reshape(5, 11)
    return {
        label: (int(h[9:].sum()), int(h[7:9].sum()), int(h[:7].sum()))
        for label, h in zip(df["region"].cat.categories, hist)
    }


def test_scores_are_read_in_place(survey: pd.DataFrame) -> None:
    scores = survey["score"].to_numpy()
    assert scores.dtype == np.uint8 and scores.flags.c_contiguous
    scores.flags.writeable = False  # a copy-on-write trick would fail on a read-only array
    tracemalloc.start()
    try:
        result = servex.nps(survey["score"], groups=survey["region"])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # numpy reports its buffers to tracemalloc: a copy of the 10 MB of scores (or a
    # float conversion, 80 MB) would show here; what remains is small bookkeeping.
    assert peak < ROWS // 10, peak
    frame = result.to_pandas()
    assert isinstance(frame, pd.DataFrame) and frame["group"].iloc[0] == survey["region"].iloc[0]
    assert int(frame["n"].sum()) == ROWS
    counts = expected_counts(survey)
    for row in frame.itertuples():
        assert (row.promoters, row.passives, row.detractors) == counts[row.group]


def test_a_memory_mapped_read_only_column(tmp_path, survey: pd.DataFrame) -> None:
    path = tmp_path / "scores.u8"
    survey["score"].to_numpy().tofile(path)
    mapped = np.memmap(path, dtype=np.uint8, mode="r")
    assert not mapped.flags.writeable
    tracemalloc.start()
    try:
        result = servex.nps(mapped, groups=survey["branch"])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # The groups are integer labels (factorised into 4-byte codes, 40 MB); the
    # scores themselves (10 MB) are never copied.
    assert peak < 4 * ROWS + ROWS // 10, peak
    assert sorted(result.labels) == [0, 7, 14, 21, 28]
    assert sum(result.group(b).n for b in result.labels) == ROWS


def test_no_copy_anywhere_by_peak_memory() -> None:
    """tracemalloc sees numpy's buffers but not Rust's; the peak resident size of a
    fresh process sees both. Scoring 50 MB of uint8 scores (ungrouped, and grouped by
    a categorical of 5 regions) must not raise the peak by a copy of the scores."""
    import subprocess
    import sys

    code = """
import resource, numpy as np, pandas as pd, servex
n = 50_000_000
scores = np.random.default_rng(3).integers(0, 11, n, dtype=np.uint8)
codes = (scores % 5).astype(np.int8)
region = pd.Series(pd.Categorical.from_codes(codes, categories=list("abcde")))
column = pd.Series(scores)  # pandas may copy here (copy-on-write), before the measure
servex.nps(scores[:1000], groups=region[:1000])
peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
before = peak()
servex.nps(scores)
ungrouped = peak() - before
servex.nps(column, groups=region)
grouped = peak() - before
print(ungrouped, grouped)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    ungrouped, grouped = (int(x) for x in out.split())
    rows = 50_000_000
    assert ungrouped < rows // 5, ungrouped
    # Grouped: the int8 codes become 4-byte codes (200 MB); still no copy of the scores.
    assert grouped < 4 * rows + rows // 5, grouped
    print(f"peak growth: ungrouped {ungrouped} B, grouped {grouped} B")
