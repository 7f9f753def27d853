"""A self-contained HTML report for one or more runs: index.html with relative links to PNG
figures, a metrics table, provenance, and CSV exports (metrics and panels) for spreadsheets.
No network, no JavaScript: the folder can be zipped, mailed and opened anywhere.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import gaming, metrics, plots
from .trace import DAYS_PER_WEEK, Trace, load_trace


@dataclass
class Written:
    """What write_report produced, relative to the output folder."""
    index: Path
    figures: dict[str, Path]       # stem -> PNG
    skipped: dict[str, str]        # stem -> why the figure could not be drawn
    csvs: list[Path]


def _unique_labels(runs: list[Trace]) -> list[str]:
    """Run labels for tables and legends: "<scenario> seed <seed>", then the file name for runs
    that would share one, then the run's position for the same file given twice."""
    def disambiguate(labels: list[str], extra) -> list[str]:
        return [f"{label} ({extra(i)})" if labels.count(label) > 1 else label
                for i, label in enumerate(labels)]

    labels = disambiguate([run.label for run in runs], lambda i: runs[i].path.name)
    return disambiguate(labels, lambda i: f"run {i + 1}")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").lower() or "run"


def metrics_table(runs: list[Trace], labels: list[str]) -> pd.DataFrame:
    """Every /metrics scalar of every run (rows: metric, columns: run), then the figures
    recomputed from the agent tables, marked "(from tables)"."""
    names: list[str] = []
    descriptions: dict[str, str] = {}
    for run in runs:
        for name, row in run.metrics.iterrows():
            if name not in names:
                names.append(name)
                descriptions[name] = row["description"]
    table = pd.DataFrame(index=pd.Index(names, name="metric"))
    table["description"] = [descriptions[n] for n in names]
    for run, label in zip(runs, labels):
        table[label] = [run.metric(n) for n in names]
    recomputed = {label: metrics.recomputed(run) for run, label in zip(runs, labels)}
    extra_names: list[str] = []
    for frame in recomputed.values():
        extra_names += [n for n in frame.index if n not in extra_names]
    for name in extra_names:
        key = f"{name} (from tables)"
        row = {"description": next(f.loc[name, "description"] for f in recomputed.values()
                                   if name in f.index)}
        for label, frame in recomputed.items():
            row[label] = frame.loc[name, "value"] if name in frame.index else np.nan
        table.loc[key] = pd.Series(row)
    return table


def panel_export(run: Trace) -> pd.DataFrame:
    """Every variant's panel in one sheet, with the variant, group name and a measured flag."""
    frames = []
    for variant in run.variants.values():
        panel = variant.table("panel").copy()
        panel["variant"] = variant.name
        panel["measured"] = (panel["week"] * DAYS_PER_WEEK
                             >= variant.measure_start_days).astype(int)
        panel["group_name"] = [run.groups[g] if g < len(run.groups) else str(g)
                               for g in panel["group"]]
        first = ["variant", "week", "measured", "office", "group", "group_name"]
        panel = panel[first + [c for c in panel.columns if c not in first]]
        frames.append(panel)
    return pd.concat(frames, ignore_index=True)


def _format_number(value) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "&ndash;"
    if isinstance(value, (int, np.integer)):
        return f"{value:,}"
    magnitude = abs(float(value))
    # Counts (whole numbers) and large figures such as costs read as whole numbers with
    # thousands separators: 2,823, not 2,823.0; 1,540,000, not 1.54e+06.
    if float(value).is_integer() or magnitude >= 1000:
        return f"{value:,.0f}"
    if magnitude != 0 and magnitude < 1e-3:
        return f"{value:.3g}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def _html_table(frame: pd.DataFrame, index_name: str) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in [index_name, *frame.columns])
    rows = []
    for name, row in frame.iterrows():
        cells = [f"<th class='name'>{html.escape(str(name))}</th>"]
        for column in frame.columns:
            value = row[column]
            if isinstance(value, str):
                cells.append(f"<td class='text'>{html.escape(value)}</td>")
            else:
                cells.append(f"<td>{_format_number(value)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _provenance(runs: list[Trace], labels: list[str]) -> pd.DataFrame:
    rows = {}
    for run, label in zip(runs, labels):
        attrs = run.attrs
        rows[label] = {
            "file": run.path.name,
            "scenario": run.scenario_name,
            "seed": str(run.seed),
            "caseload": f"{attrs.get('version', '?')} (commit {attrs.get('commit', '?')})",
            "created": str(attrs.get("created", "?")),
            "trace level": str(attrs.get("trace_level", "?")),
            "variants": ", ".join(run.variants),
            "complete": "yes" if run.complete else "NO: an interrupted or failed run",
        }
    return pd.DataFrame(rows)


_STYLE = """
body { font-family: sans-serif; max-width: 70em; margin: 2em auto; padding: 0 1em;
       color: #222; line-height: 1.4; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; font-size: 0.9em; margin: 1em 0; }
th, td { border: 1px solid #ddd; padding: 0.25em 0.6em; vertical-align: top; }
td { text-align: right; font-variant-numeric: tabular-nums; }
td.text { text-align: left; color: #555; } th.name { text-align: left; font-weight: normal;
  font-family: monospace; }
thead th { background: #f3f3f3; }
figure { margin: 1.5em 0; } figure img { max-width: 100%; border: 1px solid #eee; }
.warning { background: #fff3cd; border: 1px solid #e0c060; padding: 0.5em 1em; }
.skipped { color: #666; font-style: italic; }
"""


def write_report(paths: list[str | Path], out_dir: str | Path) -> Written:
    """Loads each trace, draws every figure it can, and writes index.html, PNGs and CSVs into
    `out_dir` (created if missing). Raises trace.TraceError for an unreadable trace."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    runs = [load_trace(p) for p in paths]
    labels = _unique_labels(runs)
    for run, label in zip(runs, labels):
        run.display_name = label

    written = Written(index=Path("index.html"), figures={}, skipped={}, csvs=[])
    for stem, _title, draw in plots.FIGURES:
        try:
            figure = draw(runs)
        except plots.Unavailable as why:
            written.skipped[stem] = str(why)
            continue
        name = Path(f"{stem}.png")
        figure.savefig(out / name)
        written.figures[stem] = name

    table = metrics_table(runs, labels)
    table.to_csv(out / "metrics.csv")
    written.csvs.append(Path("metrics.csv"))
    for i, (run, label) in enumerate(zip(runs, labels), start=1):
        name = Path(f"panel_{i}_{_slug(label)}.csv")
        panel_export(run).to_csv(out / name, index=False)
        written.csvs.append(name)

    (out / written.index).write_text(_index_html(runs, labels, table, written), encoding="utf-8")
    return written


def _gaming_html(runs: list[Trace], labels: list[str]) -> str:
    """The gaming channels section: per run, one small table per channel."""
    parts = ["<h2>Gaming channels</h2>",
             "<p>Per run (the treatment), the figures that show each way an adviser can game "
             "the regime (docs/REGIMES.md, \"Gaming channels\"); &ndash; means not defined, and "
             f"<em>{gaming.NOT_IN_TRACE}</em> a metric the trace was written without.</p>"]
    for run, label in zip(runs, labels):
        parts.append(f"<h3>{html.escape(label)}</h3>")
        for channel, table in gaming.channel_tables(run):
            parts.append(f"<h4>{html.escape(channel.name)}</h4>"
                         f"<p>The adviser {html.escape(channel.adviser_does)}.</p>")
            parts.append(_html_table(table, "metric"))
    return "\n".join(parts)


def _index_html(runs: list[Trace], labels: list[str], table: pd.DataFrame,
                written: Written) -> str:
    parts = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>",
             "<title>caseload report</title>", f"<style>{_STYLE}</style></head><body>",
             "<h1>caseload report: " + html.escape(", ".join(labels)) + "</h1>"]
    incomplete = [label for run, label in zip(runs, labels) if not run.complete]
    if incomplete:
        parts.append("<p class='warning'>Incomplete traces (interrupted or failed runs; their "
                     "figures describe a truncated run): " + html.escape(", ".join(incomplete))
                     + "</p>")
    parts.append("<h2>Runs</h2>")
    parts.append(_html_table(_provenance(runs, labels), ""))
    parts.append("<h2>Metrics</h2>")
    parts.append("<p>From each trace's <code>/metrics</code> (defined in docs/METRICS.md; "
                 "&ndash; means not defined, e.g. no counterfactual), then figures recomputed "
                 "from the agent tables by <code>analysis/caseload_analysis/metrics.py</code>. "
                 "Also in <a href='metrics.csv'>metrics.csv</a>.</p>")
    parts.append(_html_table(table, "metric"))
    parts.append(_gaming_html(runs, labels))
    parts.append("<h2>Figures</h2>")
    for stem, title, _draw in plots.FIGURES:
        if stem in written.figures:
            src = html.escape(written.figures[stem].as_posix())
            parts.append(f"<figure><img src='{src}' alt='{html.escape(title)}'>"
                         f"<figcaption>{html.escape(title)}</figcaption></figure>")
        else:
            parts.append(f"<h3>{html.escape(title)}</h3><p class='skipped'>Not drawn: "
                         f"{html.escape(written.skipped.get(stem, 'unknown reason'))}.</p>")
    parts.append("<h2>Data for spreadsheets</h2><ul>")
    for csv in written.csvs:
        href = html.escape(csv.as_posix())
        parts.append(f"<li><a href='{href}'>{href}</a></li>")
    parts.append("</ul><p>Panels: one row per (variant, week, office, customer group); "
                 "<code>measured</code> is 1 after the warm-up. Columns and units: "
                 "docs/TRACE_FORMAT.md.</p></body></html>")
    return "\n".join(parts) + "\n"
