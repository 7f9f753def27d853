#include "sim/regimes/benchmark_regression.hpp"

#include <cmath>

#include "sim/core/assert.hpp"

namespace caseload::regimes {

namespace {

double weighted_dot(std::span<const double> a, std::span<const double> b, std::span<const double> w) {
  double sum = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += w[i] * a[i] * b[i];
  return sum;
}

}  // namespace

// Modified Gram-Schmidt in the weighted inner product: each column is made orthogonal to
// those kept before it; the fit is the sum of y's projections on the kept columns. A column
// whose remainder is below 1e-9 of its own size explains nothing new and is dropped.
std::vector<double> least_squares_fit(std::span<const double> x, std::size_t columns, std::span<const double> y,
                                      std::span<const double> weights) {
  const std::size_t n = y.size();
  CASELOAD_ASSERT(x.size() == n * columns && weights.size() == n, "one row of x and one weight per unit");
  std::vector<std::vector<double>> kept;
  std::vector<double> fitted(n, 0.0);
  for (std::size_t j = 0; j < columns; ++j) {
    std::vector<double> column(n);
    for (std::size_t i = 0; i < n; ++i) column[i] = x[i * columns + j];
    const double size = std::sqrt(weighted_dot(column, column, weights));
    for (const auto& q : kept) {
      const double along = weighted_dot(column, q, weights);
      for (std::size_t i = 0; i < n; ++i) column[i] -= along * q[i];
    }
    const double remainder = std::sqrt(weighted_dot(column, column, weights));
    if (size <= 0.0 || remainder <= 1e-9 * size) continue;
    for (double& v : column) v /= remainder;
    const double along_y = weighted_dot(y, column, weights);
    for (std::size_t i = 0; i < n; ++i) fitted[i] += along_y * column[i];
    kept.push_back(std::move(column));
  }
  return fitted;
}

}  // namespace caseload::regimes
