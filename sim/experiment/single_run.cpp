#include "sim/experiment/single_run.hpp"

#include "sim/metrics/summary.hpp"

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
  run.report = metrics::make_report(scenario, run.simulation);
  run.summary.summary = metrics::summarise(scenario, run.simulation, run.report);
  return run;
}

}  // namespace caseload::experiment
