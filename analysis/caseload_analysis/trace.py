"""Load a caseload trace (docs/TRACE_FORMAT.md) into pandas DataFrames, with h5py alone.

A trace is one run: root attributes (provenance), the resolved scenario, label lists, and per
variant ("treatment", "counterfactual") tables of equal-length columns, plus /metrics.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import h5py
import numpy as np
import pandas as pd

#: Tables a variant may hold, in the writer's order; "events" only at trace level `events`.
TABLES = ("panel", "jobseekers", "advisers", "spells", "jobs", "events")

#: Row value of jobseekers/adviser for someone never on a caseload.
NO_ROW = 4294967295

DAYS_PER_WEEK = 7.0

#: Column order as docs/TRACE_FORMAT.md lists it ("{action}" stands for each of /actions in
#: turn). HDF5 lists datasets by name, so tables are put back in this order on loading;
#: columns not listed here follow by name.
COLUMN_ORDER = {
    "panel": ["week", "office", "group", "stock", "inflow", "reclaims", "exits_work",
              "exits_inactivity", "exits_sanction", "entries_via_submission", "sustained_13",
              "sustained_26", "minutes_{action}", "submissions", "speculative_submissions",
              "referrals", "sanctions", "fund_spend"],
    "jobseekers": ["group", "office", "employability", "motivation", "adviser",
                   "help_minutes_{action}", "employed_days", "entries", "sustained_13",
                   "sustained_26", "claim_weeks", "parked_weeks", "reclaims", "state"],
    "advisers": ["office", "team", "w_client", "effectiveness", "review_minutes",
                 "minutes_{action}", "budget_minutes", "measured_weeks", "measured_performance"],
    "spells": ["person", "group", "office", "reason", "is_reclaim", "is_open", "start", "end"],
    "jobs": ["person", "employer", "group", "via_submission", "quality", "start", "end",
             "reclaim"],
    "events": ["time", "kind", "subject", "detail"],
}


class TraceError(Exception):
    """The file is missing, is not HDF5, or is not laid out as a caseload trace."""


@dataclass
class Variant:
    name: str
    attrs: dict
    tables: dict[str, pd.DataFrame]

    @property
    def measure_start_days(self) -> float:
        return float(self.attrs["measure_start_days"])

    @property
    def end_days(self) -> float:
        return float(self.attrs["end_days"])

    @property
    def interrupted(self) -> bool:
        return bool(self.attrs.get("interrupted", 0))

    def has(self, table: str) -> bool:
        return table in self.tables

    def table(self, name: str) -> pd.DataFrame:
        """The named table; TraceError naming the trace level it needs when it is absent."""
        if name not in self.tables:
            level = "events" if name == "events" else "agents"
            raise TraceError(
                f"the {self.name} variant has no '{name}' table "
                f"(write the run with --trace {level})")
        return self.tables[name]


@dataclass
class Trace:
    path: Path
    attrs: dict
    scenario: str
    groups: list[str]
    actions: list[str]
    labels: dict[str, list[str]]
    variants: dict[str, Variant]
    #: One row per /metrics scalar: name (index), value, description.
    metrics: pd.DataFrame
    #: /metrics/<series>: a DataFrame per series, indexed by its labels.
    metric_series: dict[str, pd.DataFrame] = field(default_factory=dict)
    #: Overrides `label` (a report gives runs that share scenario and seed distinct names).
    display_name: str | None = None

    @property
    def complete(self) -> bool:
        return bool(self.attrs.get("complete", 0))

    @property
    def scenario_name(self) -> str:
        return str(self.attrs.get("scenario_name", ""))

    @property
    def seed(self) -> int:
        return int(self.attrs.get("seed", 0))

    @property
    def label(self) -> str:
        """A short name for plots and tables: "<scenario> seed <seed>" unless display_name."""
        return self.display_name or f"{self.scenario_name} seed {self.seed}"

    @property
    def treatment(self) -> Variant:
        return self.variants["treatment"]

    @property
    def counterfactual(self) -> Variant | None:
        return self.variants.get("counterfactual")

    def metric(self, name: str) -> float | None:
        """A /metrics scalar, or None when the run did not write it."""
        if name not in self.metrics.index:
            return None
        return float(self.metrics.loc[name, "value"])


def _strings(dataset: h5py.Dataset) -> list[str]:
    return [str(s) for s in dataset.asstr()[()]]


def _attrs(obj) -> dict:
    return {key: obj.attrs[key] for key in obj.attrs}


def column_order(table: str, actions: list[str]) -> list[str]:
    """The documented column order of `table`, with per-action columns expanded."""
    order = []
    for name in COLUMN_ORDER.get(table, []):
        order += [name.format(action=a) for a in actions] if "{action}" in name else [name]
    return order


def _table(group: h5py.Group, order: list[str]) -> pd.DataFrame:
    columns = {name: group[name][()] for name in group if isinstance(group[name], h5py.Dataset)}
    lengths = {len(v) for v in columns.values()}
    if len(lengths) > 1:
        raise TraceError(f"{group.name}: columns differ in length {sorted(lengths)}")
    names = [n for n in order if n in columns] + sorted(n for n in columns if n not in order)
    return pd.DataFrame({name: columns[name] for name in names})


def _metrics(f: h5py.File) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    scalars = pd.DataFrame({"value": pd.Series(dtype=float), "description": pd.Series(dtype=str)})
    series: dict[str, pd.DataFrame] = {}
    if "metrics" not in f:
        return scalars, series
    group = f["metrics"]
    if "scalars" in group:
        names = _strings(group["scalars/name"])
        scalars = pd.DataFrame(
            {"value": np.asarray(group["scalars/value"][()], dtype=float),
             "description": _strings(group["scalars/description"])
             if "description" in group["scalars"] else [""] * len(names)},
            index=pd.Index(names, name="name"))
    for name in group:
        if name == "scalars" or not isinstance(group[name], h5py.Group):
            continue
        member = group[name]
        labels = _strings(member["label"]) if "label" in member else None
        arrays = {key: member[key][()] for key in member
                  if key != "label" and isinstance(member[key], h5py.Dataset)}
        series[name] = pd.DataFrame(arrays, index=pd.Index(labels, name="label")
                                    if labels is not None else None)
    return scalars, series


def load_trace(path: str | Path, events: bool = False) -> Trace:
    """Reads every table of every variant; the event log only when `events` is true (it can be
    large). Raises TraceError for a missing file or one that is not a caseload trace."""
    path = Path(path)
    if not path.is_file():
        raise TraceError(f"{path}: no such file")
    if not h5py.is_hdf5(path):
        raise TraceError(f"{path}: not an HDF5 file")
    with h5py.File(path, "r") as f:
        if "trace_format_version" not in f.attrs:
            raise TraceError(f"{path}: not a caseload trace (no trace_format_version)")
        attrs = _attrs(f)
        labels = {name: _strings(f[name]) for name in
                  ("jobseeker_states", "exit_reasons", "event_kinds") if name in f}
        actions = _strings(f["actions"]) if "actions" in f else []
        variants = {}
        for name in ("treatment", "counterfactual"):
            if name not in f:
                continue
            group = f[name]
            tables = {table: _table(group[table], column_order(table, actions))
                      for table in TABLES if table in group and (events or table != "events")}
            variants[name] = Variant(name=name, attrs=_attrs(group), tables=tables)
        if "treatment" not in variants:
            raise TraceError(f"{path}: no treatment variant")
        metrics, series = _metrics(f)
        return Trace(
            path=path,
            attrs=attrs,
            scenario=f["scenario"].asstr()[()] if "scenario" in f else "",
            groups=_strings(f["groups"]) if "groups" in f else [],
            actions=actions,
            labels=labels,
            variants=variants,
            metrics=metrics,
            metric_series=series,
        )


def measured_panel(variant: Variant) -> pd.DataFrame:
    """Panel rows of the measured period (after warm-up), as sim/metrics counts them."""
    panel = variant.table("panel")
    return panel[panel["week"] * DAYS_PER_WEEK >= variant.measure_start_days]
