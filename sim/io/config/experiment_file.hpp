#pragma once
// An experiment file: the arms of a comparison (each a scenario, overrides and a label), the
// replications, the seed and the metrics of interest, so an experiment is one reviewable file.
// Read as strictly as a scenario: every problem with file:line:col, unknown keys with "did you
// mean". Arms' scenarios themselves are loaded (and checked) by the command that runs them.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace caseload::io {

struct ExperimentArm {
  std::string label;               ///< `label`, or the scenario's stem and its own overrides
  std::filesystem::path scenario;  ///< resolved against the experiment file's folder
  std::vector<std::string> set;    ///< the file's `set`, then the arm's: `path=value`
};

struct ExperimentFile {
  std::string name;                 ///< `name`, or the file's stem
  std::vector<ExperimentArm> arms;  ///< the first is the baseline the others are compared with
  std::size_t replications = 10;
  std::uint64_t seed = 1;
  std::vector<std::string> metrics;  ///< of interest, for the headline; empty: its default
};

/// Throws core::ConfigError listing every problem in the file, in file order. `known_metrics`
/// are the names `metrics` may list.
ExperimentFile load_experiment_file(const std::filesystem::path& file,
                                    const std::vector<std::string>& known_metrics);

/// The same for text in memory; `name` stands for the file, and scenarios are resolved against
/// its folder.
ExperimentFile load_experiment_text(std::string_view text, const std::filesystem::path& name,
                                    const std::vector<std::string>& known_metrics);

}  // namespace caseload::io
