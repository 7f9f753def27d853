"""Reports of `caseload compare` and `caseload sweep` outputs, from outputs the real binary
writes: the headline and every figure are in the HTML, each figure's data equals the rows of
the folder's CSV it was drawn from, and the PNGs (kept in the test's output folder) are of a
size a laptop shows whole."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import matplotlib.image
import numpy as np
import pandas as pd
import pytest

from caseload_analysis import experiment_report, names

from conftest import ROOT, run_caseload, titles_outside

SMOKE = ROOT / "scenarios" / "smoke.yaml"


@pytest.fixture(scope="session")
def comparison_folder(caseload, tmp_path_factory) -> Path:
    """Three arms of the smoke scenario (two with their own overrides), three replications."""
    folder = tmp_path_factory.mktemp("compare")
    experiment = folder / "experiment.yaml"
    experiment.write_text(
        "name: advisers\n"
        "set: [run.weeks=26, run.warmup_weeks=0]\n"
        "arms:\n"
        f"  - {{label: three advisers, scenario: {SMOKE}}}\n"
        f"  - {{label: two advisers, scenario: {SMOKE}, set: [network.advisers_per_office=2]}}\n"
        f"  - {{label: six advisers, scenario: {SMOKE}, set: [network.advisers_per_office=6]}}\n"
        "replications: 3\n")
    out = folder / "out"
    result = run_caseload(caseload, "compare", str(experiment), "-o", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    return out


def _sweep(caseload, folder: Path, grid: dict[str, list], replications: int) -> Path:
    """Runs a grid sweep of the smoke scenario (26 weeks, no warm-up) into folder/out."""
    sweep = folder / "sweep.yaml"
    values = ", ".join(f"{path}: {list(levels)}" for path, levels in grid.items())
    sweep.write_text(
        f"base: {SMOKE}\n"
        "set: [run.weeks=26, run.warmup_weeks=0]\n"
        f"parameters: [{', '.join(grid)}]\n"
        f"design: {{grid: {{{values}}}}}\n"
        f"replications: {replications}\n")
    out = folder / "out"
    result = run_caseload(caseload, "sweep", str(sweep), "-o", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def sweep_folder(caseload, tmp_path_factory) -> Path:
    return _sweep(caseload, tmp_path_factory.mktemp("sweep"),
                  {"network.advisers_per_office": [2, 4], "regime.pressure.k": [0, 1]}, 2)


def _check_figures(written, report: Path, html: str) -> None:
    assert written.figures, "at least one figure"
    for stem, png in written.figures.items():
        assert f'src="{png}"' in html, stem
        image = matplotlib.image.imread(report / png)
        height, width = image.shape[:2]
        # A laptop shows about 1,280 x 720 CSS pixels: each figure fits whole, and is big
        # enough to read.
        assert 500 <= width <= 1100, (stem, width)
        assert 150 <= height <= 700, (stem, height)


def test_comparison_report_has_the_headline_and_every_figure(comparison_folder, tmp_path):
    report = tmp_path / "report"
    written = experiment_report.write_comparison_report(comparison_folder, report)
    html = (report / written.index).read_text()
    headline = re.search(r'<section id="headline">(.*?)</section>', html, re.S).group(1)
    sentences = re.findall(r'<p class="headline">(.*?)</p>', headline, re.S)
    assert len(sentences) == 2, "one sentence per arm after the baseline"
    assert sentences[0].startswith("two advisers, against three advisers: ")
    assert "paired replications" in sentences[0], "how sure"
    _check_figures(written, report, html)
    assert "difference_parked_share" in written.figures
    assert "by_group_parked_share_arm_1" in written.figures
    # Human names, not identifiers, in the table; shares as percentages.
    assert "Parked share of claimant-weeks" in html
    assert re.search(r"<td>\d+\.\d%</td>", html)


def test_comparison_figures_draw_the_csv_rows(comparison_folder, tmp_path):
    report = tmp_path / "report"
    written = experiment_report.write_comparison_report(comparison_folder, report)
    comparison = pd.read_csv(comparison_folder / "comparison.csv")
    by_group = pd.read_csv(comparison_folder / "comparison_by_group.csv",
                           keep_default_na=False, na_values=[""])
    by_group = by_group[by_group["by"] == "group"]
    for stem, data in written.data.items():
        drawn = pd.read_csv(report / data, keep_default_na=False, na_values=[""])
        keys = ["metric", "arm"] + (["group"] if "group" in drawn.columns else [])
        source = by_group if "group" in drawn.columns else comparison
        merged = drawn.merge(source, on=keys, suffixes=("", "_csv"), how="left")
        assert len(merged) == len(drawn) > 0, stem
        for column in ("difference", "ci_lower", "ci_upper", "pairs"):
            np.testing.assert_array_equal(merged[column], merged[f"{column}_csv"], err_msg=stem)


def test_sweep_report_draws_response_curves_from_points(sweep_folder, tmp_path):
    report = tmp_path / "report"
    written = experiment_report.write_sweep_report(sweep_folder, report)
    html = (report / written.index).read_text()
    assert '<section id="headline">' in html and "ranges from" in html
    _check_figures(written, report, html)
    points = pd.read_csv(sweep_folder / "points.csv", keep_default_na=False, na_values=[""])
    points = points[points["by"] == "all"]
    parameters = ["network.advisers_per_office", "regime.pressure.k"]
    curves = {stem: data for stem, data in written.data.items() if stem.startswith("response_")}
    assert curves
    for stem, data in curves.items():
        drawn = pd.read_csv(report / data)
        merged = drawn.merge(points, on=[*parameters, "metric"], suffixes=("", "_csv"))
        assert len(merged) == len(drawn) == 4, stem
        for column in ("mean", "mean_lower", "mean_upper"):
            np.testing.assert_allclose(merged[column], merged[f"{column}_csv"], rtol=0,
                                       atol=0, err_msg=stem)


def test_report_script_takes_an_output_folder_or_its_h5(comparison_folder, sweep_folder,
                                                        tmp_path):
    for source, name in ((comparison_folder, "compare"), (sweep_folder / "sweep.h5", "sweep")):
        out = tmp_path / name
        result = subprocess.run([sys.executable, str(ROOT / "analysis" / "report.py"),
                                 str(source), "-o", str(out)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert (out / "index.html").is_file()
    assert experiment_report.output_kind(comparison_folder / "compare.h5")[0] == "compare"


def test_numbers_read_as_people_read_them():
    assert names.value_text("parked_share", 0.7124) == "71.2%"
    assert names.difference_text("parked_share", 0.031) == "+3.1 pts"
    assert names.value_text("claims", 2823.0) == "2,823"
    assert names.value_text("help_cost", 1540000.0) == "£1,540,000"
    assert names.difference_text("help_cost", -1200.4) == "-£1,200"
    assert names.value_text("mean_job_quality", float("nan")) == "–"
    assert names.group_name("lone_parent") == "Lone parents"


def test_single_run_tables_print_counts_and_costs_whole():
    from caseload_analysis.report import _format_number
    assert _format_number(2823.0) == "2,823"
    assert _format_number(1540000.4) == "1,540,000"
    assert _format_number(0.5234) == "0.5234"
    assert _format_number(0.00012) == "0.00012"


@pytest.fixture(scope="session")
def three_parameter_sweep(caseload, tmp_path_factory) -> Path:
    """A 2 x 2 x 2 grid, so each surface averages two points per cell."""
    return _sweep(caseload, tmp_path_factory.mktemp("sweep3"),
                  {"network.advisers_per_office": [2, 4], "regime.pressure.k": [0, 1],
                   "groups.jsa_25_49.inflow_per_week": [6, 10]}, 1)


def _surfaces(written) -> dict[str, Path]:
    return {stem: data for stem, data in written.data.items() if stem.startswith("surface_")}


def test_two_parameter_surface_is_each_points_mean(sweep_folder, tmp_path):
    written = experiment_report.write_sweep_report(sweep_folder, tmp_path)
    html = (tmp_path / written.index).read_text()
    assert "<h2>Response surfaces</h2>" in html
    points = pd.read_csv(sweep_folder / "points.csv", keep_default_na=False, na_values=[""])
    points = points[points["by"] == "all"]
    parameters = ["network.advisers_per_office", "regime.pressure.k"]
    surfaces = _surfaces(written)
    assert "surface_parked_share_0_1" in surfaces
    for stem, data in surfaces.items():
        assert f'src="{stem}.png"' in html, stem
        drawn = pd.read_csv(tmp_path / data)
        # With two parameters nothing is averaged: each cell is one point's mean, exactly.
        merged = drawn.merge(points, on=[*parameters, "metric"], suffixes=("", "_csv"))
        assert len(merged) == len(drawn) == 4, stem
        assert (merged["points"] == 1).all(), stem
        np.testing.assert_array_equal(merged["mean"], merged["mean_csv"], err_msg=stem)


def test_surfaces_average_the_other_parameters(three_parameter_sweep, tmp_path):
    written = experiment_report.write_sweep_report(three_parameter_sweep, tmp_path)
    points = pd.read_csv(three_parameter_sweep / "points.csv", keep_default_na=False,
                         na_values=[""])
    points = points[points["by"] == "all"]
    parameters = ["network.advisers_per_office", "regime.pressure.k",
                  "groups.jsa_25_49.inflow_per_week"]
    surfaces = _surfaces(written)
    assert {"_".join(stem.rsplit("_", 2)[1:]) for stem in surfaces} == {"0_1", "0_2", "1_2"}
    for stem, data in surfaces.items():
        _, i, j = stem.rsplit("_", 2)
        x, y = parameters[int(i)], parameters[int(j)]
        drawn = pd.read_csv(tmp_path / data)
        metric = drawn["metric"].iloc[0]
        assert len(drawn) == 4, stem
        for _, cell in drawn.iterrows():
            there = points[(points["metric"] == metric) & (points[x] == cell[x])
                           & (points[y] == cell[y])]
            assert cell["points"] == len(there) == 2, stem
            assert cell["mean"] == pytest.approx(there["mean"].mean(), rel=1e-12), stem


def test_every_experiment_figure_title_fits(comparison_folder, three_parameter_sweep,
                                            tmp_path, monkeypatch):
    save = experiment_report._save
    clipped = {}

    def checked_save(fig, data, stem, out, written):
        clipped[stem] = titles_outside(fig)
        save(fig, data, stem, out, written)

    monkeypatch.setattr(experiment_report, "_save", checked_save)
    experiment_report.write_comparison_report(comparison_folder, tmp_path / "compare")
    experiment_report.write_sweep_report(three_parameter_sweep, tmp_path / "sweep")
    assert any(stem.startswith("difference_") for stem in clipped)
    assert any(stem.startswith("surface_") for stem in clipped)
    assert {stem: outside for stem, outside in clipped.items() if outside} == {}
