"""A self-contained HTML report for one or more runs: index.html opening with a headline in
plain words, relative links to PNG figures, a metrics table (with the mean and 95% interval
across the runs of each scenario when there are several), provenance, and CSV exports
(headline, metrics, runs compared, panels) for spreadsheets.
No network, no JavaScript: the folder can be zipped, mailed and opened anywhere.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import gaming, headline, metrics, names, plots
from .intervals import mean_interval
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


def across_runs(runs: list[Trace]) -> pd.DataFrame:
    """Every /metrics scalar of each scenario run more than once (seeds as replications):
    runs_of, metric, mean, lower, upper (the 95% interval of the mean, on the scale that keeps
    a share in [0, 1] and a correlation in [-1, 1]), runs (with a value)."""
    rows = []
    for members in headline.replicates(runs):
        if len(members.runs) < 2:
            continue
        for name in members.runs[0].metrics.index:
            values = [run.metric(name) for run in members.runs]
            units = str(members.runs[0].metrics.loc[name, "units"])
            mean, lower, upper, n = mean_interval(
                [np.nan if v is None else v for v in values], units)
            rows.append({"runs_of": members.label, "metric": name, "mean": mean,
                         "lower": lower, "upper": upper, "runs": n})
    return pd.DataFrame(rows, columns=["runs_of", "metric", "mean", "lower", "upper", "runs"])


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


_FROM_TABLES = " (from tables)"


def _metric_cell(metric: str) -> str:
    """A metric's human name, its identifier beside it for docs/METRICS.md and the CSVs."""
    base = metric.removesuffix(_FROM_TABLES)
    suffix = _FROM_TABLES if metric != base else ""
    return (f"{html.escape(names.metric_name(base) + suffix)} "
            f"<code class='id'>{html.escape(base)}</code>")


def _html_table(frame: pd.DataFrame, index_name: str) -> str:
    """A table with the index as its first column; an index of metrics shows human names."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in [index_name, *frame.columns])
    rows = []
    for name, row in frame.iterrows():
        label = _metric_cell(str(name)) if index_name == "metric" else html.escape(str(name))
        cells = [f"<th class='name'>{label}</th>"]
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
td.text { text-align: left; color: #555; } th.name { text-align: left; font-weight: normal; }
code.id { color: #777; font-size: 0.85em; }
p.headline { font-size: 1.05em; margin: 0.4em 0; }
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

    figures = headline.headline_table(runs)
    figures.to_csv(out / "headline.csv", index=False, float_format="%.17g")  # round-trips
    table = metrics_table(runs, labels)
    table.to_csv(out / "metrics.csv")
    compared = across_runs(runs)
    written.csvs += [Path("headline.csv"), Path("metrics.csv")]
    if not compared.empty:
        compared.to_csv(out / "across_runs.csv", index=False, float_format="%.17g")
        written.csvs.append(Path("across_runs.csv"))
    for i, (run, label) in enumerate(zip(runs, labels), start=1):
        name = Path(f"panel_{i}_{_slug(label)}.csv")
        panel_export(run).to_csv(out / name, index=False)
        written.csvs.append(name)

    page = _index_html(runs, labels, _headline_html(runs, figures), table,
                       _across_runs_html(compared), written)
    (out / written.index).write_text(page, encoding="utf-8")
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


def _headline_html(runs: list[Trace], figures: pd.DataFrame) -> str:
    """The headline: per scenario (its runs as replications), sentences in plain words and
    the figures behind them as a table (also headline.csv)."""
    parts = ["<section id='headline'><h2>Headline</h2>",
             "<p>The figures a policy designer reads first (docs/METRICS.md defines them). "
             "Several runs of one scenario are read as replications: their mean, with the 95% "
             "interval across them. A lone run with a counterfactual has intervals from within "
             "it: net impact across the people present (they share one market, so this is the "
             "spread of the run, not of the model) and the correlation across advisers.</p>"]
    for members in headline.replicates(runs):
        parts.append(f"<h3>{html.escape(members.label)}</h3>")
        parts += [f"<p class='headline'>{html.escape(sentence)}</p>"
                  for sentence in headline.sentences(figures, members.label)]
    rows = []
    for _, row in figures.iterrows():
        metric = row["metric"]
        interval = ("&ndash;" if not row["interval_over"] or not np.isfinite(row["lower"]) else
                    html.escape(f"{names.value_text(metric, row['lower'])} to "
                                f"{names.value_text(metric, row['upper'])}"))
        across = (html.escape(f"{row['n']:,} {row['interval_over']}") if row["interval_over"]
                  else "&ndash;")
        rows.append(f"<tr><td class='text'>{html.escape(row['runs_of'])}</td>"
                    f"<th class='name'>{html.escape(row['name'])}</th>"
                    f"<td>{html.escape(names.value_text(metric, row['value']))}</td>"
                    f"<td>{interval}</td><td class='text'>{across}</td></tr>")
    parts.append("<table><thead><tr><th>runs</th><th>figure</th><th>value</th>"
                 "<th>95% interval</th><th>across</th></tr></thead><tbody>" + "".join(rows)
                 + "</tbody></table><p>Also in <a href='headline.csv'>headline.csv</a>.</p>"
                 "</section>")
    return "\n".join(parts)


def _across_runs_html(compared: pd.DataFrame) -> str:
    """Every metric's mean and 95% interval across the runs of each scenario run several
    times; nothing when no scenario was."""
    if compared.empty:
        return ""
    parts = ["<h2>Across runs</h2>",
             "<p>For each scenario given more than once (different seeds), every metric's mean "
             "over its runs and the 95% interval of that mean (Student t; shares on the logit "
             "and correlations on Fisher's z, so intervals stay in range). Also in "
             "<a href='across_runs.csv'>across_runs.csv</a>.</p>"]
    for label, rows in compared.groupby("runs_of", sort=False):
        table = pd.DataFrame({
            "mean": [names.value_text(m, v) for m, v in zip(rows["metric"], rows["mean"])],
            "95% interval": [
                "–" if not np.isfinite(low) else
                f"{names.value_text(m, low)} to {names.value_text(m, high)}"
                for m, low, high in zip(rows["metric"], rows["lower"], rows["upper"])],
            "runs": [str(n) for n in rows["runs"]]},
            index=pd.Index(rows["metric"], name="metric"))
        parts.append(f"<h3>{html.escape(str(label))}</h3>")
        parts.append(_html_table(table, "metric"))
    return "\n".join(parts)


def _index_html(runs: list[Trace], labels: list[str], headline_html: str, table: pd.DataFrame,
                across_runs_html: str, written: Written) -> str:
    parts = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>",
             "<title>caseload report</title>", f"<style>{_STYLE}</style></head><body>",
             "<h1>caseload report: " + html.escape(", ".join(labels)) + "</h1>"]
    incomplete = [label for run, label in zip(runs, labels) if not run.complete]
    if incomplete:
        parts.append("<p class='warning'>Incomplete traces (interrupted or failed runs; their "
                     "figures describe a truncated run): " + html.escape(", ".join(incomplete))
                     + "</p>")
    parts.append(headline_html)
    parts.append("<h2>Runs</h2>")
    parts.append(_html_table(_provenance(runs, labels), ""))
    parts.append("<h2>Metrics</h2>")
    parts.append("<p>From each trace's <code>/metrics</code> (defined in docs/METRICS.md; "
                 "&ndash; means not defined, e.g. no counterfactual), then figures recomputed "
                 "from the agent tables by <code>analysis/caseload_analysis/metrics.py</code>. "
                 "Also in <a href='metrics.csv'>metrics.csv</a>.</p>")
    parts.append(_html_table(table, "metric"))
    parts.append(across_runs_html)
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
