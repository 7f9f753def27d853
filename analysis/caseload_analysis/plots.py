"""Figures for one or more runs (traces), one line, bar set or colour per run.

Each function returns a matplotlib Figure, or raises Unavailable saying what the runs lack
(agent tables, a counterfactual), so a report can show the reason instead of an empty plot.
Figures are built with the object API on the Agg backend: no display, no global state.
"""

from __future__ import annotations

import textwrap

import matplotlib

matplotlib.use("Agg")

import matplotlib.ticker  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from . import metrics, names  # noqa: E402
from .trace import DAYS_PER_WEEK, Trace  # noqa: E402


class Unavailable(Exception):
    """The runs do not hold what a figure needs; the message says what and how to get it."""


def _colours(count: int) -> list:
    palette = matplotlib.colormaps["tab10"]
    return [palette(i % 10) for i in range(count)]


def _figure(width: float = 8.0, height: float = 4.8) -> Figure:
    return Figure(figsize=(width, height), dpi=110, layout="constrained")


def _with_tables(runs: list[Trace], *tables: str) -> list[Trace]:
    usable = [run for run in runs if all(run.treatment.has(t) for t in tables)]
    if not usable:
        raise Unavailable(f"needs agent tables ({', '.join(tables)}): write the runs with "
                          "--trace agents (the default) or events")
    return usable


def _over_weeks(axes, warmup_weeks: float, legend_at: float) -> None:
    """Axes over simulated weeks: the warm-up shaded grey, a grid, the legend to the right."""
    for ax in axes:
        if warmup_weeks > 0:
            ax.axvspan(0, warmup_weeks, color="grey", alpha=0.12, linewidth=0)
        ax.grid(alpha=0.3)
        ax.legend(fontsize="x-small", loc="upper left", bbox_to_anchor=(legend_at, 1.0))


def creaming_curve(runs: list[Trace]) -> Figure:
    """Discretionary help minutes per client-week by employability decile, a line per run."""
    usable = _with_tables(runs, "jobseekers")
    fig = _figure()
    ax = fig.subplots()
    for run, colour in zip(usable, _colours(len(usable))):
        curve = metrics.creaming_curve(run.treatment, "employability")
        index = metrics.creaming_index(run.treatment, "employability")
        ax.plot(curve.index, curve["minutes_per_client_week"], marker="o", color=colour,
                label=f"{run.label} (creaming index {index:+.3f})")
    ax.set_xticks(range(1, metrics.DECILES + 1))
    ax.set_xlabel("employability decile at claim (1 = furthest from work, 10 = closest)")
    ax.set_ylabel("help minutes per client-week")
    ax.set_title("Creaming curve: discretionary help by employability (treatment)")
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    ax.legend(fontsize="small")
    return fig


def parked_share_by_group(runs: list[Trace]) -> Figure:
    """Share of claiming client-weeks parked (8+ weeks without help), bars by customer group."""
    usable = _with_tables(runs, "jobseekers")
    groups: list[str] = []
    for run in usable:
        groups += [g for g in run.groups if g not in groups]
    fig = _figure()
    ax = fig.subplots()
    width = 0.8 / len(usable)
    positions = np.arange(len(groups))
    for i, (run, colour) in enumerate(zip(usable, _colours(len(usable)))):
        shares = metrics.parked_share_by_group(run.treatment, run.groups).reindex(groups)
        bars = ax.bar(positions - 0.4 + width * (i + 0.5), shares.to_numpy(), width,
                      color=colour, label=f"{run.label} (all: {metrics.parked_share(run.treatment):.1%})")
        ax.bar_label(bars, labels=[("" if np.isnan(v) else f"{v:.0%}") for v in shares],
                     fontsize="x-small", padding=2)
    # Human names, wrapped so seven groups fit side by side at laptop width.
    ax.set_xticks(positions, [textwrap.fill(names.group_name(g), 16) for g in groups],
                  fontsize="small")
    ax.set_xlabel("customer group")
    ax.set_ylabel("parked share of client-weeks")
    ax.set_ylim(0, 1.05)
    ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_title("Parking: client-weeks in a run of 8+ weeks without help (treatment)")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize="small")
    return fig


def performance_vs_impact(runs: list[Trace]) -> Figure:
    """Per adviser: what the regime credited (measured performance) against the employment
    weeks its people gained over the counterfactual (net impact). One panel per run, because
    each regime credits in its own units."""
    usable = [run for run in _with_tables(runs, "jobseekers", "advisers")
              if run.counterfactual is not None and run.counterfactual.has("jobseekers")]
    if not usable:
        raise Unavailable("needs a counterfactual with agent tables: enable counterfactual in "
                          "the scenario and write with --trace agents")
    columns = min(3, len(usable))
    rows = -(-len(usable) // columns)
    fig = _figure(width=4.2 * columns + 0.8, height=3.9 * rows + 0.4)
    axes = np.atleast_1d(fig.subplots(rows, columns, sharey=True, squeeze=False)).ravel()
    for ax, run, colour in zip(axes, usable, _colours(len(usable))):
        advisers = metrics.net_weeks_by_adviser(run)
        r = metrics.pearson(advisers["measured_performance"], advisers["net_employment_weeks"])
        ax.scatter(advisers["measured_performance"], advisers["net_employment_weeks"],
                   color=colour, alpha=0.8, edgecolor="black", linewidth=0.4)
        ax.axhline(0.0, color="grey", linewidth=0.8)
        correlation = "r undefined" if np.isnan(r) else f"r = {r:+.2f}"
        ax.set_title(f"{run.label}\n{len(advisers)} advisers, {correlation}", fontsize="medium")
        if np.all(advisers["measured_performance"] == 0):
            ax.text(0.5, 0.06, "the regime credits nothing\n(neutral): no paradox to see",
                    transform=ax.transAxes, ha="center", fontsize="small", color="dimgrey")
        ax.set_xlabel("measured performance (regime's units)")
        ax.grid(alpha=0.3)
    for ax in axes[len(usable):]:
        ax.set_visible(False)
    for ax in axes[::columns]:
        ax.set_ylabel("net impact (employment weeks\ngained by the adviser's clients)")
    fig.suptitle("Performance paradox: measured performance\nagainst net impact, per adviser"
                 if columns == 1 else
                 "Performance paradox: measured performance against net impact, per adviser")
    return fig


def entries_vs_sustained(runs: list[Trace]) -> Figure:
    """Job entries and jobs sustained 13 and 26 weeks per 100 claiming client-weeks in the
    measured period (so runs of different sizes compare), per run, with the counterfactual
    beside the treatment where there is one."""
    usable = _with_tables(runs, "jobseekers")
    measures = [("entries", "job entries"), ("sustained_13", "sustained 13 weeks"),
                ("sustained_26", "sustained 26 weeks")]
    fig = _figure(width=max(8.0, 2.6 * len(usable) + 2.0))
    ax = fig.subplots()
    colours = _colours(len(measures))
    slots = 2 * len(measures)
    width = 0.85 / slots
    for r, run in enumerate(usable):
        for v, variant in enumerate((run.treatment, run.counterfactual)):
            if variant is None or not variant.has("jobseekers"):
                continue
            totals = metrics.outcome_totals(variant)
            for m, (column, label) in enumerate(measures):
                rate = 100.0 * metrics.ratio(totals[column], totals["claim_weeks"])
                slot = v * len(measures) + m
                bar = ax.bar(r - 0.425 + width * (slot + 0.5), rate, width,
                             color=colours[m], alpha=1.0 if v == 0 else 0.45,
                             hatch="" if v == 0 else "//", edgecolor="black", linewidth=0.4,
                             label=(f"{label} ({variant.name})" if r == 0 else None))
                ax.bar_label(bar, labels=[f"{rate:.2f}"], fontsize="xx-small", padding=1)
    ax.set_xticks(range(len(usable)), [run.label for run in usable])
    ax.set_ylim(0, ax.get_ylim()[1] * 1.3)  # headroom: the legend sits above the bars
    ax.set_ylabel("per 100 claiming client-weeks")
    ax.set_title("Entries against sustained jobs in the measured period\n"
                 "(solid: treatment; hatched: counterfactual)")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize="x-small", ncols=2, loc="upper center")
    return fig


def caseload_over_time(runs: list[Trace]) -> Figure:
    """Weekly caseload (claimant stock) and off-flows, all offices and groups together;
    off-flows as a 4-week moving average, since weekly counts in small runs are noisy."""
    fig = _figure(width=10.0, height=6.4)
    top, bottom = fig.subplots(2, 1, sharex=True)
    warmup_weeks = 0.0
    for run, colour in zip(runs, _colours(len(runs))):
        warmup_weeks = max(warmup_weeks, run.treatment.measure_start_days / DAYS_PER_WEEK)
        for variant, style in ((run.treatment, "-"), (run.counterfactual, "--")):
            if variant is None:
                continue
            weekly = metrics.weekly_flows(variant)
            smooth = weekly[["exits_work", "exits"]].rolling(4, min_periods=1).mean()
            suffix = "" if variant.name == "treatment" else " (counterfactual)"
            top.plot(weekly.index, weekly["stock"], style, color=colour, linewidth=1.2,
                     label=f"{run.label}{suffix}")
            bottom.plot(weekly.index, smooth["exits_work"], style, color=colour, linewidth=1.2,
                        label=f"{run.label}{suffix}: to work")
            if variant.name == "treatment":
                bottom.plot(weekly.index, smooth["exits"], ":", color=colour, linewidth=1.2,
                            label=f"{run.label}: all off-flows")
    _over_weeks((top, bottom), warmup_weeks, legend_at=1.01)
    for ax in (top, bottom):
        ax.set_ylim(bottom=0)
    top.set_ylabel("claimants on caseloads")
    top.set_title("Weekly caseload and off-flows (grey: warm-up, not measured)")
    bottom.set_ylabel("claims ending per week\n(4-week moving average)")
    bottom.set_xlabel("week")
    return fig


def offflow_by_group(runs: list[Trace]) -> Figure:
    """Share of claims off benefit by week since the claim began, a line per customer group
    (Kaplan-Meier, treatment), with each group's calibration target where the run has one
    (/metrics/by_group offflow_target_weeks and offflow_target_share). One panel per run."""
    usable = _with_tables(runs, "spells")
    columns = min(2, len(usable))
    rows = -(-len(usable) // columns)
    fig = _figure(width=6.5 * columns, height=4.6 * rows)
    axes = np.atleast_1d(fig.subplots(rows, columns, squeeze=False)).ravel()
    for ax, run in zip(axes, usable):
        curves = metrics.offflow_curves(run.treatment, run.groups)
        targets = run.metric_series.get("by_group")
        for group, colour in zip(run.groups, _colours(len(run.groups))):
            ax.plot(curves.index, curves[group], color=colour, linewidth=1.3,
                    label=names.group_name(group))
            if targets is None or "offflow_target_share" not in targets.columns:
                continue
            weeks = targets.at[group, "offflow_target_weeks"]
            share = targets.at[group, "offflow_target_share"]
            if np.isfinite(weeks) and np.isfinite(share):
                ax.plot([weeks], [share], marker="D", markersize=7, markerfacecolor="none",
                        markeredgecolor=colour, linestyle="none")
        ax.set_title(f"{run.label}", fontsize="medium")
        ax.set_xlabel("weeks since the claim began")
        ax.set_ylabel("share off benefit")
        ax.set_ylim(0, 1.02)
        ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax.grid(alpha=0.3)
        ax.legend(fontsize="x-small", loc="lower right")
    for ax in axes[len(usable):]:
        ax.set_visible(False)
    fig.suptitle("Off-flow by customer group (lines: model; diamonds: calibration targets)")
    return fig


def scoreboard_over_time(runs: list[Trace]) -> Figure:
    """The regime's scoreboard week by week (treatment): mean credit per unit by indicator
    (4-week moving average, as lagged credit arrives in lumps), and the share of units under
    pressure with the mean star rating where the regime rates units."""
    usable = [run for run in runs if run.treatment.has("scoreboard")
              and len(run.treatment.table("scoreboard")) > 0]
    if not usable:
        raise Unavailable("needs a regime that counts something (a neutral regime keeps no "
                          "scoreboard) and a trace with the scoreboard table")
    fig = _figure(width=10.0, height=6.4)
    top, bottom = fig.subplots(2, 1, sharex=True)
    stars_axis = None
    warmup_weeks = 0.0
    styles = ["-", "--", "-.", ":"]
    for run, colour in zip(usable, _colours(len(usable))):
        warmup_weeks = max(warmup_weeks, run.treatment.measure_start_days / DAYS_PER_WEEK)
        weekly = metrics.scoreboard_by_week(run, run.treatment)
        credits = [c for c in weekly.columns if c.startswith("credit_")]
        for column, style in zip(credits, styles * len(credits)):
            smooth = weekly[column].rolling(4, min_periods=1).mean()
            top.plot(weekly.index, smooth, style, color=colour, linewidth=1.2,
                     label=f"{run.label}: {column.removeprefix('credit_')}")
        bottom.plot(weekly.index, weekly["under_pressure_share"], color=colour, linewidth=1.2,
                    label=f"{run.label}: under pressure")
        if weekly["mean_stars"].notna().any():
            stars_axis = stars_axis or bottom.twinx()
            stars_axis.plot(weekly.index, weekly["mean_stars"], ":", color=colour, linewidth=1.2,
                            label=f"{run.label}: mean stars")
    _over_weeks((top, bottom), warmup_weeks, legend_at=1.08)  # room for the stars axis
    top.set_ylim(bottom=0)
    top.set_ylabel("credit per unit per week\n(4-week moving average)")
    top.set_title("The regime's scoreboard (treatment; grey: warm-up)")
    bottom.set_ylim(0, 1.05)
    bottom.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    bottom.set_ylabel("share of units under pressure")
    bottom.set_xlabel("week")
    if stars_axis is not None:
        stars_axis.set_ylim(0.5, 5.5)
        stars_axis.set_ylabel("mean stars (dotted)")
        stars_axis.legend(fontsize="x-small", loc="lower left", bbox_to_anchor=(1.08, 0.0))
    return fig


def trial_cohort_curves(runs: list[Trace]) -> Figure:
    """A trial's cohort by month since random assignment: the share in work (top) and on
    benefit (bottom), programme and control as the trial saw them (solid), and the same people
    in the counterfactual (dotted), a colour per run."""
    usable = [run for run in runs if "trial_by_month" in run.metric_series
              and run.metric_series["trial_by_month"]["in_work_programme"].notna().any()]
    if not usable:
        raise Unavailable("needs a run with a `trial` section (docs/SCENARIOS.md, "
                          "\"A trial inside one market\")")
    fig = _figure(width=9.0, height=6.4)
    top, bottom = fig.subplots(2, 1, sharex=True)
    for run, colour in zip(usable, _colours(len(usable))):
        curves = run.metric_series["trial_by_month"]
        months = np.arange(1, len(curves) + 1)
        for ax, what in ((top, "in_work"), (bottom, "on_benefit")):
            ax.plot(months, curves[f"{what}_programme"], "-", color=colour, linewidth=1.6,
                    label=f"{run.label}: programme")
            ax.plot(months, curves[f"{what}_control"], "-", color=colour, linewidth=0.9,
                    alpha=0.7, label=f"{run.label}: control")
            ax.plot(months, curves[f"{what}_programme_counterfactual"], ":", color=colour,
                    linewidth=1.2, label=f"{run.label}: programme's people, counterfactual")
    for ax, label in ((top, "share in work"), (bottom, "share claiming")):
        ax.set_ylim(0, 1.0)
        ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax.set_ylabel(label)
        ax.grid(alpha=0.3)
        ax.legend(fontsize="x-small", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    bottom.set_xlabel("months since random assignment")
    top.set_title("A trial inside one market: programme, control and the counterfactual")
    return fig


#: (file stem, title, function) for every figure a report draws, in report order.
FIGURES = [
    ("creaming_curve", "Creaming curve", creaming_curve),
    ("parked_share_by_group", "Parked share by customer group", parked_share_by_group),
    ("performance_vs_impact", "Measured performance against net impact", performance_vs_impact),
    ("entries_vs_sustained", "Entries against sustained jobs", entries_vs_sustained),
    ("caseload_over_time", "Weekly caseload and off-flows", caseload_over_time),
    ("offflow_by_group", "Off-flow by customer group against calibration targets", offflow_by_group),
    ("scoreboard_over_time", "The regime's scoreboard over time", scoreboard_over_time),
    ("trial_cohort_curves", "A trial's cohort by month since random assignment", trial_cohort_curves),
]
