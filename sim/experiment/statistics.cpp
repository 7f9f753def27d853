#include "sim/experiment/statistics.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include <boost/math/distributions/students_t.hpp>

#include "sim/core/assert.hpp"

namespace caseload::experiment {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

double mean(std::span<const double> values) {
  double sum = 0.0;
  std::size_t count = 0;
  for (const double value : values) {
    if (!std::isfinite(value)) continue;
    sum += value;
    ++count;
  }
  return count == 0 ? kNaN : sum / static_cast<double>(count);
}

double sample_variance(std::span<const double> values) {
  const double centre = mean(values);
  double sum_squares = 0.0;
  std::size_t count = 0;
  for (const double value : values) {
    if (!std::isfinite(value)) continue;
    sum_squares += (value - centre) * (value - centre);
    ++count;
  }
  return count < 2 ? kNaN : sum_squares / static_cast<double>(count - 1);
}

double student_t_quantile(double probability, double degrees_of_freedom) {
  CASELOAD_ASSERT(degrees_of_freedom > 0.0, "Student t needs positive degrees of freedom");
  CASELOAD_ASSERT(probability > 0.0 && probability < 1.0, "quantile of a probability in (0, 1)");
  return boost::math::quantile(boost::math::students_t_distribution<double>(degrees_of_freedom),
                               probability);
}

PairedDifference paired_difference(std::span<const double> alternative,
                                   std::span<const double> baseline, double level) {
  CASELOAD_ASSERT(alternative.size() == baseline.size(), "paired samples of equal length");
  CASELOAD_ASSERT(level > 0.0 && level < 1.0, "confidence level in (0, 1)");
  std::vector<double> differences;
  for (std::size_t i = 0; i < alternative.size(); ++i) {
    if (std::isfinite(alternative[i]) && std::isfinite(baseline[i])) {
      differences.push_back(alternative[i] - baseline[i]);
    }
  }
  PairedDifference result;
  result.pairs = differences.size();
  result.mean = mean(differences);
  if (result.pairs < 2) return result;
  const double n = static_cast<double>(result.pairs);
  const double t = student_t_quantile(1.0 - (1.0 - level) / 2.0, n - 1.0);
  const double half_width = t * std::sqrt(sample_variance(differences) / n);
  result.interval = Interval{result.mean - half_width, result.mean + half_width};
  return result;
}

}  // namespace caseload::experiment
