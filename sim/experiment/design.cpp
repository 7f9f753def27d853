#include "sim/experiment/design.hpp"

#include <numeric>
#include <utility>

#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <fmt/format.h>

#include "sim/core/assert.hpp"
#include "sim/core/random_stream.hpp"
#include "sim/experiment/sobol_sequence.hpp"

namespace caseload::experiment {

namespace {

// Stream names for designs. Entity kind 0 is not a model entity (those start at 1), so these
// streams never coincide with a model stream even under the same seed.
constexpr std::uint8_t kDesignEntity = 0;
constexpr std::uint32_t kLatinHypercubePurpose = 1;
constexpr std::uint32_t kMorrisPurpose = 2;

// A point of the unit cube as text in the parameters' units, in shortest round-trip form so
// it parses back to the same doubles.
std::vector<std::string> scaled_row(const std::vector<double>& unit,
                                    const std::vector<ParameterRange>& ranges) {
  std::vector<std::string> row;
  for (std::size_t j = 0; j < unit.size(); ++j) {
    row.push_back(fmt::format("{}", ranges[j].low + unit[j] * (ranges[j].high - ranges[j].low)));
  }
  return row;
}

}  // namespace

DesignMatrix grid_design(std::vector<std::string> parameters,
                         const std::vector<std::vector<std::string>>& values) {
  CASELOAD_ASSERT(parameters.size() == values.size(), "one value list per parameter");
  DesignMatrix design{std::move(parameters), {}, {}};
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
  DesignMatrix design{std::move(parameters), {}, {}};
  for (const auto& numbers : latin_hypercube(ranges, samples, seed)) {
    std::vector<std::string> row;
    for (const double value : numbers) row.push_back(fmt::format("{}", value));
    design.points.push_back(std::move(row));
  }
  return design;
}

DesignMatrix saltelli_design(std::vector<std::string> parameters,
                             const std::vector<ParameterRange>& ranges, std::size_t samples) {
  const std::size_t k = parameters.size();
  CASELOAD_ASSERT(k == ranges.size(), "one range per parameter");
  CASELOAD_ASSERT(k >= 2 && 2 * k <= kSobolMaxDimensions, "Saltelli needs 2 <= k <= 10");
  DesignMatrix design{std::move(parameters), {}, {}};
  // Skip the origin: with every parameter at its low end it is a corner, not a typical point.
  const auto base = sobol_points(1, samples, 2 * k);
  for (std::size_t i = 0; i < samples; ++i) {
    const std::vector<double> a(base[i].begin(), base[i].begin() + static_cast<std::ptrdiff_t>(k));
    const std::vector<double> b(base[i].begin() + static_cast<std::ptrdiff_t>(k), base[i].end());
    design.points.push_back(scaled_row(a, ranges));
    design.roles.push_back({"A", i, 0.0});
    design.points.push_back(scaled_row(b, ranges));
    design.roles.push_back({"B", i, 0.0});
    for (std::size_t j = 0; j < k; ++j) {
      std::vector<double> ab = a;
      ab[j] = b[j];
      design.points.push_back(scaled_row(ab, ranges));
      design.roles.push_back({fmt::format("AB_{}", j + 1), i, 0.0});
    }
  }
  return design;
}

DesignMatrix morris_design(std::vector<std::string> parameters,
                           const std::vector<ParameterRange>& ranges, std::size_t trajectories,
                           std::size_t levels, std::uint64_t seed) {
  const std::size_t k = parameters.size();
  CASELOAD_ASSERT(k == ranges.size(), "one range per parameter");
  CASELOAD_ASSERT(levels >= 2 && levels % 2 == 0, "Morris levels are even and at least 2");
  CASELOAD_ASSERT(trajectories <= 0xFFFF'FFFFu, "at most 2^32 - 1 trajectories");
  DesignMatrix design{std::move(parameters), {}, {}};
  // Positions are whole levels 0 .. levels - 1, so a move down undoes a move up exactly.
  // Morris's delta = p / (2 (p - 1)) is p / 2 levels: from any of the lower p / 2 levels a
  // move up lands on a level, and every level is visited equally often.
  const std::size_t move = levels / 2;
  const double last_level = static_cast<double>(levels - 1);
  const double delta = static_cast<double>(move) / last_level;
  const auto unit_of = [&](const std::vector<std::size_t>& level) {
    std::vector<double> unit;
    for (const std::size_t l : level) unit.push_back(static_cast<double>(l) / last_level);
    return unit;
  };
  for (std::size_t t = 0; t < trajectories; ++t) {
    core::RandomStream stream(core::StreamKey{seed, kDesignEntity, static_cast<std::uint32_t>(t),
                                              kMorrisPurpose, 0});
    boost::random::uniform_int_distribution<std::size_t> lower_level(0, move - 1);
    boost::random::uniform_int_distribution<int> coin(0, 1);
    std::vector<std::size_t> level(k);
    std::vector<bool> is_up(k);
    for (std::size_t j = 0; j < k; ++j) level[j] = lower_level(stream);
    for (std::size_t j = 0; j < k; ++j) {
      is_up[j] = coin(stream) == 1;
      if (!is_up[j]) level[j] += move;  // a move down starts from the upper level
    }
    std::vector<std::size_t> order(k);
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t i = k; i > 1; --i) {
      boost::random::uniform_int_distribution<std::size_t> pick(0, i - 1);
      std::swap(order[i - 1], order[pick(stream)]);
    }
    design.points.push_back(scaled_row(unit_of(level), ranges));
    design.roles.push_back({"start", t, 0.0});
    for (const std::size_t j : order) {
      level[j] = is_up[j] ? level[j] + move : level[j] - move;
      design.points.push_back(scaled_row(unit_of(level), ranges));
      design.roles.push_back({fmt::format("step_{}", j + 1), t, is_up[j] ? delta : -delta});
    }
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
