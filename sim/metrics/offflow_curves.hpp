#pragma once
// Off-flow curves: the share of claims off benefit by each week since the claim began, for
// claims begun in the measured period, by customer group. Kaplan-Meier, so claims still open
// when the run ends count for the weeks they were seen and no longer (a cohort cut at a
// fixed follow-up would drop the long claims that matter most for the hardest groups).

#include <vector>

#include "sim/model/scenario.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics {

struct OffFlowCurves {
  /// off_benefit[w]: share off benefit by w weeks, w = 0..weeks; NaN past the longest claim
  /// followed (the estimate has no data there).
  std::vector<double> all;
  std::vector<std::vector<double>> by_group;  ///< indexed by GroupId
  std::vector<double> claims_by_group;        ///< claims each curve is estimated from
  /// Each group's calibration target (the scenario's offflow_target_*), NaN where it has none,
  /// and the curve at the target week, so a reader sees the fit without the scenario.
  std::vector<double> target_weeks_by_group;
  std::vector<double> target_share_by_group;
  std::vector<double> at_target_by_group;

  /// The share off by `weeks` (rounded down to a whole week); NaN outside the curve.
  static double at(const std::vector<double>& curve, double weeks);
};

/// Curves to `weeks` weeks since the claim began, for every group of the variant.
OffFlowCurves offflow_curves(const model::VariantResult& variant, std::size_t groups, int weeks);

/// The same, with each group's calibration target from the scenario.
OffFlowCurves offflow_curves(const model::Scenario& scenario, const model::VariantResult& variant, int weeks);

}  // namespace caseload::metrics
