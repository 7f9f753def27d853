#pragma once
// A comparison of arms over paired replications: each metric's mean per arm and its paired
// difference against the first arm, with a 95% Student-t interval. Pairs are replications in
// which both arms are done; under common random numbers they share a seed.

#include <cstddef>
#include <string>
#include <vector>

#include "sim/experiment/result_table.hpp"
#include "sim/experiment/run_record.hpp"
#include "sim/experiment/statistics.hpp"

namespace caseload::experiment {

struct ComparisonRow {
  std::string metric;
  std::size_t arm = 0;
  double mean = 0.0;            ///< over the arm's done replications with a finite value
  std::size_t runs = 0;         ///< how many values the mean is over
  PairedDifference difference;  ///< arm minus the first arm; empty (0 pairs) for the first
};

/// One row per metric and arm, metric-major, for the runs of plan_comparison(arms, ...).
std::vector<ComparisonRow> compare_arms(std::size_t arms, const std::vector<PlannedRun>& plan,
                                        const std::vector<RunOutcome>& outcomes);

/// The rows as a table: metric, arm, mean, runs, difference, ci_lower, ci_upper, pairs.
ResultTable comparison_table(const std::vector<ComparisonRow>& rows,
                             const std::vector<std::string>& arm_names);

/// Every run of a comparison: arm, replication, seed, status, one column per metric, message.
ResultTable comparison_runs_table(const std::vector<std::string>& arm_names,
                                  const std::vector<PlannedRun>& plan,
                                  const std::vector<RunOutcome>& outcomes);

}  // namespace caseload::experiment
