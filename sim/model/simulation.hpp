#pragma once
// Runs one scenario to completion: the model's one entry point for callers.

#include "sim/model/run_result.hpp"
#include "sim/model/scenario.hpp"

namespace caseload::model {

RunResult simulate(const Scenario& scenario);

}  // namespace caseload::model
