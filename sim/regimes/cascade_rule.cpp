#include "sim/regimes/cascade_rule.hpp"

#include <algorithm>
#include <numeric>

namespace caseload::regimes {

std::vector<double> split_target(double parent_target, std::span<const double> weights) {
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  std::vector<double> targets(weights.size(), 0.0);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    targets[i] = total > 0.0 ? parent_target * weights[i] / total
                             : parent_target / static_cast<double>(weights.size());
  }
  return targets;
}

double shortfall_share(double target, double credit) noexcept {
  return target > 0.0 ? std::max(0.0, target - credit) / target : 0.0;
}

std::vector<double> pass_down(double passed, std::span<const double> shortfall, Manager rule) {
  const std::size_t n = shortfall.size();
  std::vector<double> received(n, passed);
  const double total_shortfall = std::accumulate(shortfall.begin(), shortfall.end(), 0.0);
  if (rule == Manager::Even || total_shortfall <= 0.0) return received;
  for (std::size_t i = 0; i < n; ++i) {
    const double focus = static_cast<double>(n) * shortfall[i] / total_shortfall;
    received[i] = passed * std::min(focus, max_focus);
  }
  return received;
}

}  // namespace caseload::regimes
