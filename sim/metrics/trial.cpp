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

namespace {

constexpr double month_days = 365.25 / 12.0;

// The curves of one arm (`arm` 1 programme, 2 control) of the cohort as `v` lived it: at each
// month since assignment that the run still reaches, the share in a job and the share with an
// open claim. `assigned` is each person's assignment day, or -1 outside the cohort.
CohortCurves cohort_curves(const model::VariantResult& v, std::span<const model::TrialArm> arm_of,
                           std::span<const double> assigned, model::TrialArm arm, double run_end) {
  std::vector<double> people(trial_curve_months, 0.0), in_work(trial_curve_months, 0.0),
      on_benefit(trial_curve_months, 0.0);
  auto months_seen = [&](std::uint32_t row) {
    const double reach = (run_end - assigned[row]) / month_days;
    return std::clamp(static_cast<int>(reach), 0, trial_curve_months);
  };
  auto mark = [&](std::uint32_t row, double start, double end, std::vector<double>& count) {
    if (row >= assigned.size() || assigned[row] < 0.0 || arm_of[row] != arm) return;
    for (int m = 1; m <= months_seen(row); ++m) {
      const double day = assigned[row] + m * month_days;
      if (start <= day && day < end) count[static_cast<std::size_t>(m - 1)] += 1.0;
    }
  };
  for (std::uint32_t row = 0; row < assigned.size(); ++row) {
    if (assigned[row] < 0.0 || arm_of[row] != arm) continue;
    for (int m = 1; m <= months_seen(row); ++m) people[static_cast<std::size_t>(m - 1)] += 1.0;
  }
  for (const model::JobRecord& job : v.jobs) mark(model::index(job.person), job.start, job.end, in_work);
  for (const model::SpellRecord& spell : v.spells) {
    mark(model::index(spell.person), spell.start, spell.is_open ? run_end + 1.0 : spell.end, on_benefit);
  }
  CohortCurves out;
  for (std::size_t m = 0; m < people.size(); ++m) {
    out.in_work.push_back(people[m] > 0.0 ? in_work[m] / people[m] : not_defined);
    out.on_benefit.push_back(people[m] > 0.0 ? on_benefit[m] / people[m] : not_defined);
  }
  return out;
}

}  // namespace

TrialResults trial_results(const model::Scenario& scenario, const model::SimulationResult& result) {
  TrialResults out;
  const std::vector<double> none(trial_curve_months, not_defined);
  for (CohortCurves* curves : {&out.programme, &out.control, &out.programme_counterfactual, &out.control_counterfactual}) {
    curves->in_work = none;
    curves->on_benefit = none;
  }
  if (!scenario.trial.enabled) return out;
  const std::size_t rows = result.treatment.jobseekers.size();
  const model::TrialCohort& cohort = result.treatment.trial;
  const double follow_days = scenario.trial.follow_weeks * core::days_per_week;
  const double run_end = (scenario.run.warmup_weeks + scenario.run.weeks) * core::days_per_week;
  // By row: the arm and assignment day (-1 outside the cohort); `from_day` only for people the
  // run follows for the whole follow-up.
  std::vector<model::TrialArm> arm_of(rows, model::TrialArm::None);
  std::vector<double> assigned(rows, -1.0), from_day(rows, -1.0);
  for (std::size_t i = 0; i < cohort.rows.size(); ++i) {
    const std::uint32_t row = cohort.rows[i];
    arm_of[row] = cohort.arm[i];
    assigned[row] = cohort.day[i];
    if (cohort.day[i] + follow_days <= run_end) from_day[row] = cohort.day[i];
  }
  const std::vector<double> here = employment_weeks_after(result.treatment, from_day, follow_days);
  const bool paired = has_counterfactual(result);
  const std::vector<double> there =
      paired ? employment_weeks_after(*result.counterfactual, from_day, follow_days) : std::vector<double>{};
  double n[3] = {0, 0, 0}, sum_here[3] = {0, 0, 0}, sum_there[3] = {0, 0, 0};
  for (std::uint32_t row = 0; row < rows; ++row) {
    if (from_day[row] < 0.0) continue;
    const auto arm = static_cast<std::size_t>(arm_of[row]);
    n[arm] += 1.0;
    sum_here[arm] += here[row];
    if (paired) sum_there[arm] += there[row];
  }
  out.cohort = n[1] + n[2];
  using model::TrialArm;
  out.programme = cohort_curves(result.treatment, arm_of, assigned, TrialArm::Programme, run_end);
  out.control = cohort_curves(result.treatment, arm_of, assigned, TrialArm::Control, run_end);
  if (paired) {
    out.programme_counterfactual = cohort_curves(*result.counterfactual, arm_of, assigned, TrialArm::Programme, run_end);
    out.control_counterfactual = cohort_curves(*result.counterfactual, arm_of, assigned, TrialArm::Control, run_end);
  }
  if (n[1] > 0.0 && n[2] > 0.0) out.estimate = sum_here[1] / n[1] - sum_here[2] / n[2];
  if (paired && n[1] > 0.0) out.effect_on_programme = (sum_here[1] - sum_there[1]) / n[1];
  if (paired && n[2] > 0.0) out.spillover_on_controls = (sum_here[2] - sum_there[2]) / n[2];
  return out;
}

}  // namespace caseload::metrics
