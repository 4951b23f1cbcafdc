"""The quickstart notebook runs top to bottom, headless."""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "quickstart.ipynb"


def test_quickstart_notebook_runs() -> None:
    nb = nbformat.read(str(NOTEBOOK), as_version=4)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if o.output_type == "execute_result" and "text/html" in o["data"]]
    assert any("Acme Home Care" in h for h in html), "the report shows as HTML"
    assert any("Differences between groups" in h for h in html), "the compared waves show their forest plot"
    assert any("Units overview" in h for h in html), "the chain of branches shows its overview"
    assert any("Funnel plot" in h for h in html), "the branches' NPS shows its funnel plot"
    assert any("rural" in h and "n_eff" in h for h in html), "the Parquet file is counted by wave and area"
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "InvalidDocumentError invalid_document /indicators/0/tagret" in text
