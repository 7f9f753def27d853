#include "sim/regimes/cascade_reader.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "sim/core/did_you_mean.hpp"

namespace caseload::regimes {

namespace {

// A level's number in level_names, or nullopt after reporting an unknown name.
std::optional<Level> level_named(core::ConfigReader& reader, std::string_view key, const std::string& name) {
  const auto found = std::find(level_names.begin(), level_names.end(), name);
  if (found != level_names.end()) return static_cast<Level>(found - level_names.begin());
  std::string message = fmt::format("'{}' names unknown level '{}'; known: {}", reader.path_of(key), name,
                                    core::join_words(level_names));
  if (auto near = core::nearest_word(name, level_names)) message += fmt::format(" (did you mean '{}'?)", *near);
  reader.error(key, message);
  return std::nullopt;
}

// Levels from the top down, each one the network has, each lower than the one before.
std::vector<Level> read_levels(core::ConfigReader& reader, const model::Scenario& scenario) {
  std::vector<Level> levels;
  for (const std::string& name : reader.texts("levels", {})) {
    const auto level = level_named(reader, "levels", name);
    if (!level) return {};
    if (*level == Level::Provider) {
      reader.error("levels", fmt::format("'{}' names provider: a contract, not a manager, steers a provider, "
                                         "so providers are outside a cascade",
                                         reader.path_of("levels")));
      return {};
    }
    if (*level == Level::District && scenario.network.districts == 0) {
      reader.error("levels", fmt::format("'{}' names district, but the network has no districts; set "
                                         "network.districts or give the office table a district column",
                                         reader.path_of("levels")));
      return {};
    }
    if (!levels.empty() && rank(*level) >= rank(levels.back())) {
      reader.error("levels", fmt::format("'{}' must run from the top down: {} is not below {}",
                                         reader.path_of("levels"), name,
                                         level_names[static_cast<std::size_t>(levels.back())]));
      return {};
    }
    levels.push_back(*level);
  }
  if (levels.size() < 2) {
    reader.error("levels", fmt::format("'{}' needs at least two levels (a target split from one to the other)",
                                       reader.path_of("levels")));
    return {};
  }
  return levels;
}

// Shares of the national target by unit of the second level; they must sum to 1.
void read_shares(core::ConfigReader& reader, const model::Scenario& scenario, CascadeRule& rule) {
  rule.shares = reader.numbers("shares", {}, core::Bounds::at_least(0.0));
  if (rule.shares.empty() || rule.levels.empty()) return;
  if (rule.levels[0] != Level::Nation) {
    reader.error("shares", fmt::format("'{}' splits a national target: the first level must be nation",
                                       reader.path_of("shares")));
    return;
  }
  const std::uint32_t units = Organisation(scenario.network, rule.levels[1]).units();
  if (rule.shares.size() != units) {
    reader.error("shares", fmt::format("'{}' gives {} shares for {} {} units", reader.path_of("shares"),
                                       rule.shares.size(), units,
                                       level_names[static_cast<std::size_t>(rule.levels[1])]));
    return;
  }
  const double sum = std::accumulate(rule.shares.begin(), rule.shares.end(), 0.0);
  if (std::abs(sum - 1.0) > 1e-6) {
    reader.error("shares", fmt::format("'{}' sums to {:.6g}, not 1 (within 1e-6)", reader.path_of("shares"), sum));
  }
}

void read_local_targets(core::ConfigReader reader, CascadeRule& rule) {
  if (!reader.node().is_map()) return;
  LocalTargets& local = rule.local;
  local.enabled = true;
  const std::string name = reader.required_text("level");
  if (!name.empty()) {
    if (const auto level = level_named(reader, "level", name)) {
      local.level = *level;
      if (std::find(rule.levels.begin(), rule.levels.end(), *level) == rule.levels.end() && !rule.levels.empty()) {
        reader.error("level", fmt::format("'{}' is {}, which is not one of the cascade's levels",
                                          reader.path_of("level"), name));
      }
    }
  }
  local.ambition_mean = reader.number("ambition_mean", 1.0, core::Bounds::above(0.0));
  local.ambition_sd = reader.number("ambition_sd", 0.0, core::Bounds::between(0.0, 3.0));
  local.floor = reader.number("floor", 0.0, core::Bounds::at_least(0.0));
  local.seed = static_cast<std::uint64_t>(reader.integer("seed", 1, core::Bounds::at_least(0.0)));
  reader.finish();
}

}  // namespace

CascadeRule read_cascade(core::ConfigReader reader, const model::Scenario& scenario, Level credit_level) {
  CascadeRule rule;
  if (!reader.node().is_map()) return rule;
  rule.levels = read_levels(reader, scenario);
  if (!rule.levels.empty() &&
      std::find(rule.levels.begin(), rule.levels.end(), credit_level) == rule.levels.end()) {
    reader.error("levels", fmt::format("'{}' must include the regime's level ({}), where credit is counted",
                                       reader.path_of("levels"), level_names[static_cast<std::size_t>(credit_level)]));
  }
  const std::string split = reader.choice("split", "equal", split_names);
  rule.split = static_cast<Split>(std::find(split_names.begin(), split_names.end(), split) - split_names.begin());
  read_shares(reader, scenario, rule);
  rule.manager = reader.choice("manager", "even", manager_names) == "lowest" ? Manager::Lowest : Manager::Even;
  if (reader.has("local_targets")) read_local_targets(reader.section("local_targets"), rule);
  reader.finish();
  return rule;
}

}  // namespace caseload::regimes
