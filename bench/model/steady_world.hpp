#pragma once
// A World built as model::run_variant builds one (constructor, enabled actions, population)
// and run to the start of a week after its warm-up, so the model benchmarks time the weekly
// work on the caseloads, pools and ledgers of a run in steady state.

#include <memory>
#include <string>
#include <vector>

#include "sim/core/event.hpp"
#include "sim/io/config/runnable_scenario.hpp"
#include "sim/model/world.hpp"

namespace caseload::model {

/// The scenario (the World keeps a reference to it) and the World made from it.
struct SteadyWorld {
  io::RunnableScenario runnable;
  std::unique_ptr<World> world;
};

/// `scenario` is a path under the source tree (scenarios/bench/national-10k.yaml), loaded with
/// `overrides`. The treatment's World, run until its first Week event at or after the end of
/// the warm-up has been handled: this week's plan is made and its actions are pending.
std::unique_ptr<SteadyWorld> steady_world(const std::string& scenario,
                                          const std::vector<std::string>& overrides = {});

/// Runs `world` through its next Week event (handled, then the loop stops).
void run_through_next_week(World& world);

}  // namespace caseload::model
