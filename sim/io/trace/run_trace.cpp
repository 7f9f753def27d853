#include "sim/io/trace/run_trace.hpp"

#include <algorithm>
#include <array>
#include <ctime>
#include <span>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "sim/core/version.hpp"
#include "sim/io/trace/attribute_schema.hpp"
#include "sim/io/trace/trace_error.hpp"
#include "sim/model/action.hpp"
#include "sim/model/labels.hpp"

namespace caseload::io {

namespace {

template <std::size_t Size>
std::vector<std::string> to_strings(const std::array<std::string_view, Size>& names) {
  return {names.begin(), names.end()};
}

void write_labels(TraceFile& file, std::string_view path, std::vector<std::string> labels,
                  std::string_view description) {
  file.write_strings(path, labels);
  file.set_attribute(path, "description", description);
}

// The series' arrays in the schema's order, each with the schema's units and description.
void write_series_arrays(TraceFile& file, const std::string& group, const MetricSeries& series,
                         const SeriesSpec& spec) {
  const auto error = [&](std::string_view name, const std::string& why) {
    return TraceError(file.path().string(), fmt::format("write metric '{}/{}'", group, name), why);
  };
  // Declared arrays passed over must be ones the schema allows to be absent.
  auto next_spec = spec.arrays.begin();
  const auto pass_over_to = [&](std::span<const SeriesArraySpec>::iterator end) {
    for (; next_spec != end; ++next_spec) {
      if (next_spec->presence == Presence::Always) {
        throw error(next_spec->name, "declared as always written, but the series lacks it");
      }
    }
  };
  for (const auto& array : series.arrays) {
    const auto declared = std::find_if(next_spec, spec.arrays.end(), [&](const auto& candidate) {
      return candidate.name == array.name;
    });
    if (declared == spec.arrays.end()) {
      throw error(array.name,
                  "metric_series_schema.cpp does not declare it (or not after the "
                  "array before it)");
    }
    pass_over_to(declared);
    if (array.values.size() != series.labels.size()) {
      throw error(array.name, fmt::format("it has {} values for {} labels", array.values.size(),
                                          series.labels.size()));
    }
    const std::string path = group + "/" + array.name;
    file.write_array(path, std::span<const double>(array.values));
    if (!declared->units.empty()) file.set_attribute(path, "units", declared->units);
    file.set_attribute(path, "description", declared->description);
    ++next_spec;
  }
  pass_over_to(spec.arrays.end());
}

}  // namespace

std::string utc_timestamp(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(seconds));
}

void write_run_header(TraceFile& file, const RunProvenance& provenance, TraceLevel level) {
  const auto set_root = [&](std::string_view name, const auto& value) {
    set_declared_attribute(file, "/", root_attributes(), name, value);
  };
  set_root("version", core::version());
  set_root("commit", core::git_commit());
  set_root("seed", provenance.seed);
  set_root("scenario_name", provenance.scenario_name);
  set_root("created", provenance.created);
  set_root("trace_level", name_of(level));

  file.write_string("/scenario", provenance.scenario_yaml);
  file.set_attribute("/scenario", "description",
                     "the resolved scenario as YAML: includes merged, overrides and defaults "
                     "applied; loads on its own to the same run");
  write_labels(file, "/groups", provenance.group_names,
               "customer group names; a `group` column holds an index into this list");
  write_labels(file, "/actions", to_strings(model::action_names),
               "adviser action names, in the order of every per-action column");
  write_labels(file, "/jobseeker_states", to_strings(model::jobseeker_state_names),
               "names of jobseekers/state codes");
  write_labels(file, "/exit_reasons", to_strings(model::exit_reason_names),
               "names of spells/reason codes and of the panel's exits_* columns");
  write_labels(file, "/event_kinds", to_strings(model::event_kind_names),
               "names of events/kind codes");
  write_labels(file, "/vacancy_outcomes", to_strings(vacancy_outcome_names),
               "names of vacancies/outcome codes");
  write_labels(file, "/unit_levels", to_strings(model::unit_level_names),
               "names of scoreboard/level codes: the kinds of unit a regime counts for");
}

void write_scoreboard_indicators(TraceFile& file, const model::VariantResult& treatment) {
  write_labels(file, "/scoreboard_indicators", treatment.scoreboard.indicators,
               "the regime's indicators (each its primitive's kind), in the order of "
               "scoreboard/indicator codes; empty under a neutral regime");
}

void write_metrics(TraceFile& file, const RunMetrics& metrics) {
  std::vector<std::string> names;
  std::vector<double> values;
  std::vector<std::string> descriptions;
  for (const auto& figure : metrics.scalars) {
    names.push_back(figure.name);
    values.push_back(figure.value);
    descriptions.push_back(figure.description);
  }
  file.create_group("/metrics");
  file.set_attribute("/metrics", "description",
                     "the run's metrics, defined in docs/METRICS.md; NaN means not defined "
                     "(no counterfactual, or nothing to divide by)");
  file.write_strings("/metrics/scalars/name", names);
  file.write_array("/metrics/scalars/value", std::span<const double>(values));
  file.write_strings("/metrics/scalars/description", descriptions);
  if (!metrics.scalar_units.empty()) {
    if (metrics.scalar_units.size() != names.size()) {
      throw TraceError(
          file.path().string(), "write metric units '/metrics/scalars/units'",
          fmt::format("it has {} units for {} scalars", metrics.scalar_units.size(), names.size()));
    }
    file.write_strings("/metrics/scalars/units", metrics.scalar_units);
  }

  auto next_spec = metric_series_specs().begin();
  for (const auto& series : metrics.series) {
    const std::string group = "/metrics/" + series.name;
    if (series.name == "scalars") {
      throw TraceError(file.path().string(), fmt::format("write metric series '{}'", group),
                       "the name 'scalars' is taken by the scalar figures");
    }
    next_spec = std::find_if(next_spec, metric_series_specs().end(),
                             [&](const SeriesSpec& spec) { return spec.name == series.name; });
    if (next_spec == metric_series_specs().end()) {
      throw TraceError(file.path().string(), fmt::format("write metric series '{}'", group),
                       "metric_series_schema.cpp does not declare it (or not after the series "
                       "before it)");
    }
    const SeriesSpec& spec = *next_spec++;
    file.write_strings(group + "/label", series.labels);
    file.set_attribute(group + "/label", "description", spec.indexed_by);
    write_series_arrays(file, group, series, spec);
  }
}

void write_run(TraceFile& file, const RunProvenance& provenance,
               const model::SimulationResult& result, const RunMetrics& metrics, TraceLevel level) {
  write_run_header(file, provenance, level);
  write_scoreboard_indicators(file, result.treatment);
  write_variant(file, result.treatment, level);
  if (result.counterfactual) write_variant(file, *result.counterfactual, level);
  write_metrics(file, metrics);
}

}  // namespace caseload::io
