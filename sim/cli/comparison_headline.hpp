#pragma once
// The headline of a comparison, what `compare` prints: per arm, the few figures a policy
// designer reads first (creaming, parking, job quality, net impact, and how far measured
// performance tracks net impact), each with its paired difference from the baseline arm and
// 95% interval, then one plain sentence per arm saying which differences are clear. The full
// table goes to the output folder.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sim/cli/comparison_report.hpp"
#include "sim/experiment/comparison.hpp"

namespace caseload::cli {

/// The headline's figures when an experiment names none.
std::vector<std::string> default_headline_metrics();

/// Most lines the headline takes; figures that would pass it are left to the files (and the
/// headline says how many). With more arms than fit one figure, it takes more.
inline constexpr std::size_t kHeadlineLines = 37;

/// The headline for `metrics` (names of whole-population rows in `rows`). A difference is
/// clear when its 95% interval, over at least two pairs, leaves out zero.
std::string format_comparison_headline(const std::vector<experiment::ComparisonRow>& rows,
                                       const std::vector<std::string>& arm_names,
                                       const ComparisonHeading& heading,
                                       const std::vector<std::string>& metrics);

}  // namespace caseload::cli
