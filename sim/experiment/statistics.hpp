#pragma once
// Summary statistics over replications: means, sample variances, and paired differences with
// Student-t confidence intervals. Values that are not finite (a share with nothing to divide)
// are left out, and the counts say how many were used. Bounded figures get their intervals on
// a scale where they are unbounded (logit for shares, Fisher z for correlations), mapped back,
// so an interval never leaves the range the figure can take.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

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

/// Where an interval is computed. Linear: as is. Share (in [0, 1]): on the logit scale.
/// Correlation (in [-1, 1], also concentration indices): on Fisher's z = atanh(r). Values at
/// the bounds are moved 1e-6 inside them first, so their transforms are finite.
enum class Scale : std::uint8_t { Linear, Share, Correlation };

/// "linear", "logit", "fisher_z": the words the result files use.
std::string_view scale_name(Scale scale);

/// Interval for the mean of the finite values: Student t on the scale's transform, mapped
/// back; inside [0, 1] for shares and [-1, 1] for correlations. None with fewer than two.
std::optional<Interval> interval_of_mean(std::span<const double> values, Scale scale,
                                         double level = 0.95);

/// As paired_difference, with the interval found on the scale's transform: the mean paired
/// difference of transformed values, +- its Student t half-width, added to the transform of
/// the baseline's mean and mapped back, minus that mean. The baseline's mean plus the interval
/// then stays inside the figure's range. `mean` is the plain mean paired difference.
PairedDifference paired_difference(std::span<const double> alternative,
                                   std::span<const double> baseline, Scale scale,
                                   double level = 0.95);

}  // namespace caseload::experiment
