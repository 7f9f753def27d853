"""95% intervals of a mean, as `caseload compare` computes them (docs/EXPERIMENTS.md,
"Intervals that stay in range"): Student t, and for a bounded figure on a scale where it is
unbounded (logit for shares and job quality, Fisher z for correlations and concentration
indices), mapped back, so a share's interval stays in [0, 1] and a correlation's in [-1, 1].
"""

from __future__ import annotations

import math

import numpy as np

# Student t's 97.5% quantile for 1..30 degrees of freedom (standard tables); past 30 the
# Cornish-Fisher expansion below is within 1e-4 of it. No SciPy: the package needs only
# numpy, pandas, matplotlib, h5py and jinja2.
_T975 = [12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
         2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
         2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423]

# Units (the trace's /metrics `units`) of figures bounded to [0, 1] and to [-1, 1].
_UNIT_INTERVAL = {"share", "quality"}
_PLUS_MINUS_ONE = {"correlation", "index"}
# Values at a bound are moved this far inside it first, as sim/experiment does.
_INSIDE = 1e-6


def t_quantile(degrees_of_freedom: int) -> float:
    """Student t's 97.5% quantile."""
    if degrees_of_freedom < 1:
        return float("nan")
    if degrees_of_freedom <= len(_T975):
        return _T975[degrees_of_freedom - 1]
    z, df = 1.959964, float(degrees_of_freedom)
    return z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)


def scale_of(units: str) -> str:
    """"logit", "fisher_z" or "identity": the scale a figure's interval is computed on."""
    if units in _UNIT_INTERVAL:
        return "logit"
    if units in _PLUS_MINUS_ONE:
        return "fisher_z"
    return "identity"


def _forward(values: np.ndarray, scale: str) -> np.ndarray:
    if scale == "logit":
        p = np.clip(values, _INSIDE, 1 - _INSIDE)
        return np.log(p / (1 - p))
    if scale == "fisher_z":
        return np.arctanh(np.clip(values, -1 + _INSIDE, 1 - _INSIDE))
    return values


def _back(value: float, scale: str) -> float:
    if scale == "logit":
        return float(1 / (1 + math.exp(-value)))
    if scale == "fisher_z":
        return float(math.tanh(value))
    return float(value)


def mean_interval(values, units: str = "") -> tuple[float, float, float, int]:
    """(mean, lower, upper, n) over the finite values: the plain mean, and the 95% interval of
    the mean on the figure's scale (NaN bounds with fewer than two values)."""
    finite = np.asarray(values, dtype=float)
    finite = finite[np.isfinite(finite)]
    n = len(finite)
    if n == 0:
        return float("nan"), float("nan"), float("nan"), 0
    mean = float(finite.mean())
    if n < 2:
        return mean, float("nan"), float("nan"), n
    scale = scale_of(units)
    transformed = _forward(finite, scale)
    centre = float(transformed.mean())
    half = t_quantile(n - 1) * float(transformed.std(ddof=1)) / math.sqrt(n)
    return mean, _back(centre - half, scale), _back(centre + half, scale), n
