#pragma once
// Sanctions as a gaming channel: a sanction ends a claim, and an off-flow indicator counts
// any claim ending, so sanction referrals are counted over the measured weeks, by group.

#include <span>
#include <vector>

#include "sim/metrics/statistics.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics {

struct Sanctions {
  double count = 0.0;                         ///< sanctions imposed in the measured weeks
  double per_100_client_weeks = not_defined;  ///< per 100 claiming client-weeks
  std::vector<double> count_by_group;         ///< indexed by GroupId
  std::vector<double> per_100_client_weeks_by_group;  ///< NaN for a group with no client-weeks
};

/// From the panel's measured weeks; `claim_weeks_by_group` (Parking's) sets the groups and
/// the denominators.
Sanctions sanctions(const model::VariantResult& variant, std::span<const double> claim_weeks_by_group);

}  // namespace caseload::metrics
