"""Traces for the analysis tests, made by the real `caseload` binary once per session.

The binary is `$CASELOAD` if set, else `caseload` on PATH (scripts/test puts the release build
there), else build/release or build/dev in this checkout. Without one the tests fail, loudly:
they test what caseload writes, so there is nothing to test without it.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ANALYSIS = Path(__file__).resolve().parents[1]
ROOT = ANALYSIS.parent
sys.path.insert(0, str(ANALYSIS))


def _binary() -> str:
    candidates = [os.environ.get("CASELOAD"), shutil.which("caseload"),
                  ROOT / "build/release/sim/cli/caseload", ROOT / "build/dev/sim/cli/caseload"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    pytest.fail("no caseload binary: build it (cmake --workflow --preset release) or set "
                "CASELOAD=/path/to/caseload")


@pytest.fixture(scope="session")
def caseload() -> str:
    return _binary()


def run_caseload(binary: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([binary, *args], capture_output=True, text=True, check=False,
                          timeout=600)


@pytest.fixture(scope="session")
def make_trace(caseload, tmp_path_factory):
    """make_trace(name, *args): runs `caseload run scenarios/smoke.yaml -o NAME.h5 *args` once
    per session and returns the trace's path."""
    folder = tmp_path_factory.mktemp("traces")
    made = {}

    def make(name: str, *args: str, scenario: str = "scenarios/smoke.yaml") -> Path:
        if name not in made:
            out = folder / f"{name}.h5"
            result = run_caseload(caseload, "run", str(ROOT / scenario), "-o", str(out), *args)
            assert result.returncode == 0, result.stderr
            made[name] = out
        return made[name]

    return make


@pytest.fixture(scope="session")
def smoke_trace(make_trace) -> Path:
    """The smoke scenario, seed 42, trace level agents (the default)."""
    return make_trace("smoke")


@pytest.fixture(scope="session")
def provider_trace(make_trace) -> Path:
    """A small run with contracted providers (two in one office) and no counterfactual."""
    return make_trace("pbr_providers_small", "--set", "run.weeks=60", "--set", "run.warmup_weeks=13",
                      "--set", "network.offices=1", "--set", "counterfactual.enabled=false",
                      "--trace", "agents", scenario="scenarios/regimes/pbr-providers-flat.yaml")


@pytest.fixture(scope="session")
def jot_trace(make_trace) -> Path:
    """A small JOT run (team-level job entries, 26-week data lag, pressure reviews every 4
    weeks): a scoreboard with rows, and advisers' measured performance to check it against."""
    return make_trace("jot_small", "--set", "run.weeks=80", "--set", "run.warmup_weeks=13",
                      "--set", "network.offices=1", "--set", "counterfactual.enabled=false",
                      scenario="scenarios/regimes/jot.yaml")


@pytest.fixture(scope="session")
def schema(caseload) -> dict:
    """What the writer declares, from `caseload info --schema json`: "tables" (each with its
    "level" and "columns": name, type, units, description, in file order) and "metrics" (the
    registry: name, unit, description, in summary order). The one schema; tests compare traces
    and the reader with it instead of keeping lists of their own."""
    result = run_caseload(caseload, "info", "--schema", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def titles_outside(fig) -> list[str]:
    """The titles (figure suptitle, every visible axes' centre, left and right titles) whose
    drawn extent leaves the figure: a clipped title. Draws the figure on the Agg canvas, so
    constrained layout has placed everything as it will be saved."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    texts = [fig._suptitle] if fig._suptitle is not None else []
    for ax in fig.axes:
        if ax.get_visible():
            texts += [ax.title, ax._left_title, ax._right_title]
    width, height = fig.bbox.width, fig.bbox.height
    outside = []
    for text in texts:
        if not text.get_text():
            continue
        box = text.get_window_extent(renderer)
        if box.x0 < 0 or box.y0 < 0 or box.x1 > width or box.y1 > height:
            outside.append(f"{text.get_text()!r}: x {box.x0:.0f}..{box.x1:.0f} of {width:.0f}, "
                           f"y {box.y0:.0f}..{box.y1:.0f} of {height:.0f}")
    return outside
