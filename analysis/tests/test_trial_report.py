"""A trial inside one market in a run's report: the cohort curves are written to
/metrics/trial_by_month and drawn; a run without a trial keeps them NaN and says why."""

import numpy as np

from caseload_analysis.report import write_report
from caseload_analysis.trace import load_trace


def test_a_trial_run_draws_its_cohort_curves(make_trace, smoke_trace, tmp_path):
    trace = make_trace("trial_small", "--set", "run.weeks=40", "--set", "run.warmup_weeks=13",
                       "--set", "network.offices=1",
                       "--set", "trial={share: 0.5, from_week: 0, weeks: 8, attachment_weeks: 26, follow_weeks: 26}")
    run = load_trace(trace)
    curves = run.metric_series["trial_by_month"]
    assert len(curves) == 36
    shares = curves["in_work_programme"].to_numpy()
    seen = shares[~np.isnan(shares)]
    assert len(seen) >= 6 and ((seen >= 0) & (seen <= 1)).all()
    assert np.isnan(shares[-1])  # a 40-week run reaches no one three years on
    assert run.metric("trial_cohort") > 0
    write_report([trace], tmp_path / "with")
    assert (tmp_path / "with" / "trial_cohort_curves.png").exists()
    plain = load_trace(smoke_trace)
    assert plain.metric_series["trial_by_month"]["in_work_programme"].isna().all()
    write_report([smoke_trace], tmp_path / "without")
    assert not (tmp_path / "without" / "trial_cohort_curves.png").exists()
    assert "needs a run with a `trial` section" in (tmp_path / "without" / "index.html").read_text()
