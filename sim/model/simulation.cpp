#include "sim/model/simulation.hpp"

#include "sim/core/scheduler.hpp"

namespace caseload::model {

// Placeholder until the labour market lands (issue 3): a weekly tick, so `run` has a real
// event loop to drive and a deterministic summary to print.
RunResult simulate(const Scenario& scenario) {
  core::Scheduler<> scheduler;
  const double total_days = (scenario.run.warmup_weeks + scenario.run.weeks) * 7.0;
  scheduler.schedule(0.0, 0, 0);
  std::uint64_t weeks = 0;
  const auto stats = scheduler.run_until(total_days, [&](const core::Event& event) {
    ++weeks;
    scheduler.schedule(event.time + 7.0, 0, 0);
  });
  RunResult result;
  result.scenario_name = scenario.name;
  result.seed = scenario.run.seed;
  result.events_handled = stats.events_handled;
  result.summary.push_back({"weeks_simulated", static_cast<double>(weeks), "weeks simulated"});
  return result;
}

}  // namespace caseload::model
