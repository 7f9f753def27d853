#include "sim/metrics/creaming.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/core/assert.hpp"

namespace caseload::metrics {

double help_minutes(const model::JobseekerTable& jobseekers, std::uint32_t row) {
  double minutes = 0.0;
  for (const model::ActionKind kind : help_actions) {
    minutes += static_cast<double>(jobseekers.help_minutes[row][static_cast<std::size_t>(kind)]);
  }
  return minutes;
}

double concentration_index(std::span<const double> minutes, std::span<const double> weights,
                           std::span<const double> rank_by) {
  CASELOAD_ASSERT(minutes.size() == weights.size() && minutes.size() == rank_by.size(),
                  "one weight and one rank value per person");
  if (minutes.empty()) return not_defined;
  const std::vector<double> ranks = fractional_ranks(rank_by, weights);
  double total_weight = 0.0, total_minutes = 0.0, weighted_rank = 0.0;
  for (std::size_t i = 0; i < minutes.size(); ++i) {
    total_weight += weights[i];
    total_minutes += minutes[i];
    weighted_rank += weights[i] * ranks[i];
  }
  if (total_minutes == 0.0) return not_defined;
  const double mean_help = total_minutes / total_weight;
  // The weighted mean rank is 1/2 in exact arithmetic; computing it keeps the covariance
  // centred whatever rounding does.
  const double mean_rank = weighted_rank / total_weight;
  double covariance = 0.0;
  for (std::size_t i = 0; i < minutes.size(); ++i) {
    const double help = minutes[i] / weights[i];
    covariance += weights[i] * (help - mean_help) * (ranks[i] - mean_rank);
  }
  covariance /= total_weight;
  return 2.0 * covariance / mean_help;
}

Creaming creaming(const model::VariantResult& variant, RankedBy ranked_by) {
  const auto& jobseekers = variant.jobseekers;
  std::vector<double> minutes, weights, rank_by;
  for (std::uint32_t row = 0; row < jobseekers.size(); ++row) {
    if (jobseekers.claim_weeks[row] == 0) continue;
    minutes.push_back(help_minutes(jobseekers, row));
    weights.push_back(static_cast<double>(jobseekers.claim_weeks[row]));
    rank_by.push_back(static_cast<double>(ranked_by == RankedBy::Employability
                                              ? jobseekers.employability[row]
                                              : jobseekers.motivation[row]));
  }
  Creaming out;
  out.concentration_index = concentration_index(minutes, weights, rank_by);
  out.clients = static_cast<double>(minutes.size());
  std::array<double, decile_count> decile_minutes{};
  if (!minutes.empty()) {
    const std::vector<double> ranks = fractional_ranks(rank_by, weights);
    for (std::size_t i = 0; i < minutes.size(); ++i) {
      const auto decile = std::min(
          decile_count - 1,
          static_cast<std::size_t>(std::floor(static_cast<double>(decile_count) * ranks[i])));
      decile_minutes[decile] += minutes[i];
      out.client_weeks_by_decile[decile] += weights[i];
    }
  }
  double total_minutes = 0.0;
  for (std::size_t d = 0; d < decile_count; ++d) {
    out.client_weeks += out.client_weeks_by_decile[d];
    total_minutes += decile_minutes[d];
    out.minutes_per_client_week_by_decile[d] =
        ratio(decile_minutes[d], out.client_weeks_by_decile[d]);
  }
  out.minutes_per_client_week = ratio(total_minutes, out.client_weeks);
  return out;
}

}  // namespace caseload::metrics
