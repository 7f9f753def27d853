#include "sim/experiment/single_run.hpp"

#include "sim/metrics/calibration.hpp"

namespace caseload::experiment {

SingleRun run_once(const model::Scenario& scenario, const model::RegimeFactory& regime,
                   const model::StopRequested& stop, const model::RunOptions& options) {
  SingleRun run;
  run.simulation = model::simulate(scenario, regime, stop, options);
  const model::VariantResult& treatment = run.simulation.treatment;
  run.summary.scenario_name = scenario.name;
  run.summary.seed = scenario.run.seed;
  run.summary.events_handled = treatment.events_handled;
  if (run.simulation.counterfactual) run.summary.events_handled += run.simulation.counterfactual->events_handled;
  const metrics::Calibration c = metrics::calibrate(scenario, treatment);
  auto& s = run.summary.summary;
  s.push_back({"off_benefit_13w", c.off_benefit_13w, "share of new claims off benefit within 13 weeks"});
  s.push_back({"off_benefit_26w", c.off_benefit_26w, "share of new claims off benefit within 26 weeks"});
  s.push_back({"off_benefit_52w", c.off_benefit_52w, "share of new claims off benefit within 52 weeks"});
  s.push_back({"off_flows_to_work", c.off_flows_to_work, "share of claim endings that were job entries"});
  s.push_back({"reclaim_13w", c.reclaim_13w, "share of job entrants claiming again within 13 weeks"});
  s.push_back({"reclaim_26w", c.reclaim_26w, "share of job entrants claiming again within 26 weeks"});
  s.push_back({"caseload_per_adviser", c.caseload_per_adviser, "mean clients per adviser"});
  s.push_back({"interview_time_share", c.interview_time_share, "share of adviser hours in reviews and interviews"});
  return run;
}

}  // namespace caseload::experiment
