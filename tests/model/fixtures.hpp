#pragma once
// Small scenarios built in code for the model's tests, and helpers to run and summarise them.

#include <vector>

#include "sim/model/scenario.hpp"
#include "sim/model/simulation.hpp"
#include "tests/model/test_regimes.hpp"

namespace caseload::model::fixtures {

/// One office, a few advisers, one customer group with wide spread; short run.
inline Scenario small_scenario(std::uint64_t seed = 7) {
  Scenario s;
  s.name = "test";
  s.run.seed = seed;
  s.run.warmup_weeks = 26;
  s.run.weeks = 52;
  s.network.offices = 1;
  s.network.advisers_per_office = 4;
  s.network.advisers_per_team = 2;
  CustomerGroup group;
  group.name = "all";
  group.inflow_per_week = 30.0;
  group.employability_sd = 1.0;
  s.groups = {group};
  // People from the last year only: a young population, about as large as the
  // 37-weeks-of-inflow stock these tests were sized for (a ten-year steady state would
  // swamp four advisers).
  s.search.steady_state_history_weeks = 52.0;
  return s;
}

/// Runs under the neutral regime: advisers act on public-service motivation alone.
inline SimulationResult run(const Scenario& scenario) {
  return simulate(scenario, [](const Scenario&) { return std::make_unique<NeutralRegime>(); });
}

/// Runs with advisers rewarded for job entries.
inline SimulationResult run(const Scenario& scenario, const EntryRewardSettings& reward) {
  const double measure_from = scenario.run.warmup_weeks * 7.0;
  return simulate(scenario, [reward, measure_from](const Scenario&) {
    return std::make_unique<EntryRewardRegime>(reward, measure_from);
  });
}

}  // namespace caseload::model::fixtures
