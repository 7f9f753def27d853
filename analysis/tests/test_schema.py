"""The reader's view of a trace is the writer's schema: `caseload info --schema json` says what
sim/io/trace/trace_schema.cpp, metric_series_schema.cpp, attribute_schema.cpp and
sim/metrics/metric_registry.cpp declare, and load_trace must see exactly those tables, columns
(in order, with their types), metric series and metric scalars; the root and variant attributes
are the declared ones. A column added, dropped, renamed, moved or retyped on one
side fails here."""

import h5py

from caseload_analysis.trace import load_trace

LEVELS = ["summary", "agents", "events"]


def declared_tables(schema: dict, level: str) -> list[dict]:
    return [t for t in schema["tables"] if LEVELS.index(t["level"]) <= LEVELS.index(level)]


def test_reader_sees_the_declared_tables_and_columns(make_trace, schema):
    trace = load_trace(make_trace("smoke_events", "--trace", "events"), events=True)
    tables = declared_tables(schema, "events")
    assert [t["name"] for t in tables] == [t["name"] for t in schema["tables"]]
    assert list(trace.variants) == ["treatment", "counterfactual"]
    for variant in trace.variants.values():
        assert list(variant.tables) == [t["name"] for t in tables], variant.name
        for table in tables:
            frame = variant.table(table["name"])
            where = (variant.name, table["name"])
            assert list(frame.columns) == [c["name"] for c in table["columns"]], where
            assert [str(frame[c].dtype) for c in frame.columns] == [
                c["type"] for c in table["columns"]], where


def test_each_level_holds_the_tables_declared_for_it(make_trace, schema):
    for level in ("summary", "agents"):
        trace = load_trace(make_trace(f"smoke_{level}", "--trace", level), events=True)
        assert list(trace.treatment.tables) == [t["name"] for t in declared_tables(schema, level)]


def test_columns_carry_the_declared_units_and_descriptions(smoke_trace, schema):
    with h5py.File(smoke_trace, "r") as f:
        group = f["treatment"]
        for table in declared_tables(schema, "agents"):
            assert list(group[table["name"]]) == [c["name"] for c in table["columns"]]
            for column in table["columns"]:
                attrs = group[table["name"]][column["name"]].attrs
                assert attrs["description"] == column["description"], column["name"]
                if column["units"]:
                    assert attrs["units"] == column["units"], column["name"]
                else:
                    assert "units" not in attrs, column["name"]


def test_metric_scalars_are_the_registry_in_order(smoke_trace, schema):
    metrics = load_trace(smoke_trace).metrics
    assert list(metrics.index) == [m["name"] for m in schema["metrics"]]
    assert list(metrics["units"]) == [m["unit"] for m in schema["metrics"]]
    assert list(metrics["description"]) == [m["description"] for m in schema["metrics"]]


def written(spec: dict, conditions: set[str]) -> bool:
    return spec["written"] == "always" or spec["written"] in conditions


def check_metric_series(path, schema: dict, conditions: set[str]) -> None:
    """/metrics holds exactly the series and arrays the schema writes under `conditions`, in
    its order, as float64 one per label, with its descriptions and units."""
    with h5py.File(path, "r") as f:
        metrics = f["metrics"]
        declared = [s for s in schema["series"] if written(s, conditions)]
        assert [name for name in metrics if name != "scalars"] == [s["name"] for s in declared]
        for series in declared:
            group = metrics[series["name"]]
            labels = group["label"]
            assert labels.attrs["description"] == series["indexed_by"], series["name"]
            arrays = [a for a in series["arrays"] if written(a, conditions)]
            assert [name for name in group if name != "label"] == [a["name"] for a in arrays]
            for array in arrays:
                dataset = group[array["name"]]
                where = (series["name"], array["name"])
                assert str(dataset.dtype) == array["type"], where
                assert dataset.shape == labels.shape, where
                assert dataset.attrs["description"] == array["description"], where
                if array["units"]:
                    assert dataset.attrs["units"] == array["units"], where
                else:
                    assert "units" not in dataset.attrs, where


def test_metric_series_of_a_run_with_a_counterfactual_are_the_declared_ones(smoke_trace, schema):
    with h5py.File(smoke_trace, "r") as f:
        assert "counterfactual" in f and not f["treatment/advisers/is_provider"][()].any()
    check_metric_series(smoke_trace, schema, {"with_counterfactual"})


def test_metric_series_of_a_run_with_providers_are_the_declared_ones(provider_trace, schema):
    with h5py.File(provider_trace, "r") as f:
        assert "counterfactual" not in f and f["treatment/advisers/is_provider"][()].any()
    check_metric_series(provider_trace, schema, {"with_providers"})


def test_reader_sees_the_declared_metric_series(provider_trace, schema):
    series = load_trace(provider_trace).metric_series
    declared = [s for s in schema["series"] if written(s, {"with_providers"})]
    assert list(series) == [s["name"] for s in declared]
    for spec in declared:
        assert list(series[spec["name"]].columns) == [
            a["name"] for a in spec["arrays"] if written(a, {"with_providers"})]


def check_attributes(attrs, declared: list[dict], where: str) -> None:
    """`attrs` holds exactly the declared attributes, each stored as the declared type."""
    assert sorted(attrs) == sorted(a["name"] for a in declared), where
    for attribute in declared:
        dtype = attrs.get_id(attribute["name"]).dtype
        if attribute["type"] == "string":
            assert h5py.check_string_dtype(dtype) is not None, (where, attribute["name"])
        else:
            assert str(dtype) == attribute["type"], (where, attribute["name"])


def test_root_and_variant_attributes_are_the_declared_ones(smoke_trace, schema):
    with h5py.File(smoke_trace, "r") as f:
        check_attributes(f.attrs, schema["root_attributes"], "/")
        for variant in ("treatment", "counterfactual"):
            check_attributes(f[variant].attrs, schema["variant_attributes"], variant)
