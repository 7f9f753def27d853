"""Human names and number formats for the figures of compare and sweep outputs: counts as
whole numbers, money with its unit, shares as percentages (their differences in percentage
points), and a name a policy reader knows for each metric and each kind of part."""

from __future__ import annotations

import math

# metric -> (human name, how it reads: share, count, money, number)
METRICS: dict[str, tuple[str, str]] = {
    "creaming_index_employability": ("Creaming (help to the most employable, -1 to 1)", "number"),
    "creaming_index_motivation": ("Creaming by motivation (-1 to 1)", "number"),
    "parked_share": ("Parked share of claimant-weeks", "share"),
    "mean_job_quality": ("Mean job quality (0 to 1)", "number"),
    "net_employment_weeks_per_person": ("Net employment weeks gained per person", "number"),
    "net_employment_weeks": ("Net employment weeks gained", "count"),
    "net_entries": ("Net job entries", "count"),
    "paradox_adviser_correlation": ("Measured performance against net impact (advisers)",
                                    "number"),
    "paradox_office_correlation": ("Measured performance against net impact (offices)", "number"),
    "off_benefit_13w": ("Off benefit by 13 weeks", "share"),
    "off_benefit_26w": ("Off benefit by 26 weeks", "share"),
    "off_benefit_52w": ("Off benefit by 52 weeks", "share"),
    "off_flows_to_work": ("Off-flows to work", "share"),
    "sustained_13w_share": ("Jobs lasting 13+ weeks", "share"),
    "sustained_26w_share": ("Jobs lasting 26+ weeks", "share"),
    "deadweight_share": ("Deadweight (entries that would have happened anyway)", "share"),
    "entries_per_100_client_weeks": ("Job entries per 100 claimant-weeks", "number"),
    "help_cost": ("Cost of help", "money"),
    "cost_per_net_sustained_job": ("Cost per net sustained job", "money"),
    "fund_spend_per_entry": ("Discretion fund per job entry", "money"),
    "claims": ("Claims", "count"),
    "referrals": ("Referrals to providers", "count"),
    "provider_fees": ("Fees paid to providers", "money"),
    "provider_margin": ("Provider margin", "money"),
    "provider_profit_per_referral": ("Provider profit per referral", "money"),
    "provider_parked_share": ("Parked share at providers", "share"),
    "sanctions_per_100_client_weeks": ("Sanctions per 100 claimant-weeks", "number"),
    "caseload_per_adviser": ("Caseload per adviser", "number"),
    "into_work_rate_monthly": ("Into-work rate per month", "share"),
}

# The headline's figures, in order, as `caseload compare` prints them.
HEADLINE = ["creaming_index_employability", "parked_share", "mean_job_quality",
            "net_employment_weeks_per_person", "paradox_adviser_correlation"]

# Words for a clear rise and a clear fall of a headline figure, and its short name.
DIRECTION: dict[str, tuple[str, str, str]] = {
    "creaming_index_employability": ("more creaming", "less creaming", "creaming"),
    "parked_share": ("more parking", "less parking", "parking"),
    "mean_job_quality": ("better jobs", "worse jobs", "job quality"),
    "net_employment_weeks_per_person": ("more net employment", "less net employment",
                                        "net impact"),
    "paradox_adviser_correlation": ("measured performance tracks net impact more closely",
                                    "measured performance tracks net impact less closely",
                                    "how far measured performance tracks net impact"),
}

PARTS = {"all": "everyone", "group": "customer group", "cluster": "office cluster",
         "provider": "provider"}

GROUPS = {"jsa_18_24": "JSA, aged 18-24", "jsa_25_49": "JSA, aged 25-49",
          "jsa_50_plus": "JSA, aged 50+", "lone_parent": "Lone parents",
          "esa_wrag": "ESA, work-related activity", "esa_ex_ib": "ESA, former incapacity benefit",
          "non_claimant": "Non-claimants"}


def metric_name(metric: str) -> str:
    return METRICS.get(metric, (metric.replace("_", " ").capitalize(), "number"))[0]


def reading(metric: str) -> str:
    return METRICS.get(metric, ("", "number"))[1]


def group_name(group: str) -> str:
    return GROUPS.get(group, group.replace("_", " "))


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def value_text(metric: str, value) -> str:
    """A mean as people read it: 71.2%, 2,823, £1,540,000, 0.523."""
    if _missing(value):
        return "–"
    kind = reading(metric)
    if kind == "share":
        return f"{100 * value:.1f}%"
    if kind == "count":
        return f"{value:,.0f}"
    if kind == "money":
        return f"£{value:,.0f}"
    return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"


def difference_text(metric: str, value) -> str:
    """A difference: +3.9 pts for shares, +£120 for money, +0.0386 otherwise."""
    if _missing(value):
        return "–"
    kind = reading(metric)
    if kind == "share":
        return f"{100 * value:+.1f} pts"
    if kind == "count":
        return f"{value:+,.0f}"
    if kind == "money":
        return f"{'+' if value >= 0 else '-'}£{abs(value):,.0f}"
    return f"{value:+,.3g}" if abs(value) < 1000 else f"{value:+,.0f}"
