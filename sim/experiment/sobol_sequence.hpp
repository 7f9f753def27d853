#pragma once
// The Sobol low-discrepancy sequence (Gray-code order, unscrambled), from the Joe-Kuo direction
// numbers. Pure integer arithmetic, so a design built on it is identical on every platform and
// equals scipy.stats.qmc.Sobol(d, scramble=False) point for point.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace caseload::experiment {

/// Dimensions the built-in direction numbers cover.
inline constexpr std::size_t kSobolMaxDimensions = 20;

/// Points `first` .. `first + count - 1` of the sequence in `dimensions` dimensions:
/// result[i][d] in [0, 1). Point 0 is the origin. Preconditions: dimensions <=
/// kSobolMaxDimensions and first + count <= 2^32.
std::vector<std::vector<double>> sobol_points(std::uint64_t first, std::size_t count,
                                              std::size_t dimensions);

}  // namespace caseload::experiment
