"""Metrics recomputed from a trace's tables, as docs/METRICS.md defines them (and sim/metrics
computes them), so a reader can check the C++ figures or compute them for old traces.

Every function takes a Variant (or two) from caseload_analysis.trace and returns plain floats
or DataFrames. NaN means "not defined" (nothing to divide by), never zero.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .trace import DAYS_PER_WEEK, NO_ROW, Trace, Variant, measured_panel

#: Actions that count as discretionary help to a client (sim/metrics/creaming.hpp): the ones
#: that reset the parking clock. In this order, as the C++ sums them.
HELP_ACTIONS = ("interview", "submission", "referral", "discretion_fund")

DECILES = 10
SUSTAINED_SHORT_WEEKS = 13.0
SUSTAINED_LONG_WEEKS = 26.0


def ratio(part: float, whole: float) -> float:
    return part / whole if whole != 0 else float("nan")


def help_minutes(jobseekers: pd.DataFrame) -> np.ndarray:
    """Discretionary help minutes per person over the measured period."""
    total = np.zeros(len(jobseekers))
    for action in HELP_ACTIONS:
        total = total + jobseekers[f"help_minutes_{action}"].to_numpy(dtype=float)
    return total


def fractional_ranks(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Weighted fractional rank, ascending: (weight strictly below + half the weight tied) /
    total weight. Tied values share one rank."""
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float)
    order = np.argsort(values, kind="stable")
    sorted_values = values[order]
    sorted_weights = weights[order]
    # Runs of equal values: each run's start index and its summed weight.
    starts = np.flatnonzero(np.r_[True, sorted_values[1:] != sorted_values[:-1]])
    tied = np.add.reduceat(sorted_weights, starts)
    below = np.r_[0.0, np.cumsum(tied)[:-1]]
    run_rank = (below + 0.5 * tied) / weights.sum()
    run_of = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(values)]))
    ranks = np.empty(len(values))
    ranks[order] = run_rank[run_of]
    return ranks


def concentration_index(minutes: np.ndarray, weights: np.ndarray, rank_by: np.ndarray) -> float:
    """C = 2 cov_w(h, r) / mean_w(h), h = minutes / weight, r the weighted fractional rank by
    `rank_by`. -1..1: 0 even, +1 everything to the highest ranked. NaN with no minutes."""
    minutes = np.asarray(minutes, dtype=float)
    weights = np.asarray(weights, dtype=float)
    if len(minutes) == 0 or minutes.sum() == 0:
        return float("nan")
    ranks = fractional_ranks(rank_by, weights)
    total_weight = weights.sum()
    mean_help = minutes.sum() / total_weight
    mean_rank = (weights * ranks).sum() / total_weight
    covariance = (weights * (minutes / weights - mean_help) * (ranks - mean_rank)).sum()
    return 2.0 * (covariance / total_weight) / mean_help


def _claimants(variant: Variant) -> pd.DataFrame:
    jobseekers = variant.table("jobseekers")
    return jobseekers[jobseekers["claim_weeks"] > 0]


def creaming_index(variant: Variant, ranked_by: str = "employability") -> float:
    """Concentration index of help minutes per client-week over people with claim_weeks > 0,
    weighted by claim_weeks, ranked by employability (or motivation) at claim."""
    people = _claimants(variant)
    return concentration_index(help_minutes(people), people["claim_weeks"].to_numpy(float),
                               people[ranked_by].to_numpy(float))


def creaming_curve(variant: Variant, ranked_by: str = "employability") -> pd.DataFrame:
    """Help minutes per client-week by decile of weighted fractional rank (decile d holds ranks
    in [d/10, (d+1)/10)); columns minutes, client_weeks, minutes_per_client_week; index 1..10."""
    people = _claimants(variant)
    minutes = help_minutes(people)
    weights = people["claim_weeks"].to_numpy(float)
    curve = pd.DataFrame({"minutes": np.zeros(DECILES), "client_weeks": np.zeros(DECILES)},
                         index=pd.RangeIndex(1, DECILES + 1, name="decile"))
    if len(people):
        ranks = fractional_ranks(people[ranked_by].to_numpy(float), weights)
        decile = np.minimum(DECILES - 1, np.floor(DECILES * ranks).astype(int))
        curve["minutes"] = np.bincount(decile, weights=minutes, minlength=DECILES)
        curve["client_weeks"] = np.bincount(decile, weights=weights, minlength=DECILES)
    with np.errstate(invalid="ignore", divide="ignore"):
        curve["minutes_per_client_week"] = np.where(
            curve["client_weeks"] > 0, curve["minutes"] / curve["client_weeks"], np.nan)
    return curve


def parked_share(variant: Variant) -> float:
    """Share of claiming client-weeks that lie in a run of 8+ weeks without help."""
    jobseekers = variant.table("jobseekers")
    return ratio(float(jobseekers["parked_weeks"].sum()), float(jobseekers["claim_weeks"].sum()))


def parked_share_by_group(variant: Variant, groups: list[str]) -> pd.Series:
    """parked_share per customer group, indexed by group name (NaN for a group never claiming)."""
    jobseekers = variant.table("jobseekers")
    sums = jobseekers.groupby("group")[["parked_weeks", "claim_weeks"]].sum()
    sums = sums.reindex(range(len(groups)), fill_value=0)
    shares = sums["parked_weeks"] / sums["claim_weeks"].where(sums["claim_weeks"] > 0)
    return pd.Series(shares.to_numpy(float), index=pd.Index(groups, name="group"),
                     name="parked_share")


def _kaplan_meier_off(weeks_seen: np.ndarray, ended: np.ndarray, horizon: int) -> np.ndarray:
    """Share off benefit by each whole week 0..horizon; NaN past the longest claim seen.
    Endings count before censorings at the same time (sim/metrics/offflow_curves.cpp)."""
    if len(weeks_seen) == 0:
        return np.full(horizon + 1, np.nan)
    order = np.lexsort((~ended, weeks_seen))
    weeks_seen, ended = weeks_seen[order], ended[order]
    at_risk = len(weeks_seen) - np.arange(len(weeks_seen))
    survival = np.cumprod(np.where(ended, 1.0 - 1.0 / at_risk, 1.0))
    grid = np.arange(horizon + 1, dtype=float)
    seen = np.searchsorted(weeks_seen, grid, side="right")  # claims with duration <= w
    off = np.where(seen > 0, 1.0 - survival[np.maximum(seen - 1, 0)], 0.0)
    return np.where(grid <= weeks_seen[-1], off, np.nan)


def offflow_curves(variant: Variant, groups: list[str], horizon: int = 104) -> pd.DataFrame:
    """Kaplan-Meier share off benefit by week since the claim began, for claims begun in the
    measured period: one column per group (and "all"), rows weeks 0..horizon. Open claims
    count for the weeks they were seen, as in the run's own by_group off_benefit_* figures."""
    spells = variant.table("spells")
    spells = spells[spells["start"] >= variant.measure_start_days]
    ended = ~spells["is_open"].to_numpy(bool)
    end = np.where(ended, spells["end"].to_numpy(float), variant.end_days)
    weeks_seen = (end - spells["start"].to_numpy(float)) / DAYS_PER_WEEK
    group = spells["group"].to_numpy()
    curves = {name: _kaplan_meier_off(weeks_seen[group == g], ended[group == g], horizon)
              for g, name in enumerate(groups)}
    curves["all"] = _kaplan_meier_off(weeks_seen, ended, horizon)
    return pd.DataFrame(curves, index=pd.RangeIndex(horizon + 1, name="week"))


def followed_up_jobs(variant: Variant) -> pd.DataFrame:
    """Jobs begun in the measured period early enough (26 weeks before the end) to follow up."""
    jobs = variant.table("jobs")
    end = variant.end_days
    follow_up_end = end - SUSTAINED_LONG_WEEKS * DAYS_PER_WEEK
    started = (jobs["start"] >= variant.measure_start_days) & (jobs["start"] < end)
    return jobs[started & (jobs["start"] < follow_up_end)]


def sustained_share(variant: Variant, weeks: float = SUSTAINED_SHORT_WEEKS) -> float:
    """Share of followed-up job entries whose tenure (drawn at hire) is `weeks` or more."""
    jobs = followed_up_jobs(variant)
    tenure_weeks = (jobs["end"] - jobs["start"]) / DAYS_PER_WEEK
    return ratio(float((tenure_weeks >= weeks).sum()), float(len(jobs)))


def outcome_totals(variant: Variant) -> dict[str, float]:
    """Job entries, 13/26-week sustained jobs and claiming client-weeks in the measured period
    (jobseeker table)."""
    jobseekers = variant.table("jobseekers")
    return {name: float(jobseekers[name].sum())
            for name in ("entries", "sustained_13", "sustained_26", "claim_weeks")}


def net_weeks_by_adviser(trace: Trace) -> pd.DataFrame:
    """Per treatment adviser: measured_performance and the employment weeks its people gained
    over the counterfactual (a person belongs to the adviser of their latest treatment claim).
    Needs both variants at trace level agents."""
    if trace.counterfactual is None:
        raise ValueError(f"{trace.path}: no counterfactual variant")
    treated = trace.treatment.table("jobseekers")
    control = trace.counterfactual.table("jobseekers")
    if len(treated) != len(control):
        raise ValueError(f"{trace.path}: the variants have different people")
    gained = (treated["employed_days"].to_numpy(float)
              - control["employed_days"].to_numpy(float)) / DAYS_PER_WEEK
    advisers = trace.treatment.table("advisers")
    owner = treated["adviser"].to_numpy()
    present = owner != NO_ROW
    net = np.bincount(owner[present].astype(np.int64), weights=gained[present],
                      minlength=len(advisers))
    return pd.DataFrame({"office": advisers["office"].to_numpy(),
                         "measured_performance": advisers["measured_performance"].to_numpy(float),
                         "net_employment_weeks": net[:len(advisers)]},
                        index=pd.RangeIndex(len(advisers), name="adviser"))


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    """Population Pearson correlation; NaN with fewer than two points or a constant variable."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if len(x) < 2 or np.all(x == x[0]) or np.all(y == y[0]):
        return float("nan")
    return float(np.corrcoef(x, y)[0, 1])


def weekly_flows(variant: Variant) -> pd.DataFrame:
    """The panel summed over offices and groups, one row per week: stock, inflow and exits."""
    panel = variant.table("panel")
    # Every exit reason the trace has (its /exit_reasons list), so a new one is counted too.
    exits = [column for column in panel.columns if column.startswith("exits_")]
    weekly = panel.groupby("week")[["stock", "inflow", *exits]].sum()
    weekly["exits"] = weekly[exits].sum(axis=1)
    return weekly


def sanctions(variant: Variant) -> float:
    """Sanctions imposed in the measured weeks (the panel's sum), as sim/metrics counts them."""
    return float(measured_panel(variant)["sanctions"].sum())


def scoreboard(trace: Trace, variant: Variant) -> pd.DataFrame:
    """The variant's scoreboard with `level` and `indicator` as names (/unit_levels,
    /scoreboard_indicators) instead of codes; empty under a neutral regime."""
    board = variant.table("scoreboard").copy()
    for column, labels in (("level", "unit_levels"), ("indicator", "scoreboard_indicators")):
        names = trace.labels.get(labels, [])
        board[column] = [names[int(code)] for code in board[column]]
    return board


# Height of each kind of unit in the management hierarchy (sim/regimes/organisation.hpp).
LEVEL_RANK = {"adviser": 0, "team": 1, "office": 2, "provider": 2, "district": 3, "nation": 4}


def scoreboard_by_week(trace: Trace, variant: Variant) -> pd.DataFrame:
    """One row per week: mean credit per unit by indicator (a column `credit_<indicator>`
    each), the share of units under pressure (above 1) and the mean star rating (NaN when the
    regime rates no one). Per-unit figures repeat on a unit's indicator rows: counted once.
    A cascade scores every level; only its lowest level's units (what advisers feel) count
    here, as the levels above add the same credit up again."""
    board = scoreboard(trace, variant)
    if board.empty:
        return pd.DataFrame()
    ranks = board["level"].map(LEVEL_RANK)
    board = board[ranks == ranks.min()]
    credit = board.pivot_table(index="week", columns="indicator", values="credit", aggfunc="mean")
    credit.columns = [f"credit_{name}" for name in credit.columns]
    units = board.drop_duplicates(["week", "level", "unit"])
    weekly = units.groupby("week").agg(
        under_pressure_share=("pressure", lambda p: float(np.mean(p > 1.0))),
        mean_stars=("stars", lambda s: float(s.mean()) if (s > 0).any() else float("nan")))
    return credit.join(weekly)


def recomputed(trace: Trace) -> pd.DataFrame:
    """The figures this module recomputes from the tables, next to the run's own /metrics
    value where it wrote one under the same name."""
    t = trace.treatment
    rows = [("sanctions", sanctions(t), "sanctions imposed in the measured period")]
    if t.has("jobseekers"):
        rows += [
            ("creaming_index_employability", creaming_index(t, "employability"),
             "concentration index of help per client-week by employability at claim (-1..1)"),
            ("creaming_index_motivation", creaming_index(t, "motivation"),
             "concentration index of help per client-week by motivation at claim (-1..1)"),
            ("parked_share", parked_share(t),
             "share of claiming client-weeks in a run of 8+ weeks without help"),
        ]
    if t.has("jobs"):
        rows += [
            ("sustained_13w_share", sustained_share(t, SUSTAINED_SHORT_WEEKS),
             "share of followed-up job entries lasting 13+ weeks"),
            ("sustained_26w_share", sustained_share(t, SUSTAINED_LONG_WEEKS),
             "share of followed-up job entries lasting 26+ weeks"),
        ]
    frame = pd.DataFrame(rows, columns=["name", "value", "description"]).set_index("name")
    frame["run_value"] = [trace.metric(name) for name in frame.index]
    return frame
