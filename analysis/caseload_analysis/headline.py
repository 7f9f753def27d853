"""The single-run report's headline: the few figures a policy designer reads first (creaming,
parking by group, job quality and sustainment, net impact, measured performance against net
impact), each with its value from the trace's /metrics and, where there is one, a 95% interval.

Runs of one scenario (different seeds) are replications: the headline gives their mean and
the interval across them. A lone run with a counterfactual gets intervals from inside the run:
net impact per person across the people present, the correlation across advisers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import names
from .intervals import mean_interval
from .trace import DAYS_PER_WEEK, Trace

# (metric, units for its interval) in headline order; by-group parking follows parked_share.
FIGURES = [("creaming_index_employability", "index"), ("parked_share", "share"),
           ("mean_job_quality", "quality"), ("sustained_13w_share", "share"),
           ("sustained_26w_share", "share"), ("net_employment_weeks_per_person", "weeks"),
           ("paradox_adviser_correlation", "correlation")]


@dataclass
class Replicates:
    """The runs of one scenario, read as replications, and the label they go by."""
    label: str
    runs: list[Trace]


def replicates(runs: list[Trace]) -> list[Replicates]:
    """Runs grouped by scenario name, in first-seen order. A lone run keeps its own label; a
    group is "<scenario> (N runs)". A scenario given twice with one seed has no replications
    (its runs are copies): each of its runs stands alone."""
    grouped: dict[str, list[Trace]] = {}
    for run in runs:
        grouped.setdefault(run.scenario_name, []).append(run)
    sets = []
    for scenario, members in grouped.items():
        seeds = [run.seed for run in members]
        if len(members) > 1 and len(set(seeds)) == len(seeds):
            sets.append(Replicates(f"{scenario} ({len(members)} runs)", members))
        else:
            sets += [Replicates(run.label, [run]) for run in members]
    return sets


def _group_value(run: Trace, metric: str, group: str) -> float:
    by_group = run.metric_series.get("by_group")
    if by_group is None or metric not in by_group.columns or group not in by_group.index:
        return float("nan")
    return float(by_group.at[group, metric])


def _people_gains(run: Trace) -> np.ndarray | None:
    """Employment weeks gained over the counterfactual by each person present
    (docs/METRICS.md, "Net impact"); None without both variants' agent tables."""
    if run.counterfactual is None or not (run.treatment.has("jobseekers")
                                          and run.counterfactual.has("jobseekers")):
        return None
    treated = run.treatment.table("jobseekers")
    control = run.counterfactual.table("jobseekers")
    if len(treated) != len(control):
        return None
    present = np.zeros(len(treated), dtype=bool)
    for column in ("claim_weeks", "employed_days"):
        present |= (treated[column].to_numpy(float) > 0) | (control[column].to_numpy(float) > 0)
    gained = (treated["employed_days"].to_numpy(float)
              - control["employed_days"].to_numpy(float)) / DAYS_PER_WEEK
    return gained[present]


def _within_run(run: Trace, metric: str, value: float) -> tuple[float, float, int, str]:
    """(lower, upper, n, over what) for a lone run's figure, where the run holds the spread."""
    nan = float("nan")
    if metric == "net_employment_weeks_per_person":
        gains = _people_gains(run)
        if gains is not None and len(gains) >= 2:
            _, lower, upper, n = mean_interval(gains)
            return lower, upper, n, "people"
    if metric == "paradox_adviser_correlation" and np.isfinite(value):
        advisers = run.metric_series.get("by_adviser")
        n = 0 if advisers is None else len(advisers)
        if n > 3:  # Fisher z's standard error 1/sqrt(n - 3)
            half = 1.959964 / math.sqrt(n - 3)
            centre = math.atanh(min(max(value, -1 + 1e-6), 1 - 1e-6))
            return math.tanh(centre - half), math.tanh(centre + half), n, "advisers"
    return nan, nan, 0, ""


def _row(label: str, metric: str, group: str, values: list[float], units: str,
         lone: Trace | None) -> dict:
    mean, lower, upper, n = mean_interval(values, units)
    over = "runs" if n >= 2 else ""
    if lone is not None and not group:
        lower, upper, n_inside, inside = _within_run(lone, metric, mean)
        if inside:
            n, over = n_inside, inside
    name = names.metric_name(metric) + (f": {names.group_name(group)}" if group else "")
    return {"runs_of": label, "metric": metric, "group": group, "name": name, "value": mean,
            "lower": lower, "upper": upper, "n": n, "interval_over": over}


def headline_table(runs: list[Trace]) -> pd.DataFrame:
    """One row per replicate set and headline figure (parking also by customer group):
    runs_of, metric, group ("" for everyone), name, value, lower, upper, n, interval_over
    ("runs", "people", "advisers", or "" with no interval)."""
    rows = []
    for members in replicates(runs):
        lone = members.runs[0] if len(members.runs) == 1 else None
        for metric, units in FIGURES:
            values = [run.metric(metric) for run in members.runs]
            values = [np.nan if v is None else v for v in values]
            rows.append(_row(members.label, metric, "", values, units, lone))
            if metric != "parked_share":
                continue
            groups: list[str] = []
            for run in members.runs:
                groups += [g for g in run.groups if g not in groups]
            for group in groups:
                values = [_group_value(run, metric, group) for run in members.runs]
                rows.append(_row(members.label, metric, group, values, units, lone))
    return pd.DataFrame(rows, columns=["runs_of", "metric", "group", "name", "value", "lower",
                                       "upper", "n", "interval_over"])


def _with_interval(row) -> str:
    text = names.value_text(row["metric"], row["value"])
    if row["interval_over"] and np.isfinite(row["lower"]):
        over = {"runs": f"across {row['n']} runs", "people": f"across {row['n']:,} people",
                "advisers": f"across {row['n']} advisers"}[row["interval_over"]]
        text += (f" (95% interval {names.value_text(row['metric'], row['lower'])} to "
                 f"{names.value_text(row['metric'], row['upper'])}, {over})")
    return text


def sentences(table: pd.DataFrame, label: str) -> list[str]:
    """The headline in plain words for one replicate set."""
    rows = table[table["runs_of"] == label]
    whole = {row["metric"]: row for _, row in rows[rows["group"] == ""].iterrows()}
    said = []
    creaming = whole["creaming_index_employability"]
    if np.isfinite(creaming["value"]):
        spans_zero = creaming["lower"] <= 0 <= creaming["upper"]  # False without an interval
        leaning = ("no clear lean of help either way" if spans_zero
                   else "help leans towards those closest to work" if creaming["value"] > 0
                   else "help leans towards those furthest from work" if creaming["value"] < 0
                   else "help is spread evenly")
        said.append(f"Creaming: {leaning}, index {_with_interval(creaming)} "
                    "(0 is even; -1 to 1).")
    parked = whole["parked_share"]
    if np.isfinite(parked["value"]):
        text = (f"Parking: {_with_interval(parked)} of claimant-weeks were in a run of 8+ weeks "
                "without help")
        groups = rows[(rows["metric"] == "parked_share") & (rows["group"] != "")]
        groups = groups[np.isfinite(groups["value"].to_numpy(float))]
        if len(groups) >= 2:
            most = groups.loc[groups["value"].idxmax()]
            least = groups.loc[groups["value"].idxmin()]
            text += (f"; most for {names.group_name(most['group'])} "
                     f"({names.value_text('parked_share', most['value'])}), least for "
                     f"{names.group_name(least['group'])} "
                     f"({names.value_text('parked_share', least['value'])})")
        said.append(text + ".")
    quality = whole["mean_job_quality"]
    if np.isfinite(quality["value"]):
        said.append(f"Jobs: mean quality {_with_interval(quality)} on a 0 to 1 scale; "
                    f"{_with_interval(whole['sustained_13w_share'])} lasted 13+ weeks and "
                    f"{_with_interval(whole['sustained_26w_share'])} 26+ weeks.")
    net = whole["net_employment_weeks_per_person"]
    if np.isfinite(net["value"]):
        said.append(f"Net impact: {_with_interval(net)} employment weeks gained per person "
                    "over the counterfactual.")
    else:
        said.append("Net impact: not measured (the run has no complete counterfactual).")
    paradox = whole["paradox_adviser_correlation"]
    if np.isfinite(paradox["value"]):
        said.append("Measured performance against net impact: correlation across advisers "
                    f"{_with_interval(paradox)} (1: the regime credits exactly those who "
                    "help most; 0 or below: its credit says nothing about impact).")
    else:
        said.append("Measured performance against net impact: undefined (no counterfactual, "
                    "or the regime credits nothing, or every adviser alike).")
    return said

