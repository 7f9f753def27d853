// Claims: new people arriving, claims beginning and ending, and caseload membership.

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

#include <boost/random/beta_distribution.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include "sim/core/assert.hpp"
#include "sim/model/event_kind.hpp"
#include "sim/model/streams.hpp"
#include "sim/model/world.hpp"

namespace caseload::model {

NewJobseeker draw_jobseeker(const CustomerGroup& profile, GroupId group, OfficeId office,
                            core::RandomStream& attributes, core::RandomStream& perception) {
  boost::random::normal_distribution<double> employability(profile.employability_mean,
                                                           profile.employability_sd);
  boost::random::beta_distribution<double> motivation(profile.motivation_alpha, profile.motivation_beta);
  boost::random::normal_distribution<double> standard_normal(0.0, 1.0);
  NewJobseeker init;
  init.group = group;
  init.office = office;
  init.employability = static_cast<float>(employability(attributes));
  init.motivation = static_cast<float>(motivation(attributes));
  init.perception_employability = static_cast<float>(standard_normal(perception));
  init.perception_motivation = static_cast<float>(standard_normal(perception));
  // Drawn after the attributes above, so a group without these draws the same people as before.
  init.is_health_limited = attributes.uniform01() < profile.health_limited_share;
  if (profile.prior_benefit_weeks_mean > 0.0) {
    boost::random::exponential_distribution<double> history(1.0 / profile.prior_benefit_weeks_mean);
    init.benefit_weeks_before = static_cast<float>(history(attributes));
  }
  return init;
}

JobseekerId add_jobseeker(World& world, const NewJobseeker& init) {
  const JobseekerId person = world.people.jobseekers.add(init);
  world.records.open_spell.push_back(no_row);
  return person;
}

JobseekerId create_jobseeker(World& world, OfficeId office, GroupId group) {
  const std::uint32_t id = world.people.jobseekers.size();
  auto attributes = stream(world.scenario.run.seed, EntityKind::Jobseeker, id, Purpose::Attributes);
  auto perception = stream(world.scenario.run.seed, EntityKind::Jobseeker, id, Purpose::Perception);
  return add_jobseeker(world, draw_jobseeker(world.scenario.groups[index(group)], group, office, attributes, perception));
}

namespace {

// Of `candidates`, the one with the smallest caseload; ties go to the earliest (lowest id).
AdviserId least_loaded(const AdviserTable& advisers, std::span<const AdviserId> candidates) {
  AdviserId chosen = candidates.front();
  for (AdviserId adviser : candidates) {
    if (advisers.caseload[index(adviser)].size() < advisers.caseload[index(chosen)].size()) chosen = adviser;
  }
  return chosen;
}

// How many of an office's n advisers (the first ones) are specialists: ceil(share * n), and at
// least one when some group needs a specialist, so those clients always have somewhere to go.
std::size_t specialist_count(const Scenario& scenario, std::size_t advisers) {
  auto count = static_cast<std::size_t>(std::ceil(scenario.advisers.specialist_share * static_cast<double>(advisers)));
  const bool needed = std::any_of(scenario.groups.begin(), scenario.groups.end(),
                                  [](const CustomerGroup& group) { return group.needs_specialist; });
  if (needed) count = std::max<std::size_t>(count, 1);
  return std::min(count, advisers);
}

// The adviser who takes a claim of a client who has none, by the scenario's rule.
AdviserId assign_adviser(World& world, JobseekerId person) {
  const auto& js = world.people.jobseekers;
  const auto row = index(person);
  const std::span<const AdviserId> candidates = world.staff.office_advisers[index(js.office[row])];
  CASELOAD_ASSERT(!candidates.empty(), "office without advisers");
  switch (world.scenario.advisers.assignment) {
    case AssignmentRule::Balance:
      break;
    case AssignmentRule::Random: {
      // Keyed by the person and the claim, so treatment and counterfactual assign alike.
      auto draw = stream(world.scenario.run.seed, EntityKind::Jobseeker, row, Purpose::Assignment, js.spell[row]);
      boost::random::uniform_int_distribution<std::size_t> pick(0, candidates.size() - 1);
      return candidates[pick(draw)];
    }
    case AssignmentRule::Specialist: {
      const std::size_t specialists = specialist_count(world.scenario, candidates.size());
      const bool needs = world.scenario.groups[index(js.group[row])].needs_specialist;
      const auto side = needs ? candidates.first(specialists) : candidates.subspan(specialists);
      if (!side.empty()) return least_loaded(world.staff.advisers, side);
      break;  // one side is empty: everyone shares all advisers
    }
  }
  return least_loaded(world.staff.advisers, candidates);
}

}  // namespace

void join_caseload(World& world, JobseekerId person) {
  auto& js = world.people.jobseekers;
  const auto row = index(person);
  if (index(js.adviser[row]) == no_row) js.adviser[row] = assign_adviser(world, person);
  auto& list = world.staff.advisers.caseload[index(js.adviser[row])];
  js.caseload_slot[row] = static_cast<std::uint32_t>(list.size());
  list.push_back(person);
}

void leave_caseload(World& world, JobseekerId person) {
  auto& js = world.people.jobseekers;
  const auto row = index(person);
  const std::uint32_t slot = js.caseload_slot[row];
  if (slot == no_row) return;
  auto& list = world.staff.advisers.caseload[index(js.adviser[row])];
  CASELOAD_ASSERT(slot < list.size() && list[slot] == person, "caseload slot out of step");
  const JobseekerId moved = list.back();
  list[slot] = moved;
  js.caseload_slot[index(moved)] = slot;
  list.pop_back();
  js.caseload_slot[row] = no_row;
}

namespace {

// A trial's cohort is the first claims that begin in its window: the same people in every
// variant (arrivals are keyed by their number), so their arm is too (keyed by the person).
void assign_to_trial(World& world, std::uint32_t row, double claim_start) {
  const TrialDesign& trial = world.scenario.trial;
  auto& js = world.people.jobseekers;
  const double warmup = world.scenario.run.warmup_weeks;
  if (js.spell[row] != 1 || claim_start < trial.window_start_day(warmup) ||
      !(claim_start < trial.window_end_day(warmup))) {
    return;
  }
  auto draw = stream(world.scenario.run.seed, EntityKind::Jobseeker, row, Purpose::TrialAssignment);
  const bool programme = draw.uniform01() < trial.share;
  world.people.trial.add(row, claim_start, programme ? TrialArm::Programme : TrialArm::Control);
}

}  // namespace

void start_claim(World& world, JobseekerId person, bool is_reclaim, double claim_start) {
  auto& js = world.people.jobseekers;
  const auto row = index(person);
  js.state[row] = JobseekerState::Claiming;
  js.claim_start[row] = claim_start;
  js.spell[row] += 1;
  if (world.scenario.trial.enabled) assign_to_trial(world, row, claim_start);
  js.weeks_without_help[row] = 0;
  js.missed_review[row] = 0;  // grounds for a sanction belong to the claim they arose in
  // A provider attachment runs its contract's full length whatever happens to the claim (the
  // Work Programme's two years): a client who claims again while attached goes back to the
  // same caseworker, who still knows them. Otherwise a new claim goes to whoever has room,
  // and referral is judged afresh.
  if (!(claim_start < static_cast<double>(js.attached_until[row]))) {
    js.minutes_known[row] = 0.0f;
    js.adviser[row] = static_cast<AdviserId>(no_row);
    js.attached_until[row] = -std::numeric_limits<float>::infinity();
  }
  join_caseload(world, person);
  world.records.stock[world.cell(js.office[row], js.group[row])] += 1;

  world.records.open_spell[row] = static_cast<std::uint32_t>(world.records.spells.size());
  SpellRecord spell;
  spell.person = person;
  spell.group = js.group[row];
  spell.office = js.office[row];
  spell.is_reclaim = is_reclaim;
  spell.start = claim_start;
  spell.end = world.end;
  world.records.spells.push_back(spell);

  if (claim_start >= 0.0) {
    PanelCounts& counts = world.counts_for(person);
    counts.inflow += 1;
    if (is_reclaim) counts.reclaims += 1;
    if (is_reclaim && world.measuring()) js.reclaims[row] += 1;
  }

  // Regimes that reward staying off benefit (JET's bonus) need to see claims begin.
  Outcome outcome;
  outcome.kind = OutcomeKind::ClaimStart;
  outcome.time = claim_start;
  outcome.client = person;
  outcome.adviser = js.adviser[row];
  outcome.group = js.group[row];
  outcome.office = js.office[row];
  world.regime->record(outcome);
}

void end_claim(World& world, JobseekerId person, ExitReason reason) {
  auto& js = world.people.jobseekers;
  const auto row = index(person);
  CASELOAD_ASSERT(js.state[row] == JobseekerState::Claiming ||
                      js.state[row] == JobseekerState::InProvision,
                  "ending a claim that is not open");
  leave_caseload(world, person);
  js.benefit_days_before[row] =
      JobseekerTable::whole_days(js.benefit_days_before[row] + (world.now() - js.claim_start[row]));
  world.records.stock[world.cell(js.office[row], js.group[row])] -= 1;
  world.counts_for(person).exits[static_cast<std::size_t>(reason)] += 1;
  SpellRecord& spell = world.records.spells[world.records.open_spell[row]];
  spell.end = world.now();
  spell.reason = reason;
  spell.is_open = false;
  world.records.open_spell[row] = no_row;

  Outcome outcome;
  outcome.kind = OutcomeKind::Exit;
  outcome.time = world.now();
  outcome.client = person;
  outcome.adviser = js.adviser[row];
  outcome.group = js.group[row];
  outcome.office = js.office[row];
  outcome.exit_reason = static_cast<std::uint8_t>(reason);
  outcome.claim_weeks = (world.now() - js.claim_start[row]) / core::days_per_week;
  outcome.days_since_help = world.now() - js.last_help[row];
  world.regime->record(outcome);
}

void handle_claim(World& world, std::uint32_t source) {
  const std::size_t groups = world.group_count();
  const auto office = static_cast<OfficeId>(source / groups);
  const auto group = static_cast<GroupId>(source % groups);
  const JobseekerId person = create_jobseeker(world, office, group);
  start_claim(world, person, false, world.now());
  const double review = world.now() + review_interval_days(world.scenario, world.scenario.groups[index(group)]);
  world.people.jobseekers.next_sign_on[index(person)] = review;
  world.scheduler.schedule(review, code(EventKind::SignOn), index(person),
                           world.people.jobseekers.spell[index(person)]);

  const std::uint32_t next = ++world.people.arrivals[source];
  auto arrival = stream(world.scenario.run.seed, EntityKind::InflowSource, source, Purpose::Arrival, next);
  const double rate = world.inflow_per_week(office, group) / core::days_per_week;
  boost::random::exponential_distribution<double> gap(rate);
  world.scheduler.schedule(world.now() + gap(arrival), code(EventKind::Claim), source);
}

void begin_repeat_claim(World& world, JobseekerId person) {
  start_claim(world, person, true, world.now());
  const auto& profile = world.scenario.groups[index(world.people.jobseekers.group[index(person)])];
  const double review = world.now() + review_interval_days(world.scenario, profile);
  world.people.jobseekers.next_sign_on[index(person)] = review;
  world.scheduler.schedule(review, code(EventKind::SignOn), index(person),
                           world.people.jobseekers.spell[index(person)]);
}

void handle_reclaim(World& world, JobseekerId person) {
  if (world.people.jobseekers.state[index(person)] != JobseekerState::Waiting) return;
  begin_repeat_claim(world, person);
  const std::uint32_t job = world.people.jobseekers.job_record[index(person)];
  if (job != no_row) world.records.jobs[job].reclaim = world.now();
}

}  // namespace caseload::model
