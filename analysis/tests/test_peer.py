"""Issue 17's SimPy peer (bench/peers/): compare.py runs caseload and the peer on the reduced
scenario at a tiny size, finds their off-flow curves agree and prints the time ratio; the same
comparison catches a peer whose search differs; its estimator is the report's."""

import re
import subprocess
import sys
from pathlib import Path

import numpy as np

from caseload_analysis.metrics import _kaplan_meier_off

ROOT = Path(__file__).resolve().parents[2]
COMPARE = ROOT / "bench/peers/compare.py"
sys.path.insert(0, str(COMPARE.parent))

import compare  # noqa: E402  (bench/peers/compare.py)

TINY = ["--offices", "1", "--weeks", "26"]


def run_compare(caseload, *args):
    return subprocess.run(["/usr/bin/python3", str(COMPARE), "--caseload", caseload, *TINY, *args],
                          capture_output=True, text=True, check=False, timeout=300)


def test_simpy_is_installed():
    # scripts/install-deps installs python3-simpy3: the peer must run, never be skipped.
    import simpy  # noqa: F401


def test_caseload_and_peer_agree_and_the_ratio_is_printed(caseload):
    result = run_compare(caseload, "--seeds", "3")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "curves agree" in result.stdout
    thirteen = re.search(r"^\s+13 weeks\s+([0-9.]+)\s+([0-9.]+)", result.stdout, re.M)
    assert thirteen, result.stdout
    for share in map(float, thirteen.groups()):
        assert 0.2 < share < 0.8  # a curve, not an empty or degenerate run
    for name in ("caseload", "peer"):
        assert re.search(rf"^time {name}\s*: wall\s+[0-9.]+ s\s+cpu\s+[0-9.]+ s$", result.stdout, re.M)
    ratio = re.search(r"^ratio caseload:peer \(cpu\) = 1:([0-9.]+)", result.stdout, re.M)
    assert ratio and float(ratio.group(1)) > 0, result.stdout


def test_a_peer_whose_search_differs_is_caught(caseload):
    # Own search 1 logit easier in the peer only: the comparison must fail at this size.
    result = run_compare(caseload, "--seeds", "1", "--peer-set", "search.intercept=-1.6")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "curves DISAGREE" in result.stdout
    assert "peer changed: search.intercept=-1.6" in result.stdout


def test_the_curve_is_the_reports_kaplan_meier():
    rng = np.random.default_rng(17)
    weeks_seen = rng.exponential(15.0, 500)
    ended = rng.random(500) < 0.8
    share, variance = compare.still_claiming(weeks_seen, ended)
    report = 1.0 - _kaplan_meier_off(weeks_seen, ended, 52)[1:]
    assert np.allclose(share, report, equal_nan=True)
    assert np.all(variance[~np.isnan(variance)] >= 0.0)
    assert np.all(np.diff(share[~np.isnan(share)]) <= 0.0)


def test_the_peer_reads_the_resolved_scenario(caseload):
    import resolved_yaml  # bench/peers/resolved_yaml.py: the peer's reader, without PyYAML

    text = subprocess.run([caseload, "check", str(ROOT / "scenarios/bench/reduced.yaml"), "--resolved"],
                          capture_output=True, text=True, check=True).stdout
    resolved = resolved_yaml.load(text)
    assert resolved["name"] == "reduced"
    assert resolved["groups"]["esa"]["inflow_per_week"] == 5
    assert resolved["groups"]["esa"]["employability_mean"] == -0.8
    assert resolved["policy"]["disabled_actions"][0] == "submission"
    assert resolved["policy"]["help_groups"] == []
    assert resolved["counterfactual"]["enabled"] is False
    assert resolved["network"]["office_table"] == ""


def test_the_peer_refuses_a_scenario_beyond_the_reduced_model(caseload, tmp_path):
    resolved = tmp_path / "smoke.yaml"
    resolved.write_text(subprocess.run([caseload, "check", str(ROOT / "scenarios/smoke.yaml"), "--resolved"],
                                       capture_output=True, text=True, check=True).stdout)
    result = subprocess.run(["/usr/bin/python3", str(COMPARE.parent / "reduced_model.py"), str(resolved),
                             "-o", str(tmp_path / "claims.json")], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "not the reduced model" in result.stderr
    assert "counterfactual.enabled must be false" in result.stderr
    assert "only interviews may be enabled" in result.stderr
    assert not (tmp_path / "claims.json").exists()
