#include "sim/metrics/sanctions.hpp"

#include "sim/core/assert.hpp"
#include "sim/core/time.hpp"

namespace caseload::metrics {

Sanctions sanctions(const model::VariantResult& variant, std::span<const double> claim_weeks_by_group) {
  const std::size_t groups = claim_weeks_by_group.size();
  Sanctions out;
  out.count_by_group.assign(groups, 0.0);
  for (const auto& row : variant.panel) {
    // The same test close_week uses to add a week to the measured totals.
    if (static_cast<double>(row.week) * core::days_per_week < variant.measure_start) continue;
    const std::size_t group = model::index(row.group);
    CASELOAD_ASSERT(group < groups, "panel row in a group the scenario does not have");
    out.count_by_group[group] += row.counts.sanctions;
  }
  double claim_weeks = 0.0;
  out.per_100_client_weeks_by_group.resize(groups);
  for (std::size_t g = 0; g < groups; ++g) {
    out.count += out.count_by_group[g];
    claim_weeks += claim_weeks_by_group[g];
    out.per_100_client_weeks_by_group[g] = ratio(100.0 * out.count_by_group[g], claim_weeks_by_group[g]);
  }
  out.per_100_client_weeks = ratio(100.0 * out.count, claim_weeks);
  return out;
}

}  // namespace caseload::metrics
