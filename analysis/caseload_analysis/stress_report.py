"""HTML report for the output folder of `caseload stress`: the Goodhart curve (measured
performance against net impact as incentives strengthen, one line per adviser motivation mix,
points labelled by strength) and the measured gain over the weakest strength split into its
channels as stacked bars. Both figures' data are rows of the folder's stress.csv, written beside
the PNGs (docs/EXPERIMENTS.md, "Stress tests")."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .experiment_report import Written, _figure, _save, _templates, _title

# stress.csv's channel columns, in stacking order, with the words the report uses.
CHANNELS = {
    "selection": "selection (deadweight: entries the counterfactual also had)",
    "displacement": "displacement (entries taken from other jobseekers)",
    "real": "real effect (net entries)",
    "gaming_evidence": "gaming: weak-evidence claims no audit removed",
}


def is_stress_output(path: str | Path) -> bool:
    """A `caseload stress -o DIR` folder (or its stress.csv)."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    return (folder / "stress.csv").is_file() and (folder / "manifest.tsv").is_file()


def _goodhart(stress: pd.DataFrame) -> Figure:
    fig = _figure(8.5, 5.5)
    ax = fig.subplots()
    for mix, rows in stress.groupby("mix", sort=False):
        x, y = rows["net_impact"].to_numpy(), rows["measured"].to_numpy()
        line = ax.plot(x, y, "o-", label=str(mix))[0]
        xerr = np.abs(np.vstack([x - rows["net_impact_lower"], rows["net_impact_upper"] - x]))
        yerr = np.abs(np.vstack([y - rows["measured_lower"], rows["measured_upper"] - y]))
        if not (np.isnan(xerr).all() and np.isnan(yerr).all()):
            ax.errorbar(x, y, xerr=np.nan_to_num(xerr), yerr=np.nan_to_num(yerr), fmt="none",
                        ecolor=line.get_color(), alpha=0.35)
        for strength, px, py in zip(rows["w_target"], x, y):
            ax.annotate(f"{strength:g}", (px, py), textcoords="offset points", xytext=(5, 4),
                        fontsize="small", color=line.get_color())
    ax.set_xlabel("net impact: employment weeks gained per person")
    ax.set_ylabel("measured performance: credit per adviser-week")
    ax.legend(title="motivation mix")
    ax.grid(alpha=0.3)
    _title(fig, "Goodhart curve: measured performance against net impact as the incentive "
                "strengthens (labels: advisers.w_target; bars: 95% intervals)")
    return fig


def _channels(gains: pd.DataFrame) -> Figure:
    labels = [f"{mix}, w={strength:g}" for mix, strength in zip(gains["mix"], gains["w_target"])]
    fig = _figure(max(6.0, 1.0 + 0.8 * len(labels)), 5.5)
    ax = fig.subplots()
    position = np.arange(len(labels))
    above, below = np.zeros(len(labels)), np.zeros(len(labels))
    for channel, words in CHANNELS.items():
        values = gains[channel].fillna(0.0).to_numpy()
        base = np.where(values >= 0, above, below)
        ax.bar(position, values, bottom=base, label=words)
        above += np.where(values >= 0, values, 0.0)
        below += np.where(values < 0, values, 0.0)
    ax.plot(position, gains["measured_gain"], "k_", markersize=22, mew=2,
            label="measured gain (the channels' sum)")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xticks(position, labels, rotation=30, ha="right")
    ax.set_ylabel("gain over the base strength: credit per adviser-week")
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.grid(axis="y", alpha=0.3)
    _title(fig, "Where the measured gain comes from, by channel (same mix, paired replications)")
    return fig


def _finding(stress: pd.DataFrame) -> list[str]:
    """One sentence per mix: measured and net gain at the strongest incentive, and the channel
    carrying most of the measured gain."""
    sentences = []
    for mix, rows in stress.groupby("mix", sort=False):
        top, base = rows.iloc[-1], rows.iloc[0]
        if len(rows) < 2 or math.isnan(top["measured_gain"]):
            continue
        largest = max(CHANNELS, key=lambda c: abs(top[c]) if not math.isnan(top[c]) else -1)
        share = top[largest] / top["measured_gain"] if top["measured_gain"] else math.nan
        sentences.append(
            f"{mix} motivation: from w_target {base['w_target']:g} to {top['w_target']:g}, measured "
            f"performance moves by {top['measured_gain']:+.2f} credit per adviser-week and net "
            f"impact by {top['net_impact_gain']:+.3f} weeks per person; the largest channel is "
            f"{CHANNELS[largest]} ({top[largest]:+.2f}"
            + (f", {share:.0%} of the gain)." if not math.isnan(share) else ")."))
    return sentences


def write_stress_report(folder: str | Path, out_dir: str | Path) -> Written:
    folder = Path(folder) if Path(folder).is_dir() else Path(folder).parent
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stress = pd.read_csv(folder / "stress.csv", keep_default_na=False, na_values=[""])
    written = Written(index=Path("index.html"))
    _save(_goodhart(stress),
          stress[["mix", "w_target", "measured", "measured_lower", "measured_upper", "net_impact",
                  "net_impact_lower", "net_impact_upper", "runs"]],
          "goodhart", out, written)
    first = stress.groupby("mix", sort=False)["w_target"].transform("min")
    gains = stress[stress["w_target"] > first]
    if gains.empty:
        written.skipped["channels"] = "one strength only: no gain to split"
    else:
        _save(_channels(gains), gains[["mix", "w_target", "measured_gain", *CHANNELS]],
              "channels", out, written)
    signals = [c for c in stress.columns if c.startswith("change_")]
    html = _templates.get_template("stress.html.j2").render(
        strengths=sorted(stress["w_target"].unique()), mixes=list(stress["mix"].unique()),
        replications=int(stress["runs"].max()), finding=_finding(stress),
        rows=stress.to_dict("records"), channels=CHANNELS, signals=signals,
        written=written)
    (out / "index.html").write_text(html, encoding="utf-8")
    written.csvs = [Path("stress.csv")]
    return written
