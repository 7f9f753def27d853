#include "sim/experiment/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include <boost/math/distributions/students_t.hpp>

#include "sim/core/assert.hpp"

namespace caseload::experiment {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// How far inside its bounds a value is moved before it is transformed.
constexpr double kEdge = 1e-6;

double to_scale(double value, Scale scale) {
  switch (scale) {
    case Scale::Linear:
      return value;
    case Scale::Share: {
      const double p = std::clamp(value, kEdge, 1.0 - kEdge);
      return std::log(p / (1.0 - p));
    }
    case Scale::Correlation:
      return std::atanh(std::clamp(value, -1.0 + kEdge, 1.0 - kEdge));
  }
  return value;
}

double from_scale(double value, Scale scale) {
  switch (scale) {
    case Scale::Linear:
      return value;
    case Scale::Share:
      return 1.0 / (1.0 + std::exp(-value));
    case Scale::Correlation:
      return std::tanh(value);
  }
  return value;
}

std::vector<double> transformed(std::span<const double> values, Scale scale) {
  std::vector<double> out;
  out.reserve(values.size());
  for (const double value : values)
    out.push_back(std::isfinite(value) ? to_scale(value, scale) : kNaN);
  return out;
}

// Half the width of a two-sided `level` Student t interval for the mean of `count` values.
double half_width(double variance, std::size_t count, double level) {
  const double n = static_cast<double>(count);
  return student_t_quantile(1.0 - (1.0 - level) / 2.0, n - 1.0) * std::sqrt(variance / n);
}

std::size_t finite_count(std::span<const double> values) {
  return static_cast<std::size_t>(
      std::count_if(values.begin(), values.end(), [](double v) { return std::isfinite(v); }));
}

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
  const double half = half_width(sample_variance(differences), result.pairs, level);
  result.interval = Interval{result.mean - half, result.mean + half};
  return result;
}

std::string_view scale_name(Scale scale) {
  switch (scale) {
    case Scale::Linear:
      return "linear";
    case Scale::Share:
      return "logit";
    case Scale::Correlation:
      return "fisher_z";
  }
  return "linear";
}

std::optional<Interval> interval_of_mean(std::span<const double> values, Scale scale,
                                         double level) {
  CASELOAD_ASSERT(level > 0.0 && level < 1.0, "confidence level in (0, 1)");
  const std::vector<double> on_scale = transformed(values, scale);
  const std::size_t count = finite_count(on_scale);
  if (count < 2) return std::nullopt;
  const double centre = mean(on_scale);
  const double half = half_width(sample_variance(on_scale), count, level);
  return Interval{from_scale(centre - half, scale), from_scale(centre + half, scale)};
}

PairedDifference paired_difference(std::span<const double> alternative,
                                   std::span<const double> baseline, Scale scale, double level) {
  PairedDifference result = paired_difference(alternative, baseline, level);
  if (scale == Scale::Linear || !result.interval) return result;
  // Only pairs with both values finite, as in the plain difference.
  std::vector<double> paired_alternative;
  std::vector<double> paired_baseline;
  for (std::size_t i = 0; i < alternative.size(); ++i) {
    if (!std::isfinite(alternative[i]) || !std::isfinite(baseline[i])) continue;
    paired_alternative.push_back(alternative[i]);
    paired_baseline.push_back(baseline[i]);
  }
  const PairedDifference on_scale = paired_difference(transformed(paired_alternative, scale),
                                                      transformed(paired_baseline, scale), level);
  // Mapped back at the baseline's plain mean, so that mean plus the interval, what a reader
  // adds up, stays inside the range.
  const double base_value = mean(paired_baseline);
  const double centre = to_scale(base_value, scale);
  result.interval = Interval{from_scale(centre + on_scale.interval->lower, scale) - base_value,
                             from_scale(centre + on_scale.interval->upper, scale) - base_value};
  return result;
}

}  // namespace caseload::experiment
