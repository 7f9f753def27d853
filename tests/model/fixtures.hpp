#pragma once
// Small scenarios built in code for the model's tests, and helpers to run and summarise them.

#include <vector>

#include "sim/model/reference_regimes.hpp"
#include "sim/model/scenario.hpp"
#include "sim/model/simulation.hpp"

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
  return s;
}

inline RegimeFactory reference_regimes() {
  return [](const Scenario& scenario) { return make_reference_regime(scenario); };
}

inline SimulationResult run(const Scenario& scenario) {
  return simulate(scenario, reference_regimes());
}

}  // namespace caseload::model::fixtures
