#pragma once
// Statistics the metrics share: ratios that are NaN when undefined, weighted fractional ranks
// with ties averaged, and Pearson correlation. NaN means "not defined", never "zero".

#include <limits>
#include <span>
#include <vector>

namespace caseload::metrics {

inline constexpr double not_defined = std::numeric_limits<double>::quiet_NaN();

/// part / whole; NaN when whole is 0 (an empty population has no share, not a zero one).
double ratio(double part, double whole);

/// Weighted fractional rank of each value in ascending order:
/// (weight of values strictly below + half the weight of values equal) / total weight.
/// With unit weights and no ties this is (i - 0.5) / n for the i-th smallest (1-based); tied
/// values share the mean of their ranks. Preconditions: equal sizes, weights > 0, no NaN.
std::vector<double> fractional_ranks(std::span<const double> values,
                                     std::span<const double> weights);

/// Pearson correlation (population moments). NaN when n < 2 or either variable is constant.
double pearson(std::span<const double> x, std::span<const double> y);

}  // namespace caseload::metrics
