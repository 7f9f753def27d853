#pragma once
// A scenario ready to run: loaded and validated, with its regime compiled. Every check that
// can fail on user input happens here, before anything runs.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/io/config/scenario_loader.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::io {

struct RunnableScenario {
  LoadedScenario loaded;
  model::RegimeFactory regime;
};

/// Throws core::ConfigError listing every problem in the scenario and its regime.
RunnableScenario load_runnable(const std::filesystem::path& file,
                               const std::vector<std::string>& overrides,
                               std::optional<std::uint64_t> seed = std::nullopt);

}  // namespace caseload::io
