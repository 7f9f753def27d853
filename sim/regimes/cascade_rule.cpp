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

std::vector<double> pass_down(double passed, std::span<const double> performance, Manager rule) {
  const std::size_t n = performance.size();
  std::vector<double> received(n, passed);
  if (rule == Manager::Even || n < 2) return received;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return performance[a] < performance[b]; });
  // Each place's share of attention: 2 below the middle, 1 at it, 0 above.
  auto place_share = [n](std::size_t place) {
    if (2 * place + 1 < n) return 2.0;
    return 2 * place + 1 == n ? 1.0 : 0.0;
  };
  for (std::size_t first = 0; first < n;) {
    std::size_t last = first;
    while (last + 1 < n && performance[order[last + 1]] == performance[order[first]]) ++last;
    double share = 0.0;
    for (std::size_t place = first; place <= last; ++place) share += place_share(place);
    share /= static_cast<double>(last - first + 1);
    for (std::size_t place = first; place <= last; ++place) received[order[place]] = passed * share;
    first = last + 1;
  }
  return received;
}

}  // namespace caseload::regimes
