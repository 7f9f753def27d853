#include "sim/metrics/local_targets.hpp"

namespace caseload::metrics {

LocalTargets local_targets(const model::VariantResult& v) {
  const model::LocalTargetTally& tally = v.local_targets;
  LocalTargets out;
  std::vector<double> ambition, achievement;
  double met = 0.0;
  for (std::size_t u = 0; u < tally.own_target.size(); ++u) {
    if (tally.split_target[u] <= 0.0) continue;  // nothing asked of it: no ambition to measure
    ambition.push_back(tally.own_target[u] / tally.split_target[u]);
    achievement.push_back(tally.credit[u] / tally.split_target[u]);
    if (tally.credit[u] >= tally.own_target[u]) met += 1.0;
  }
  if (ambition.empty()) return out;
  const double n = static_cast<double>(ambition.size());
  out.ambition = 0.0;
  out.achievement = 0.0;
  for (std::size_t i = 0; i < ambition.size(); ++i) {
    out.ambition += ambition[i] / n;
    out.achievement += achievement[i] / n;
  }
  out.met_share = met / n;
  out.ambition_achievement_correlation = pearson(ambition, achievement);
  return out;
}

}  // namespace caseload::metrics
