#pragma once
// The cells of a stress test (incentive strength x adviser motivation mix) as a design, and its
// table: per cell, measured performance and net impact with intervals over replications, and
// their gains over the weakest strength of the same mix, paired by replication (every cell's
// replication r has the same seed), with the measured gain split into channels.

#include <cstddef>
#include <string>
#include <vector>

#include "sim/experiment/design.hpp"
#include "sim/experiment/result_table.hpp"
#include "sim/experiment/run_record.hpp"

namespace caseload::experiment {

/// Public-service motivation of advisers ~ Beta(alpha, beta) (advisers.w_client_alpha/beta).
struct MotivationMix {
  std::string name;
  double alpha = 4.0;
  double beta = 4.0;
};

struct StressDesign {
  std::vector<double> strengths;  ///< advisers.w_target values, increasing; the first is the base
  std::vector<MotivationMix> mixes;
};

/// Cell m * strengths + s is mix m at strength s; parameters advisers.w_client_alpha,
/// advisers.w_client_beta, advisers.w_target.
DesignMatrix stress_cells(const StressDesign& design);

/// Figures whose paired change over the base strength stress.csv reports beside the channels:
/// the channels no credit can be put on (docs/EXPERIMENTS.md, "Stress tests").
inline constexpr const char* kStressSignals[] = {
    "creaming_index_employability", "deadweight_share", "parked_share", "speculative_share",
    "claims_weak", "sanctions_per_100_client_weeks", "entries_year_end_ratio"};

/// One row per cell, in cell order: mix, w_client_alpha, w_client_beta, w_target, runs,
/// measured (+ _lower, _upper), net_impact (net_employment_weeks_per_person, + CI),
/// measured_gain and net_impact_gain (paired over the base strength, + CI), one gain column per
/// channel (their means add up to measured_gain) and change_<signal> per kStressSignals.
/// Intervals are 95% Student t; none (NaN) with fewer than two replications.
ResultTable stress_table(const StressDesign& design, const std::vector<PlannedRun>& plan,
                         const std::vector<RunOutcome>& outcomes);

}  // namespace caseload::experiment
