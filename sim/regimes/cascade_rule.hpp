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
/// (client-weeks to date), or to the credit expected of each unit given its caseload mix and
/// local market (a regression across advisers, as benchmarking's; P37's expected value).
/// Given shares replace the rule for the first split only.
enum class Split : std::uint8_t { Equal, Caseload, Expected };

inline const std::vector<std::string> split_names = {"equal", "caseload", "expected"};

/// How a manager passes pressure down: spread evenly over the units below, or onto the lowest
/// performers (the units below their targets, the further below the more).
enum class Manager : std::uint8_t { Even, Lowest };

inline const std::vector<std::string> manager_names = {"even", "lowest"};

/// `parent_target` split in proportion to `weights` (equal shares when every weight is 0).
std::vector<double> split_target(double parent_target, std::span<const double> weights);

/// Shortfall share of a target: max(0, target − credit) / target; 0 without a target.
double shortfall_share(double target, double credit) noexcept;

/// Most a manager focuses on one unit under `lowest`, in units' worth of attention. [A] no
/// source: a manager can chase a few people, not load a whole team's pressure on one.
inline constexpr double max_focus = 3.0;

/// What each unit below receives when its manager passes on `passed` (the manager's own
/// shortfall term plus what it received). Even: every unit gets `passed`. Lowest: the total
/// `passed` × units goes to the units below target in proportion to their shortfall shares,
/// each capped at `max_focus` × `passed` (a cap that binds passes less in all); with no unit
/// below target, as even. So the rule moves pressure onto those behind without adding any.
std::vector<double> pass_down(double passed, std::span<const double> shortfall, Manager rule);

}  // namespace caseload::regimes
