"""Providers' books in /metrics/by_provider and /metrics/by_provider_group, recomputed from a
real trace: fees are what the regime credited the provider's caseworkers, staff cost is their
salaries for the measured years (whatever minutes they used), and every row's margin is fees
less staff cost, overhead and programme spend."""

import re

import h5py
import numpy as np
import pytest


def scenario_number(f, key):
    return float(re.search(rf"{key}:\s*([0-9.]+)", f["scenario"].asstr()[()]).group(1))


def test_provider_books_match_the_advisers_table(provider_trace):
    with h5py.File(provider_trace, "r") as f:
        salary = scenario_number(f, "caseworker_cost_per_year")
        overhead_share = scenario_number(f, "overhead_share")
        years = 60 / 52  # run.weeks=60 in the fixture
        advisers = f["treatment/advisers"]
        caseworker = advisers["is_provider"][()] == 1
        provider = advisers["provider"][()]
        books = f["metrics/by_provider"]
        count = len(books["label"])
        assert count == 2
        for p in range(count):
            mine = caseworker & (provider == p)
            fees = advisers["measured_performance"][()][mine].sum()
            staff = mine.sum() * salary * years
            spend = advisers["fund_spend"][()][mine].sum()
            assert books["caseworkers"][p] == mine.sum()
            assert books["fees"][p] == pytest.approx(fees, rel=1e-12)
            assert books["staff_cost"][p] == pytest.approx(staff, rel=1e-12)
            assert books["overhead"][p] == pytest.approx(overhead_share * staff, rel=1e-12)
            assert books["programme_spend"][p] == pytest.approx(spend, rel=1e-12, abs=1e-9)
        assert fees > 0 and staff > 0
        names = list(f["metrics/scalars/name"].asstr()[()])
        scalars = dict(zip(names, f["metrics/scalars/value"][()]))
        per_referral = books["margin"][()].sum() / books["referrals"][()].sum()
        assert scalars["provider_profit_per_referral"] == pytest.approx(per_referral, rel=1e-12)
        by_group = f["metrics/by_group"]
        share = by_group["provider_parked_share"][()]
        assert np.all((share >= 0) & (share <= 1) | np.isnan(share))


def test_every_books_row_has_margin_equal_fees_less_costs(provider_trace):
    with h5py.File(provider_trace, "r") as f:
        for series in ("by_provider", "by_provider_group"):
            books = {name: f[f"metrics/{series}/{name}"][()] for name in f[f"metrics/{series}"] if name != "label"}
            fees = books["fees_attachment"] + books["fees_job_outcome"] + books["fees_sustainment"] + books["fees_other"]
            assert books["fees"] == pytest.approx(fees, rel=1e-12)
            margin = books["fees"] - books["staff_cost"] - books["overhead"] - books["programme_spend"]
            assert books["margin"] == pytest.approx(margin, rel=1e-12, abs=1e-6)


def test_groups_share_each_providers_salaries_and_overhead(provider_trace):
    with h5py.File(provider_trace, "r") as f:
        by_provider = f["metrics/by_provider"]
        cells = f["metrics/by_provider_group"]
        owner = cells["provider"][()].astype(int)
        for name in ("staff_cost", "overhead", "referrals", "programme_spend"):
            summed = np.bincount(owner, weights=cells[name][()], minlength=len(by_provider["label"]))
            assert summed == pytest.approx(by_provider[name][()], rel=1e-12, abs=1e-9)
        # Salaries follow the minutes each group took.
        for p in range(len(by_provider["label"])):
            mine = owner == p
            minutes = cells["staff_minutes"][()][mine]
            if minutes.sum() > 0:
                assert cells["staff_cost"][()][mine] == pytest.approx(
                    by_provider["staff_cost"][p] * minutes / minutes.sum(), rel=1e-12, abs=1e-9)
