#include "sim/model/simulation.hpp"

#include <algorithm>
#include <exception>
#include <thread>

#include "sim/model/event_kind.hpp"
#include "sim/model/office_profiles.hpp"
#include "sim/model/world.hpp"

namespace caseload::model {

namespace {

// Read before dispatch: the plan slot still holds the action the event carries out.
void record_event(const World& world, const core::Event& event, std::vector<EventRecord>& events) {
  EventRecord record{event.time, event.kind, event.subject, event.detail};
  if (static_cast<EventKind>(event.kind) == EventKind::Action) {
    const PlannedAction& action = world.staff.plan[event.detail];
    record.client = index(action.client);
    record.adviser = index(action.adviser);
    record.action = static_cast<std::uint8_t>(action.action);
  }
  events.push_back(record);
}

// Events ahead whose jobseeker rows are fetched into cache: far enough that the fetch is done
// when the event runs, near enough that the lines are still there.
constexpr std::size_t prefetch_distance = 8;

// Starts loading the columns a sign-on reads for its person (reviews.cpp). At a national size
// the jobseeker table is far larger than the cache and each sign-on reads some fifteen columns
// of one random row, so without this each read waits on memory in turn; sign-ons are most of
// the events. Reads nothing: results are unchanged.
void prefetch_sign_on(const World& world, const core::Event& event) {
  if (static_cast<EventKind>(event.kind) != EventKind::SignOn) return;
  const JobseekerTable& js = world.people.jobseekers;
  const std::uint32_t row = event.subject;
  if (row >= js.size()) return;
  const auto fetch = [row](const auto& column) { __builtin_prefetch(column.data() + row); };
  fetch(js.spell);
  fetch(js.state);
  fetch(js.reviews);
  fetch(js.group);
  fetch(js.office);
  fetch(js.adviser);
  fetch(js.missed_review);
  fetch(js.minutes_known);
  fetch(js.employability);
  fetch(js.motivation);
  fetch(js.training_gain);
  fetch(js.claim_start);
  fetch(js.benefit_days_before);
  fetch(js.boost);
  fetch(js.boost_time);
  fetch(js.fund_until);
  fetch(js.next_sign_on);
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

void enable_actions(World& world) {
  world.staff.action_enabled.fill(true);
  for (const auto& name : world.policy.disabled_actions) {
    for (std::size_t k = 0; k < action_count; ++k) {
      if (action_names[k] == name) world.staff.action_enabled[k] = false;
    }
  }
}

VariantResult run_variant(const Scenario& scenario, const Policy& policy, std::string name,
                          const RegimeFactory& make_regime, const StopRequested& stop,
                          const RunOptions& options) {
  World world(scenario, policy, make_regime(scenario));
  enable_actions(world);
  populate(world);

  VariantResult result;
  // Checking for Ctrl-C every event would cost a call per event; a day's worth is plenty.
  double day = 0.0;
  while (day < world.end) {
    day = std::min(world.end, day + 7.0);
    const auto stats = world.scheduler.run_until(day, [&](const core::Event& event) {
      if (const core::Event* ahead = world.scheduler.upcoming(prefetch_distance)) prefetch_sign_on(world, *ahead);
      if (options.record_events) record_event(world, event, result.events);
      dispatch(world, event);
    });
    result.events_handled += stats.events_handled;
    if (stop && stop()) {
      result.interrupted = true;
      break;
    }
  }
  close_week(world);
  close_employment_records(world);
  collect_provider_fees(world);

  result.measured_by_adviser.resize(world.staff.advisers.size());
  result.pressure_by_adviser.resize(world.staff.advisers.size());
  result.stars_by_adviser.resize(world.staff.advisers.size());
  for (std::uint32_t a = 0; a < world.staff.advisers.size(); ++a) {
    const auto adviser = static_cast<AdviserId>(a);
    result.measured_by_adviser[a] = world.regime->measured(adviser);
    result.pressure_by_adviser[a] = world.regime->pressure(adviser);
    result.stars_by_adviser[a] = static_cast<std::uint8_t>(world.regime->stars(adviser));
  }
  result.scoreboard.indicators = world.regime->indicator_names();
  result.scoreboard.rows = std::move(world.records.scoreboard);
  result.evidence = world.regime->evidence();
  result.local_targets = world.regime->local_targets();
  result.name = std::move(name);
  result.jobseekers = std::move(world.people.jobseekers);
  result.trial = std::move(world.people.trial);
  result.advisers = std::move(world.staff.advisers);
  result.employers = std::move(world.market.employers);
  result.vacancies = std::move(world.market.vacancies);
  result.spells = std::move(world.records.spells);
  result.jobs = std::move(world.records.jobs);
  result.panel = std::move(world.records.panel);
  result.providers = std::move(world.providers.tally);
  for (const OfficeProfile& office : world.offices) result.new_claims_per_week.push_back(new_claims_per_week(office, world.scenario));
  result.offices = world.offices;
  result.submissions_failed = world.market.submissions_failed;
  result.searches_crowded_out = world.market.searches_crowded_out;
  result.measure_start = world.measure_start;
  result.end = world.end;
  return result;
}

SimulationResult simulate(const Scenario& scenario, const RegimeFactory& make_regime,
                          const StopRequested& stop, const RunOptions& options) {
  SimulationResult result;
  if (scenario.counterfactual.enabled && options.parallel_variants) {
    std::exception_ptr failed;
    VariantResult counterfactual;
    std::thread beside([&] {
      try {
        counterfactual = run_variant(scenario, scenario.counterfactual.policy, "counterfactual", make_regime, stop, options);
      } catch (...) {
        failed = std::current_exception();
      }
    });
    try {
      result.treatment = run_variant(scenario, scenario.policy, "treatment", make_regime, stop, options);
    } catch (...) {
      beside.join();
      throw;
    }
    beside.join();
    if (failed) std::rethrow_exception(failed);
    // As in the sequential order: an interrupted treatment leaves no counterfactual.
    if (!result.treatment.interrupted) result.counterfactual = std::move(counterfactual);
    return result;
  }
  result.treatment = run_variant(scenario, scenario.policy, "treatment", make_regime, stop, options);
  if (scenario.counterfactual.enabled && !result.treatment.interrupted) {
    result.counterfactual = run_variant(scenario, scenario.counterfactual.policy, "counterfactual",
                                        make_regime, stop, options);
  }
  return result;
}

}  // namespace caseload::model
