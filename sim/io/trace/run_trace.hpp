#pragma once
// Writes one run into an open trace file: provenance, the resolved scenario, label lists, each
// variant's panel, agent tables, logs and event log as chunked columns, and the run's metrics.
// The variant tables are trace_schema.hpp's; the whole layout is docs/TRACE_FORMAT.md
// "Datasets written by a run".

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/io/trace/metric_series_schema.hpp"
#include "sim/io/trace/trace_file.hpp"
#include "sim/io/trace/trace_schema.hpp"
#include "sim/model/run_result.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::io {

/// Who made the run and from what: the root attributes and the datasets beside them.
struct RunProvenance {
  std::string scenario_name;
  std::uint64_t seed = 0;
  std::string scenario_yaml;             ///< resolved, as io::LoadedScenario holds it
  std::vector<std::string> group_names;  ///< indexed by model::GroupId
  std::string created;                   ///< ISO 8601 UTC, see utc_timestamp
};

/// A named 1-D metric aligned with its series' labels; its units and description are the
/// schema's (metric_series_schema.hpp).
struct MetricArray {
  std::string name;
  std::vector<double> values;
};

/// Arrays that share one label per element (customer groups, employability deciles, advisers).
struct MetricSeries {
  std::string name;  ///< the group under /metrics, e.g. "by_group"
  std::vector<std::string> labels;
  std::vector<MetricArray> arrays;  ///< each exactly labels.size() long
};

/// What a run measured, in a form that does not depend on how sim/metrics computes it.
struct RunMetrics {
  std::vector<model::SummaryFigure> scalars;  ///< in report order
  /// Each scalar's unit, aligned with `scalars` (sim/metrics' registry); empty when unknown.
  std::vector<std::string> scalar_units;
  std::vector<MetricSeries> series;
};

/// "2024-05-01T09:30:00Z": seconds precision, always UTC.
std::string utc_timestamp(std::chrono::system_clock::time_point when);

/// Root attributes (version, commit, seed, scenario_name, created, trace_level), /scenario,
/// and the label lists /groups, /actions, /jobseeker_states, /exit_reasons, /event_kinds,
/// /unit_levels.
void write_run_header(TraceFile& file, const RunProvenance& provenance, TraceLevel level);

/// The label list /scoreboard_indicators, from the treatment: one regime per run, since every
/// variant's is built from the same description. Written once, before the variants.
void write_scoreboard_indicators(TraceFile& file, const model::VariantResult& treatment);

/// The group /<variant.name> with its attributes and the tables the level asks for. At level
/// Events the variant's event log is written as it is (empty if the run did not record it).
void write_variant(TraceFile& file, const model::VariantResult& variant, TraceLevel level);

/// /metrics/scalars/{name,value,description,units} and /metrics/<series>/{label,<array>...},
/// with the series' descriptions and units from metric_series_schema.hpp. Throws TraceError for
/// a series or array the schema does not declare (or out of its order), a series lacking an
/// array the schema writes always, or an array (or the scalar units) whose length differs from
/// its labels'.
void write_metrics(TraceFile& file, const RunMetrics& metrics);

/// Everything above for one run, treatment then counterfactual (when present).
void write_run(TraceFile& file, const RunProvenance& provenance,
               const model::SimulationResult& result, const RunMetrics& metrics, TraceLevel level);

}  // namespace caseload::io
