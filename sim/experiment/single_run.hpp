#pragma once
// One run of one scenario: simulate the treatment and its counterfactual, then summarise.
// The building block of `run`, `compare` and `sweep`.

#include "sim/metrics/summary.hpp"
#include "sim/model/run_result.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::experiment {

struct SingleRun {
  model::SimulationResult simulation;
  metrics::MetricsReport report;  ///< every metric; `summary` holds its headline figures
  model::RunResult summary;
};

SingleRun run_once(const model::Scenario& scenario, const model::RegimeFactory& regime,
                   const model::StopRequested& stop = {}, const model::RunOptions& options = {});

}  // namespace caseload::experiment
