#include <algorithm>
#include <cmath>

#include <boost/random/beta_distribution.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include "sim/model/event_kind.hpp"
#include "sim/model/outcome_model.hpp"
#include "sim/model/provider_staffing.hpp"
#include "sim/model/steady_state.hpp"
#include "sim/model/streams.hpp"
#include "sim/model/world.hpp"

namespace caseload::model {

World::World(const Scenario& scenario_in, const Policy& policy_in, std::unique_ptr<Regime> r)
    : scenario(scenario_in), offices(office_profiles(scenario_in)), policy(policy_in), regime(std::move(r)), job_marks(all_job_marks(regime->job_marks())) {
  measure_start = scenario.run.warmup_weeks * core::days_per_week;
  end = measure_start + scenario.run.weeks * core::days_per_week;
  for (const OfficeProfile& office : offices) {
    median_quality.push_back(model::median_quality(office.quality_alpha, office.quality_beta));
  }
}

double World::employability_now(JobseekerId person) const {
  const auto row = index(person);
  const JobseekerTable& js = people.jobseekers;
  // Scarring counts every week on benefit, not only this claim's.
  return effective_employability(scenario.search, js.employability[row], js.training_gain[row],
                                 js.benefit_days(row, now()));
}

namespace {

// The attributes of the next adviser row (office advisers and provider caseworkers alike).
NewAdviser draw_adviser(const World& world, OfficeId office) {
  const auto& model = world.scenario.advisers;
  auto attributes = stream(world.scenario.run.seed, EntityKind::Adviser, world.staff.advisers.size(),
                           Purpose::Attributes);
  boost::random::beta_distribution<double> w_client(model.w_client_alpha, model.w_client_beta);
  const double sd = model.effectiveness_sd;
  // Mean-one lognormal: advisers differ in how much an interview helps (Schiprowski 2020).
  boost::random::lognormal_distribution<double> effectiveness(-0.5 * sd * sd, sd);
  NewAdviser init;
  init.office = office;
  init.w_client = w_client(attributes);
  init.effectiveness = sd > 0.0 ? effectiveness(attributes) : 1.0;
  return init;
}

void add_advisers(World& world) {
  const auto& network = world.scenario.network;
  for (int o = 0; o < network.offices; ++o) {
    const auto office = static_cast<OfficeId>(o);
    for (int a = 0; a < network.advisers_at(o); ++a) {
      NewAdviser init = draw_adviser(world, office);
      init.team = static_cast<std::uint16_t>(a / network.advisers_per_team);
      world.staff.office_advisers[index(office)].push_back(world.staff.advisers.add(init));
    }
  }
}

// Provider caseworkers come after every office adviser, so adviser ids (and results) with
// providers off are those of a run without them. Each provider hires the staff it sized from
// its expected caseload (provider_staffing.hpp), the same headcount the regime counts.
void add_providers(World& world) {
  const auto& network = world.scenario.network;
  const auto& providers = world.scenario.providers;
  const std::vector<std::uint32_t> staffing = provider_staffing(world.scenario);
  const std::size_t provider_count = staffing.size();
  world.providers.caseworkers.resize(provider_count);
  world.providers.fund_committed.assign(provider_count, 0.0);
  if (providers.enabled()) {
    std::size_t caseworkers = 0;
    for (std::uint32_t headcount : staffing) caseworkers += headcount;
    world.providers.attached_reviews_due.assign(world.staff.advisers.size() + caseworkers, 0u);
  }
  const std::size_t cells = provider_count * world.group_count();
  ProviderTally& tally = world.providers.tally;
  for (auto* column : {&tally.referrals, &tally.client_weeks, &tally.parked_weeks, &tally.help_minutes,
                       &tally.programme_spend}) {
    column->assign(cells, 0.0);
  }
  tally.fees.assign(provider_count * (world.group_count() + 1) * payment_kind_count, 0.0);
  for (int o = 0; o < network.offices; ++o) {
    for (int p = 0; p < providers.per_office; ++p) {
      const auto provider = static_cast<std::uint32_t>(o * providers.per_office + p);
      for (std::uint32_t c = 0; c < staffing[provider]; ++c) {
        NewAdviser init = draw_adviser(world, static_cast<OfficeId>(o));
        init.team = 0;
        init.is_provider = true;
        init.provider = provider;
        world.providers.caseworkers[provider].push_back(world.staff.advisers.add(init));
      }
    }
  }
}

void add_employers(World& world) {
  const auto& model = world.scenario.employers;
  for (std::size_t o = 0; o < world.market.pools.size(); ++o) {
    const OfficeProfile& local = world.offices[o];
    for (int e = 0; e < local.employers; ++e) {
      const std::uint32_t id = world.market.employers.size();
      auto attributes = stream(world.scenario.run.seed, EntityKind::Employer, id, Purpose::Attributes);
      boost::random::beta_distribution<double> quality(local.quality_alpha, local.quality_beta);
      boost::random::normal_distribution<double> threshold(model.threshold_mean, model.threshold_sd);
      const auto office = static_cast<OfficeId>(o);
      const float q = static_cast<float>(quality(attributes));
      const float t = static_cast<float>(threshold(attributes));
      const EmployerId employer =
          world.market.employers.add(office, q, t, static_cast<float>(model.goodwill_initial), local.vacancies_per_week);
      world.market.office_employers[o].push_back(employer);
      auto arrival = stream(world.scenario.run.seed, EntityKind::Employer, id, Purpose::VacancyArrival, 0);
      boost::random::exponential_distribution<double> gap(local.vacancies_per_week / core::days_per_week);
      world.scheduler.schedule(gap(arrival), code(EventKind::VacancyOpen), id);
    }
  }
}

// The people present at t = 0, from each group's own dynamics (steady_state.hpp): claimants
// with their claim's start and history, people in work, and people about to claim again.
void add_initial_stock(World& world) {
  for (std::size_t o = 0; o < world.market.pools.size(); ++o) {
    for (std::size_t g = 0; g < world.group_count(); ++g) {
      const auto office = static_cast<OfficeId>(o);
      const auto group = static_cast<GroupId>(g);
      const auto source = static_cast<std::uint32_t>(o * world.group_count() + g);
      const auto people = steady_state_people(world.scenario, group, office, source, world.inflow_per_week(office, group));
      for (const PresentPerson& present : people) {
        const JobseekerId person = add_jobseeker(world, present.init);
        auto& js = world.people.jobseekers;
        const auto row = index(person);
        switch (present.state) {
          case StartState::Claiming:
            start_claim(world, person, false, present.claim_start);
            js.next_sign_on[row] = present.next_review;
            world.scheduler.schedule(present.next_review, code(EventKind::SignOn), row, js.spell[row]);
            break;
          case StartState::Employed:
            // A job from before the run: no employer of the run's and no job record, so it
            // counts for no regime and no metric; it ends and may lead to a claim as any job.
            js.state[row] = JobseekerState::Employed;
            js.jobs[row] = 1;
            js.job_quality[row] = present.job_quality;
            js.job_start[row] = present.job_start;
            js.job_end[row] = present.job_end;
            world.scheduler.schedule(present.job_end, code(EventKind::Separation), row, 0);
            break;
          case StartState::Waiting:
            js.state[row] = JobseekerState::Waiting;
            world.scheduler.schedule(present.reclaim, code(EventKind::Reclaim), row);
            break;
        }
      }
    }
  }
}

void schedule_inflow(World& world) {
  const auto sources = world.market.pools.size() * world.group_count();
  world.people.arrivals.assign(sources, 0);
  for (std::uint32_t source = 0; source < sources; ++source) {
    const double rate = world.inflow_per_week(static_cast<OfficeId>(source / world.group_count()),
                                             static_cast<GroupId>(source % world.group_count()));
    if (rate <= 0.0) continue;
    auto arrival = stream(world.scenario.run.seed, EntityKind::InflowSource, source, Purpose::Arrival, 0);
    boost::random::exponential_distribution<double> gap(rate / core::days_per_week);
    world.scheduler.schedule(gap(arrival), code(EventKind::Claim), source);
  }
}

}  // namespace

void populate(World& world) {
  const auto offices = static_cast<std::size_t>(world.scenario.network.offices);
  world.market.pools.resize(offices);
  world.staff.office_advisers.resize(offices);
  world.market.office_employers.resize(offices);
  world.records.week_counts.assign(offices * world.group_count(), PanelCounts{});
  world.records.stock.assign(offices * world.group_count(), 0);
  world.people.group_helped.assign(world.group_count(), 1);
  if (!world.policy.help_groups.empty()) {
    for (std::size_t g = 0; g < world.group_count(); ++g) {
      const auto& name = world.scenario.groups[g].name;
      world.people.group_helped[g] = std::find(world.policy.help_groups.begin(), world.policy.help_groups.end(),
                                        name) != world.policy.help_groups.end();
    }
  }
  // Rough sizes, so the logs grow without reallocating in the measured period.
  double inflow = 0.0;
  for (std::size_t o = 0; o < offices; ++o) {
    for (std::size_t g = 0; g < world.group_count(); ++g) {
      inflow += world.inflow_per_week(static_cast<OfficeId>(o), static_cast<GroupId>(g));
    }
  }
  const double total_weeks = world.end / core::days_per_week;
  // Capped before the cast (a double past 2^64 is undefined behaviour as a size_t): the schema
  // bounds make this a guard, and the memory estimate refuses a run whose people will not fit.
  const double people_expected = inflow * (total_weeks + 30.0);
  const auto people = people_expected > 0.0 ? static_cast<std::size_t>(std::min(people_expected, 1e8)) : 0;
  world.people.jobseekers.reserve(people / 2 + 1024);
  world.records.spells.reserve(people + 1024);
  world.records.jobs.reserve(people + 1024);
  world.scheduler.reserve(people / 2 + 4096);

  add_advisers(world);
  add_providers(world);
  add_employers(world);
  add_initial_stock(world);
  schedule_inflow(world);
  world.scheduler.schedule(0.0, code(EventKind::Week), 0);
}

}  // namespace caseload::model
