#include "sim/model/regime.hpp"

#include <algorithm>

#include "sim/model/adviser_table.hpp"
#include "sim/model/jobseeker_table.hpp"

namespace caseload::model {

std::uint32_t RegimeView::adviser_count() const { return advisers_.size(); }

std::span<const JobseekerId> RegimeView::caseload(AdviserId adviser) const {
  return advisers_.caseload[index(adviser)];
}

GroupId RegimeView::group_of(JobseekerId client) const { return jobseekers_.group[index(client)]; }

void NeutralRegime::value(AdviserId, std::span<const ActionCandidate>, std::span<double> reward) const {
  std::fill(reward.begin(), reward.end(), 0.0);
}

}  // namespace caseload::model
