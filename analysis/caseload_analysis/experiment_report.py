"""HTML reports for the output folders of `caseload compare` and `caseload sweep`: a headline
in plain words (what changed, for whom, how sure), forest plots of paired differences with
their 95% intervals (whole population and by customer group), response curves for sweeps and,
over two or more parameters, response surfaces, and formatted tables. Each figure's data is
written beside its PNG as CSV, taken straight from the folder's own CSV files, so what is drawn
can be checked against them.
"""

from __future__ import annotations

import itertools
import math
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import h5py
import jinja2
import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from . import names, sensitivity  # noqa: E402

# Figures are drawn for a laptop screen: at most about 1,100 x 700 pixels.
DPI = 100
MAX_WIDTH_INCHES = 11.0

_templates = jinja2.Environment(
    loader=jinja2.PackageLoader("caseload_analysis", "templates"),
    autoescape=jinja2.select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
_templates.filters["value"] = lambda value, metric: names.value_text(metric, value)
_templates.filters["difference"] = lambda value, metric: names.difference_text(metric, value)


class NotAnOutput(Exception):
    """The path is neither a compare nor a sweep output (folder or .h5 file)."""


@dataclass
class Written:
    """What a report produced, relative to its folder."""
    index: Path
    figures: dict[str, Path] = field(default_factory=dict)  # stem -> PNG
    data: dict[str, Path] = field(default_factory=dict)     # stem -> the figure's data (CSV)
    skipped: dict[str, str] = field(default_factory=dict)
    csvs: list[Path] = field(default_factory=list)


def output_kind(path: str | Path) -> tuple[str, Path] | None:
    """("compare" | "sweep", folder) for a compare or sweep output folder or its .h5 file;
    None for anything else (a trace)."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    candidates = [path] if path.is_file() else [folder / "compare.h5", folder / "sweep.h5"]
    for candidate in candidates:
        if candidate.suffix != ".h5" or not candidate.is_file():
            continue
        try:
            with h5py.File(candidate, "r") as file:
                kind = file.attrs.get("kind")
        except OSError:
            continue
        kind = kind.decode() if isinstance(kind, bytes) else kind
        if kind in ("compare", "sweep"):
            return kind, folder
    return None


def _figure(width: float, height: float) -> Figure:
    return Figure(figsize=(min(width, MAX_WIDTH_INCHES), height), dpi=DPI, layout="constrained")


def _title(fig: Figure, text: str) -> None:
    """The figure's title from its left edge, wrapped to the width, so long axis labels or
    parameter paths cannot push it off the figure (as a title over the axes can be)."""
    characters = int(fig.get_figwidth() * DPI / 7.5)  # about 7 px a character at 10 pt
    fig.suptitle(textwrap.fill(text, characters), x=0.01, ha="left", fontsize="medium")


def _save(fig: Figure, data: pd.DataFrame, stem: str, out: Path, written: Written) -> None:
    fig.savefig(out / f"{stem}.png")
    data.to_csv(out / f"{stem}.csv", index=False)
    written.figures[stem] = Path(f"{stem}.png")
    written.data[stem] = Path(f"{stem}.csv")


def _is_clear(row) -> bool:
    return (row["pairs"] >= 2 and not math.isnan(row["ci_lower"])
            and (row["ci_lower"] > 0 or row["ci_upper"] < 0))


def _forest(rows: pd.DataFrame, labels: list[str], metric: str, title: str) -> Figure:
    """Paired differences (dots) and 95% intervals (bars), one row per label; zero marked."""
    fig = _figure(8.0, 1.2 + 0.42 * len(labels))
    ax = fig.subplots()
    y = np.arange(len(labels))[::-1]
    scale = 100.0 if names.reading(metric) == "share" else 1.0
    for position, (_, row) in zip(y, rows.iterrows()):
        colour = "tab:red" if _is_clear(row) else "tab:grey"
        ax.plot([row["ci_lower"] * scale, row["ci_upper"] * scale], [position, position],
                color=colour, linewidth=2.5)
        ax.plot(row["difference"] * scale, position, "o", color=colour)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(y, labels)
    unit = " (percentage points)" if scale == 100.0 else ""
    ax.set_xlabel(f"difference{unit}; red: 95% interval leaves out zero")
    _title(fig, title)
    ax.grid(axis="x", alpha=0.3)
    return fig


def _sentence(comparison: pd.DataFrame, by_group: pd.DataFrame, arm: str, baseline: str,
              replications: int) -> str:
    """What changed for one arm, for whom, and how sure."""
    rise_fall = []
    unclear = []
    for metric in names.HEADLINE:
        row = comparison[(comparison["metric"] == metric) & (comparison["arm"] == arm)]
        if row.empty or math.isnan(row.iloc[0]["difference"]):
            continue
        row = row.iloc[0]
        higher, lower, short = names.DIRECTION[metric]
        if _is_clear(row):
            words = higher if row["difference"] > 0 else lower
            rise_fall.append(f"{words} ({names.difference_text(metric, row['difference'])})")
        else:
            unclear.append(short)
    text = f"{arm}, against {baseline}: "
    text += ", ".join(rise_fall) if rise_fall else "no clear difference in the headline figures"
    parked = by_group[(by_group["metric"] == "parked_share") & (by_group["arm"] == arm)
                      & (by_group["by"] == "group")]
    clear = parked[parked.apply(_is_clear, axis=1)] if not parked.empty else parked
    if not clear.empty:
        most = clear.loc[clear["difference"].abs().idxmax()]
        text += (f"; parking moved most for {names.group_name(most['group'])} "
                 f"({names.difference_text('parked_share', most['difference'])})")
    if unclear and rise_fall:
        text += f"; no clear change in {' or '.join(unclear)}"
    return text + f" (95% intervals over {replications} paired replications)."


def write_comparison_report(folder: str | Path, out_dir: str | Path) -> Written:
    folder, out = Path(folder), Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    comparison = pd.read_csv(folder / "comparison.csv")
    by_group = pd.read_csv(folder / "comparison_by_group.csv", keep_default_na=False,
                           na_values=[""])
    with h5py.File(folder / "compare.h5", "r") as file:
        arms = [a.decode() if isinstance(a, bytes) else a for a in file["arms"][()]]
        replications = int(file.attrs["replications"])
        name = file.attrs.get("name", "comparison")
        name = name.decode() if isinstance(name, bytes) else name
    baseline, others = arms[0], arms[1:]
    written = Written(index=Path("index.html"))
    figures = []
    for metric in names.HEADLINE:
        rows = comparison[(comparison["metric"] == metric) & comparison["arm"].isin(others)]
        rows = rows.dropna(subset=["difference", "ci_lower", "ci_upper"])
        stem = f"difference_{metric}"
        if rows.empty:
            written.skipped[stem] = "no arm has a paired interval for it"
            continue
        title = f"{names.metric_name(metric)}: each arm minus {baseline}"
        _save(_forest(rows, list(rows["arm"]), metric, title),
              rows[["metric", "arm", "difference", "ci_lower", "ci_upper", "pairs"]],
              stem, out, written)
        figures.append((stem, title))
    for metric in ("parked_share", "net_employment_weeks_per_person"):
        for arm in others:
            rows = by_group[(by_group["metric"] == metric) & (by_group["arm"] == arm)
                            & (by_group["by"] == "group")]
            rows = rows.dropna(subset=["difference", "ci_lower", "ci_upper"])
            stem = f"by_group_{metric}_arm_{arms.index(arm)}"
            if rows.empty:
                written.skipped[stem] = f"no group has a paired interval for {arm}"
                continue
            title = f"{names.metric_name(metric)} by customer group: {arm} minus {baseline}"
            _save(_forest(rows, [names.group_name(g) for g in rows["group"]], metric, title),
                  rows[["metric", "group", "arm", "difference", "ci_lower", "ci_upper",
                        "pairs"]], stem, out, written)
            figures.append((stem, title))
    headline = [_sentence(comparison, by_group, arm, baseline, replications) for arm in others]
    table = []
    for metric in names.HEADLINE:
        for arm in arms:
            row = comparison[(comparison["metric"] == metric) & (comparison["arm"] == arm)]
            if not row.empty:
                table.append({"metric": metric, "name": names.metric_name(metric), **row.iloc[0]})
    html = _templates.get_template("comparison.html.j2").render(
        name=name, arms=arms, baseline=baseline, replications=replications,
        headline=headline, figures=figures, table=table, skipped=written.skipped)
    (out / "index.html").write_text(html, encoding="utf-8")
    written.csvs = [Path(f) for f in ("comparison.csv", "comparison_by_group.csv")]
    return written


def _response(points: pd.DataFrame, parameter: str, others: list[str], metric: str) -> Figure:
    """A metric's mean against one parameter, a line per value of the next parameter, with
    95% intervals as bands."""
    fig = _figure(8.0, 4.5)
    ax = fig.subplots()
    scale = 100.0 if names.reading(metric) == "share" else 1.0
    groups = points.groupby(others[0]) if others else [("", points)]
    for level, rows in groups:
        rows = rows.sort_values(parameter)
        # `others` holds numeric parameters only, so a level is a number: 4 figures, not 16.
        label = f"{others[0]} = {level:.4g}" if others else None
        ax.plot(rows[parameter], rows["mean"] * scale, marker="o", label=label)
        ax.fill_between(rows[parameter], rows["mean_lower"] * scale, rows["mean_upper"] * scale,
                        alpha=0.2)
    ax.set_xlabel(parameter)
    ax.set_ylabel(names.metric_name(metric) + (" (%)" if scale == 100.0 else ""))
    _title(fig, f"{names.metric_name(metric)} against {parameter} (95% intervals)")
    ax.grid(alpha=0.3)
    if others:
        ax.legend(fontsize="small")
    return fig


def surface_data(whole: pd.DataFrame, x: str, y: str, metric: str) -> pd.DataFrame:
    """A metric's mean over two parameters: for each (x, y) the mean of the point means there,
    so any other parameters are averaged over; `points` counts the points averaged."""
    rows = whole[whole["metric"] == metric].dropna(subset=["mean"])
    surface = rows.groupby([x, y], as_index=False, sort=True).agg(
        mean=("mean", "mean"), points=("point", "nunique"))
    surface.insert(2, "metric", metric)
    return surface


def _surface(surface: pd.DataFrame, x: str, y: str, metric: str, averaged: list[str]) -> Figure:
    """A heatmap of the metric over x and y when the design is a grid in them (each cell
    labelled with its value); otherwise the points coloured by the metric."""
    fig = _figure(8.0, 5.2)
    ax = fig.subplots()
    scale = 100.0 if names.reading(metric) == "share" else 1.0
    xs, ys = sorted(surface[x].unique()), sorted(surface[y].unique())
    is_grid = len(surface) == len(xs) * len(ys)
    if is_grid:
        grid = surface.pivot(index=y, columns=x, values="mean").reindex(index=ys, columns=xs)
        image = ax.imshow(grid.to_numpy() * scale, origin="lower", aspect="auto",
                          cmap="viridis")
        ax.set_xticks(range(len(xs)), [f"{v:g}" for v in xs])
        ax.set_yticks(range(len(ys)), [f"{v:g}" for v in ys])
        for (row, column), value in np.ndenumerate(grid.to_numpy()):
            # Dark text on the light end of viridis, light text on the dark end.
            light = np.isfinite(value) and image.norm(value * scale) > 0.6
            ax.text(column, row, names.value_text(metric, value), ha="center", va="center",
                    color="black" if light else "white", fontsize="small")
    else:
        image = ax.scatter(surface[x], surface[y], c=surface["mean"] * scale, cmap="viridis",
                           s=80, edgecolor="black", linewidth=0.4)
        ax.grid(alpha=0.3)
    fig.colorbar(image, ax=ax, label=names.metric_name(metric)
                 + (" (%)" if scale == 100.0 else ""))
    ax.set_xlabel(x)
    ax.set_ylabel(y)
    note = ("" if not averaged else f" (averaged over {', '.join(averaged)})" if is_grid
            else f" ({', '.join(averaged)} varying from point to point)")
    _title(fig, f"{names.metric_name(metric)} over {x} and {y}{note}")
    return fig


def _surfaces(whole: pd.DataFrame, numeric: list[str], out: Path,
              written: Written) -> list[tuple[str, str]]:
    """A response surface per headline figure and pair of numeric parameters."""
    figures = []
    for i, j in itertools.combinations(range(len(numeric)), 2):
        x, y = numeric[i], numeric[j]
        averaged = [p for p in numeric if p not in (x, y)]
        for metric in names.HEADLINE:
            surface = surface_data(whole, x, y, metric)
            stem = f"surface_{metric}_{i}_{j}"
            if surface.empty:
                written.skipped[stem] = "no point has a value for it"
                continue
            _save(_surface(surface, x, y, metric, averaged), surface, stem, out, written)
            figures.append((stem, f"{names.metric_name(metric)} over {x} and {y}"))
    return figures


def _sensitivity_ranking(whole: pd.DataFrame, parameters: list[str], design: str, out: Path,
                         written: Written) -> list[dict]:
    """For a morris or sobol sweep: per headline figure, the parameters ranked by S_T (Sobol)
    or mu* (Morris) with 95% bootstrap intervals; written as sensitivity.csv too."""
    if design not in ("morris", "sobol"):
        return []
    table = sensitivity.ranking_table(whole, parameters, design, list(names.HEADLINE))
    if table.empty:
        return []
    table.to_csv(out / "sensitivity.csv", index=False)
    written.data["sensitivity"] = Path("sensitivity.csv")
    blocks = []
    for metric, rows in table.groupby("metric", sort=False):
        blocks.append({"metric": metric, "name": names.metric_name(metric),
                       "used": int(rows["used"].iloc[0]), "rows": rows.to_dict("records")})
    order = {metric: i for i, metric in enumerate(names.HEADLINE)}
    return sorted(blocks, key=lambda block: order[block["metric"]])


def write_sweep_report(folder: str | Path, out_dir: str | Path) -> Written:
    folder, out = Path(folder), Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    points = pd.read_csv(folder / "points.csv", keep_default_na=False, na_values=[""])
    with h5py.File(folder / "sweep.h5", "r") as file:
        parameters = [p.decode() if isinstance(p, bytes) else p for p in file["parameters"][()]]
        replications = int(file.attrs["replications"])
        name = file.attrs.get("name", "sweep")
        name = name.decode() if isinstance(name, bytes) else name
        design = file.attrs.get("design", "")
        design = design.decode() if isinstance(design, bytes) else design
    written = Written(index=Path("index.html"))
    whole = points[points["by"] == "all"]
    ranking = _sensitivity_ranking(whole, parameters, design, out, written)
    numeric = [p for p in parameters if pd.api.types.is_numeric_dtype(whole[p])]
    figures = []
    for index, parameter in enumerate(numeric):
        others = [p for p in numeric if p != parameter][:1]
        for metric in names.HEADLINE:
            rows = whole[whole["metric"] == metric].dropna(subset=["mean"])
            stem = f"response_{metric}_{index}"
            if rows.empty:
                written.skipped[stem] = "no point has a value for it"
                continue
            title = f"{names.metric_name(metric)} against {parameter}"
            _save(_response(rows, parameter, others, metric),
                  rows[[*parameters, "metric", "mean", "mean_lower", "mean_upper", "runs"]],
                  stem, out, written)
            figures.append((stem, title))
    surfaces = _surfaces(whole, numeric, out, written)
    table = []
    for metric in names.HEADLINE:
        rows = whole[whole["metric"] == metric]
        if rows.empty or rows["mean"].isna().all():
            continue
        low, high = rows.loc[rows["mean"].idxmin()], rows.loc[rows["mean"].idxmax()]
        table.append({"metric": metric, "name": names.metric_name(metric),
                      "low": low["mean"], "low_at": ", ".join(f"{p} = {low[p]}" for p in parameters),
                      "high": high["mean"],
                      "high_at": ", ".join(f"{p} = {high[p]}" for p in parameters)})
    html = _templates.get_template("sweep.html.j2").render(
        name=name, parameters=parameters, points=int(whole["point"].nunique()),
        replications=replications, figures=figures, surfaces=surfaces, table=table,
        skipped=written.skipped, design=design, ranking=ranking)
    (out / "index.html").write_text(html, encoding="utf-8")
    written.csvs = [Path("points.csv")]
    return written
