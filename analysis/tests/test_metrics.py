"""caseload_analysis.metrics: the definitions on small hand-made data, then the same figures
recomputed from a real trace's tables against the C++ values in its /metrics."""

import math

import numpy as np
import pandas as pd
import pytest

from caseload_analysis import metrics
from caseload_analysis.trace import load_trace

# The C++ names (sim/metrics/metric_registry.cpp) these tests compare against.
CPP_NAMES = {
    "creaming_index_employability": lambda t: metrics.creaming_index(t.treatment, "employability"),
    "creaming_index_motivation": lambda t: metrics.creaming_index(t.treatment, "motivation"),
    "parked_share": lambda t: metrics.parked_share(t.treatment),
    "sustained_13w_share": lambda t: metrics.sustained_share(t.treatment, 13.0),
    "sustained_26w_share": lambda t: metrics.sustained_share(t.treatment, 26.0),
    "paradox_adviser_correlation": lambda t: metrics.pearson(
        metrics.net_weeks_by_adviser(t)["measured_performance"],
        metrics.net_weeks_by_adviser(t)["net_employment_weeks"]),
}

# The smoke run (neutral regime: no paradox correlation) and a small JET run (one office, 60
# measured weeks) whose regime credits advisers, so the correlation is a number.
RUNS = {
    "smoke": ("scenarios/smoke.yaml", []),
    "jet_small": ("scenarios/regimes/jet.yaml",
                  ["--set", "run.weeks=60", "--set", "run.warmup_weeks=13", "--set",
                   "network.offices=1"]),
}


def test_fractional_ranks_average_ties_and_use_weights():
    ranks = metrics.fractional_ranks(np.array([3.0, 1.0, 2.0, 2.0]), np.ones(4))
    assert list(ranks) == [0.875, 0.125, 0.5, 0.5]
    weighted = metrics.fractional_ranks(np.array([1.0, 2.0]), np.array([3.0, 1.0]))
    assert list(weighted) == [0.375, 0.875]


def test_concentration_index_is_zero_for_even_help_and_positive_for_the_able():
    weights = np.ones(4)
    ability = np.array([1.0, 2.0, 3.0, 4.0])
    assert metrics.concentration_index(np.full(4, 10.0), weights, ability) == pytest.approx(0.0)
    # Everything to the most able of n = 4 people: 2 * 0.875 - 1 = 0.75 (tends to 1 with n).
    assert metrics.concentration_index(np.array([0, 0, 0, 10.0]), weights, ability) == 0.75
    assert metrics.concentration_index(np.array([10.0, 0, 0, 0]), weights, ability) == -0.75
    assert math.isnan(metrics.concentration_index(np.zeros(4), weights, ability))


def test_concentration_index_is_per_client_week():
    # Help proportional to weeks on the caseload is even help per client-week.
    weeks = np.array([1.0, 2.0, 4.0])
    assert metrics.concentration_index(5.0 * weeks, weeks, np.array([3.0, 1.0, 2.0])) == (
        pytest.approx(0.0, abs=1e-15))


def test_parking_and_sustainment_on_a_small_variant():
    from caseload_analysis.trace import Variant
    jobseekers = pd.DataFrame({"group": [0, 0, 1], "claim_weeks": [10, 0, 20],
                               "parked_weeks": [2, 0, 15]})
    days = 7.0
    jobs = pd.DataFrame({"start": [0.5, 10 * days, 10 * days, 80 * days],
                         "end": [1.0, 23 * days, 22.9 * days, 200 * days]})
    variant = Variant("treatment", {"measure_start_days": 7.0, "end_days": 100 * days},
                      {"jobseekers": jobseekers, "jobs": jobs})
    assert metrics.parked_share(variant) == 17 / 30
    by_group = metrics.parked_share_by_group(variant, ["a", "b", "c"])
    assert by_group["a"] == 0.2 and by_group["b"] == 0.75 and math.isnan(by_group["c"])
    # Followed up: begun in [7, 700) days and before 700 - 182; the 0.5 and 560 starts are not.
    assert metrics.sustained_share(variant, 13.0) == 0.5


def test_offflow_curves_are_kaplan_meier_on_a_small_variant():
    from caseload_analysis.trace import Variant
    days = 7.0
    # Measured from week 26 to 78: ends after 2 and 6 weeks, one open claim seen for 4 weeks,
    # and a warm-up claim left out (the same case as tests/metrics/offflow_curves_test.cpp).
    spells = pd.DataFrame({"group": [0, 0, 0, 1], "start": [74 * days, 30 * days, 30 * days, 10 * days],
                           "end": [78 * days, 32 * days, 36 * days, 11 * days],
                           "is_open": [1, 0, 0, 0]})
    variant = Variant("treatment", {"measure_start_days": 26 * days, "end_days": 78 * days},
                      {"spells": spells})
    curves = metrics.offflow_curves(variant, ["a", "b"], horizon=8)
    assert curves.loc[1, "a"] == 0.0
    assert curves.loc[2, "a"] == pytest.approx(1 / 3)
    assert curves.loc[5, "a"] == pytest.approx(1 / 3)
    assert curves.loc[6, "a"] == pytest.approx(1.0)
    assert math.isnan(curves.loc[7, "a"])
    assert curves["b"].isna().all()  # its only claim began in the warm-up


@pytest.mark.parametrize("weeks", [13, 26, 52])
def test_offflow_curves_match_the_cpp_by_group_figures(smoke_trace, weeks):
    trace = load_trace(smoke_trace)
    curves = metrics.offflow_curves(trace.treatment, trace.groups)
    cpp = trace.metric_series["by_group"][f"off_benefit_{weeks}w"]
    for group in trace.groups:
        assert curves.loc[weeks, group] == pytest.approx(cpp[group], abs=1e-12), group


def test_missing_tables_say_which_trace_level_they_need(make_trace):
    trace = load_trace(make_trace("smoke_summary", "--trace", "summary"))
    with pytest.raises(Exception, match="--trace agents"):
        metrics.parked_share(trace.treatment)


def test_loader_gives_every_table_in_documented_order(smoke_trace):
    trace = load_trace(smoke_trace)
    assert trace.complete and trace.label == "smoke seed 42"
    assert list(trace.variants) == ["treatment", "counterfactual"]
    panel = trace.treatment.table("panel")
    assert list(panel.columns[:4]) == ["week", "office", "group", "stock"]
    assert len(panel) == 117 * 2
    jobseekers = trace.treatment.table("jobseekers")
    assert list(jobseekers.columns[:5]) == ["group", "office", "employability", "motivation",
                                            "adviser"]
    assert not trace.treatment.has("events")
    assert trace.metric("off_benefit_13w") is not None
    assert trace.metric("no_such_metric") is None


@pytest.fixture(scope="module", params=sorted(RUNS))
def trace_with_cpp_metrics(request, make_trace):
    """Each of RUNS, written by the real binary with its /metrics."""
    scenario, args = RUNS[request.param]
    return load_trace(make_trace(request.param, *args, scenario=scenario))


@pytest.mark.parametrize("name", sorted(CPP_NAMES))
def test_recomputed_from_tables_matches_the_cpp_metric(trace_with_cpp_metrics, name):
    trace = trace_with_cpp_metrics
    expected = trace.metric(name)
    assert expected is not None, f"/metrics has no '{name}' (renamed in sim/metrics?)"
    got = CPP_NAMES[name](trace)
    if math.isnan(expected):
        assert math.isnan(got), (name, got)  # not defined in C++, not defined here
    else:
        assert got == pytest.approx(expected, abs=1e-9, rel=0), (name, got, expected)


def test_the_jet_run_has_a_paradox_to_measure(make_trace):
    scenario, args = RUNS["jet_small"]
    trace = load_trace(make_trace("jet_small", *args, scenario=scenario))
    advisers = metrics.net_weeks_by_adviser(trace)
    assert advisers["measured_performance"].nunique() > 1


def test_recomputed_table_lists_the_run_value_beside_it(smoke_trace):
    frame = metrics.recomputed(load_trace(smoke_trace))
    assert {"creaming_index_employability", "parked_share", "sustained_13w_share"} <= set(
        frame.index)
    assert frame["value"].between(-1, 1).all()


def test_net_weeks_by_adviser_sums_every_client_once(smoke_trace):
    trace = load_trace(smoke_trace)
    advisers = metrics.net_weeks_by_adviser(trace)
    treated = trace.treatment.table("jobseekers")
    control = trace.counterfactual.table("jobseekers")
    owned = treated["adviser"] != 4294967295
    total = ((treated["employed_days"] - control["employed_days"]) / 7.0)[owned].sum()
    assert advisers["net_employment_weeks"].sum() == pytest.approx(total, rel=1e-12)
    assert len(advisers) == len(trace.treatment.table("advisers"))
