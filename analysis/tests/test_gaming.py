"""The report's gaming channels section: every channel's metrics read by name from a JET trace
of the real binary, a metric the trace lacks shown as "not in this trace", and the weak-claim
figures the regime's audit writes (none rejected without an audit, some with one)."""

import math

import pytest

from caseload_analysis import gaming
from caseload_analysis.report import write_report
from caseload_analysis.trace import load_trace

SMALL = ("--set", "run.weeks=60", "--set", "run.warmup_weeks=13", "--set", "network.offices=1",
         "--set", "counterfactual.enabled=false")


@pytest.fixture(scope="module")
def jet_trace(make_trace):
    return make_trace("jet_gaming", *SMALL, scenario="scenarios/regimes/jet.yaml")


@pytest.fixture(scope="module")
def audited_trace(make_trace):
    """JET with half its claims checked and no penalty: every weak claim is still made."""
    return make_trace("jet_gaming_audited", *SMALL, "--set", "regime.indicators[0].audit.sample_rate=0.5",
                      scenario="scenarios/regimes/jet.yaml")


def test_every_channel_reads_its_metrics_by_name(jet_trace):
    run = load_trace(jet_trace)
    tables = gaming.channel_tables(run)
    assert [channel.name for channel, _ in tables] == [
        "quality", "bunching", "speculative submissions", "evidence rejected", "sanctions",
        "goodwill"]
    for channel, table in tables:
        assert list(table.index) == list(channel.metrics)
        for name in channel.metrics:
            value = table.loc[name, "value"]
            if name in run.metrics.index:
                stored = run.metric(name)
                assert value == stored or (math.isnan(value) and math.isnan(stored)), name
                assert table.loc[name, "meaning"] == run.metrics.loc[name, "description"]
            else:
                assert value == gaming.NOT_IN_TRACE, name


def test_a_metric_the_trace_lacks_is_shown_as_absent(jet_trace):
    run = load_trace(jet_trace)
    run.metrics = run.metrics.drop(index="claims_weak")
    table = gaming.channel_table(run, next(c for c in gaming.CHANNELS
                                           if c.name == "evidence rejected"))
    assert table.loc["claims_weak", "value"] == gaming.NOT_IN_TRACE
    assert table.loc["claims_rejected", "value"] == run.metric("claims_rejected")


def test_jet_claims_weakly_and_an_audit_rejects_some(jet_trace, audited_trace):
    plain = load_trace(jet_trace)
    audited = load_trace(audited_trace)
    # Own-search entries with help on record are claimed; no audit rejects any.
    assert plain.metric("claims_weak") > 0
    assert plain.metric("claims_rejected") == 0
    assert plain.metric("unmatched_entries") == 0  # JET matches no records
    # With no penalty every weak claim is still worth making; half of them are checked (the
    # binomial spread of a few hundred claims at 0.5 is far inside 0.3-0.7).
    rejected = audited.metric("claims_rejected")
    assert 0.3 * audited.metric("claims_weak") < rejected < 0.7 * audited.metric("claims_weak")


def test_report_has_a_gaming_section_per_run(jet_trace, audited_trace, tmp_path):
    write_report([jet_trace, audited_trace], tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    section = page[page.index("<h2>Gaming channels</h2>"):page.index("<h2>Figures</h2>")]
    assert section.count("<h3>") == 2
    for channel in gaming.CHANNELS:
        assert section.count(f"<h4>{channel.name}</h4>") == 2, channel.name
        for name in channel.metrics:
            # A human name, with the identifier beside it.
            assert section.count(f"<code class='id'>{name}</code></th>") == 2, name
