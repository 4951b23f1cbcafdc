"""Charts and the HTML report from Python: the core's bytes, the same as every front."""

import html
import pickle
import subprocess
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT

import servex


@pytest.fixture(scope="module")
def report() -> servex.Report:
    return servex.score(servex.sample())


def test_the_html_report_is_byte_identical_to_the_command_line(report: servex.Report) -> None:
    cli = subprocess.run(
        ["cargo", "run", "-q", "-p", "servex-cli", "--", "demo", "--html", "-"],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    assert report.to_html().encode("utf-8") == cli.stdout


def test_each_chart_is_an_svg_showing_the_report_numbers(report: servex.Report) -> None:
    for chart in servex.Report.CHARTS:
        svg = report.svg(chart)
        root = ET.fromstring(svg)
        assert root.tag.endswith("svg") and root.find("{http://www.w3.org/2000/svg}title") is not None
    pyramid = report.svg("pyramid")
    for level in report.levels:
        assert f"{100 * level['score']:.1f}%" in pyramid


def test_an_unknown_chart_is_a_servex_error(report: servex.Report) -> None:
    with pytest.raises(servex.InvalidDocumentError) as caught:
        report.svg("pie")
    assert caught.value.path == "/chart"


def test_the_document_draws_sparklines_and_a_report_alone_still_renders(report: servex.Report) -> None:
    alone = servex.Report(report.to_dict())
    assert alone == report
    with_history, without = report.to_html(), alone.to_html()
    assert with_history != without and "<svg" in without
    ET.fromstring(with_history)  # the page is well-formed XHTML


def test_the_notebook_shows_the_whole_report_in_an_iframe(report: servex.Report) -> None:
    shown = report._repr_html_()
    assert shown.startswith("<iframe srcdoc=")
    assert html.escape(report.to_html(), quote=True) in shown


def test_a_pickled_report_keeps_its_document(report: servex.Report) -> None:
    again = pickle.loads(pickle.dumps(report))
    assert again == report and again.to_html() == report.to_html()
