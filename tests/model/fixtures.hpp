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

/// Own search succeeds with p = 0.1 per review whoever searches (no motivation, scarring or
/// market effect), nothing else ends a claim, and a job never leads to a new claim.
inline void make_job_finding_constant(Scenario& s) {
  s.search.intercept = 0.0;
  s.search.motivation_weight = 0.0;
  s.search.scarring_per_year = 0.0;
  s.search.tightness_half_vacancies = 0.0;  // any open vacancy gives tightness 1
  s.jobs.recycle_probability = 0.0;         // one claim per person
  s.jobs.reservation_quality = 0.0;         // no job found is turned down
  auto& group = s.groups.front();
  group.employability_sd = 0.0;
  group.search_base = 0.2;                  // 0.2 * logistic(0) = 0.1
  group.inactivity_per_week = 0.0;
  group.inflow_per_week = 20.0;
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
