#include "sim/model/regime.hpp"

#include <algorithm>

namespace caseload::model {

void NeutralRegime::value(AdviserId, std::span<const ActionCandidate>, std::span<double> reward) const {
  std::fill(reward.begin(), reward.end(), 0.0);
}

}  // namespace caseload::model
