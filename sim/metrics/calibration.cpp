#include "sim/metrics/calibration.hpp"

#include <algorithm>
#include <limits>

#include "sim/core/time.hpp"

namespace caseload::metrics {

namespace {

// Undefined (NaN) when there is nothing to count, as every metric ratio is (docs/METRICS.md).
double share(double part, double whole) {
  return whole > 0.0 ? part / whole : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

Calibration calibrate(const model::Scenario& scenario, const model::VariantResult& variant) {
  using core::days_per_week;
  Calibration out;
  // Claims begun early enough in the measured period that 52 weeks of follow-up exist.
  const double cohort_end = variant.end - 52.0 * days_per_week;
  double cohort = 0.0, by13 = 0.0, by26 = 0.0, by52 = 0.0, repeat = 0.0;
  double endings = 0.0, to_work = 0.0;
  for (const auto& spell : variant.spells) {
    if (spell.start >= variant.measure_start) {
      repeat += spell.is_reclaim ? 1.0 : 0.0;
    }
    if (!spell.is_open && spell.end >= variant.measure_start) {
      endings += 1.0;
      to_work += spell.reason == model::ExitReason::Work ? 1.0 : 0.0;
    }
    if (spell.start < variant.measure_start || spell.start >= cohort_end) continue;
    cohort += 1.0;
    if (spell.is_open) continue;
    const double weeks = (spell.end - spell.start) / days_per_week;
    by13 += weeks <= 13.0 ? 1.0 : 0.0;
    by26 += weeks <= 26.0 ? 1.0 : 0.0;
    by52 += weeks <= 52.0 ? 1.0 : 0.0;
  }
  out.claims_in_cohort = cohort;
  out.off_benefit_13w = share(by13, cohort);
  out.off_benefit_26w = share(by26, cohort);
  out.off_benefit_52w = share(by52, cohort);
  out.off_flows_to_work = share(to_work, endings);
  double new_claims = 0.0;
  for (const auto& spell : variant.spells) new_claims += spell.start >= variant.measure_start ? 1.0 : 0.0;
  out.repeat_claim_share = share(repeat, new_claims);

  const double job_cohort_end = variant.end - 26.0 * days_per_week;
  double entrants = 0.0, back13 = 0.0, back26 = 0.0;
  for (const auto& job : variant.jobs) {
    if (job.start < variant.measure_start || job.start >= job_cohort_end) continue;
    entrants += 1.0;
    const double weeks = (job.reclaim - job.start) / days_per_week;
    back13 += weeks <= 13.0 ? 1.0 : 0.0;
    back26 += weeks <= 26.0 ? 1.0 : 0.0;
  }
  out.reclaim_13w = share(back13, entrants);
  out.reclaim_26w = share(back26, entrants);

  double stock_weeks = 0.0, weeks = 0.0;
  const auto first_week = static_cast<std::uint32_t>(variant.measure_start / days_per_week);
  std::uint32_t last_week = first_week;
  for (const auto& row : variant.panel) {
    if (row.week < first_week) continue;
    stock_weeks += row.counts.stock;
    if (row.week > last_week) last_week = row.week;
  }
  weeks = static_cast<double>(last_week - first_week + 1);
  const double advisers = static_cast<double>(variant.advisers.size());
  out.caseload_per_adviser = share(stock_weeks, weeks * advisers);

  double interview_minutes = 0.0, spent_minutes = 0.0;
  const auto interview = static_cast<std::size_t>(model::ActionKind::Interview);
  for (std::uint32_t a = 0; a < variant.advisers.size(); ++a) {
    const auto& total = variant.advisers.measured[a];
    interview_minutes += total.review_minutes + total.action_minutes[interview];
    // The time the adviser actually spent: contracted hours, or, when mandatory reviews
    // (never capped by hours) overran them, the reviews and actions themselves; so the share
    // of it spent in reviews and interviews is at most 1 by definition (issue 16 D16).
    double worked = total.review_minutes;
    for (const double minutes : total.action_minutes) worked += minutes;
    spent_minutes += std::max(variant.advisers.measured_weeks[a] * scenario.advisers.hours_per_week * 60.0, worked);
  }
  out.interview_time_share = share(interview_minutes, spent_minutes);
  return out;
}

}  // namespace caseload::metrics
