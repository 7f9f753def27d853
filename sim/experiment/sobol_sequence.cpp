#include "sim/experiment/sobol_sequence.hpp"

#include <array>

#include "sim/core/assert.hpp"

namespace caseload::experiment {

namespace {

constexpr std::size_t kBits = 32;

// One dimension's primitive polynomial (degree s, inner coefficients a as bits) and initial
// direction numbers m_1..m_s. Dimensions 2-20 of S. Joe and F. Y. Kuo, "Constructing Sobol
// sequences with better two-dimensional projections", SIAM J. Sci. Comput. 30 (2008)
// 2635-2654, file new-joe-kuo-6.21201 (https://web.maths.unsw.edu.au/~fkuo/sobol/), the same
// numbers scipy.stats.qmc.Sobol ships. Dimension 1 is the van der Corput sequence (all m = 1).
struct Polynomial {
  std::size_t degree;
  std::uint32_t inner;
  std::array<std::uint32_t, 7> initial;
};

constexpr std::array<Polynomial, kSobolMaxDimensions - 1> kJoeKuo{{
    {1, 0, {1}},
    {2, 1, {1, 3}},
    {3, 1, {1, 3, 1}},
    {3, 2, {1, 1, 1}},
    {4, 1, {1, 1, 3, 3}},
    {4, 4, {1, 3, 5, 13}},
    {5, 2, {1, 1, 5, 5, 17}},
    {5, 4, {1, 1, 5, 5, 5}},
    {5, 7, {1, 1, 7, 11, 19}},
    {5, 11, {1, 1, 5, 1, 1}},
    {5, 13, {1, 1, 1, 3, 11}},
    {5, 14, {1, 3, 5, 5, 31}},
    {6, 1, {1, 3, 3, 9, 7, 49}},
    {6, 13, {1, 1, 1, 15, 21, 21}},
    {6, 16, {1, 3, 1, 13, 27, 49}},
    {6, 19, {1, 1, 1, 15, 7, 5}},
    {6, 22, {1, 3, 1, 15, 13, 25}},
    {6, 25, {1, 1, 5, 5, 19, 61}},
    {7, 1, {1, 3, 7, 11, 23, 15, 103}},
}};

using Directions = std::array<std::uint32_t, kBits>;

// v_k = m_k / 2^k as 32-bit fractions; past the initial ones, the recurrence of Bratley and
// Fox (1988) as Joe and Kuo write it.
Directions directions(std::size_t dimension) {
  Directions v{};
  if (dimension == 0) {
    for (std::size_t k = 0; k < kBits; ++k) v[k] = std::uint32_t{1} << (kBits - 1 - k);
    return v;
  }
  const Polynomial& p = kJoeKuo[dimension - 1];
  for (std::size_t k = 0; k < kBits; ++k) {
    if (k < p.degree) {
      v[k] = p.initial[k] << (kBits - 1 - k);
      continue;
    }
    v[k] = v[k - p.degree] ^ (v[k - p.degree] >> p.degree);
    for (std::size_t l = 1; l < p.degree; ++l) {
      if ((p.inner >> (p.degree - 1 - l)) & 1u) v[k] ^= v[k - l];
    }
  }
  return v;
}

}  // namespace

std::vector<std::vector<double>> sobol_points(std::uint64_t first, std::size_t count,
                                              std::size_t dimensions) {
  CASELOAD_ASSERT(dimensions <= kSobolMaxDimensions, "Sobol dimensions beyond the table");
  CASELOAD_ASSERT(first + count <= (std::uint64_t{1} << kBits), "Sobol index beyond 2^32");
  std::vector<Directions> table;
  for (std::size_t d = 0; d < dimensions; ++d) table.push_back(directions(d));
  std::vector<std::vector<double>> points(count, std::vector<double>(dimensions));
  constexpr double kScale = 1.0 / 4294967296.0;  // 2^-32: every value is exact in a double
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint64_t index = first + i;
    // Point n of the Gray-code order is the XOR of the directions of gray(n)'s set bits.
    const std::uint64_t gray = index ^ (index >> 1);
    for (std::size_t d = 0; d < dimensions; ++d) {
      std::uint32_t x = 0;
      for (std::size_t k = 0; k < kBits; ++k) {
        if ((gray >> k) & 1u) x ^= table[d][k];
      }
      points[i][d] = static_cast<double>(x) * kScale;
    }
  }
  return points;
}

}  // namespace caseload::experiment
