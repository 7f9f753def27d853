#include "sim/io/trace/run_trace.hpp"

#include <array>
#include <ctime>
#include <span>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "sim/core/version.hpp"
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

}  // namespace

std::string utc_timestamp(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(seconds));
}

void write_run_header(TraceFile& file, const RunProvenance& provenance, TraceLevel level) {
  file.set_attribute("/", "version", core::version());
  file.set_attribute("/", "commit", core::git_commit());
  file.set_attribute("/", "seed", provenance.seed);
  file.set_attribute("/", "scenario_name", provenance.scenario_name);
  file.set_attribute("/", "created", provenance.created);
  file.set_attribute("/", "trace_level", name_of(level));

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

  for (const auto& series : metrics.series) {
    const std::string group = "/metrics/" + series.name;
    if (series.name == "scalars") {
      throw TraceError(file.path().string(), fmt::format("write metric series '{}'", group),
                       "the name 'scalars' is taken by the scalar figures");
    }
    file.write_strings(group + "/label", series.labels);
    if (!series.label_description.empty()) {
      file.set_attribute(group + "/label", "description", series.label_description);
    }
    for (const auto& array : series.arrays) {
      const std::string path = group + "/" + array.name;
      if (array.values.size() != series.labels.size()) {
        throw TraceError(file.path().string(), fmt::format("write metric '{}'", path),
                         fmt::format("it has {} values for {} labels", array.values.size(),
                                     series.labels.size()));
      }
      file.write_array(path, std::span<const double>(array.values));
      if (!array.units.empty()) file.set_attribute(path, "units", array.units);
      if (!array.description.empty()) file.set_attribute(path, "description", array.description);
    }
  }
}

void write_run(TraceFile& file, const RunProvenance& provenance,
               const model::SimulationResult& result, const RunMetrics& metrics, TraceLevel level) {
  write_run_header(file, provenance, level);
  write_variant(file, result.treatment, level);
  if (result.counterfactual) write_variant(file, *result.counterfactual, level);
  write_metrics(file, metrics);
}

}  // namespace caseload::io
