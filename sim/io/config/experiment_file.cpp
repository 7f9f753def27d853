#include "sim/io/config/experiment_file.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sim/core/config_reader.hpp"
#include "sim/core/did_you_mean.hpp"
#include "sim/io/config/config_file.hpp"

namespace caseload::io {

namespace {

using core::Bounds;
using core::ConfigReader;

constexpr ConfigFileKind kExperimentFileKind{"experiment file",
                                             "an experiment needs arms (each with a scenario)",
                                             "name: ..., arms: [{label: ..., scenario: ...}, ...]"};

// Without a label, an arm is named by its scenario file and what its own `set` changes, so two
// arms of one scenario with different overrides read apart.
std::string default_label(const std::filesystem::path& scenario,
                          const std::vector<std::string>& own_set) {
  std::string label = scenario.stem().string();
  for (std::size_t i = 0; i < own_set.size(); ++i) label += (i == 0 ? " (" : ", ") + own_set[i];
  if (!own_set.empty()) label += ")";
  return label;
}

ExperimentArm read_arm(ConfigReader& arm, const std::vector<std::string>& shared_set,
                       const std::filesystem::path& name) {
  ExperimentArm result;
  const bool has_label = arm.has("label");
  result.label = arm.text("label", "");
  if (has_label && result.label.empty()) arm.error("label", "'label' must not be empty");
  result.scenario = read_scenario_path(arm, "scenario", "scenario", name);
  const std::vector<std::string> own_set = read_assignments(arm, "set");
  if (!has_label) result.label = default_label(result.scenario, own_set);
  result.set = shared_set;
  result.set.insert(result.set.end(), own_set.begin(), own_set.end());
  arm.finish();
  return result;
}

void read_arms(ConfigReader& reader, const std::vector<std::string>& shared_set,
               const std::filesystem::path& name, ExperimentFile& experiment) {
  std::vector<ConfigReader> arms = reader.section_list("arms");
  const core::ConfigNode* listed = reader.node().find("arms");
  if (listed != nullptr && listed->is_sequence() && arms.size() < 2) {
    reader.error("arms", "'arms' must list at least two arms (the first is the baseline)");
  }
  for (auto& arm : arms) {
    ExperimentArm read = read_arm(arm, shared_set, name);
    const bool is_repeat =
        std::any_of(experiment.arms.begin(), experiment.arms.end(),
                    [&](const ExperimentArm& earlier) { return earlier.label == read.label; });
    if (is_repeat) {
      arm.error(
          arm.has("label") ? "label" : "scenario",
          fmt::format("two arms are labelled '{}'; give each arm its own 'label'", read.label));
    }
    experiment.arms.push_back(std::move(read));
  }
}

void read_metrics(ConfigReader& reader, const std::vector<std::string>& known,
                  ExperimentFile& experiment) {
  experiment.metrics = reader.texts("metrics", {});
  for (const auto& metric : experiment.metrics) {
    if (std::find(known.begin(), known.end(), metric) != known.end()) continue;
    std::string message = fmt::format("unknown metric '{}' in 'metrics'", metric);
    if (const auto near = core::nearest_word(metric, known)) {
      message += fmt::format(" (did you mean '{}'?)", *near);
    } else {
      message += " (`caseload info --schema markdown` lists the metrics)";
    }
    reader.error("metrics", message);
  }
}

}  // namespace

ExperimentFile load_experiment_text(std::string_view text, const std::filesystem::path& name,
                                    const std::vector<std::string>& known_metrics) {
  core::ConfigNode root = parse_config_map(text, name, kExperimentFileKind);
  // Without arms this is most likely a scenario given alone: say so once, rather than call
  // each of its keys unknown.
  if (root.find("arms") == nullptr) {
    throw core::ConfigError(root.location(),
                            "missing required key 'arms' (an experiment file lists arms, each "
                            "with a scenario; to compare scenario files, name two or more)");
  }
  core::Diagnostics diagnostics;
  ConfigReader reader(root, "", diagnostics);
  ExperimentFile experiment;
  experiment.name = reader.text("name", name.stem().string());
  const std::vector<std::string> shared_set = read_assignments(reader, "set");
  read_arms(reader, shared_set, name, experiment);
  experiment.replications =
      static_cast<std::size_t>(reader.integer("replications", 10, Bounds::between(1, 100'000)));
  experiment.seed = static_cast<std::uint64_t>(reader.integer("seed", 1, Bounds::at_least(0)));
  read_metrics(reader, known_metrics, experiment);
  reader.finish();
  throw_in_file_order(diagnostics);
  return experiment;
}

ExperimentFile load_experiment_file(const std::filesystem::path& file,
                                    const std::vector<std::string>& known_metrics) {
  return load_experiment_text(read_config_file(file, kExperimentFileKind), file, known_metrics);
}

}  // namespace caseload::io
