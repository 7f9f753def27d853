#pragma once
// A scenario from a file: parse with includes, apply overrides, read and validate the schema,
// and keep the resolved YAML (every default filled in) to store with the run's outputs.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/model/scenario.hpp"

namespace caseload::io {

struct LoadedScenario {
  model::Scenario scenario;
  /// The tree after reading, as YAML that loads on its own to the same scenario: includes
  /// merged in (named in a comment, not an `include` key), overrides and defaults applied.
  std::string resolved_yaml;
};

/// Loads `file` with `overrides` (`--set` assignments, applied in order) and, if given, a seed
/// (applied last, as `run.seed`, with locations naming "--seed"). Throws core::ConfigError
/// listing every problem, in file order, if there is any.
LoadedScenario load_scenario(const std::filesystem::path& file,
                             const std::vector<std::string>& overrides,
                             std::optional<std::uint64_t> seed = std::nullopt);

/// The same for YAML text in memory; `name` stands for the file (tests, generated sweeps).
LoadedScenario load_scenario_text(std::string_view yaml, std::string_view name,
                                  const std::vector<std::string>& overrides = {});

}  // namespace caseload::io
