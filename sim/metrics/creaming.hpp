#pragma once
// Creaming: how discretionary help is spread over clients ranked by how easy they are to place.
// Measured by the concentration index of help per client-week (docs/METRICS.md, "Creaming").

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "sim/metrics/statistics.hpp"
#include "sim/model/action.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics {

/// The actions that count as discretionary help to a client: the ones that reset the model's
/// parking clock (`model::is_evidence`). Employer contacts, validation and sanction referrals
/// are adviser time but not help to the client.
inline constexpr std::array<model::ActionKind, 4> help_actions = {
    model::ActionKind::Interview, model::ActionKind::Submission, model::ActionKind::Referral,
    model::ActionKind::DiscretionFund};

/// Help minutes one person received in the measured period, summed in `help_actions` order.
double help_minutes(const model::JobseekerTable& jobseekers, std::uint32_t row);

/// The standard concentration index C = 2 cov_w(h, r) / mean_w(h), with h = minutes / weight,
/// r the weighted fractional rank by `rank_by` (statistics.hpp), weights w, and weighted
/// moments (sum of w * ... / sum of w). Equals 2 sum(minutes * r) / sum(minutes) - 1.
/// NaN when there are no rows or no minutes. Preconditions: equal sizes, weights > 0.
double concentration_index(std::span<const double> minutes, std::span<const double> weights,
                           std::span<const double> rank_by);

enum class RankedBy : std::uint8_t { Employability, Motivation };  ///< at claim (e0, m)

inline constexpr std::size_t decile_count = 10;

struct Creaming {
  double concentration_index = not_defined;  ///< -1..1; 0 even, +1 all to the highest ranked
  double clients = 0.0;                      ///< people with claim_weeks > 0
  double client_weeks = 0.0;
  double minutes_per_client_week = not_defined;
  /// The creaming curve: decile d holds clients with weighted fractional rank in [d/10, (d+1)/10).
  std::array<double, decile_count> minutes_per_client_week_by_decile{};
  std::array<double, decile_count> client_weeks_by_decile{};
};

/// Over the people with claim_weeks > 0, weighted by claim_weeks.
Creaming creaming(const model::VariantResult& variant, RankedBy ranked_by);

}  // namespace caseload::metrics
