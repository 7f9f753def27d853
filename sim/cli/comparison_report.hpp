#pragma once
// The comparison table for people: per metric and arm, the mean, the paired difference
// against the first arm with its 95% interval, and how many replications it rests on.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/experiment/comparison.hpp"

namespace caseload::cli {

struct ComparisonHeading {
  std::size_t replications = 0;
  std::uint64_t seed = 0;
};

/// A heading line, then one aligned row per metric and arm. Numbers to 4 significant digits;
/// the interval reads "n/a" with fewer than two pairs.
std::string format_comparison_text(const std::vector<experiment::ComparisonRow>& rows,
                                   const std::vector<std::string>& arm_names,
                                   const ComparisonHeading& heading);

}  // namespace caseload::cli
