#!/usr/bin/python3
"""Runs caseload and its SimPy peer (reduced_model.py) on the same reduced scenario and size,
checks that both give the same off-flow curve, and prints the time each took and their ratio.

The curve is the share of claims begun in the measured period still claiming after 1..52 weeks,
Kaplan-Meier over all seeds pooled (open claims censored at the run's end, as caseload's own
off_benefit_* figures: docs/METRICS.md). The two agree if at every week the difference is within
Z (default 4) standard errors of the difference, each model's from Greenwood's formula: the
peer's random numbers are its own, so agreement can only be statistical. Z = 4 over 52 weekly
comparisons keeps the chance of a false alarm under 0.5% (Bonferroni) while a mechanism copied
wrong moves the curve by far more at the sizes run (bench/peers/README.md). Greenwood takes the
claims as independent, but claims in one run share advisers (each drawn with its own
effectiveness) and a vacancy pool; with 3 seeds or more each model's standard error is the
larger of Greenwood's and the spread of its per-seed curves over sqrt(seeds).

Exit status: 0 the curves agree, 1 they do not, 2 bad usage or a run that failed.
"""

import argparse
import json
import math
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "analysis"))

from caseload_analysis.trace import load_trace  # noqa: E402

DAYS_PER_WEEK = 7.0
WEEKS = np.arange(1, 53)
SHOWN = (13, 26, 52)


def still_claiming(weeks_seen, ended, weeks=WEEKS):
    """Kaplan-Meier share still claiming after each of `weeks`, and its Greenwood variance.
    Endings count before censorings at the same time, as sim/metrics/offflow_curves.cpp."""
    weeks_seen = np.asarray(weeks_seen, float)
    ended = np.asarray(ended, bool)
    order = np.lexsort((~ended, weeks_seen))
    weeks_seen, ended = weeks_seen[order], ended[order]
    at_risk = (len(weeks_seen) - np.arange(len(weeks_seen))).astype(float)
    survival = np.cumprod(np.where(ended, 1.0 - 1.0 / at_risk, 1.0))
    # Greenwood: S^2 * sum of d / (n (n - d)) over the endings so far (d = 1 each; the last
    # claim at risk ending makes S = 0, whose variance is 0 whatever the sum).
    with np.errstate(divide="ignore"):
        terms = np.where(ended & (at_risk > 1), 1.0 / (at_risk * (at_risk - 1.0)), 0.0)
    greenwood = np.cumsum(terms)
    seen = np.searchsorted(weeks_seen, weeks, side="right")  # claims followed <= w weeks
    index = np.maximum(seen - 1, 0)
    share = np.where(seen > 0, survival[index], 1.0)
    variance = np.where(seen > 0, survival[index] ** 2 * greenwood[index], 0.0)
    beyond = weeks > weeks_seen[-1] if len(weeks_seen) else np.ones(len(weeks), bool)
    return np.where(beyond, np.nan, share), np.where(beyond, np.nan, variance)


def pooled_curve(claims, per_seed):
    """The curve of all seeds' claims pooled, and its variance: Greenwood's, or with 3 seeds or
    more the variance of the mean of the per-seed curves if that is larger (claims in one run
    are not independent)."""
    share, variance = still_claiming(*claims)
    if len(per_seed) >= 3:
        with np.errstate(invalid="ignore"):
            between = np.var(np.vstack(per_seed), axis=0, ddof=1) / len(per_seed)
        variance = np.where(np.isnan(between), variance, np.maximum(variance, between))
    return share, variance


def timed(command):
    """Runs `command`; returns (completed process, wall seconds, CPU seconds of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result, wall, cpu


def must(result, what):
    if result.returncode != 0:
        sys.stderr.write(f"compare: {what} failed (exit {result.returncode}):\n{result.stderr}")
        sys.exit(2)
    return result


def caseload_claims(trace_path):
    variant = load_trace(trace_path).treatment
    spells = variant.table("spells")
    spells = spells[spells["start"] >= variant.measure_start_days]
    ended = ~spells["is_open"].to_numpy(bool)
    end = np.where(ended, spells["end"].to_numpy(float), variant.end_days)
    return (end - spells["start"].to_numpy(float)) / DAYS_PER_WEEK, ended


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--caseload", help="caseload binary (release build); default: caseload on PATH")
    parser.add_argument("--scenario", type=Path, default=ROOT / "scenarios/bench/reduced.yaml")
    parser.add_argument("--offices", type=int, help="network.offices (the size: about 740 claiming at a time in each)")
    parser.add_argument("--weeks", type=int, help="run.weeks, the measured weeks")
    parser.add_argument("--seeds", type=int, default=3, help="seeds 1..N, pooled (default 3)")
    parser.add_argument("--peer-set", action="append", default=[], metavar="PATH=VALUE",
                        help="changes the peer's scenario only (a negative control: the curves "
                             "should then disagree)")
    parser.add_argument("--every-week", action="store_true", help="print the curves at weeks 1..52, not "
                                                                  "only 13, 26 and 52")
    parser.add_argument("--z", type=float, default=4.0, help="tolerance in standard errors (default 4)")
    args = parser.parse_args(argv)
    args.caseload = args.caseload or shutil.which("caseload")
    if not args.caseload or not os.access(args.caseload, os.X_OK):
        parser.error("no caseload binary: give --caseload or put a release build's on PATH")
    if args.seeds < 1:
        parser.error("--seeds must be at least 1")
    return args


def main(argv=None):
    args = parse(argv)
    overrides = []
    if args.offices is not None:
        overrides += ["--set", f"network.offices={args.offices}"]
    if args.weeks is not None:
        overrides += ["--set", f"run.weeks={args.weeks}"]
    scenario = str(args.scenario)
    times = {"caseload": [0.0, 0.0], "peer": [0.0, 0.0]}
    caseload_events = 0
    claims = {"caseload": ([], []), "peer": ([], [])}
    per_seed = {"caseload": [], "peer": []}
    with tempfile.TemporaryDirectory(prefix="peer-compare-") as folder:
        folder = Path(folder)
        resolved = must(subprocess.run([args.caseload, "check", scenario, "--resolved", *overrides],
                                       capture_output=True, text=True, check=False), "caseload check")
        resolved_path = folder / "resolved.yaml"
        resolved_path.write_text(resolved.stdout)
        for seed in range(1, args.seeds + 1):
            # Timed without a trace: the peer writes none either. The same seed then writes the
            # spells (caseload is deterministic, so it is the run that was timed).
            result, wall, cpu = timed([args.caseload, "run", scenario, *overrides, "--seed", str(seed)])
            must(result, f"caseload run --seed {seed}")
            events = re.search(r"\bevents: (\d+)", result.stdout)
            caseload_events += int(events.group(1)) if events else 0
            times["caseload"][0] += wall
            times["caseload"][1] += cpu
            trace = folder / f"caseload-{seed}.h5"
            must(subprocess.run([args.caseload, "run", scenario, *overrides, "--seed", str(seed),
                                 "-o", str(trace), "--trace", "agents"],
                                capture_output=True, text=True, check=False), f"caseload run -o (seed {seed})")
            weeks_seen, ended = caseload_claims(trace)
            per_seed["caseload"].append(still_claiming(weeks_seen, ended)[0])
            claims["caseload"][0].extend(weeks_seen)
            claims["caseload"][1].extend(ended)

            out = folder / f"peer-{seed}.json"
            result, wall, cpu = timed([sys.executable, str(HERE / "reduced_model.py"), str(resolved_path),
                                       "--seed", str(seed), "-o", str(out),
                                       *(f"--set={change}" for change in args.peer_set)])
            must(result, f"peer --seed {seed}")
            times["peer"][0] += wall
            times["peer"][1] += cpu
            peer = json.loads(out.read_text())
            per_seed["peer"].append(still_claiming(peer["weeks_seen"], peer["ended"])[0])
            claims["peer"][0].extend(peer["weeks_seen"])
            claims["peer"][1].extend(peer["ended"])

    curves = {name: pooled_curve(claims[name], per_seed[name]) for name in claims}
    (c_share, c_var), (p_share, p_var) = curves["caseload"], curves["peer"]
    tolerance = args.z * np.sqrt(c_var + p_var)
    difference = np.abs(c_share - p_share)
    compared = ~np.isnan(difference)
    agree = bool(compared.any()) and bool(np.all(difference[compared] <= tolerance[compared]))

    size = f"offices {args.offices or 'as scenario'}, weeks {args.weeks or 'as scenario'}, seeds 1..{args.seeds}"
    print(f"reduced model: {args.scenario.name} ({size})")
    if args.peer_set:
        print(f"peer changed: {', '.join(args.peer_set)}")
    print(f"claims begun in the measured period: caseload {len(claims['caseload'][0])}, "
          f"peer {len(claims['peer'][0])}")
    print("share still claiming after   caseload      peer   |diff|  tolerance")
    for week in WEEKS if args.every_week else SHOWN:
        i = week - 1
        print(f"  {week:2d} weeks                  {c_share[i]:8.4f}  {p_share[i]:8.4f}  "
              f"{difference[i]:7.4f}  {tolerance[i]:9.4f}")
    # Weeks before any claim can end (the first review) have no spread and no difference.
    spread = compared & (tolerance > 0)
    if spread.any():
        share_of_tolerance = np.where(spread, difference / np.where(spread, tolerance, 1.0), -1.0)
        worst = int(np.argmax(share_of_tolerance))
        print(f"weeks 1-52: largest |diff| / tolerance {share_of_tolerance[worst]:.2f} at week "
              f"{worst + 1} (tolerance {args.z:g} standard errors)")
    for name in ("caseload", "peer"):
        wall, cpu = times[name]
        print(f"time {name:8s}: wall {wall:8.3f} s  cpu {cpu:8.3f} s")
    c_cpu, p_cpu = times["caseload"][1], times["peer"][1]
    if caseload_events and c_cpu > 0:
        print(f"caseload events: {caseload_events} ({c_cpu / caseload_events * 1e9:.0f} ns of cpu per event)")
    ratio = p_cpu / c_cpu if c_cpu > 0 else math.inf
    print(f"ratio caseload:peer (cpu) = 1:{ratio:.1f} (caseload {ratio:.1f}x faster)")
    print("curves agree" if agree else "curves DISAGREE")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
