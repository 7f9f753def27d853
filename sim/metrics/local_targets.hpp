#pragma once
// How ambitious the targets units set themselves were (Denmark's local goals within national
// ones) against what the units then achieved, from the regime's tally over the measured
// reviews. NaN without local targets.

#include "sim/metrics/statistics.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics {

struct LocalTargets {
  double ambition = not_defined;     ///< mean over units of own target / the target split to it
  double met_share = not_defined;    ///< share of units whose credit reached their own target
  double achievement = not_defined;  ///< mean over units of credit / the target split to it
  /// Correlation across units of ambition with achievement: near 1 when units that aimed low
  /// then achieved little (the target, not the unit, set the pace).
  double ambition_achievement_correlation = not_defined;
};

LocalTargets local_targets(const model::VariantResult& v);

}  // namespace caseload::metrics
