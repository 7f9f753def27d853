#include "sim/metrics/parking.hpp"

#include "sim/core/assert.hpp"

namespace caseload::metrics {

Parking parking(const model::Scenario& scenario, const model::VariantResult& variant) {
  const auto& jobseekers = variant.jobseekers;
  const std::size_t groups = scenario.groups.size();
  Parking out;
  out.claim_weeks_by_group.assign(groups, 0.0);
  out.parked_weeks_by_group.assign(groups, 0.0);
  for (std::uint32_t row = 0; row < jobseekers.size(); ++row) {
    const std::size_t group = model::index(jobseekers.group[row]);
    CASELOAD_ASSERT(group < groups, "jobseeker in a group the scenario does not have");
    CASELOAD_ASSERT(jobseekers.parked_weeks[row] <= jobseekers.claim_weeks[row],
                    "more parked weeks than claiming weeks");
    out.claim_weeks_by_group[group] += jobseekers.claim_weeks[row];
    out.parked_weeks_by_group[group] += jobseekers.parked_weeks[row];
  }
  out.parked_share_by_group.resize(groups);
  for (std::size_t g = 0; g < groups; ++g) {
    out.claim_weeks += out.claim_weeks_by_group[g];
    out.parked_weeks += out.parked_weeks_by_group[g];
    out.parked_share_by_group[g] = ratio(out.parked_weeks_by_group[g], out.claim_weeks_by_group[g]);
  }
  out.parked_share = ratio(out.parked_weeks, out.claim_weeks);
  return out;
}

}  // namespace caseload::metrics
