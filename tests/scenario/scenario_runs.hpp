#pragma once
// Runs shipped scenario files as a user would (load, validate, compile the regime, simulate,
// compute metrics), for the scenario-level tests.

#include <string>
#include <vector>

#include "sim/experiment/single_run.hpp"
#include "sim/io/config/runnable_scenario.hpp"
#include "sim/metrics/summary.hpp"

namespace caseload::testing {

inline std::string scenario_path(const std::string& relative) {
  return std::string(CASELOAD_SOURCE_DIR) + "/scenarios/" + relative;
}

struct ScenarioRun {
  model::Scenario scenario;
  experiment::SingleRun run;
  const model::VariantResult& treatment() const { return run.simulation.treatment; }
  const metrics::MetricsReport& report() const { return run.report; }
};

/// The regime tests' common base (two offices, two measured years, no counterfactual), then `extra`.
inline std::vector<std::string> two_office_base(const std::vector<std::string>& extra = {}) {
  std::vector<std::string> all = {"run.weeks=104", "network.offices=2", "counterfactual.enabled=false"};
  all.insert(all.end(), extra.begin(), extra.end());
  return all;
}

inline ScenarioRun run_scenario(const std::string& relative, const std::vector<std::string>& overrides) {
  const io::RunnableScenario runnable = io::load_runnable(scenario_path(relative), overrides);
  return {runnable.loaded.scenario, experiment::run_once(runnable.loaded.scenario, runnable.regime)};
}

}  // namespace caseload::testing
