#pragma once
// Designs of a sweep: which values each parameter takes at each point. A design is a matrix,
// row = point, column = parameter, and every value is YAML scalar text, so a point becomes
// `path=value` overrides of the base scenario like any `--set`.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace caseload::experiment {

struct DesignMatrix {
  std::vector<std::string> parameters;           ///< YAML paths, in column order
  std::vector<std::vector<std::string>> points;  ///< points[p][j]: parameter j at point p
};

/// Every combination of the values, the first parameter varying slowest (as nested loops
/// written in parameter order). `values[j]` lists parameter j's values.
DesignMatrix grid_design(std::vector<std::string> parameters,
                         const std::vector<std::vector<std::string>>& values);

struct ParameterRange {
  double low = 0.0;
  double high = 1.0;
};

/// Latin hypercube of `samples` points: for each parameter the range is cut into `samples`
/// equal strata, a random permutation assigns one stratum to each point, and the value is
/// uniform within its stratum. Draws come from core::RandomStream keyed by (seed, parameter)
/// through Boost.Random distributions, so a design is the same on every platform. Values are
/// written in shortest round-trip form, so they parse back to the same doubles.
DesignMatrix latin_hypercube_design(std::vector<std::string> parameters,
                                    const std::vector<ParameterRange>& ranges, std::size_t samples,
                                    std::uint64_t seed);

/// The numbers behind latin_hypercube_design: result[p][j] for point p, parameter j.
std::vector<std::vector<double>> latin_hypercube(const std::vector<ParameterRange>& ranges,
                                                 std::size_t samples, std::uint64_t seed);

/// `path=value` for each parameter of point `point`, in parameter order.
std::vector<std::string> point_overrides(const DesignMatrix& design, std::size_t point);

}  // namespace caseload::experiment
