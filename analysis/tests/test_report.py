"""The HTML report: two runs (smoke under two seeds) give index.html, valid PNGs for every
figure, and CSVs; relative links only; a bad input is exit 2."""

import re
import subprocess
import sys
from pathlib import Path

import matplotlib.image
import pandas as pd
import pytest

from caseload_analysis.report import write_report

REPORT = Path(__file__).resolve().parents[1] / "report.py"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FIGURES = ["creaming_curve", "parked_share_by_group", "performance_vs_impact",
           "entries_vs_sustained", "caseload_over_time", "offflow_by_group"]


@pytest.fixture(scope="module")
def two_runs(make_trace):
    return [make_trace("smoke"), make_trace("smoke_seed_7", "--seed", "7")]


@pytest.fixture(scope="module")
def report(two_runs, tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    result = subprocess.run([sys.executable, str(REPORT), *map(str, two_runs), "-o", str(out)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {out / 'index.html'}: 6 figures, 5 CSV files")
    return out


def test_every_figure_is_a_valid_png(report):
    for stem in FIGURES:
        png = report / f"{stem}.png"
        assert png.read_bytes()[:8] == PNG_SIGNATURE, stem
        pixels = matplotlib.image.imread(png)  # decodes the whole image
        assert pixels.shape[0] > 300 and pixels.shape[1] > 600, (stem, pixels.shape)


def test_index_links_every_figure_and_csv_relatively(report):
    page = (report / "index.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    links = re.findall(r"(?:src|href)='([^']+)'", page)
    assert {f"{stem}.png" for stem in FIGURES} <= set(links)
    for link in links:
        assert "://" not in link and not link.startswith("/"), link
        assert (report / link).is_file(), link
    assert "<script" not in page and "http" not in page, "self-contained: no JS, no network"
    assert "smoke seed 42" in page and "smoke seed 7" in page


def test_csv_exports_open_as_tables(report):
    metrics = pd.read_csv(report / "metrics.csv", index_col="metric")
    assert list(metrics.columns) == ["description", "smoke seed 42", "smoke seed 7"]
    assert "off_benefit_13w" in metrics.index
    assert "parked_share (from tables)" in metrics.index
    panel = pd.read_csv(report / "panel_1_smoke_seed_42.csv")
    assert list(panel.columns[:6]) == ["variant", "week", "measured", "office", "group",
                                       "group_name"]
    assert set(panel["variant"]) == {"treatment", "counterfactual"}
    assert len(panel) == 2 * 117 * 2
    assert set(panel["group_name"]) == {"jsa_25_49", "esa_wrag"}


def test_runs_sharing_a_label_are_told_apart(smoke_trace, tmp_path):
    written = write_report([smoke_trace, smoke_trace], tmp_path)
    metrics = pd.read_csv(tmp_path / "metrics.csv", index_col="metric")
    assert len(set(metrics.columns)) == 3
    # headline, metrics and a panel each; the same seed twice is no replication, so no
    # across_runs.csv.
    assert len(written.csvs) == 4 and len(set(written.csvs)) == 4


def test_summary_traces_get_the_figures_they_can_and_say_why_not(make_trace, tmp_path):
    written = write_report([make_trace("smoke_summary", "--trace", "summary")], tmp_path)
    assert list(written.figures) == ["caseload_over_time"]
    assert "--trace agents" in written.skipped["creaming_curve"]
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "Not drawn: needs agent tables" in page


def test_missing_trace_exits_two(tmp_path):
    result = subprocess.run([sys.executable, str(REPORT), str(tmp_path / "none.h5"), "-o",
                             str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 2
    assert "none.h5: no such file" in result.stderr


def test_text_file_exits_two(tmp_path):
    text = tmp_path / "notes.h5"
    text.write_text("not a trace\n")
    result = subprocess.run([sys.executable, str(REPORT), str(text), "-o", str(tmp_path / "o")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "not an HDF5 file" in result.stderr
