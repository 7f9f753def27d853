#include "sim/metrics/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/core/assert.hpp"

namespace caseload::metrics {

double ratio(double part, double whole) { return whole != 0.0 ? part / whole : not_defined; }

std::vector<double> fractional_ranks(std::span<const double> values,
                                     std::span<const double> weights) {
  CASELOAD_ASSERT(values.size() == weights.size(), "one weight per value");
  const std::size_t n = values.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&values](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  double total = 0.0;
  for (const double w : weights) {
    CASELOAD_ASSERT(w > 0.0, "rank weights must be positive");
    total += w;
  }
  std::vector<double> ranks(n);
  double below = 0.0;
  for (std::size_t first = 0; first < n;) {
    CASELOAD_ASSERT(!std::isnan(values[order[first]]), "NaN cannot be ranked");
    std::size_t last = first;
    double tied = 0.0;
    while (last < n && values[order[last]] == values[order[first]]) tied += weights[order[last++]];
    const double rank = (below + 0.5 * tied) / total;
    for (std::size_t k = first; k < last; ++k) ranks[order[k]] = rank;
    below += tied;
    first = last;
  }
  return ranks;
}

double pearson(std::span<const double> x, std::span<const double> y) {
  CASELOAD_ASSERT(x.size() == y.size(), "pairs of values");
  const std::size_t n = x.size();
  if (n < 2) return not_defined;
  // Tested exactly: the mean of equal values can differ from them in the last bit, which
  // would turn a constant into noise with a spurious correlation.
  const auto is_constant = [](std::span<const double> v) {
    return std::all_of(v.begin(), v.end(), [&v](double value) { return value == v.front(); });
  };
  if (is_constant(x) || is_constant(y)) return not_defined;
  const double count = static_cast<double>(n);
  const double mean_x = std::accumulate(x.begin(), x.end(), 0.0) / count;
  const double mean_y = std::accumulate(y.begin(), y.end(), 0.0) / count;
  double sxx = 0.0, syy = 0.0, sxy = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double dx = x[i] - mean_x, dy = y[i] - mean_y;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return sxy / std::sqrt(sxx * syy);
}

}  // namespace caseload::metrics
