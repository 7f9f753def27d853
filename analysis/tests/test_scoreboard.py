"""The regime's scoreboard as the loader reads it, and its report figure: the credit a JOT run's
scoreboard shows over the measured weeks is what the regime credited the advisers; a neutral
run keeps no scoreboard and the figure says why it is not drawn."""

import numpy as np

from caseload_analysis import metrics, plots
from caseload_analysis.report import write_report
from caseload_analysis.trace import load_trace


def test_jot_scoreboard_names_its_codes_and_sums_to_measured_performance(jot_trace):
    run = load_trace(jot_trace)
    assert run.labels["unit_levels"] == ["adviser", "team", "office", "provider", "district", "nation"]
    assert run.labels["scoreboard_indicators"] == ["job_entry"]
    board = metrics.scoreboard(run, run.treatment)
    assert set(board["level"]) == {"team"}
    assert set(board["indicator"]) == {"job_entry"}
    weeks = board["week"].nunique()
    assert len(board) == weeks * board["unit"].nunique()  # every unit every week
    measured = board[board["week"] * 7.0 >= run.treatment.measure_start_days]["credit"].sum()
    credited = run.treatment.table("advisers")["measured_performance"].sum()
    assert credited > 0
    assert abs(measured - credited) <= 1e-9 * credited


def test_scoreboard_by_week_counts_each_unit_once(jot_trace):
    run = load_trace(jot_trace)
    weekly = metrics.scoreboard_by_week(run, run.treatment)
    board = run.treatment.table("scoreboard")
    assert list(weekly.columns) == ["credit_job_entry", "under_pressure_share", "mean_stars"]
    assert len(weekly) == board["week"].nunique()
    week = int(board["week"].max())
    rows = board[board["week"] == week]
    assert weekly.at[week, "under_pressure_share"] == np.mean(rows["pressure"] > 1.0)
    assert weekly.at[week, "credit_job_entry"] == rows["credit"].mean()
    assert weekly["mean_stars"].isna().all()  # JOT rates no one


def test_a_cascade_scores_every_level_and_the_weekly_view_keeps_its_lowest(make_trace):
    trace = make_trace("uk_cascade_small", "--set", "run.weeks=26", "--set", "run.warmup_weeks=13",
                       "--set", "counterfactual.enabled=false", scenario="scenarios/regimes/uk-cascade.yaml")
    run = load_trace(trace)
    board = metrics.scoreboard(run, run.treatment)
    assert set(board["level"]) == {"nation", "district", "office", "team"}
    by_level = board.groupby(["week", "level"])["credit"].sum().unstack()
    # Every level adds up the same credit, week by week.
    for level in ("district", "office", "team"):
        assert np.allclose(by_level[level], by_level["nation"], rtol=1e-12, atol=1e-9)
    weekly = metrics.scoreboard_by_week(run, run.treatment)
    teams = board[board["level"] == "team"]
    week = int(teams["week"].max())
    assert weekly.at[week, "credit_job_entry"] == teams[teams["week"] == week]["credit"].mean()


def test_sanctions_recomputed_from_the_panel_is_the_cxx_figure(jot_trace):
    run = load_trace(jot_trace)
    assert metrics.sanctions(run.treatment) == run.metric("sanctions")
    by_group = run.metric_series["by_group"]
    assert by_group["sanctions"].sum() == run.metric("sanctions")


def test_evidence_by_group_adds_up_to_the_summary_and_is_nan_where_not_kept(jot_trace, smoke_trace):
    run = load_trace(jot_trace)
    by_group = run.metric_series["by_group"]
    # JOT matches records, so it tallies the entries they missed; it has no claims to weigh.
    assert by_group["unmatched_entries"].sum() == run.metric("unmatched_entries")
    assert (by_group["claims_weak"] == 0).all()
    neutral = load_trace(smoke_trace).metric_series["by_group"]
    for name in ("claims_weak", "claims_rejected", "credit_audit_would_remove", "unmatched_entries"):
        assert neutral[name].isna().all(), name


def test_the_report_draws_the_scoreboard_for_a_counting_regime_only(jot_trace, smoke_trace, tmp_path):
    written = write_report([jot_trace], tmp_path / "jot")
    assert "scoreboard_over_time" in written.figures
    assert (tmp_path / "jot" / "scoreboard_over_time.png").read_bytes()[:4] == b"\x89PNG"
    neutral = write_report([smoke_trace], tmp_path / "smoke")
    assert "scoreboard_over_time" not in neutral.figures
    assert "counts something" in neutral.skipped["scoreboard_over_time"]
    assert "scoreboard_over_time" in [stem for stem, _title, _draw in plots.FIGURES]
