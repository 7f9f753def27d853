"""Sensitivity indices from the output of a `morris` or `sobol` sweep (numpy only; Debian has
no SALib). The design's structure comes from the sweep's own columns: `role` (A, B, AB_j for
Sobol; start, step_j for Morris, j the 1-based parameter), `sample` (the Sobol base sample or
the Morris trajectory) and `unit_step` (a Morris step's signed move on the unit scale).

- Sobol: first-order index by Saltelli et al. (2010, Comput. Phys. Commun. 181, table 2 (b)),
  S_j = mean(f(B) (f(AB_j) - f(A))) / V, and total index by Jansen (1999),
  ST_j = mean((f(A) - f(AB_j))^2) / (2 V), with V the variance of f over A and B together.
- Morris: elementary effects EE = (f(after) - f(before)) / unit_step, and per parameter
  mu (mean EE), mu* (mean |EE|, Campolongo et al. 2007) and sigma (standard deviation).

Confidence intervals are percentile bootstraps over base samples (Sobol) or trajectories
(Morris), from a seeded numpy Generator, so a report is the same every time it is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

import warnings

import numpy as np
import pandas as pd

BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 20100101  # any fixed number: the intervals must not change between reports


@dataclass
class SobolIndices:
    first: np.ndarray        # S_j, one per parameter
    total: np.ndarray        # ST_j
    first_ci: np.ndarray     # (k, 2): 95% bootstrap interval of S_j
    total_ci: np.ndarray     # (k, 2)
    samples: int             # base samples used (those with every value finite)


@dataclass
class MorrisIndices:
    mu: np.ndarray
    mu_star: np.ndarray
    sigma: np.ndarray
    mu_star_ci: np.ndarray   # (k, 2): 95% bootstrap interval of mu*
    trajectories: int        # trajectories with at least one finite effect


def _first_total(f_a: np.ndarray, f_b: np.ndarray, f_ab: np.ndarray) -> tuple[np.ndarray,
                                                                              np.ndarray]:
    variance = np.var(np.concatenate([f_a, f_b]))
    if not variance > 0:
        nan = np.full(f_ab.shape[1], np.nan)
        return nan, nan.copy()
    first = np.mean(f_b[:, None] * (f_ab - f_a[:, None]), axis=0) / variance
    total = 0.5 * np.mean((f_a[:, None] - f_ab) ** 2, axis=0) / variance
    return first, total


def sobol_from_matrices(f_a, f_b, f_ab, resamples: int = BOOTSTRAP_RESAMPLES,
                        seed: int = BOOTSTRAP_SEED) -> SobolIndices:
    """Indices from the model's values on A (N), B (N) and AB_j (N x k). Base samples with any
    value missing are left out (all of a sample's N(k+2) values belong together)."""
    f_a, f_b, f_ab = (np.asarray(x, dtype=float) for x in (f_a, f_b, f_ab))
    keep = np.isfinite(f_a) & np.isfinite(f_b) & np.isfinite(f_ab).all(axis=1)
    f_a, f_b, f_ab = f_a[keep], f_b[keep], f_ab[keep]
    n, k = len(f_a), f_ab.shape[1]
    if n < 2:  # no variance to share out
        nan = np.full(k, np.nan)
        return SobolIndices(nan, nan.copy(), _interval([], k), _interval([], k), n)
    first, total = _first_total(f_a, f_b, f_ab)
    rng = np.random.default_rng(seed)
    draws_first, draws_total = [], []
    for _ in range(resamples):
        pick = rng.integers(0, n, n)
        s, st = _first_total(f_a[pick], f_b[pick], f_ab[pick])
        draws_first.append(s)
        draws_total.append(st)
    return SobolIndices(first, total, _interval(draws_first, k), _interval(draws_total, k), n)


def _interval(draws: list[np.ndarray], k: int) -> np.ndarray:
    if not draws:
        return np.full((k, 2), np.nan)
    with warnings.catch_warnings():  # a parameter with no finite draw gets a NaN interval
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanpercentile(np.asarray(draws), [2.5, 97.5], axis=0).T


def _role_index(role: str, prefix: str) -> int:
    """0-based parameter of a role such as AB_3 or step_3."""
    return int(role[len(prefix):]) - 1


def sobol_indices(points: pd.DataFrame, values: str, k: int, **bootstrap) -> SobolIndices:
    """Indices of column `values` over a Sobol design's points (columns role, sample)."""
    table = points.pivot_table(index="sample", columns="role", values=values, aggfunc="first",
                               dropna=False)
    roles = ["A", "B", *[f"AB_{j + 1}" for j in range(k)]]
    table = table.reindex(columns=roles)
    return sobol_from_matrices(table["A"].to_numpy(), table["B"].to_numpy(),
                               table[roles[2:]].to_numpy(), **bootstrap)


def elementary_effects(points: pd.DataFrame, values: str, k: int) -> list[list[float]]:
    """effects[j]: parameter j's elementary effects, trajectory by trajectory (NaN where a value
    is missing), from a Morris design's points (columns point, role, sample, unit_step)."""
    effects: list[list[float]] = [[] for _ in range(k)]
    for _, trajectory in points.sort_values("point").groupby("sample", sort=True):
        y = trajectory[values].to_numpy(dtype=float)
        roles = trajectory["role"].tolist()
        steps = trajectory["unit_step"].to_numpy(dtype=float)
        for s in range(1, len(roles)):
            j = _role_index(roles[s], "step_")
            effects[j].append((y[s] - y[s - 1]) / steps[s])
    return effects


def _morris_summary(effects: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """mu, mu*, sigma of an array of effects (trajectory x parameter), ignoring NaN."""
    # A parameter with no finite effect gets NaN indices, as it should; no warning needed.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        mu = np.nanmean(effects, axis=0)
        mu_star = np.nanmean(np.abs(effects), axis=0)
        sigma = np.nanstd(effects, axis=0, ddof=1)
    return mu, mu_star, sigma


def morris_indices(points: pd.DataFrame, values: str, k: int,
                   resamples: int = BOOTSTRAP_RESAMPLES,
                   seed: int = BOOTSTRAP_SEED) -> MorrisIndices:
    """mu, mu*, sigma per parameter of column `values` over a Morris design's points."""
    effects = np.asarray(elementary_effects(points, values, k), dtype=float).T  # r x k
    mu, mu_star, sigma = _morris_summary(effects)
    rng = np.random.default_rng(seed)
    r = effects.shape[0]
    draws = [_morris_summary(effects[rng.integers(0, r, r)])[1]
             for _ in range(resamples if r > 1 else 0)]
    trajectories = int(np.isfinite(effects).any(axis=1).sum())
    return MorrisIndices(mu, mu_star, sigma, _interval(draws, k), trajectories)


def ranking_table(points: pd.DataFrame, parameters: list[str], design: str,
                  metrics: list[str]) -> pd.DataFrame:
    """One row per metric and parameter, ranked within each metric (1 = most influential by
    S_T for Sobol, mu* for Morris), from a sweep's points.csv rows for the whole population
    (columns point, role, sample, unit_step, metric, mean)."""
    rows = []
    k = len(parameters)
    for metric in metrics:
        figure = points[points["metric"] == metric]
        if figure.empty:
            continue
        if design == "sobol":
            found = sobol_indices(figure, "mean", k)
            key = found.total
            columns = {"S1": found.first, "S1_lower": found.first_ci[:, 0],
                       "S1_upper": found.first_ci[:, 1], "ST": found.total,
                       "ST_lower": found.total_ci[:, 0], "ST_upper": found.total_ci[:, 1]}
            used = found.samples
        else:
            found = morris_indices(figure, "mean", k)
            key = found.mu_star
            columns = {"mu": found.mu, "mu_star": found.mu_star,
                       "mu_star_lower": found.mu_star_ci[:, 0],
                       "mu_star_upper": found.mu_star_ci[:, 1], "sigma": found.sigma}
            used = found.trajectories
        # NaN (no variation, or no values) ranks last.
        order = np.argsort(np.where(np.isfinite(key), -key, np.inf), kind="stable")
        rank = np.empty(k, dtype=int)
        rank[order] = np.arange(1, k + 1)
        for j, parameter in enumerate(parameters):
            rows.append({"metric": metric, "parameter": parameter, "rank": int(rank[j]),
                         **{name: float(values[j]) for name, values in columns.items()},
                         "used": used})
    table = pd.DataFrame(rows)
    return table.sort_values(["metric", "rank"], kind="stable").reset_index(drop=True) \
        if not table.empty else table
