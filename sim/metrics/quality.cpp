#include "sim/metrics/quality.hpp"

#include <algorithm>
#include <limits>

#include "sim/core/time.hpp"
#include "sim/metrics/net_impact.hpp"

namespace caseload::metrics {

namespace {

using core::days_per_week;

// The same test close_week uses to add a week to the measured totals.
bool is_measured(const model::PanelRow& row, const model::VariantResult& variant) {
  return static_cast<double>(row.week) * days_per_week >= variant.measure_start;
}

double positive_ratio(double part, double whole) {
  return whole > 0.0 ? part / whole : not_defined;
}

// Mean goodwill over all employers at the close of `week`, from the panel's office series
// weighted by each office's employers; NaN if the panel has no row for that week.
double mean_goodwill_at(const model::VariantResult& variant, std::uint32_t week,
                        const std::vector<double>& employers_by_office) {
  double sum = 0.0, employers = 0.0;
  for (const auto& row : variant.panel) {
    if (row.week != week || model::index(row.group) != 0) continue;  // one row per office
    const auto office = model::index(row.office);
    const double weight = office < employers_by_office.size() ? employers_by_office[office] : 0.0;
    sum += weight * static_cast<double>(row.counts.office_goodwill);
    employers += weight;
  }
  return ratio(sum, employers);
}

double goodwill_change(const model::VariantResult& variant) {
  if (variant.panel.empty()) return not_defined;
  std::vector<double> employers_by_office(variant.offices.size(), 0.0);
  for (std::uint32_t e = 0; e < variant.employers.size(); ++e) {
    const auto office = model::index(variant.employers.office[e]);
    if (office >= employers_by_office.size()) employers_by_office.resize(office + 1, 0.0);
    employers_by_office[office] += 1.0;
  }
  std::uint32_t first = std::numeric_limits<std::uint32_t>::max(), last = 0;
  for (const auto& row : variant.panel) {
    if (!is_measured(row, variant)) continue;
    first = std::min(first, row.week);
    last = std::max(last, row.week);
  }
  if (first > last) return not_defined;
  const std::uint32_t start = first > 0 ? first - 1 : first;
  return mean_goodwill_at(variant, last, employers_by_office) - mean_goodwill_at(variant, start, employers_by_office);
}

}  // namespace

Quality quality(const model::VariantResult& variant, std::size_t groups) {
  Quality out;
  const auto& jobseekers = variant.jobseekers;
  for (std::uint32_t row = 0; row < jobseekers.size(); ++row) {
    groups = std::max<std::size_t>(groups, model::index(jobseekers.group[row]) + 1u);
  }
  std::vector<double> entries(groups, 0.0), claim_weeks(groups, 0.0);
  for (std::uint32_t row = 0; row < jobseekers.size(); ++row) {
    out.entries += jobseekers.entries[row];
    out.claim_weeks += jobseekers.claim_weeks[row];
    out.claimants += jobseekers.claim_weeks[row] > 0 ? 1.0 : 0.0;
    entries[model::index(jobseekers.group[row])] += jobseekers.entries[row];
    claim_weeks[model::index(jobseekers.group[row])] += jobseekers.claim_weeks[row];
  }
  out.entries_per_100_client_weeks = ratio(100.0 * out.entries, out.claim_weeks);
  out.entries_per_claimant = ratio(out.entries, out.claimants);

  const double follow_up_end = variant.end - sustained_long_weeks * days_per_week;
  double quality_sum = 0.0, via_submission = 0.0, lasted_short = 0.0, lasted_long = 0.0, back = 0.0,
         earnings = 0.0;
  for (const auto& job : variant.jobs) groups = std::max<std::size_t>(groups, model::index(job.group) + 1u);
  entries.resize(groups, 0.0);
  claim_weeks.resize(groups, 0.0);
  std::vector<double> started(groups, 0.0), quality_by(groups, 0.0), followed(groups, 0.0),
      short_by(groups, 0.0), long_by(groups, 0.0), earnings_by(groups, 0.0);
  for (const auto& job : variant.jobs) {
    if (job.start < variant.measure_start || job.start >= variant.end) continue;
    const auto g = model::index(job.group);
    out.jobs_started += 1.0;
    started[g] += 1.0;
    quality_sum += static_cast<double>(job.quality);
    quality_by[g] += static_cast<double>(job.quality);
    via_submission += job.via_submission ? 1.0 : 0.0;
    if (job.start >= follow_up_end) continue;
    out.jobs_followed_up += 1.0;
    followed[g] += 1.0;
    // The job's end is its drawn separation day, known even when it falls after the run.
    const double tenure_weeks = (job.end - job.start) / days_per_week;
    lasted_short += tenure_weeks >= sustained_short_weeks ? 1.0 : 0.0;
    lasted_long += tenure_weeks >= sustained_long_weeks ? 1.0 : 0.0;
    short_by[g] += tenure_weeks >= sustained_short_weeks ? 1.0 : 0.0;
    long_by[g] += tenure_weeks >= sustained_long_weeks ? 1.0 : 0.0;
    back += (job.reclaim - job.start) / days_per_week <= sustained_long_weeks ? 1.0 : 0.0;
    const double earned = static_cast<double>(job.quality) * std::min(tenure_weeks, sustained_long_weeks);
    earnings += earned;
    earnings_by[g] += earned;
  }
  for (std::size_t g = 0; g < groups; ++g) {
    out.entries_per_100_client_weeks_by_group.push_back(ratio(100.0 * entries[g], claim_weeks[g]));
    out.mean_job_quality_by_group.push_back(ratio(quality_by[g], started[g]));
    out.sustained_13w_share_by_group.push_back(ratio(short_by[g], followed[g]));
    out.sustained_26w_share_by_group.push_back(ratio(long_by[g], followed[g]));
    out.earnings_index_26w_by_group.push_back(ratio(earnings_by[g], followed[g]));
  }
  out.mean_job_quality = ratio(quality_sum, out.jobs_started);
  out.via_submission_share = ratio(via_submission, out.jobs_started);
  out.sustained_13w_share = ratio(lasted_short, out.jobs_followed_up);
  out.sustained_26w_share = ratio(lasted_long, out.jobs_followed_up);
  out.reclaim_26w_share = ratio(back, out.jobs_followed_up);
  out.earnings_index_26w = ratio(earnings, out.jobs_followed_up);

  double speculative = 0.0, matched = 0.0;
  for (const auto& row : variant.panel) {
    if (!is_measured(row, variant)) continue;
    out.submissions += row.counts.submissions;
    speculative += row.counts.speculative_submissions;
    matched += row.counts.matched_submissions;
    out.in_work_support_actions += row.counts.in_work_support;
    out.fund_spend += static_cast<double>(row.counts.fund_spend);
  }
  out.speculative_share = ratio(speculative, out.submissions);
  out.matched_submission_share = ratio(matched, out.submissions);
  out.goodwill_change = goodwill_change(variant);
  out.submissions_per_entry = ratio(out.submissions, out.entries);
  out.fund_spend_per_entry = ratio(out.fund_spend, out.entries);

  for (const auto& week : variant.advisers.measured) {
    for (const double minutes : week.action_minutes) out.adviser_action_minutes += minutes;
  }
  out.help_cost = out.adviser_action_minutes * adviser_cost_per_minute + out.fund_spend;
  return out;
}

std::optional<CostEffectiveness> cost_effectiveness(const model::SimulationResult& result) {
  if (!has_counterfactual(result)) return std::nullopt;
  const Quality treatment = quality(result.treatment);
  const Quality counterfactual = quality(*result.counterfactual);
  CostEffectiveness out;
  out.net_entries = treatment.entries - counterfactual.entries;
  double sustained_treatment = 0.0, sustained_counterfactual = 0.0;
  for (const auto s : result.treatment.jobseekers.sustained_13) sustained_treatment += s;
  for (const auto s : result.counterfactual->jobseekers.sustained_13) sustained_counterfactual += s;
  out.net_sustained_jobs = sustained_treatment - sustained_counterfactual;
  out.extra_fund_spend = treatment.fund_spend - counterfactual.fund_spend;
  out.extra_help_cost = treatment.help_cost - counterfactual.help_cost;
  // A cost per outcome is only meaningful when there is a gain to divide by.
  out.fund_spend_per_net_entry = positive_ratio(out.extra_fund_spend, out.net_entries);
  out.cost_per_net_sustained_job = positive_ratio(out.extra_help_cost, out.net_sustained_jobs);
  return out;
}

}  // namespace caseload::metrics
