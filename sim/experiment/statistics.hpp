#pragma once
// Summary statistics over replications: means, sample variances, and paired differences with
// Student-t confidence intervals. Values that are not finite (a share with nothing to divide)
// are left out, and the counts say how many were used.

#include <cstddef>
#include <optional>
#include <span>

namespace caseload::experiment {

/// Mean of the finite values; NaN when there are none.
double mean(std::span<const double> values);

/// Sample variance (divisor n - 1) of the finite values; NaN when fewer than two.
double sample_variance(std::span<const double> values);

/// The `probability` quantile of Student's t with `degrees_of_freedom` (> 0).
double student_t_quantile(double probability, double degrees_of_freedom);

struct Interval {
  double lower = 0.0;
  double upper = 0.0;
};

/// Mean of `alternative[i] - baseline[i]` over pairs where both are finite, with a two-sided
/// `level` confidence interval, mean +- t(1 - (1 - level)/2, n - 1) * sd / sqrt(n). No interval
/// when fewer than two pairs.
struct PairedDifference {
  std::size_t pairs = 0;
  double mean = 0.0;  ///< NaN when there are no pairs
  std::optional<Interval> interval;
};

/// `alternative` and `baseline` have equal lengths: element i of each is replication i.
PairedDifference paired_difference(std::span<const double> alternative,
                                   std::span<const double> baseline, double level = 0.95);

}  // namespace caseload::experiment
