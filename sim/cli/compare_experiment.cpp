#include "sim/cli/compare_experiment.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sim/io/config/experiment_file.hpp"
#include "sim/metrics/metric.hpp"

namespace caseload::cli {

namespace {

std::vector<std::string> known_metrics() {
  std::vector<std::string> names;
  for (const auto& metric : metrics::registered_metrics()) names.emplace_back(metric.name);
  return names;
}

std::vector<std::string> with_command_line(std::vector<std::string> overrides,
                                           const std::vector<std::string>& command_line) {
  overrides.insert(overrides.end(), command_line.begin(), command_line.end());
  return overrides;
}

CompareExperiment from_file(const CompareOptions& options) {
  const std::filesystem::path file = options.scenarios.front();
  const io::ExperimentFile loaded = io::load_experiment_file(file, known_metrics());
  CompareExperiment experiment{loaded.name,         file,        {},
                               loaded.replications, loaded.seed, loaded.metrics};
  for (const auto& arm : loaded.arms) {
    experiment.arms.push_back(
        {arm.label, arm.scenario, with_command_line(arm.set, options.overrides)});
  }
  return experiment;
}

}  // namespace

std::vector<std::string> unique_labels(const std::vector<std::string>& names) {
  std::vector<std::string> labels;
  for (std::size_t a = 0; a < names.size(); ++a) {
    std::string label = names[a];
    if (std::find(labels.begin(), labels.end(), label) != labels.end())
      label += fmt::format(" ({})", a + 1);
    labels.push_back(std::move(label));
  }
  return labels;
}

CompareExperiment resolve_compare_experiment(const CompareOptions& options) {
  CompareExperiment experiment;
  if (options.scenarios.size() == 1) {
    experiment = from_file(options);
  } else {
    experiment.name = "compare";
    for (const auto& scenario : options.scenarios) {
      // Labelled by scenario name once loaded (execute_compare); the path for now.
      experiment.arms.push_back({scenario, scenario, options.overrides});
    }
  }
  if (options.replications) experiment.replications = *options.replications;
  if (options.seed) experiment.seed = *options.seed;
  return experiment;
}

}  // namespace caseload::cli
