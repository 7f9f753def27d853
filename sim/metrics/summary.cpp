#include "sim/metrics/summary.hpp"

namespace caseload::metrics {

MetricsReport make_report(const model::Scenario& scenario, const model::SimulationResult& result) {
  MetricsReport report;
  for (const auto& group : scenario.groups) report.group_names.push_back(group.name);
  report.calibration = calibrate(scenario, result.treatment);
  report.creaming_by_employability = creaming(result.treatment, RankedBy::Employability);
  report.creaming_by_motivation = creaming(result.treatment, RankedBy::Motivation);
  report.parking = parking(scenario, result.treatment);
  report.quality = quality(result.treatment);
  report.providers = providers(scenario, result.treatment);
  report.net_impact = net_impact(scenario, result);
  report.cost_effectiveness = cost_effectiveness(result);
  report.paradox = paradox(result);
  return report;
}

std::vector<model::SummaryFigure> summarise(const MetricsReport& report) {
  std::vector<model::SummaryFigure> out;
  const auto add = [&out](const char* name, double value, const char* description) {
    out.push_back(model::SummaryFigure{name, value, description});
  };
  // Reads a field of an optional part, NaN when the part is missing.
  const auto from = [](const auto& part, auto field) {
    return part ? (*part).*field : not_defined;
  };

  const Calibration& cal = report.calibration;
  add("off_benefit_13w", cal.off_benefit_13w,
      "share of claims begun in the measured period ended within 13 weeks");
  add("off_benefit_26w", cal.off_benefit_26w,
      "share of claims begun in the measured period ended within 26 weeks");
  add("off_benefit_52w", cal.off_benefit_52w,
      "share of claims begun in the measured period ended within 52 weeks");
  add("off_flows_to_work", cal.off_flows_to_work,
      "share of claim endings in the measured period that were job entries");
  add("reclaim_13w", cal.reclaim_13w, "share of job entrants claiming again within 13 weeks");
  add("reclaim_26w", cal.reclaim_26w, "share of job entrants claiming again within 26 weeks");
  add("caseload_per_adviser", cal.caseload_per_adviser,
      "mean clients claiming per adviser (people)");
  add("interview_time_share", cal.interview_time_share,
      "share of adviser hours in reviews and interviews");
  add("repeat_claim_share", cal.repeat_claim_share, "share of new claims that are repeat claims");

  const Creaming& by_e = report.creaming_by_employability;
  add("creaming_index_employability", by_e.concentration_index,
      "concentration index of help minutes per client-week by employability at claim (-1..1)");
  add("creaming_index_motivation", report.creaming_by_motivation.concentration_index,
      "concentration index of help minutes per client-week by motivation at claim (-1..1)");
  add("help_minutes_per_client_week", by_e.minutes_per_client_week,
      "discretionary help minutes per claiming client-week (minutes)");
  add("parked_share", report.parking.parked_share,
      "share of claiming client-weeks in a run of 8+ weeks without help");

  const Quality& q = report.quality;
  add("entries_per_100_client_weeks", q.entries_per_100_client_weeks,
      "job entries per 100 claiming client-weeks");
  add("entries_per_claimant", q.entries_per_claimant,
      "job entries per person with a claiming week");
  add("sustained_13w_share", q.sustained_13w_share,
      "share of followed-up job entries lasting 13+ weeks");
  add("sustained_26w_share", q.sustained_26w_share,
      "share of followed-up job entries lasting 26+ weeks");
  add("mean_job_quality", q.mean_job_quality, "mean quality of jobs entered (0..1)");
  add("speculative_share", q.speculative_share, "share of submissions that were speculative");
  add("submissions_per_entry", q.submissions_per_entry, "submissions per job entry");
  add("fund_spend_per_entry", q.fund_spend_per_entry,
      "discretion-fund spend per job entry (money)");
  add("help_cost", q.help_cost,
      "adviser discretionary minutes at salary cost plus fund spend (GBP)");

  const auto& net = report.net_impact;
  add("net_employment_weeks_per_person", from(net, &NetImpact::employment_weeks_per_person),
      "employment weeks gained over the counterfactual per person present (weeks)");
  add("net_employment_weeks", from(net, &NetImpact::employment_weeks),
      "employment weeks gained over the counterfactual, total (weeks)");
  add("net_entries", from(net, &NetImpact::entries_gained),
      "job entries gained over the counterfactual");
  add("net_sustained_13w", from(net, &NetImpact::sustained_13_gained),
      "13-week sustained jobs gained over the counterfactual");
  add("net_sustained_26w", from(net, &NetImpact::sustained_26_gained),
      "26-week sustained jobs gained over the counterfactual");
  add("deadweight_share", from(net, &NetImpact::deadweight_share),
      "share of job entries the counterfactual also had (per person, by count)");

  const auto& cost = report.cost_effectiveness;
  add("fund_spend_per_net_entry", from(cost, &CostEffectiveness::fund_spend_per_net_entry),
      "extra discretion-fund spend per job entry gained (money)");
  add("cost_per_net_sustained_job", from(cost, &CostEffectiveness::cost_per_net_sustained_job),
      "extra help cost per 13-week sustained job gained (GBP)");

  const auto& paradox = report.paradox;
  add("paradox_adviser_correlation", from(paradox, &Paradox::adviser_correlation),
      "correlation across advisers of measured performance and net employment weeks");
  add("paradox_office_correlation", from(paradox, &Paradox::office_correlation),
      "correlation across offices of measured performance and net employment weeks");

  const Providers& providers = report.providers;
  add("provider_profit_per_referral", providers.profit_per_referral,
      "providers' fees less staff and programme cost, per client referred (GBP in a money regime)");
  add("provider_parked_share", providers.total.parked_share,
      "share of attached client-weeks at providers in a run of 8+ weeks without help");
  return out;
}

std::vector<model::SummaryFigure> summarise(const model::Scenario& scenario,
                                            const model::SimulationResult& result) {
  return summarise(make_report(scenario, result));
}

}  // namespace caseload::metrics
