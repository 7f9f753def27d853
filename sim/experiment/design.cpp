#include "sim/experiment/design.hpp"

#include <numeric>
#include <utility>

#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <fmt/format.h>

#include "sim/core/assert.hpp"
#include "sim/core/random_stream.hpp"

namespace caseload::experiment {

namespace {

// Stream names for designs. Entity kind 0 is not a model entity (those start at 1), so these
// streams never coincide with a model stream even under the same seed.
constexpr std::uint8_t kDesignEntity = 0;
constexpr std::uint32_t kLatinHypercubePurpose = 1;

}  // namespace

DesignMatrix grid_design(std::vector<std::string> parameters,
                         const std::vector<std::vector<std::string>>& values) {
  CASELOAD_ASSERT(parameters.size() == values.size(), "one value list per parameter");
  DesignMatrix design{std::move(parameters), {}};
  std::size_t count = values.empty() ? 0 : 1;
  for (const auto& list : values) count *= list.size();
  design.points.reserve(count);
  for (std::size_t point = 0; point < count; ++point) {
    // Mixed-radix digits of the point number, the last parameter the fastest digit.
    std::vector<std::string> row(values.size());
    std::size_t rest = point;
    for (std::size_t j = values.size(); j-- > 0;) {
      row[j] = values[j][rest % values[j].size()];
      rest /= values[j].size();
    }
    design.points.push_back(std::move(row));
  }
  return design;
}

std::vector<std::vector<double>> latin_hypercube(const std::vector<ParameterRange>& ranges,
                                                 std::size_t samples, std::uint64_t seed) {
  CASELOAD_ASSERT(samples <= 0xFFFF'FFFFu, "at most 2^32 - 1 samples");
  std::vector<std::vector<double>> points(samples, std::vector<double>(ranges.size()));
  std::vector<std::size_t> strata(samples);
  for (std::size_t j = 0; j < ranges.size(); ++j) {
    core::RandomStream stream(core::StreamKey{seed, kDesignEntity, static_cast<std::uint32_t>(j),
                                              kLatinHypercubePurpose, 0});
    std::iota(strata.begin(), strata.end(), std::size_t{0});
    // Fisher-Yates: position i takes a stratum chosen uniformly from those not yet taken.
    for (std::size_t i = samples; i > 1; --i) {
      boost::random::uniform_int_distribution<std::size_t> pick(0, i - 1);
      std::swap(strata[i - 1], strata[pick(stream)]);
    }
    const double width = (ranges[j].high - ranges[j].low) / static_cast<double>(samples);
    boost::random::uniform_real_distribution<double> within(0.0, 1.0);
    for (std::size_t p = 0; p < samples; ++p) {
      const double offset = (static_cast<double>(strata[p]) + within(stream)) * width;
      points[p][j] = ranges[j].low + offset;
    }
  }
  return points;
}

DesignMatrix latin_hypercube_design(std::vector<std::string> parameters,
                                    const std::vector<ParameterRange>& ranges, std::size_t samples,
                                    std::uint64_t seed) {
  CASELOAD_ASSERT(parameters.size() == ranges.size(), "one range per parameter");
  DesignMatrix design{std::move(parameters), {}};
  for (const auto& numbers : latin_hypercube(ranges, samples, seed)) {
    std::vector<std::string> row;
    for (const double value : numbers) row.push_back(fmt::format("{}", value));
    design.points.push_back(std::move(row));
  }
  return design;
}

std::vector<std::string> point_overrides(const DesignMatrix& design, std::size_t point) {
  std::vector<std::string> overrides;
  for (std::size_t j = 0; j < design.parameters.size(); ++j) {
    overrides.push_back(design.parameters[j] + "=" + design.points[point][j]);
  }
  return overrides;
}

}  // namespace caseload::experiment
