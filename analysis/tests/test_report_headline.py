"""The single-run report's headline and intervals: the headline is on the page and in
headline.csv, its figures are the trace's own /metrics (or, for several seeds of a scenario,
their mean), its intervals hold the value and stay in range, and no figure's title is clipped
at the size the report saves it."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from caseload_analysis import headline, intervals, plots
from caseload_analysis.report import write_report
from caseload_analysis.trace import load_trace

from conftest import titles_outside


@pytest.fixture(scope="module")
def paradox_trace(make_trace):
    """A small JOT run with its counterfactual: advisers credited unequally, so the
    performance-against-impact correlation is defined."""
    return make_trace("jot_paradox", "--set", "run.weeks=80", "--set", "run.warmup_weeks=13",
                      "--set", "network.offices=1", scenario="scenarios/regimes/jot.yaml")


def _headline_csv(folder):
    """headline.csv, with "" (not NaN) for everyone's group; a group named "NA" stays one."""
    table = pd.read_csv(folder / "headline.csv", keep_default_na=False, na_values=[""],
                        float_precision="round_trip")
    table["group"] = table["group"].fillna("")
    return table


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


def test_headline_is_on_the_page_and_its_figures_are_the_traces(paradox_trace, tmp_path):
    written = write_report([paradox_trace], tmp_path)
    run = load_trace(paradox_trace)
    table = _headline_csv(tmp_path)
    assert "headline.csv" in map(str, written.csvs)
    whole = table[table["group"] == ""].set_index("metric")
    assert list(whole.index) == [metric for metric, _ in headline.FIGURES]
    for metric, row in whole.iterrows():
        assert _same(row["value"], run.metric(metric)), metric
    by_group = table[table["group"] != ""]
    assert list(by_group["group"]) == run.groups, "parking for every customer group"
    for _, row in by_group.iterrows():
        assert row["value"] == run.metric_series["by_group"].at[row["group"], "parked_share"]
    # A lone run with a counterfactual: net impact across people, the correlation across
    # advisers, each interval holding the value.
    for metric, over in (("net_employment_weeks_per_person", "people"),
                         ("paradox_adviser_correlation", "advisers")):
        row = whole.loc[metric]
        assert row["interval_over"] == over and row["n"] >= 4, metric
        assert row["lower"] < row["value"] < row["upper"], metric
    assert whole.loc["paradox_adviser_correlation", "n"] == len(run.metric_series["by_adviser"])
    # The people behind the net-impact interval are those docs/METRICS.md counts: their mean
    # gain is the run's own figure.
    gains = headline._people_gains(run)
    assert whole.loc["net_employment_weeks_per_person", "n"] == len(gains)
    assert gains.mean() == pytest.approx(run.metric("net_employment_weeks_per_person"), rel=1e-9)
    assert -1 <= whole.loc["paradox_adviser_correlation", "lower"]
    assert whole.loc["paradox_adviser_correlation", "upper"] <= 1
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert page.index("<section id='headline'>") < page.index("<h2>Runs</h2>"), "at the top"
    section = page[page.index("<section id='headline'>"):page.index("</section>")]
    assert section.count("<p class='headline'>") == 5
    for phrase in ("Creaming:", "Parking:", "Jobs:", "Net impact:",
                   "Measured performance against net impact:"):
        assert f"<p class='headline'>{phrase}" in section, phrase
    parked = f"{100 * run.metric('parked_share'):.1f}%"
    assert f"Parking: {parked} of claimant-weeks" in section
    assert "Lone parents" in section and "lone_parent" not in section, "human group names"


def test_seeds_of_one_scenario_are_replications_with_an_interval(make_trace, tmp_path):
    paths = [make_trace("smoke"), make_trace("smoke_seed_7", "--seed", "7")]
    runs = [load_trace(p) for p in paths]
    write_report(paths, tmp_path)
    table = _headline_csv(tmp_path)
    assert set(table["runs_of"]) == {"smoke (2 runs)"}
    for _, row in table[table["group"] == ""].iterrows():
        values = [run.metric(row["metric"]) for run in runs]
        if any(math.isnan(v) for v in values):
            assert row["n"] < 2 or math.isnan(row["value"]), row["metric"]
            continue
        assert row["value"] == pytest.approx(np.mean(values), rel=1e-12), row["metric"]
        assert row["n"] == 2 and row["interval_over"] == "runs"
        assert row["lower"] <= row["value"] <= row["upper"], row["metric"]
    across = pd.read_csv(tmp_path / "across_runs.csv", keep_default_na=False, na_values=[""],
                         float_precision="round_trip")
    for _, row in across.iterrows():
        values = [run.metric(row["metric"]) for run in runs]
        if not any(math.isnan(v) for v in values):
            assert row["mean"] == pytest.approx(np.mean(values), rel=1e-12), row["metric"]
        units = runs[0].metrics.loc[row["metric"], "units"]
        if units == "share" and not math.isnan(row["lower"]):
            assert 0 <= row["lower"] <= row["upper"] <= 1, row["metric"]
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<h2>Across runs</h2>" in page and "across 2 runs" in page


def test_a_shares_interval_stays_in_range_and_t_matches_tables():
    assert intervals.t_quantile(1) == pytest.approx(12.706, abs=1e-3)
    assert intervals.t_quantile(4) == pytest.approx(2.776, abs=1e-3)
    assert intervals.t_quantile(31) == pytest.approx(2.0395, abs=2e-4)
    assert intervals.t_quantile(120) == pytest.approx(1.9799, abs=2e-4)
    mean, lower, upper, n = intervals.mean_interval([0.01, 0.0, 0.02], "share")
    assert n == 3 and 0 <= lower < mean < upper <= 1
    mean, lower, upper, _ = intervals.mean_interval([0.97, 0.99, 1.0], "correlation")
    assert -1 <= lower < upper <= 1
    plain = intervals.mean_interval([1.0, 2.0, 3.0])
    assert plain == pytest.approx((2.0, 2.0 - 4.3027 / math.sqrt(3), 2.0 + 4.3027 / math.sqrt(3),
                                   3))


@pytest.mark.parametrize("names", [["smoke"], ["paradox"], ["smoke", "smoke_seed_7"],
                                   ["smoke", "smoke_seed_7", "paradox"]])
def test_every_figure_title_fits_its_figure(names, make_trace, paradox_trace):
    made = {"smoke": lambda: make_trace("smoke"), "paradox": lambda: paradox_trace,
            "smoke_seed_7": lambda: make_trace("smoke_seed_7", "--seed", "7")}
    runs = [load_trace(made[name]()) for name in names]
    drawn = 0
    for stem, _title, draw in plots.FIGURES:
        try:
            figure = draw(runs)
        except plots.Unavailable:
            continue
        drawn += 1
        assert titles_outside(figure) == [], stem
    assert drawn >= 6
