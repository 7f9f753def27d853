// Contracted providers (payment by results): a claimant still claiming after the group's
// referral duration leaves the office adviser's caseload for a provider caseworker's, and comes
// back when the attachment ends. Referral and the provider drawn depend only on the claim and
// the person, so a treatment run and its counterfactual refer the same people to the same
// providers; only the help they get there differs.

#include <algorithm>
#include <cmath>

#include "sim/core/assert.hpp"
#include "sim/model/streams.hpp"
#include "sim/model/world.hpp"

namespace caseload::model {

bool is_provider(const AdviserTable& advisers, AdviserId adviser) {
  const auto row = index(adviser);
  return row < advisers.size() && advisers.is_provider[row] != 0;
}

AdviserId signing_on_adviser(const Staff& staff, const JobseekerTable& jobseekers, JobseekerId person) {
  const auto& advisers = staff.office_advisers[index(jobseekers.office[index(person)])];
  return advisers[index(person) % advisers.size()];
}

namespace {

void refer(World& world, JobseekerId person) {
  auto& js = world.people.jobseekers;
  const auto row = index(person);
  const auto& providers = world.scenario.providers;
  // Random allocation among the office's providers, by person (as in the Work Programme).
  auto draw = stream(world.scenario.run.seed, EntityKind::Jobseeker, row, Purpose::ProviderAllocation);
  auto pick = static_cast<std::uint32_t>(draw.uniform01() * providers.per_office);
  if (pick >= static_cast<std::uint32_t>(providers.per_office)) pick = static_cast<std::uint32_t>(providers.per_office - 1);
  const auto provider = index(js.office[row]) * static_cast<std::uint32_t>(providers.per_office) + pick;
  const auto& caseworkers = world.providers.caseworkers[provider];
  CASELOAD_ASSERT(!caseworkers.empty(), "provider without caseworkers");
  // The caseworker with the smallest caseload; ties go to the lowest id.
  AdviserId chosen = caseworkers.front();
  for (AdviserId caseworker : caseworkers) {
    if (world.staff.advisers.caseload[index(caseworker)].size() < world.staff.advisers.caseload[index(chosen)].size()) {
      chosen = caseworker;
    }
  }
  leave_caseload(world, person);
  js.adviser[row] = chosen;
  join_caseload(world, person);
  js.minutes_known[row] = 0.0f;  // the provider starts from the record (provider_perception.hpp)
  js.attached_until[row] = static_cast<float>(world.now() + providers.attachment_weeks * core::days_per_week);
  if (world.measuring()) world.providers.tally.referrals[provider * world.group_count() + index(js.group[row])] += 1.0;

  Outcome outcome;  // an attachment fee is paid for it
  outcome.kind = OutcomeKind::Attached;
  outcome.time = world.now();
  outcome.client = person;
  outcome.adviser = chosen;
  outcome.group = js.group[row];
  outcome.claim_weeks = (world.now() - js.claim_start[row]) / core::days_per_week;
  world.regime->record(outcome);
}

void return_to_office(World& world, JobseekerId person) {
  auto& js = world.people.jobseekers;
  leave_caseload(world, person);
  js.adviser[index(person)] = static_cast<AdviserId>(no_row);  // whoever in the office has room
  join_caseload(world, person);
}

}  // namespace

void count_provider_help(World& world, const PlannedAction& action, GroupId group) {
  const auto caseworker = index(action.adviser);
  if (!world.measuring() || !is_provider(world.staff.advisers, action.adviser)) return;
  const auto cell = world.staff.advisers.provider[caseworker] * world.group_count() + index(group);
  world.providers.tally.help_minutes[cell] += action.minutes;
  world.providers.tally.programme_spend[cell] += action.money;
}

void collect_provider_fees(World& world) {
  auto& fees = world.providers.tally.fees;
  const auto& advisers = world.staff.advisers;
  for (const auto& caseworkers : world.providers.caseworkers) {
    for (AdviserId caseworker : caseworkers) {
      const auto provider = advisers.provider[index(caseworker)];
      for (std::size_t g = 0; g <= world.group_count(); ++g) {  // and the slot for no client
        for (std::size_t k = 0; k < payment_kind_count; ++k) {
          fees[(provider * (world.group_count() + 1) + g) * payment_kind_count + k] +=
              world.regime->measured(caseworker, static_cast<GroupId>(g), static_cast<PaymentKind>(k));
        }
      }
    }
  }
}

void update_attachments(World& world) {
  auto& js = world.people.jobseekers;
  const double now = world.now();
  const auto& referral_weeks = world.scenario.providers.referral_after_weeks;
  // Attachments that have run their course first, so a returning client frees a place.
  world.providers.moving.clear();
  for (const auto& caseworkers : world.providers.caseworkers) {
    for (AdviserId caseworker : caseworkers) {
      for (JobseekerId client : world.staff.advisers.caseload[index(caseworker)]) {
        if (now >= static_cast<double>(js.attached_until[index(client)])) world.providers.moving.push_back(client);
      }
    }
  }
  for (JobseekerId client : world.providers.moving) return_to_office(world, client);

  world.providers.moving.clear();
  for (const auto& advisers : world.staff.office_advisers) {
    for (AdviserId adviser : advisers) {
      for (JobseekerId client : world.staff.advisers.caseload[index(adviser)]) {
        const auto row = index(client);
        if (!std::isinf(js.attached_until[row])) continue;  // referred once this claim already
        const double claim_weeks = (now - js.claim_start[row]) / core::days_per_week;
        if (claim_weeks >= referral_weeks[index(js.group[row])]) world.providers.moving.push_back(client);
      }
    }
  }
  for (JobseekerId client : world.providers.moving) refer(world, client);

  // Attached clients still sign on at the jobcentre: each office adviser reserves minutes for
  // the reviews of the attached clients who sign on with them this week.
  std::fill(world.providers.attached_reviews_due.begin(), world.providers.attached_reviews_due.end(), 0u);
  for (const auto& caseworkers : world.providers.caseworkers) {
    for (AdviserId caseworker : caseworkers) {
      for (JobseekerId client : world.staff.advisers.caseload[index(caseworker)]) {
        if (js.next_sign_on[index(client)] < now + core::days_per_week) {
          world.providers.attached_reviews_due[index(signing_on_adviser(world.staff, js, client))] += 1;
        }
      }
    }
  }
}

}  // namespace caseload::model
