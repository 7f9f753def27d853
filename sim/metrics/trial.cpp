#include "sim/metrics/trial.hpp"

#include <algorithm>

#include "sim/core/time.hpp"
#include "sim/metrics/net_impact.hpp"

namespace caseload::metrics {

std::vector<double> employment_weeks_after(const model::VariantResult& v, std::span<const double> from_day,
                                           double follow_days) {
  std::vector<double> weeks(from_day.size(), 0.0);
  for (const model::JobRecord& job : v.jobs) {
    const auto row = model::index(job.person);
    if (row >= from_day.size() || !(from_day[row] >= 0.0)) continue;
    const double start = std::max(job.start, from_day[row]);
    const double end = std::min(job.end, from_day[row] + follow_days);
    if (end > start) weeks[row] += (end - start) / core::days_per_week;
  }
  return weeks;
}

TrialResults trial_results(const model::Scenario& scenario, const model::SimulationResult& result) {
  TrialResults out;
  if (!scenario.trial.enabled) return out;
  const auto& t = result.treatment.jobseekers;
  const double follow_days = scenario.trial.follow_weeks * core::days_per_week;
  const double run_end = (scenario.run.warmup_weeks + scenario.run.weeks) * core::days_per_week;
  // Only people the run follows for the whole follow-up; -1 leaves a row out.
  std::vector<double> from_day(t.size(), -1.0);
  for (std::uint32_t row = 0; row < t.size(); ++row) {
    const double day = static_cast<double>(t.trial_day[row]);
    if (t.trial_arm[row] != 0 && day + follow_days <= run_end) from_day[row] = day;
  }
  const std::vector<double> here = employment_weeks_after(result.treatment, from_day, follow_days);
  const bool paired = has_counterfactual(result);
  const std::vector<double> there =
      paired ? employment_weeks_after(*result.counterfactual, from_day, follow_days) : std::vector<double>{};
  double n[3] = {0, 0, 0}, sum_here[3] = {0, 0, 0}, sum_there[3] = {0, 0, 0};
  for (std::uint32_t row = 0; row < t.size(); ++row) {
    if (from_day[row] < 0.0) continue;
    const std::uint8_t arm = t.trial_arm[row];
    n[arm] += 1.0;
    sum_here[arm] += here[row];
    if (paired) sum_there[arm] += there[row];
  }
  out.cohort = n[1] + n[2];
  if (n[1] > 0.0 && n[2] > 0.0) out.estimate = sum_here[1] / n[1] - sum_here[2] / n[2];
  if (paired && n[1] > 0.0) out.effect_on_programme = (sum_here[1] - sum_there[1]) / n[1];
  if (paired && n[2] > 0.0) out.spillover_on_controls = (sum_here[2] - sum_there[2]) / n[2];
  return out;
}

}  // namespace caseload::metrics
