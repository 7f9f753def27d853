#include "sim/metrics/net_impact.hpp"

#include <algorithm>

#include "sim/core/assert.hpp"
#include "sim/core/time.hpp"

namespace caseload::metrics {

bool has_counterfactual(const model::SimulationResult& result) {
  if (!result.counterfactual || result.treatment.interrupted ||
      result.counterfactual->interrupted) {
    return false;
  }
  // Common random numbers make the claims, and so the rows, identical in both variants.
  CASELOAD_ASSERT(result.treatment.jobseekers.size() == result.counterfactual->jobseekers.size(),
                  "treatment and counterfactual have different people");
  return true;
}

double employment_weeks_gained(const model::SimulationResult& result, std::uint32_t row) {
  const double treatment = static_cast<double>(result.treatment.jobseekers.employed_days[row]);
  const double counterfactual =
      static_cast<double>(result.counterfactual->jobseekers.employed_days[row]);
  return (treatment - counterfactual) / core::days_per_week;
}

std::optional<NetImpact> net_impact(const model::Scenario& scenario,
                                    const model::SimulationResult& result) {
  if (!has_counterfactual(result)) return std::nullopt;
  const auto& t = result.treatment.jobseekers;
  const auto& c = result.counterfactual->jobseekers;
  const std::size_t groups = scenario.groups.size();
  NetImpact out;
  out.people_by_group.assign(groups, 0.0);
  out.employment_weeks_by_group.assign(groups, 0.0);
  out.sustained_13_gained_by_group.assign(groups, 0.0);
  out.sustained_26_gained_by_group.assign(groups, 0.0);
  std::vector<double> treatment_entries(groups, 0.0), deadweight_entries(groups, 0.0);
  for (std::uint32_t row = 0; row < t.size(); ++row) {
    const std::size_t group = model::index(t.group[row]);
    CASELOAD_ASSERT(group < groups, "jobseeker in a group the scenario does not have");
    CASELOAD_ASSERT(t.group[row] == c.group[row],
                    "row is a different person in the counterfactual");
    // Everyone left out here was neither claiming nor employed in the measured period in
    // either variant, so has no employment difference: totals are over all rows regardless.
    const bool is_present = t.claim_weeks[row] > 0 || c.claim_weeks[row] > 0 ||
                            t.employed_days[row] > 0.0f || c.employed_days[row] > 0.0f;
    out.people_by_group[group] += is_present ? 1.0 : 0.0;
    out.employment_weeks_by_group[group] += employment_weeks_gained(result, row);
    out.sustained_13_gained_by_group[group] +=
        static_cast<double>(t.sustained_13[row]) - c.sustained_13[row];
    out.sustained_26_gained_by_group[group] +=
        static_cast<double>(t.sustained_26[row]) - c.sustained_26[row];
    treatment_entries[group] += t.entries[row];
    deadweight_entries[group] += std::min(t.entries[row], c.entries[row]);
    out.entries_gained += static_cast<double>(t.entries[row]) - c.entries[row];
  }
  out.employment_weeks_per_person_by_group.resize(groups);
  out.deadweight_share_by_group.resize(groups);
  for (std::size_t g = 0; g < groups; ++g) {
    out.people += out.people_by_group[g];
    out.employment_weeks += out.employment_weeks_by_group[g];
    out.sustained_13_gained += out.sustained_13_gained_by_group[g];
    out.sustained_26_gained += out.sustained_26_gained_by_group[g];
    out.treatment_entries += treatment_entries[g];
    out.deadweight_entries += deadweight_entries[g];
    out.employment_weeks_per_person_by_group[g] =
        ratio(out.employment_weeks_by_group[g], out.people_by_group[g]);
    out.deadweight_share_by_group[g] = ratio(deadweight_entries[g], treatment_entries[g]);
  }
  out.employment_weeks_per_person = ratio(out.employment_weeks, out.people);
  out.deadweight_share = ratio(out.deadweight_entries, out.treatment_entries);
  out.equity_gap_by_group.resize(groups);
  for (std::size_t g = 0; g < groups; ++g) {
    out.equity_gap_by_group[g] =
        out.employment_weeks_per_person_by_group[g] - out.employment_weeks_per_person;
  }
  return out;
}

}  // namespace caseload::metrics
