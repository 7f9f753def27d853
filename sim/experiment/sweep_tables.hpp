#pragma once
// The summary tables of a sweep: its design matrix (one row per point) and its runs (one row
// per run, with the point's inputs and the run's metrics). A parameter whose values are all
// numbers is a number column; otherwise its values are kept as text.

#include <vector>

#include "sim/experiment/design.hpp"
#include "sim/experiment/result_table.hpp"
#include "sim/experiment/run_record.hpp"

namespace caseload::experiment {

/// point, then one column per parameter (named by its YAML path).
ResultTable design_table(const DesignMatrix& design);

/// index, point, replication, seed, status, one column per parameter, one per metric, message.
ResultTable sweep_runs_table(const DesignMatrix& design, const std::vector<PlannedRun>& plan,
                             const std::vector<RunOutcome>& outcomes);

}  // namespace caseload::experiment
