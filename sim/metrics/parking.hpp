#pragma once
// Parking: the share of claiming client-weeks that lie in a run of 8 or more weeks without
// discretionary help (the model counts the weeks; see docs/METRICS.md, "Parking").

#include <vector>

#include "sim/metrics/statistics.hpp"
#include "sim/model/scenario.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics {

struct Parking {
  double claim_weeks = 0.0;
  double parked_weeks = 0.0;
  double parked_share = not_defined;         ///< parked_weeks / claim_weeks
  std::vector<double> claim_weeks_by_group;  ///< indexed by GroupId, as scenario.groups
  std::vector<double> parked_weeks_by_group;
  std::vector<double> parked_share_by_group;  ///< NaN for a group with no client-weeks
};

/// Over every row of the jobseeker table (rows without client-weeks add nothing).
Parking parking(const model::Scenario& scenario, const model::VariantResult& variant);

}  // namespace caseload::metrics
