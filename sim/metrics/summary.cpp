#include "sim/metrics/summary.hpp"

#include "sim/metrics/metric.hpp"

namespace caseload::metrics {

MetricsReport make_report(const model::Scenario& scenario, const model::SimulationResult& result) {
  MetricsReport report;
  for (const auto& group : scenario.groups) report.group_names.push_back(group.name);
  report.calibration = calibrate(scenario, result.treatment);
  report.offflow = offflow_curves(scenario, result.treatment, offflow_curve_weeks);
  report.creaming_by_employability = creaming(result.treatment, RankedBy::Employability);
  report.creaming_by_motivation = creaming(result.treatment, RankedBy::Motivation);
  report.parking = parking(scenario, result.treatment);
  report.quality = quality(result.treatment, scenario.groups.size());
  report.sanctions = sanctions(result.treatment, report.parking.claim_weeks_by_group);
  report.evidence = evidence(result.treatment);
  report.bunching = bunching(result.treatment);
  report.providers = providers(scenario, result.treatment);
  report.local_targets = local_targets(result.treatment);
  report.trial = trial_results(scenario, result);
  report.net_impact = net_impact(scenario, result);
  report.cost_effectiveness = cost_effectiveness(result);
  report.paradox = paradox(result);
  report.offices = office_results(scenario, result.treatment);
  return report;
}

std::vector<model::SummaryFigure> summarise(const model::Scenario& scenario,
                                            const model::SimulationResult& result) {
  return summarise(scenario, result, make_report(scenario, result));
}

std::vector<model::SummaryFigure> summarise(const model::Scenario& scenario,
                                            const model::SimulationResult& result,
                                            const MetricsReport& report) {
  const MetricInputs inputs{scenario, result, report};
  std::vector<model::SummaryFigure> out;
  for (const Metric& metric : registered_metrics()) {
    out.push_back(
        {std::string(metric.name), metric.value(inputs), std::string(metric.description)});
  }
  return out;
}

}  // namespace caseload::metrics
