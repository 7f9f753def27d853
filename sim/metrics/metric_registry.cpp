// The explicit list of headline metrics, in summary order: add a line to add one (a new
// figure goes at the end of its section; names are stable, scripts key on them).

#include <algorithm>
#include <optional>
#include <type_traits>

#include <fmt/format.h>

#include "sim/metrics/metric.hpp"

namespace caseload::metrics {

namespace {

template <class T>
constexpr bool is_optional = false;
template <class T>
constexpr bool is_optional<std::optional<T>> = true;

// The value of `Field` in the report's `Part`; NaN when an optional part (one that needs the
// counterfactual) is missing.
template <auto Part, auto Field>
double field(const MetricInputs& in) {
  const auto& part = in.report.*Part;
  if constexpr (is_optional<std::remove_cvref_t<decltype(part)>>) {
    return part ? (*part).*Field : not_defined;
  } else {
    return part.*Field;
  }
}

using R = MetricsReport;

constexpr Metric metrics[] = {
    {"off_benefit_13w", "share",
     "share of claims begun in the measured period ended within 13 weeks",
     field<&R::calibration, &Calibration::off_benefit_13w>},
    {"off_benefit_26w", "share",
     "share of claims begun in the measured period ended within 26 weeks",
     field<&R::calibration, &Calibration::off_benefit_26w>},
    {"off_benefit_52w", "share",
     "share of claims begun in the measured period ended within 52 weeks",
     field<&R::calibration, &Calibration::off_benefit_52w>},
    {"off_flows_to_work", "share",
     "share of claim endings in the measured period that were job entries",
     field<&R::calibration, &Calibration::off_flows_to_work>},
    {"reclaim_13w", "share", "share of job entrants claiming again within 13 weeks",
     field<&R::calibration, &Calibration::reclaim_13w>},
    {"reclaim_26w", "share", "share of job entrants claiming again within 26 weeks",
     field<&R::calibration, &Calibration::reclaim_26w>},
    {"caseload_per_adviser", "people", "mean clients claiming per adviser (people)",
     field<&R::calibration, &Calibration::caseload_per_adviser>},
    {"interview_time_share", "share", "share of adviser hours in reviews and interviews",
     field<&R::calibration, &Calibration::interview_time_share>},
    {"repeat_claim_share", "share", "share of new claims that are repeat claims",
     field<&R::calibration, &Calibration::repeat_claim_share>},

    {"creaming_index_employability", "index",
     "concentration index of help minutes per client-week by employability at claim (-1..1)",
     field<&R::creaming_by_employability, &Creaming::concentration_index>},
    {"creaming_index_motivation", "index",
     "concentration index of help minutes per client-week by motivation at claim (-1..1)",
     field<&R::creaming_by_motivation, &Creaming::concentration_index>},
    {"help_minutes_per_client_week", "minutes",
     "discretionary help minutes per claiming client-week (minutes)",
     field<&R::creaming_by_employability, &Creaming::minutes_per_client_week>},
    {"parked_share", "share", "share of claiming client-weeks in a run of 8+ weeks without help",
     field<&R::parking, &Parking::parked_share>},

    {"entries_per_100_client_weeks", "entries", "job entries per 100 claiming client-weeks",
     field<&R::quality, &Quality::entries_per_100_client_weeks>},
    {"entries_per_claimant", "entries", "job entries per person with a claiming week",
     field<&R::quality, &Quality::entries_per_claimant>},
    {"sustained_13w_share", "share", "share of followed-up job entries lasting 13+ weeks",
     field<&R::quality, &Quality::sustained_13w_share>},
    {"sustained_26w_share", "share", "share of followed-up job entries lasting 26+ weeks",
     field<&R::quality, &Quality::sustained_26w_share>},
    {"mean_job_quality", "quality", "mean quality of jobs entered (0..1)",
     field<&R::quality, &Quality::mean_job_quality>},
    {"earnings_index_26w", "quality-weeks",
     "of followed-up job entries, mean job quality times weeks held in the first 26 (an earnings index)",
     field<&R::quality, &Quality::earnings_index_26w>},
    {"speculative_share", "share", "share of submissions that were speculative",
     field<&R::quality, &Quality::speculative_share>},
    {"matched_submission_share", "share", "share of submissions that were matched (above median job quality)",
     field<&R::quality, &Quality::matched_submission_share>},
    {"in_work_support_actions", "actions", "in-work support actions in the measured period",
     field<&R::quality, &Quality::in_work_support_actions>},
    {"goodwill_change", "goodwill", "mean employer goodwill, end of the measured period minus its start",
     field<&R::quality, &Quality::goodwill_change>},
    {"submissions_per_entry", "submissions", "submissions per job entry",
     field<&R::quality, &Quality::submissions_per_entry>},
    {"fund_spend_per_entry", "money", "discretion-fund spend per job entry (money)",
     field<&R::quality, &Quality::fund_spend_per_entry>},
    {"help_cost", "GBP", "adviser discretionary minutes at salary cost plus fund spend (GBP)",
     field<&R::quality, &Quality::help_cost>},

    // Sanctions as a channel (issue 12).
    {"sanctions", "sanctions", "sanctions imposed in the measured period",
     field<&R::sanctions, &Sanctions::count>},
    {"sanctions_per_100_client_weeks", "sanctions", "sanctions per 100 claiming client-weeks",
     field<&R::sanctions, &Sanctions::per_100_client_weeks>},

    // Evidence and audit (issue 12); NaN when the regime checks no evidence.
    {"claims_weak", "claims",
     "job entries claimed on weak evidence (not via a submission) in the measured period",
     field<&R::evidence, &Evidence::claims_weak>},
    {"claims_rejected", "claims", "weak claims an audit sampled and rejected",
     field<&R::evidence, &Evidence::claims_rejected>},
    {"credit_audit_would_remove", "points",
     "credit from weak claims no audit sampled (what a full audit would remove)",
     field<&R::evidence, &Evidence::credit_audit_would_remove>},
    {"unmatched_entries", "entries",
     "job entries record matching did not find, so earned no credit",
     field<&R::evidence, &Evidence::unmatched_entries>},
    // Timing (issue 12).
    {"help_before_mark_ratio", "ratio",
     "help per client-week in the 4 weeks before a 13/26/39/52-week claim mark over help per client-week "
     "at other claim weeks under 52 (NaN without the event log)",
     field<&R::bunching, &Bunching::help_before_mark_ratio>},
    {"entries_year_end_ratio", "ratio",
     "job entries per week in the last 8 weeks of the 52-week target year over entries per week in its other weeks",
     field<&R::bunching, &Bunching::entries_year_end_ratio>},

    {"net_employment_weeks_per_person", "weeks",
     "employment weeks gained over the counterfactual per person present (weeks)",
     field<&R::net_impact, &NetImpact::employment_weeks_per_person>},
    {"net_employment_weeks", "weeks",
     "employment weeks gained over the counterfactual, total (weeks)",
     field<&R::net_impact, &NetImpact::employment_weeks>},
    {"net_entries", "entries", "job entries gained over the counterfactual",
     field<&R::net_impact, &NetImpact::entries_gained>},
    {"net_sustained_13w", "jobs", "13-week sustained jobs gained over the counterfactual",
     field<&R::net_impact, &NetImpact::sustained_13_gained>},
    {"net_sustained_26w", "jobs", "26-week sustained jobs gained over the counterfactual",
     field<&R::net_impact, &NetImpact::sustained_26_gained>},
    {"deadweight_share", "share",
     "share of job entries the counterfactual also had (per person, by count)",
     field<&R::net_impact, &NetImpact::deadweight_share>},

    {"fund_spend_per_net_entry", "money",
     "extra discretion-fund spend per job entry gained (money)",
     field<&R::cost_effectiveness, &CostEffectiveness::fund_spend_per_net_entry>},
    {"cost_per_net_sustained_job", "GBP", "extra help cost per 13-week sustained job gained (GBP)",
     field<&R::cost_effectiveness, &CostEffectiveness::cost_per_net_sustained_job>},

    {"paradox_adviser_correlation", "correlation",
     "correlation across advisers of measured performance and net employment weeks",
     field<&R::paradox, &Paradox::adviser_correlation>},
    {"paradox_office_correlation", "correlation",
     "correlation across offices of measured performance and net employment weeks",
     field<&R::paradox, &Paradox::office_correlation>},

    {"provider_profit_per_referral", "GBP",
     "providers' margin (fees less salaries, overhead and programme spend) per client referred (GBP)",
     field<&R::providers, &Providers::profit_per_referral>},
    {"provider_parked_share", "share",
     "share of attached client-weeks at providers in a run of 8+ weeks without help",
     [](const MetricInputs& in) { return in.report.providers.total.parked_share; }},

    {"into_work_rate_monthly", "share", "job entries from claims per claimant-month, whole network",
     field<&R::offices, &OfficeResults::into_work_rate>},
    {"into_work_office_ratio", "ratio",
     "highest office's monthly into-work rate over the lowest's (UK districts 2023-24: 1.96)",
     field<&R::offices, &OfficeResults::into_work_ratio>},

    {"local_target_ambition", "ratio",
     "units setting their own targets: mean own target over the target split to them (NaN without local targets)",
     field<&R::local_targets, &LocalTargets::ambition>},
    {"local_target_met_share", "share", "share of units setting their own targets that met them",
     field<&R::local_targets, &LocalTargets::met_share>},
    {"local_target_achievement", "ratio",
     "units setting their own targets: mean credit over the target split to them",
     field<&R::local_targets, &LocalTargets::achievement>},
    {"local_ambition_achievement_correlation", "correlation",
     "correlation across units setting their own targets of their ambition and their achievement",
     field<&R::local_targets, &LocalTargets::ambition_achievement_correlation>},

    {"trial_cohort", "people", "people assigned in a trial's window and followed the whole follow-up (NaN without a trial)",
     field<&R::trial, &TrialResults::cohort>},
    {"trial_estimate_weeks", "weeks",
     "a trial's estimate: programme minus control, employment weeks per person over the follow-up",
     field<&R::trial, &TrialResults::estimate>},
    {"trial_effect_on_programme_weeks", "weeks",
     "programme clients minus the same people in the counterfactual, employment weeks per person (share 1: the rollout effect)",
     field<&R::trial, &TrialResults::effect_on_programme>},
    {"trial_spillover_on_controls_weeks", "weeks",
     "controls minus the same people in the counterfactual, employment weeks per person (negative: displaced)",
     field<&R::trial, &TrialResults::spillover_on_controls>},
};

constexpr bool is_snake_case(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Checked when this file compiles: a registration with a bad or repeated name, or no unit or
// description, does not build. (A missing function cannot be checked here, GCC will not compare
// function addresses in a constant expression; the summary tests call every one.)
constexpr bool is_well_formed(std::span<const Metric> list) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Metric& metric = list[i];
    if (!is_snake_case(metric.name) || metric.unit.empty() || metric.description.empty()) {
      return false;
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (list[j].name == metric.name) return false;
    }
  }
  return true;
}
static_assert(is_well_formed(metrics), "a metric in metric_registry.cpp is malformed or repeated");

}  // namespace

std::span<const Metric> registered_metrics() { return metrics; }

std::string metrics_markdown() {
  // No row numbers: a metric added in the middle then changes one line of the docs, not all.
  std::string text = "| name | unit | meaning |\n|------|------|---------|\n";
  for (const Metric& metric : metrics) {
    text += fmt::format("| `{}` | {} | {} |\n", metric.name, metric.unit, metric.description);
  }
  return text;
}

}  // namespace caseload::metrics
