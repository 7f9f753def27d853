#pragma once
// A cascade's two rules as pure functions: how a manager splits its unit's target over the
// units below it, and how it passes its pressure down (the performance-management chain of
// the seed documents: a national goal split to districts and offices, each level's shortfall
// becoming pressure on the level below).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace caseload::regimes {

/// How a target is split over the units below: equal shares, in proportion to caseload
/// (client-weeks to date), or to the credit expected from each unit's caseload mix at the
/// national rate per client-week of each group (P37's expected value). Given shares replace
/// the rule for the first split only.
enum class Split : std::uint8_t { Equal, Caseload, Expected };

inline const std::vector<std::string> split_names = {"equal", "caseload", "expected"};

/// How a manager passes pressure down: spread evenly over the units below, or onto the lowest
/// performers (the half furthest below their targets).
enum class Manager : std::uint8_t { Even, Lowest };

inline const std::vector<std::string> manager_names = {"even", "lowest"};

/// `parent_target` split in proportion to `weights` (equal shares when every weight is 0).
std::vector<double> split_target(double parent_target, std::span<const double> weights);

/// Shortfall share of a target: max(0, target − credit) / target; 0 without a target.
double shortfall_share(double target, double credit) noexcept;

/// What each unit below receives when its manager passes on `passed` (the manager's own
/// shortfall term plus what it received). Even: every unit gets `passed`. Lowest: units ranked
/// by `performance` (credit / target), the lower half get 2 × `passed`, the upper half
/// nothing, a middle unit (odd count) `passed`; tied units share their places' amounts. Both
/// pass the same total (`passed` × units), so the rule moves pressure without adding any.
std::vector<double> pass_down(double passed, std::span<const double> performance, Manager rule);

}  // namespace caseload::regimes
