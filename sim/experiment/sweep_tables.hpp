#pragma once
// The summary tables of a sweep: its design matrix (one row per point), its runs (one row
// per run, with the point's inputs and the run's metrics) and, in long form, each figure's
// mean per point for the whole population and each group, cluster and provider. A parameter
// whose values are all numbers is a number column; otherwise its values are kept as text.
// A structured design (Morris, Sobol) adds role, sample and unit_step before the parameters.

#include <string_view>
#include <vector>

#include "sim/experiment/design.hpp"
#include "sim/experiment/result_table.hpp"
#include "sim/experiment/run_record.hpp"
#include "sim/experiment/statistics.hpp"

namespace caseload::experiment {

/// point, then one column per parameter (named by its YAML path).
ResultTable design_table(const DesignMatrix& design);

/// index, point, replication, seed, status, one column per parameter, one per metric, message.
ResultTable sweep_runs_table(const DesignMatrix& design, const std::vector<PlannedRun>& plan,
                             const std::vector<RunOutcome>& outcomes);

/// point, one column per parameter, metric, by ("all", "group", "cluster", "provider"), group,
/// mean, runs, mean_lower, mean_upper (95%, on the metric's `scale`), scale: one row per point
/// and figure, point-major. Points run under different seeds, so nothing here is paired.
ResultTable sweep_points_table(const DesignMatrix& design, const std::vector<PlannedRun>& plan,
                               const std::vector<RunOutcome>& outcomes,
                               Scale (*scale)(std::string_view metric));

}  // namespace caseload::experiment
