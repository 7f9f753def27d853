"""The report of a `caseload stress` folder, from a tiny stress test the real binary runs: both
figures drawn, their data equal to stress.csv's rows, the channels stacking up to the measured
gain, the headline naming each mix, and the dispatch from analysis/report.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from caseload_analysis import stress_report

from conftest import ROOT, run_caseload


@pytest.fixture(scope="session")
def stress_folder(caseload, tmp_path_factory) -> Path:
    """JET at two strengths for two motivation mixes, one office, 8 weeks, two replications."""
    out = tmp_path_factory.mktemp("stress") / "out"
    result = run_caseload(caseload, "stress", str(ROOT / "scenarios" / "regimes" / "jet.yaml"),
                          "--set", "run.weeks=8", "--set", "run.warmup_weeks=0",
                          "--set", "network.offices=1", "--strengths", "0,5",
                          "--mixes", "low,high", "-r", "2", "-o", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    return out


def test_report_draws_the_goodhart_curve_and_the_channels(stress_folder, tmp_path):
    assert stress_report.is_stress_output(stress_folder)
    written = stress_report.write_stress_report(stress_folder, tmp_path)
    assert set(written.figures) == {"goodhart", "channels"}, written.skipped
    stress = pd.read_csv(stress_folder / "stress.csv")
    goodhart = pd.read_csv(tmp_path / "goodhart.csv")
    assert list(goodhart["mix"]) == list(stress["mix"])
    assert np.allclose(goodhart["measured"], stress["measured"])
    assert np.allclose(goodhart["net_impact"], stress["net_impact"])
    channels = pd.read_csv(tmp_path / "channels.csv")
    # Only the cells above their mix's base strength have a gain to split.
    assert list(channels["w_target"]) == [5, 5]
    stacked = channels[list(stress_report.CHANNELS)].sum(axis=1)
    assert np.allclose(stacked, channels["measured_gain"], rtol=1e-9, atol=1e-12)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'src="goodhart.png"' in html and 'src="channels.png"' in html
    assert "low motivation: from w_target 0 to 5" in html
    assert "high motivation: from w_target 0 to 5" in html


def test_report_py_dispatches_a_stress_folder(stress_folder, tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "analysis" / "report.py"),
                             str(stress_folder), "-o", str(tmp_path / "report")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "2 figures" in result.stdout
    assert (tmp_path / "report" / "goodhart.png").stat().st_size > 0
