"""The installed wheel, in a new venv with its pandas extra: import, score the sample to
the shared headline (the path of tests/sample/headline.json is the argument), DataFrames;
the polars extra is declared too; none of the tests' hooks (the `testing` feature) is in
the native module."""

import json
import sys
from importlib.metadata import requires
from pathlib import Path

import servex

headline = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
assert "site-packages" in servex.__file__, f"not the installed package: {servex.__file__}"
report = servex.score(servex.sample())
assert (report.title, report.score) == (headline["title"], headline["score"]), repr(report)
frame = report.to_pandas("perspectives")
assert list(frame["id"]) == ["service", "financial", "operational", "learning_growth"], frame
extras = {r.split(";", 1)[1].replace('"', "'").strip() for r in requires("servex") or [] if ";" in r}
assert {"extra == 'pandas'", "extra == 'polars'"} <= extras, extras
hooks = [name for name in dir(servex._servex) if name.endswith("_for_tests")]
assert not hooks, f"the release wheel holds the tests' hooks {hooks}"
print(f"python: servex {servex.__version__} from {servex.__file__}: {report!r}")
