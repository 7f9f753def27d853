#include "bench/model/steady_world.hpp"

#include "sim/model/event_kind.hpp"

namespace caseload::model {
namespace {

// As simulation.cpp's enable_actions: the policy's disabled actions are switched off.
void enable_actions(World& world) {
  world.staff.action_enabled.fill(true);
  for (const auto& name : world.policy.disabled_actions) {
    for (std::size_t k = 0; k < action_count; ++k) {
      if (action_names[k] == name) world.staff.action_enabled[k] = false;
    }
  }
}

}  // namespace

void dispatch(World& world, const core::Event& event) {
  switch (static_cast<EventKind>(event.kind)) {
    case EventKind::Claim: handle_claim(world, event.subject); break;
    case EventKind::Reclaim: handle_reclaim(world, static_cast<JobseekerId>(event.subject)); break;
    case EventKind::SignOn: handle_sign_on(world, static_cast<JobseekerId>(event.subject), event.detail); break;
    case EventKind::Week: handle_week(world, static_cast<int>(event.subject)); break;
    case EventKind::Action: handle_action(world, event.detail); break;
    case EventKind::VacancyOpen: handle_vacancy_open(world.market, world.scheduler, world.scenario, static_cast<EmployerId>(event.subject)); break;
    case EventKind::VacancyClose:
      handle_vacancy_close(world.market, static_cast<VacancyId>(event.subject), event.detail != 0, event.time);
      break;
    case EventKind::Milestone: handle_milestone(world, static_cast<JobseekerId>(event.subject), event.detail); break;
    case EventKind::Separation: handle_separation(world, static_cast<JobseekerId>(event.subject), event.detail); break;
    case EventKind::ProvisionEnd: handle_provision_end(world, static_cast<JobseekerId>(event.subject), event.detail); break;
    case EventKind::SanctionEnd: handle_sanction_end(world, static_cast<JobseekerId>(event.subject), event.detail); break;
  }
}

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
