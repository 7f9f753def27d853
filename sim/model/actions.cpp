// Carrying out planned actions: each spends its minutes (and money) and applies its effect to
// the client's true state. An action whose client has left the caseload since planning is
// dropped unspent.

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/random/normal_distribution.hpp>

#include "sim/model/event_kind.hpp"
#include "sim/model/outcome_model.hpp"
#include "sim/model/streams.hpp"
#include "sim/model/world.hpp"

namespace caseload::model {

namespace {

// The notified open vacancy the adviser judges easiest to enter (lowest threshold), among
// those the client can take (a health-limited client cannot take a demanding job) and, for a
// matched submission, those above the office's median job quality.
VacancyId easiest_notified(const World& world, OfficeId office, bool is_health_limited, bool matched) {
  VacancyId best = static_cast<VacancyId>(no_row);
  float best_threshold = std::numeric_limits<float>::infinity();
  const double median = matched ? world.median_quality[index(office)] : 0.0;
  for (VacancyId vacancy : world.market.pools[index(office)].open()) {
    if (!world.market.vacancies.notified[index(vacancy)]) continue;
    if (is_health_limited && world.market.vacancies.is_demanding[index(vacancy)]) continue;
    const auto employer = index(world.market.vacancies.employer[index(vacancy)]);
    if (matched && !(world.market.employers.quality[employer] > median)) continue;
    const float threshold = world.market.employers.threshold[employer];
    if (threshold < best_threshold) {
      best_threshold = threshold;
      best = vacancy;
    }
  }
  return best;
}

// The office employer with the least goodwill: where a contact does the most good.
EmployerId least_goodwill(const World& world, OfficeId office) {
  const auto& employers = world.market.office_employers[index(office)];
  EmployerId chosen = employers.front();
  for (EmployerId employer : employers) {
    if (world.market.employers.goodwill[index(employer)] < world.market.employers.goodwill[index(chosen)]) chosen = employer;
  }
  return chosen;
}

void submit(World& world, const PlannedAction& action, PanelCounts& counts) {
  auto& js = world.people.jobseekers;
  const auto row = index(action.client);
  const auto& scenario = world.scenario;
  counts.submissions += 1;
  if (action.speculative) counts.speculative_submissions += 1;
  if (action.matched) counts.matched_submissions += 1;
  const std::uint32_t number = js.submissions[row]++;
  const VacancyId vacancy = easiest_notified(world, js.office[row], js.is_health_limited[row] != 0, action.matched);
  if (index(vacancy) == no_row) {
    world.market.submissions_failed += 1;
    return;
  }
  const EmployerId employer = world.market.vacancies.employer[index(vacancy)];
  const double threshold = world.market.employers.threshold[index(employer)];
  const double employability = world.employability_now(action.client);
  const double bonus = js.fund_until[row] > world.now() ? scenario.actions.discretion_fund.hire_bonus : 0.0;
  auto view = stream(scenario.run.seed, EntityKind::Jobseeker, row, Purpose::EmployerView, number);
  boost::random::normal_distribution<double> noise(0.0, scenario.employers.hire_noise_sd);
  if (employability + bonus + noise(view) > threshold + scenario.employers.competition_margin) {
    // A quick submission presses the client to accept (sanction-backed); a matched one is an
    // offer the client may turn down like any other below their reservation quality.
    const double claim_weeks = (world.now() - js.claim_start[row]) / core::days_per_week;
    if (action.matched &&
        world.market.employers.quality[index(employer)] < reservation_quality(scenario.jobs, claim_weeks)) {
      world.market.jobs_declined += 1;
      return;
    }
    hire(world, action.client, vacancy, true, action.matched);
  } else if (employability < threshold - scenario.employers.unsuitable_margin) {
    float& goodwill = world.market.employers.goodwill[index(employer)];
    goodwill = std::max(0.0f, goodwill - static_cast<float>(scenario.employers.goodwill_unsuitable_loss));
  }
}

// In-work support for a recent entrant: the job's separation hazard falls for a while. Dropped
// unspent if the job has ended (or been supported) since the plan was made.
void support_in_work(World& world, const PlannedAction& action, AdviserWeek& adviser_week) {
  auto& js = world.people.jobseekers;
  const auto row = index(action.client);
  const auto& support = world.scenario.actions.in_work_support;
  auto& supported = world.staff.scratch.job_supported;
  if (js.state[row] != JobseekerState::Employed || js.adviser[row] != action.adviser ||
      js.job_record[row] >= supported.size() || supported[js.job_record[row]] != 0) {
    return;
  }
  supported[js.job_record[row]] = 1;
  const auto kind = static_cast<std::size_t>(ActionKind::InWorkSupport);
  adviser_week.action_minutes[kind] += action.minutes;
  PanelCounts& counts = world.counts_for(action.client);
  counts.minutes[kind] += action.minutes;
  counts.in_work_support += 1;
  if (world.measuring()) js.help_minutes[row][kind] += action.minutes;
  count_provider_help(world, action, js.group[row]);
  Outcome outcome;
  outcome.kind = OutcomeKind::ActionTaken;
  outcome.time = world.now();
  outcome.client = action.client;
  outcome.adviser = action.adviser;
  outcome.group = js.group[row];
  outcome.action = action.action;
  outcome.minutes = action.minutes;
  world.regime->record(outcome);
  lower_separation_hazard(world, action.client, std::exp(-support.hazard_effect), support.effect_weeks);
}

}  // namespace

void handle_action(World& world, std::uint32_t slot) {
  const PlannedAction action = world.staff.plan[slot];
  const auto& scenario = world.scenario;
  auto& adviser_week = world.staff.advisers.this_week[index(action.adviser)];
  const auto kind = static_cast<std::size_t>(action.action);
  const double now = world.now();

  if (index(action.client) == no_row) {
    adviser_week.action_minutes[kind] += action.minutes;
    if (action.action == ActionKind::EmployerContact) {
      const EmployerId employer = least_goodwill(world, world.staff.advisers.office[index(action.adviser)]);
      float& goodwill = world.market.employers.goodwill[index(employer)];
      goodwill = std::min(1.0f, goodwill + static_cast<float>(scenario.employers.goodwill_contact_gain));
    }
    Outcome outcome;
    outcome.kind = OutcomeKind::ActionTaken;
    outcome.time = now;
    outcome.client = action.client;
    outcome.adviser = action.adviser;
    outcome.action = action.action;
    outcome.minutes = action.minutes;
    world.regime->record(outcome);
    return;
  }

  auto& js = world.people.jobseekers;
  const auto row = index(action.client);
  if (action.action == ActionKind::InWorkSupport) {
    support_in_work(world, action, adviser_week);
    return;
  }
  if (js.state[row] != JobseekerState::Claiming || js.adviser[row] != action.adviser ||
      js.caseload_slot[row] == no_row) {
    return;  // left the caseload since the plan was made
  }
  adviser_week.action_minutes[kind] += action.minutes;
  js.minutes_known[row] += action.minutes;
  PanelCounts& counts = world.counts_for(action.client);
  counts.minutes[kind] += action.minutes;
  if (world.measuring()) js.help_minutes[row][kind] += action.minutes;
  count_provider_help(world, action, js.group[row]);
  if (is_evidence(action.action)) js.last_help[row] = now;

  Outcome outcome;
  outcome.kind = OutcomeKind::ActionTaken;
  outcome.time = now;
  outcome.client = action.client;
  outcome.adviser = action.adviser;
  outcome.group = js.group[row];
  outcome.action = action.action;
  outcome.minutes = action.minutes;
  outcome.money = action.money;
  outcome.claim_weeks = (now - js.claim_start[row]) / core::days_per_week;
  world.regime->record(outcome);

  switch (action.action) {
    case ActionKind::Interview: {
      const auto& interview = scenario.actions.interview;
      const double effect = interview.boost * world.staff.advisers.effectiveness[index(action.adviser)];
      js.boost[row] = static_cast<float>(decayed_boost(scenario.search, js.boost[row], js.boost_time[row], now) + effect);
      js.boost_time[row] = now;
      js.matched_until[row] = now + interview.match_weeks * core::days_per_week;
      break;
    }
    case ActionKind::Submission:
      submit(world, action, counts);
      break;
    case ActionKind::Referral: {
      counts.referrals += 1;
      leave_caseload(world, action.client);
      js.state[row] = JobseekerState::InProvision;
      world.scheduler.schedule(now + scenario.actions.referral.programme_weeks * core::days_per_week,
                               code(EventKind::ProvisionEnd), row, js.spell[row]);
      break;
    }
    case ActionKind::DiscretionFund: {
      const auto& fund = scenario.actions.discretion_fund;
      if (now - js.fund_window_start[row] >= 52.0 * core::days_per_week) {
        js.fund_window_start[row] = now;
        js.fund_used[row] = 0.0f;
      }
      js.fund_used[row] += static_cast<float>(fund.amount);
      js.fund_until[row] = now + fund.effect_weeks * core::days_per_week;
      world.staff.advisers.fund_spent[index(action.adviser)] += fund.amount;
      adviser_week.fund_spend += fund.amount;
      counts.fund_spend += static_cast<float>(fund.amount);
      break;
    }
    case ActionKind::Sanction: {
      counts.sanctions += 1;
      end_claim(world, action.client, ExitReason::Sanction);
      js.state[row] = JobseekerState::Sanctioned;
      js.sanctions[row] += 1;
      world.scheduler.schedule(now + scenario.actions.sanction.weeks * core::days_per_week,
                               code(EventKind::SanctionEnd), row, js.spell[row]);
      break;
    }
    default:
      break;
  }
}

void handle_provision_end(World& world, JobseekerId person, std::uint32_t spell) {
  auto& js = world.people.jobseekers;
  const auto row = index(person);
  if (js.spell[row] != spell || js.state[row] != JobseekerState::InProvision) return;
  js.training_gain[row] += static_cast<float>(world.scenario.actions.referral.training_gain);
  js.state[row] = JobseekerState::Claiming;
  join_caseload(world, person);
}

void handle_sanction_end(World& world, JobseekerId person, std::uint32_t spell) {
  auto& js = world.people.jobseekers;
  const auto row = index(person);
  if (js.spell[row] != spell || js.state[row] != JobseekerState::Sanctioned) return;
  const auto& sanction = world.scenario.actions.sanction;
  auto back = stream(world.scenario.run.seed, EntityKind::Jobseeker, row, Purpose::SanctionReturn,
                     js.sanctions[row]);
  if (back.uniform01() < sanction.return_probability) {
    begin_repeat_claim(world, person);
  } else {
    js.state[row] = JobseekerState::Exited;
  }
}

}  // namespace caseload::model
