"""Providers' books in /metrics/by_provider, recomputed from the advisers table of a real
trace: fees are what the regime credited the provider's caseworkers, costs are their minutes
at the scenario's hourly rate plus their programme spend."""

import re

import h5py
import numpy as np
import pytest


def test_provider_books_match_the_advisers_table(provider_trace):
    with h5py.File(provider_trace, "r") as f:
        rate = float(re.search(r"staff_cost_per_hour:\s*([0-9.]+)", f["scenario"].asstr()[()]).group(1))
        advisers = f["treatment/advisers"]
        caseworker = advisers["is_provider"][()] == 1
        provider = advisers["provider"][()]
        minutes = sum(advisers[name][()] for name in advisers if name.startswith("minutes_"))
        books = f["metrics/by_provider"]
        count = len(books["label"])
        assert count == 2 and caseworker.sum() == 2 * 3
        for p in range(count):
            mine = caseworker & (provider == p)
            fees = advisers["measured_performance"][()][mine].sum()
            staff = minutes[mine].sum() / 60.0 * rate
            spend = advisers["fund_spend"][()][mine].sum()
            assert books["fees"][p] == pytest.approx(fees, rel=1e-12)
            assert books["staff_cost"][p] == pytest.approx(staff, rel=1e-12)
            assert books["programme_spend"][p] == pytest.approx(spend, rel=1e-12, abs=1e-9)
            assert books["profit"][p] == pytest.approx(fees - staff - spend, rel=1e-12)
        assert fees > 0 and staff > 0
        names = list(f["metrics/scalars/name"].asstr()[()])
        scalars = dict(zip(names, f["metrics/scalars/value"][()]))
        per_referral = books["profit"][()].sum() / books["referrals"][()].sum()
        assert scalars["provider_profit_per_referral"] == pytest.approx(per_referral, rel=1e-12)
        by_group = f["metrics/by_group"]
        share = by_group["provider_parked_share"][()]
        assert np.all((share >= 0) & (share <= 1) | np.isnan(share))
