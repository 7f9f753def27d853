"""Load a caseload trace (docs/TRACE_FORMAT.md) into pandas DataFrames, with h5py alone.

A trace is one run: root attributes (provenance), the resolved scenario, label lists, and per
variant ("treatment", "counterfactual") tables of equal-length columns, plus /metrics.
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass, field
from pathlib import Path

import h5py
import numpy as np
import pandas as pd

#: Row value of jobseekers/adviser for someone never on a caseload.
NO_ROW = 4294967295

DAYS_PER_WEEK = 7.0

#: The trace_format_version this reader understands (docs/TRACE_FORMAT.md).
TRACE_FORMAT_VERSION = 1

#: What h5py, numpy and pandas raise on a damaged or inconsistent file: truncated or corrupt
#: (OSError), a missing object (KeyError), names that are not strings (TypeError), bad UTF-8
#: (UnicodeDecodeError, a ValueError), arrays of different lengths (ValueError).
_UNREADABLE = (OSError, KeyError, TypeError, ValueError, RuntimeError)

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
    #: One row per /metrics scalar: name (index), value, description, units.
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


def _values(dataset: h5py.Dataset, strings: bool = False):
    """All of the dataset's values. TraceError naming it when they cannot be read: h5py raises
    a bare OSError for a chunk that fails its Fletcher-32 checksum or no longer inflates."""
    try:
        return dataset.asstr()[()] if strings else dataset[()]
    except OSError as error:
        why = ("its data fail their Fletcher-32 checksum: the file is damaged"
               if "Fletcher32" in str(error) else f"the file is damaged ({_first_line(error)})")
        raise TraceError(f"{dataset.file.filename}: cannot read {dataset.name}: {why}") from error


def _strings(dataset: h5py.Dataset) -> list[str]:
    return [str(s) for s in _values(dataset, strings=True)]


def _attrs(obj) -> dict:
    return {key: obj.attrs[key] for key in obj.attrs}


def _table(group: h5py.Group) -> pd.DataFrame:
    # caseload tracks link creation order, and h5py then lists a group's members in the order
    # written (docs/TRACE_FORMAT.md, "Order"): no list of columns is kept here.
    names = [n for n in group if isinstance(group[n], h5py.Dataset)]
    columns = {name: _values(group[name]) for name in names}
    lengths = {len(v) for v in columns.values()}
    if len(lengths) > 1:
        raise TraceError(f"{group.name}: columns differ in length {sorted(lengths)}")
    return pd.DataFrame(columns)


def _metrics(f: h5py.File) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    scalars = pd.DataFrame({"value": pd.Series(dtype=float), "description": pd.Series(dtype=str),
                            "units": pd.Series(dtype=str)})
    series: dict[str, pd.DataFrame] = {}
    if "metrics" not in f:
        return scalars, series
    group = f["metrics"]
    if "scalars" in group:
        names = _strings(group["scalars/name"])

        def text(dataset: str) -> list[str]:
            return (_strings(group["scalars"][dataset]) if dataset in group["scalars"]
                    else [""] * len(names))

        values = np.asarray(_values(group["scalars/value"]), dtype=float)
        if len(values) != len(names):
            raise TraceError(f"{f.filename}: /metrics/scalars has {len(names)} names but "
                             f"{len(values)} values")
        scalars = pd.DataFrame(
            {"value": values,
             "description": text("description"), "units": text("units")},
            index=pd.Index(names, name="name"))
    for name in group:
        if name == "scalars" or not isinstance(group[name], h5py.Group):
            continue
        member = group[name]
        labels = _strings(member["label"]) if "label" in member else None
        arrays = {key: _values(member[key]) for key in member
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
    try:
        return _read_trace(path, events)
    except _UNREADABLE as error:
        raise TraceError(f"{path}: cannot read it, the file is damaged or not a caseload "
                         f"trace ({type(error).__name__}: {_first_line(error)})") from error


def _first_line(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else ""
    return text if len(text) <= 200 else text[:200] + "..."


def check_readable(path: str | Path) -> None:
    """Reads the whole trace in a child process first: HDF5 can crash (SIGSEGV) on a damaged
    file, which would end this process with no message. Raises TraceError when the child was
    killed; a child that finds an ordinary problem leaves it for load_trace to report."""
    path = Path(path)
    if not hasattr(os, "fork") or not path.is_file():
        return
    pid = os.fork()
    if pid == 0:  # the child: load, and say nothing (the parent reports)
        code = 0
        try:
            load_trace(path, events=True)
        except BaseException:  # noqa: BLE001 - any failure is the parent's to report
            code = 2
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        signal_name = signal.Signals(os.WTERMSIG(status)).name
        raise TraceError(f"{path}: the file is damaged: reading it crashed the HDF5 library "
                         f"({signal_name})")


def _read_trace(path: Path, events: bool) -> Trace:
    with h5py.File(path, "r") as f:
        if "trace_format_version" not in f.attrs:
            raise TraceError(f"{path}: not a caseload trace (no trace_format_version)")
        version = f.attrs["trace_format_version"]
        if version != TRACE_FORMAT_VERSION:
            raise TraceError(f"{path}: trace format version {version}, but this reader reads "
                             f"version {TRACE_FORMAT_VERSION}")
        attrs = _attrs(f)
        labels = {name: _strings(f[name]) for name in
                  ("jobseeker_states", "exit_reasons", "event_kinds", "unit_levels",
                   "scoreboard_indicators", "vacancy_outcomes") if name in f}
        actions = _strings(f["actions"]) if "actions" in f else []
        variants = {}
        for name in ("treatment", "counterfactual"):
            if name not in f:
                continue
            group = f[name]
            tables = {table: _table(group[table]) for table in group
                      if isinstance(group[table], h5py.Group) and (events or table != "events")}
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
