#pragma once
// What `compare` runs, from either of its forms: one experiment file (arms with labels and
// overrides, replications, seed, metrics of interest), or scenario files named on the command
// line (a shorthand: one arm each, labelled by scenario name). Command-line --reps, --seed and
// --set apply on top of the file's.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/cli/commands.hpp"

namespace caseload::cli {

struct CompareArm {
  std::string label;  ///< unique within the experiment
  std::filesystem::path scenario;
  std::vector<std::string> overrides;  ///< the file's, then --set
};

struct CompareExperiment {
  std::string name;
  std::filesystem::path file;  ///< the experiment file; empty for the shorthand
  std::vector<CompareArm> arms;
  std::uint64_t replications = 10;
  std::uint64_t seed = 1;
  std::vector<std::string> metrics;  ///< of interest; empty: the headline's default
};

/// Throws core::ConfigError for a bad experiment file, or a single file that is not one.
CompareExperiment resolve_compare_experiment(const CompareOptions& options);

/// Labels for scenario names: a repeated name gets its position, so labels stay unique.
std::vector<std::string> unique_labels(const std::vector<std::string>& names);

}  // namespace caseload::cli
