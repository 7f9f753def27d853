"""The layout docs/TRACE_FORMAT.md promises, checked on real traces with h5py alone (no
caseload_analysis code), as any outside reader would see it."""

import h5py
import numpy as np

ACTIONS = ["interview", "submission", "referral", "discretion_fund", "employer_contact",
           "validation", "sanction", "in_work_support"]
AGENT_TABLES = ["jobseekers", "advisers", "spells", "jobs", "employers", "vacancies"]
NO_ROW = 4294967295  # a row column's "none"


def layout(schema: dict, table: str) -> dict:
    """{column: dtype} of a table, in file order, as the writer declares it (the one schema,
    from `caseload info --schema json`; docs/TRACE_FORMAT.md's tables are generated from it)."""
    spec = next(t for t in schema["tables"] if t["name"] == table)
    return {c["name"]: np.dtype(c["type"]) for c in spec["columns"]}


def check_table(group: h5py.Group, expected: dict) -> int:
    """Every declared column, in order, with its type and storage; returns the row count."""
    assert list(group) == list(expected), (group.name, list(group), list(expected))
    lengths = set()
    for name, dtype in expected.items():
        column = group[name]
        assert column.dtype == dtype, (group.name, name, column.dtype)
        assert column.ndim == 1 and column.maxshape == (None,), (group.name, name)
        assert column.compression == "gzip" and column.shuffle, (group.name, name)
        assert isinstance(column.attrs["description"], str) and column.attrs["description"]
        lengths.add(column.shape[0])
    assert len(lengths) == 1, (group.name, lengths)
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
        assert list(f["groups"].asstr()[()]) == ["jsa_25_49", "esa_wrag"]
        assert list(f["actions"].asstr()[()]) == ACTIONS
        assert list(f["exit_reasons"].asstr()[()]) == ["work", "inactivity", "sanction", "other_benefit"]
        assert list(f["jobseeker_states"].asstr()[()])[0] == "claiming"
        assert "week" in list(f["event_kinds"].asstr()[()])


def test_agents_level_has_every_documented_table(smoke_trace, schema):
    with h5py.File(smoke_trace, "r") as f:
        assert sorted(k for k in f if isinstance(f[k], h5py.Group)) == [
            "counterfactual", "metrics", "treatment"]
        for variant in ("treatment", "counterfactual"):
            group = f[variant]
            assert list(group) == ["panel", "offices", *AGENT_TABLES, "scoreboard"], variant
            assert check_table(group["panel"], layout(schema, "panel")) == 117 * 2  # weeks x groups
            assert check_table(group["offices"], layout(schema, "offices")) == 1  # the smoke's one office
            # smoke's regime is neutral: the scoreboard is there, with its columns, and no rows.
            assert check_table(group["scoreboard"], layout(schema, "scoreboard")) == 0
            for table in AGENT_TABLES:
                assert check_table(group[table], layout(schema, table)) > 0, (variant, table)
            assert group.attrs["interrupted"] == 0
            assert group.attrs["measure_start_days"] == 13 * 7.0
            assert group.attrs["end_days"] == 117 * 7.0
        # Every job filled one vacancy, which names the person hired.
        outcomes = list(f["vacancy_outcomes"].asstr()[()])
        for variant in ("treatment", "counterfactual"):
            outcome = f[variant]["vacancies/outcome"][()]
            assert outcome.max() < len(outcomes)
            by_claimant = np.isin(outcome, [outcomes.index("submission"), outcomes.index("own_search")])
            assert by_claimant.sum() == len(f[variant]["jobs/person"])
            assert np.all(f[variant]["vacancies/hired"][()][by_claimant] != NO_ROW)
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


def test_summary_level_has_panels_scoreboards_and_metrics_only(make_trace, schema):
    trace = make_trace("smoke_summary", "--trace", "summary")
    with h5py.File(trace, "r") as f:
        assert f.attrs["trace_level"] == "summary"
        for variant in ("treatment", "counterfactual"):
            assert list(f[variant]) == ["panel", "offices", "scoreboard"]
            check_table(f[variant]["panel"], layout(schema, "panel"))
            check_table(f[variant]["offices"], layout(schema, "offices"))
            check_table(f[variant]["scoreboard"], layout(schema, "scoreboard"))
        assert "metrics" in f and "scenario" in f


def test_events_level_adds_the_event_log(make_trace, schema):
    trace = make_trace("smoke_events", "--trace", "events")
    with h5py.File(trace, "r") as f:
        assert f.attrs["trace_level"] == "events"
        for variant in ("treatment", "counterfactual"):
            rows = check_table(f[variant]["events"], layout(schema, "events"))
            assert rows > 1000
            time = f[variant]["events/time"][()]
            assert np.all(np.diff(time) >= 0), "handled in time order"
            assert f[variant]["events/kind"][()].max() < len(f["event_kinds"])
            # Action rows name their adviser and action; other rows hold the "none" codes.
            kind = f[variant]["events/kind"][()]
            is_action = kind == list(f["event_kinds"].asstr()[()]).index("action")
            adviser = f[variant]["events/adviser"][()]
            action = f[variant]["events/action"][()]
            assert np.all(adviser[is_action] < len(f[variant]["advisers/office"]))
            assert np.all(action[is_action] < len(f["actions"]))
            assert np.all(adviser[~is_action] == NO_ROW) and np.all(action[~is_action] == 255)
            client = f[variant]["events/client"][()]
            named = client[is_action & (client != NO_ROW)]
            assert np.all(named < len(f[variant]["jobseekers/group"]))
            if variant == "treatment":  # the counterfactual helps no client
                assert len(named) > 0
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
