#pragma once
// A comparison of arms over paired replications: each metric's mean per arm and its paired
// difference against the first arm, with 95% Student-t intervals (on the logit or Fisher z
// scale for bounded figures, see statistics.hpp), for the whole population and for each
// customer group, office cluster and provider. Pairs are replications in which both arms are
// done; under common random numbers they share a seed.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/experiment/result_table.hpp"
#include "sim/experiment/run_record.hpp"
#include "sim/experiment/statistics.hpp"

namespace caseload::experiment {

struct ComparisonRow {
  std::string metric;
  std::string by = "all";     ///< "all" (whole population), "group", "cluster" or "provider"
  std::string group = "all";  ///< which group, cluster or provider
  std::size_t arm = 0;
  double mean = 0.0;                      ///< over the arm's done replications with a finite value
  std::size_t runs = 0;                   ///< how many values the mean is over
  std::optional<Interval> mean_interval;  ///< 95%, on `scale`; none with fewer than 2 runs
  PairedDifference difference;  ///< arm minus the first arm; empty (0 pairs) for the first
  Scale scale = Scale::Linear;
};

/// One row per metric and arm, metric-major, for the runs of plan_comparison(arms, ...):
/// whole-population metrics first, then breakdown figures. `scale` gives each metric's.
std::vector<ComparisonRow> compare_arms(std::size_t arms, const std::vector<PlannedRun>& plan,
                                        const std::vector<RunOutcome>& outcomes,
                                        Scale (*scale)(std::string_view metric));

/// The whole-population rows as a table: metric, arm, mean, runs, difference, ci_lower,
/// ci_upper, pairs, mean_lower, mean_upper, scale.
ResultTable comparison_table(const std::vector<ComparisonRow>& rows,
                             const std::vector<std::string>& arm_names);

/// The breakdown rows in long form: metric, by, group, arm, then as comparison_table.
ResultTable comparison_by_group_table(const std::vector<ComparisonRow>& rows,
                                      const std::vector<std::string>& arm_names);

/// Every run of a comparison: arm, replication, seed, status, one column per metric, message.
ResultTable comparison_runs_table(const std::vector<std::string>& arm_names,
                                  const std::vector<PlannedRun>& plan,
                                  const std::vector<RunOutcome>& outcomes);

}  // namespace caseload::experiment
