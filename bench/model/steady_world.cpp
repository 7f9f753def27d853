#include "bench/model/steady_world.hpp"

#include "sim/model/event_kind.hpp"

namespace caseload::model {

void run_through_next_week(World& world) {
  world.scheduler.run_until(world.end, [&](const core::Event& event) {
    dispatch(world, event);
    if (static_cast<EventKind>(event.kind) == EventKind::Week) world.scheduler.request_stop();
  });
}

std::unique_ptr<SteadyWorld> steady_world(const std::string& scenario,
                                          const std::vector<std::string>& overrides) {
  auto made = std::make_unique<SteadyWorld>();
  made->runnable = io::load_runnable(std::string(CASELOAD_SOURCE_DIR) + "/" + scenario, overrides);
  const model::Scenario& loaded = made->runnable.loaded.scenario;
  made->world = std::make_unique<World>(loaded, loaded.policy, made->runnable.regime(loaded));
  World& world = *made->world;
  enable_actions(world);
  populate(world);
  // Events before the warm-up's end, then the Week event that starts the first measured week.
  world.scheduler.run_until(world.measure_start, [&](const core::Event& event) { dispatch(world, event); });
  run_through_next_week(world);
  return made;
}

}  // namespace caseload::model
