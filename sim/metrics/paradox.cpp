#include "sim/metrics/paradox.hpp"

#include <algorithm>

#include "sim/core/assert.hpp"
#include "sim/metrics/net_impact.hpp"

namespace caseload::metrics {

std::optional<Paradox> paradox(const model::SimulationResult& result) {
  if (!has_counterfactual(result)) return std::nullopt;
  const auto& advisers = result.treatment.advisers;
  const auto& jobseekers = result.treatment.jobseekers;
  const std::size_t adviser_count = advisers.size();
  CASELOAD_ASSERT(result.treatment.measured_by_adviser.size() == adviser_count,
                  "one measured figure per adviser");
  Paradox out;
  out.measured_by_adviser = result.treatment.measured_by_adviser;
  out.net_weeks_by_adviser.assign(adviser_count, 0.0);
  for (std::uint32_t row = 0; row < jobseekers.size(); ++row) {
    const std::uint32_t adviser = model::index(jobseekers.adviser[row]);
    if (adviser == model::no_row) continue;  // never on a caseload
    CASELOAD_ASSERT(adviser < adviser_count, "jobseeker with an adviser that does not exist");
    out.net_weeks_by_adviser[adviser] += employment_weeks_gained(result, row);
  }
  std::size_t office_count = 0;
  for (const auto office : advisers.office)
    office_count = std::max<std::size_t>(office_count, model::index(office) + 1u);
  out.measured_by_office.assign(office_count, 0.0);
  out.net_weeks_by_office.assign(office_count, 0.0);
  for (std::size_t a = 0; a < adviser_count; ++a) {
    const std::size_t office = model::index(advisers.office[a]);
    out.measured_by_office[office] += out.measured_by_adviser[a];
    out.net_weeks_by_office[office] += out.net_weeks_by_adviser[a];
  }
  out.adviser_correlation = pearson(out.measured_by_adviser, out.net_weeks_by_adviser);
  out.office_correlation = pearson(out.measured_by_office, out.net_weeks_by_office);
  return out;
}

}  // namespace caseload::metrics
