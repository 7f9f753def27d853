// The fortnightly review (signing on): mandatory adviser minutes, and the resolution of the
// client's own job search and of exits to inactivity or another benefit since the last review.
// Each group has its own interval and conditionality (customer group parameters).

#include <cmath>

#include "sim/model/event_kind.hpp"
#include "sim/model/outcome_model.hpp"
#include "sim/model/streams.hpp"
#include "sim/model/world.hpp"

namespace caseload::model {

namespace {

// Own search over the past fortnight; returns true if it ended in a job.
bool resolve_own_search(World& world, JobseekerId person, std::uint32_t review) {
  const auto& js = world.people.jobseekers;
  const auto row = index(person);
  const auto& scenario = world.scenario;
  const auto& profile = scenario.groups[index(js.group[row])];
  VacancyPool& pool = world.market.pools[index(js.office[row])];
  const double now = world.now();
  const double bonus = js.fund_until[row] > now ? scenario.actions.discretion_fund.hire_bonus : 0.0;
  double p = review_search_probability(
      scenario.search, profile.search_base, profile.search_intercept_shift, world.employability_now(person), js.motivation[row],
      decayed_boost(scenario.search, js.boost[row], js.boost_time[row], now), bonus,
      world.tightness(js.office[row]));
  if (js.state[row] == JobseekerState::InProvision) p *= scenario.actions.referral.lock_in;

  if (pool.size() == 0) {
    world.market.searches_crowded_out += 1;  // nothing open to find, whatever the search
    return false;
  }
  const std::uint64_t seed = scenario.run.seed;
  auto luck = stream(seed, EntityKind::Jobseeker, index(person), Purpose::OwnSearch, review);
  if (luck.uniform01() >= p) return false;
  auto pick = stream(seed, EntityKind::Jobseeker, index(person), Purpose::VacancyPick, review);
  const auto position = static_cast<std::uint32_t>(pick.uniform01() * pool.size());
  const VacancyId found = pool.at(position < pool.size() ? position : pool.size() - 1);
  // A health-limited client cannot take a demanding job: finding one ends in nothing.
  if (js.is_health_limited[row] && world.market.vacancies.is_demanding[index(found)]) return false;
  // A job below the client's reservation quality is turned down, and the search goes on.
  const double claim_weeks = (now - js.claim_start[row]) / core::days_per_week;
  const double quality = world.market.employers.quality[index(world.market.vacancies.employer[index(found)])];
  if (quality < reservation_quality(scenario.jobs, claim_weeks)) {
    world.market.jobs_declined += 1;
    return false;
  }
  hire(world, person, found, false);
  return true;
}

}  // namespace

void handle_sign_on(World& world, JobseekerId person, std::uint32_t spell) {
  auto& js = world.people.jobseekers;
  const auto row = index(person);
  if (js.spell[row] != spell) return;  // the claim this review belonged to has ended
  if (js.state[row] != JobseekerState::Claiming && js.state[row] != JobseekerState::InProvision) return;

  const auto& scenario = world.scenario;
  const std::uint64_t seed = scenario.run.seed;
  const std::uint32_t review = js.reviews[row]++;

  auto attendance = stream(seed, EntityKind::Jobseeker, index(person), Purpose::Attendance, review);
  const bool missed = attendance.uniform01() < scenario.advisers.missed_review_rate;
  const auto& profile = scenario.groups[index(js.group[row])];
  // Where sanctions do not apply to the group, a missed review is no ground for one.
  js.missed_review[row] = missed && profile.sanctions_apply ? 1 : 0;
  // Signing on stays with the jobcentre: an attached client's review is an office adviser's
  // time, not the provider's.
  if (!missed) {
    const AdviserId reviewer = is_provider(world.staff.advisers, js.adviser[row]) ? signing_on_adviser(world.staff, js, person) : js.adviser[row];
    const double minutes = scenario.advisers.review_minutes;
    world.staff.advisers.this_week[index(reviewer)].review_minutes += minutes;
    js.minutes_known[row] += static_cast<float>(minutes);
  }

  if (resolve_own_search(world, person, review)) return;

  // Two competing exits without work: inactivity and a move to another benefit.
  const double rate = profile.inactivity_per_week + profile.other_benefit_per_week;
  auto inactivity = stream(seed, EntityKind::Jobseeker, index(person), Purpose::Inactivity, review);
  const double interval_days = review_interval_days(scenario, profile);
  if (inactivity.uniform01() < 1.0 - std::exp(-rate * interval_days / core::days_per_week)) {
    const bool to_benefit = profile.other_benefit_per_week > 0.0 &&
                            inactivity.uniform01() * rate < profile.other_benefit_per_week;
    end_claim(world, person, to_benefit ? ExitReason::OtherBenefit : ExitReason::Inactivity);
    js.state[row] = JobseekerState::Exited;
    return;
  }

  const double next = world.now() + interval_days;
  js.next_sign_on[row] = next;
  world.scheduler.schedule(next, code(EventKind::SignOn), index(person), spell);
}

}  // namespace caseload::model
