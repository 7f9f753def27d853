#pragma once
// Designs of a sweep: which values each parameter takes at each point. A design is a matrix,
// row = point, column = parameter, and every value is YAML scalar text, so a point becomes
// `path=value` overrides of the base scenario like any `--set`. Sensitivity designs (Morris,
// Sobol) also say each point's role in the design, which their analysis needs.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace caseload::experiment {

/// Where a point sits in a structured design. Sobol (Saltelli): role "A", "B" or "AB_j" (A with
/// parameter j, 1-based, taken from B), sample = the base sample. Morris: role "start" or
/// "step_j" (parameter j moved from the previous point), sample = the trajectory, unit_step =
/// the signed move of parameter j on the unit scale (+-delta; 0 at a start).
struct PointRole {
  std::string role;
  std::size_t sample = 0;
  double unit_step = 0.0;
  bool operator==(const PointRole&) const = default;
};

struct DesignMatrix {
  std::vector<std::string> parameters;           ///< YAML paths, in column order
  std::vector<std::vector<std::string>> points;  ///< points[p][j]: parameter j at point p
  std::vector<PointRole> roles;                  ///< one per point, or empty (no structure)
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

/// Saltelli (2010) sampling for Sobol indices: base samples 1..N of the Sobol sequence in 2k
/// dimensions (the origin, point 0, is skipped) give A (the first k columns) and B (the last
/// k); each sample i contributes, in this order, A_i, B_i and AB_1_i .. AB_k_i, so N (k + 2)
/// points, scaled to the ranges. Precondition: 2 <= k <= kSobolMaxDimensions / 2.
DesignMatrix saltelli_design(std::vector<std::string> parameters,
                             const std::vector<ParameterRange>& ranges, std::size_t samples);

/// Morris (1991) elementary-effects design: `trajectories` random trajectories of k + 1 points
/// on a grid of `levels` (even) levels per parameter, each moving one parameter at a time, in a
/// random order and direction, by delta = levels / (2 (levels - 1)) of its range. Draws from
/// core::RandomStream keyed by (seed, trajectory) through Boost.Random, as the Latin hypercube.
DesignMatrix morris_design(std::vector<std::string> parameters,
                           const std::vector<ParameterRange>& ranges, std::size_t trajectories,
                           std::size_t levels, std::uint64_t seed);

/// `path=value` for each parameter of point `point`, in parameter order.
std::vector<std::string> point_overrides(const DesignMatrix& design, std::size_t point);

}  // namespace caseload::experiment
