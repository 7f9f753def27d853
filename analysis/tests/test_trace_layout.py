"""The layout docs/TRACE_FORMAT.md promises, checked on real traces with h5py alone (no
caseload_analysis code), as any outside reader would see it."""

import h5py
import numpy as np

ACTIONS = ["interview", "submission", "referral", "discretion_fund", "employer_contact",
           "validation", "sanction"]

# table -> {column: dtype}, as documented.
U8, U32, F64 = np.uint8, np.uint32, np.float64
LAYOUT = {
    "panel": {
        "week": U32, "office": U32, "group": U8, "stock": U32, "inflow": U32, "reclaims": U32,
        "exits_work": U32, "exits_inactivity": U32, "exits_sanction": U32,
        "entries_via_submission": U32, "sustained_13": U32, "sustained_26": U32,
        **{f"minutes_{a}": F64 for a in ACTIONS},
        "submissions": U32, "speculative_submissions": U32, "referrals": U32, "sanctions": U32,
        "fund_spend": F64,
    },
    "jobseekers": {
        "group": U8, "office": U32, "employability": F64, "motivation": F64, "adviser": U32,
        **{f"help_minutes_{a}": F64 for a in ACTIONS},
        "employed_days": F64, "entries": U32, "sustained_13": U32, "sustained_26": U32,
        "claim_weeks": U32, "parked_weeks": U32, "reclaims": U32, "state": U8,
    },
    "advisers": {
        "office": U32, "team": U32, "w_client": F64, "effectiveness": F64,
        "is_provider": U8, "provider": U32,
        "review_minutes": F64, **{f"minutes_{a}": F64 for a in ACTIONS},
        "budget_minutes": F64, "fund_spend": F64, "measured_weeks": F64, "measured_performance": F64,
        "pressure": F64, "stars": U8,
    },
    "spells": {"person": U32, "group": U8, "office": U32, "reason": U8, "is_reclaim": U8,
               "is_open": U8, "start": F64, "end": F64},
    "jobs": {"person": U32, "employer": U32, "group": U8, "via_submission": U8,
             "quality": F64, "start": F64, "end": F64, "reclaim": F64},
    "events": {"time": F64, "kind": U32, "subject": U32, "detail": U32},
}
AGENT_TABLES = ["jobseekers", "advisers", "spells", "jobs"]


def check_table(group: h5py.Group, table: str) -> int:
    """Every documented column with its type and storage; returns the row count."""
    expected = LAYOUT[table]
    assert sorted(group) == sorted(expected), (table, sorted(set(group) ^ set(expected)))
    lengths = set()
    for name, dtype in expected.items():
        column = group[name]
        assert column.dtype == dtype, (table, name, column.dtype)
        assert column.ndim == 1 and column.maxshape == (None,), (table, name)
        assert column.compression == "gzip" and column.shuffle, (table, name)
        assert isinstance(column.attrs["description"], str) and column.attrs["description"]
        lengths.add(column.shape[0])
    assert len(lengths) == 1, (table, lengths)
    return lengths.pop()


def test_root_attributes_are_typed_provenance(smoke_trace):
    with h5py.File(smoke_trace, "r") as f:
        attrs = f.attrs
        assert attrs["complete"] == 1 and attrs["complete"].dtype == np.uint8
        assert attrs["trace_format_version"] == 1
        assert attrs["trace_format_version"].dtype == np.int64
        assert attrs["seed"] == 42 and attrs["seed"].dtype == np.uint64
        for name in ("version", "commit", "scenario_name", "created", "trace_level"):
            assert isinstance(attrs[name], str) and attrs[name], name
        assert attrs["scenario_name"] == "smoke"
        assert attrs["trace_level"] == "agents"
        assert len(attrs["created"]) == 20 and attrs["created"].endswith("Z")


def test_scenario_and_label_lists(smoke_trace):
    with h5py.File(smoke_trace, "r") as f:
        scenario = f["scenario"].asstr()[()]
        assert scenario.startswith("name: smoke\n") and "seed: 42" in scenario
        assert list(f["groups"].asstr()[()]) == ["jsa_25_plus", "disabled"]
        assert list(f["actions"].asstr()[()]) == ACTIONS
        assert list(f["exit_reasons"].asstr()[()]) == ["work", "inactivity", "sanction"]
        assert list(f["jobseeker_states"].asstr()[()])[0] == "claiming"
        assert "week" in list(f["event_kinds"].asstr()[()])


def test_agents_level_has_every_documented_table(smoke_trace):
    with h5py.File(smoke_trace, "r") as f:
        assert sorted(k for k in f if isinstance(f[k], h5py.Group)) == [
            "counterfactual", "metrics", "treatment"]
        for variant in ("treatment", "counterfactual"):
            group = f[variant]
            assert sorted(group) == sorted(["panel", *AGENT_TABLES]), variant
            assert check_table(group["panel"], "panel") == 117 * 2  # weeks x groups
            for table in AGENT_TABLES:
                assert check_table(group[table], table) > 0, (variant, table)
            assert group.attrs["interrupted"] == 0
            assert group.attrs["measure_start_days"] == 13 * 7.0
            assert group.attrs["end_days"] == 117 * 7.0
        # Rows are people: the same people in both variants.
        assert (f["treatment/jobseekers/group"].shape == f["counterfactual/jobseekers/group"].shape)


def test_codes_index_their_label_lists(smoke_trace):
    with h5py.File(smoke_trace, "r") as f:
        t = f["treatment"]
        assert t["jobseekers/group"][()].max() < len(f["groups"])
        assert t["jobseekers/state"][()].max() < len(f["jobseeker_states"])
        assert t["spells/reason"][()].max() < len(f["exit_reasons"])
        advisers = len(t["advisers/office"])
        adviser = t["jobseekers/adviser"][()]
        assert np.all((adviser < advisers) | (adviser == 4294967295))
        assert t["jobs/person"][()].max() < len(t["jobseekers/group"])


def test_units_are_attributes(smoke_trace):
    with h5py.File(smoke_trace, "r") as f:
        t = f["treatment"]
        assert t["panel/minutes_interview"].attrs["units"] == "minutes"
        assert t["jobseekers/employed_days"].attrs["units"] == "days"
        assert t["jobseekers/claim_weeks"].attrs["units"] == "weeks"
        assert t["jobs/start"].attrs["units"] == "days"
        assert "units" not in t["jobseekers/group"].attrs  # absent, not empty


def test_metrics_are_named_scalars(smoke_trace):
    with h5py.File(smoke_trace, "r") as f:
        names = list(f["metrics/scalars/name"].asstr()[()])
        values = f["metrics/scalars/value"][()]
        descriptions = list(f["metrics/scalars/description"].asstr()[()])
        assert len(names) == len(values) == len(descriptions) > 0
        assert values.dtype == np.float64
        assert len(set(names)) == len(names)
        assert "off_benefit_13w" in names


def test_summary_level_has_panels_and_metrics_only(make_trace):
    trace = make_trace("smoke_summary", "--trace", "summary")
    with h5py.File(trace, "r") as f:
        assert f.attrs["trace_level"] == "summary"
        for variant in ("treatment", "counterfactual"):
            assert list(f[variant]) == ["panel"]
            check_table(f[variant]["panel"], "panel")
        assert "metrics" in f and "scenario" in f


def test_events_level_adds_the_event_log(make_trace):
    trace = make_trace("smoke_events", "--trace", "events")
    with h5py.File(trace, "r") as f:
        assert f.attrs["trace_level"] == "events"
        for variant in ("treatment", "counterfactual"):
            rows = check_table(f[variant]["events"], "events")
            assert rows > 1000
            time = f[variant]["events/time"][()]
            assert np.all(np.diff(time) >= 0), "handled in time order"
            assert f[variant]["events/kind"][()].max() < len(f["event_kinds"])
            assert f[variant].attrs["events_handled"] == rows


def test_same_seed_gives_identical_tables(make_trace):
    first = make_trace("same_a", "--seed", "3")
    second = make_trace("same_b", "--seed", "3")
    with h5py.File(first, "r") as a, h5py.File(second, "r") as b:
        for variant in ("treatment", "counterfactual"):
            for table in a[variant]:
                for column in a[variant][table]:
                    path = f"{variant}/{table}/{column}"
                    assert np.array_equal(a[path][()], b[path][()], equal_nan=True), path
