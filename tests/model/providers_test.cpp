// Contracted providers: who is referred and when, how long they stay attached, and that the
// counterfactual refers the same people to the same providers.

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "tests/model/fixtures.hpp"

namespace caseload::model {
namespace {

constexpr double week = 7.0;

Scenario provider_scenario() {
  Scenario s = fixtures::small_scenario(5);
  CustomerGroup hard = s.groups.front();
  hard.name = "hard";
  hard.employability_mean = -1.0;
  hard.inflow_per_week = 10.0;
  s.groups.push_back(hard);
  s.providers.per_office = 2;
  s.providers.caseworkers_per_provider = 2;
  s.providers.referral_after_weeks = {20.0, 10.0};  // all, hard
  s.providers.attachment_weeks = 26.0;
  // Programme referrals take people off the caseload for a while and so delay a provider
  // referral past its week; without them the timing is exact to the weekly tick.
  s.policy.disabled_actions = {"referral"};
  return s;
}

bool on_provider(const VariantResult& v, std::uint32_t row) {
  const auto adviser = index(v.jobseekers.adviser[row]);
  return adviser < v.advisers.size() && v.advisers.is_provider[adviser] != 0;
}

TEST(Providers, ReferAtTheGroupDurationAndOnlyLongTermClaimants) {
  const Scenario scenario = provider_scenario();
  const auto result = fixtures::run(scenario);
  const auto& v = result.treatment;
  const auto& js = v.jobseekers;
  const double last_tick = v.end - week;
  const double attachment_days = scenario.providers.attachment_weeks * week;
  int referred = 0, short_claims = 0;
  for (std::uint32_t i = 0; i < js.size(); ++i) {
    if (js.state[i] != JobseekerState::Claiming) continue;
    const bool attached_before_this_claim =
        !std::isinf(js.attached_until[i]) &&
        static_cast<double>(js.attached_until[i]) - attachment_days < js.claim_start[i];
    if (attached_before_this_claim) continue;  // an attachment still running (next test)
    const double referral_days = scenario.providers.referral_after_weeks[index(js.group[i])] * week;
    const double due = js.claim_start[i] + referral_days;
    if (due > last_tick) {
      ++short_claims;
      EXPECT_TRUE(std::isinf(js.attached_until[i])) << "person " << i << " referred too early";
      EXPECT_FALSE(on_provider(v, i));
      continue;
    }
    ASSERT_FALSE(std::isinf(js.attached_until[i])) << "person " << i << " never referred";
    ++referred;
    const double referred_on = static_cast<double>(js.attached_until[i]) - attachment_days;
    // At the first weekly tick once the duration is reached (the stock at t = 0 at the first).
    EXPECT_GE(referred_on, due - 0.01) << "person " << i;
    EXPECT_LT(referred_on, std::max(due, 0.0) + week + 0.01) << "person " << i;
  }
  EXPECT_GT(referred, 20);
  EXPECT_GT(short_claims, 20);
}

TEST(Providers, AttachmentEndsAfterAttachmentWeeks) {
  const Scenario scenario = provider_scenario();
  const auto result = fixtures::run(scenario);
  const auto& v = result.treatment;
  const auto& js = v.jobseekers;
  const double last_tick = v.end - week;
  int returned = 0, attached = 0;
  for (std::uint32_t i = 0; i < js.size(); ++i) {
    if (js.state[i] != JobseekerState::Claiming || js.caseload_slot[i] == no_row) continue;
    if (std::isinf(js.attached_until[i])) continue;
    const double until = static_cast<double>(js.attached_until[i]);
    if (until <= last_tick) {
      ++returned;
      EXPECT_FALSE(on_provider(v, i)) << "person " << i << " still attached after the attachment";
    } else {
      ++attached;
      EXPECT_TRUE(on_provider(v, i)) << "person " << i << " left the provider early";
    }
  }
  EXPECT_GT(returned, 5);
  EXPECT_GT(attached, 5);
}

// A Work Programme attachment runs its full length: someone who found a job and claims again
// while still attached is back with the provider from the first day of the new claim.
TEST(Providers, AnAttachmentOutlastsTheClaimItBeganIn) {
  const Scenario scenario = provider_scenario();
  const auto result = fixtures::run(scenario);
  const auto& v = result.treatment;
  const auto& js = v.jobseekers;
  const double attachment_days = scenario.providers.attachment_weeks * week;
  int back_with_provider = 0;
  for (std::uint32_t i = 0; i < js.size(); ++i) {
    if (js.state[i] != JobseekerState::Claiming || std::isinf(js.attached_until[i])) continue;
    const double until = static_cast<double>(js.attached_until[i]);
    const double referred_on = until - attachment_days;
    if (referred_on >= js.claim_start[i] || until <= v.end - week) continue;
    ++back_with_provider;
    EXPECT_TRUE(on_provider(v, i)) << "person " << i << " claimed again while attached but is at the office";
  }
  EXPECT_GT(back_with_provider, 3);
}

TEST(Providers, SamePersonGoesToTheSameProviderInTheCounterfactual) {
  const auto result = fixtures::run(provider_scenario());
  ASSERT_TRUE(result.counterfactual.has_value());
  const auto& t = result.treatment;
  const auto& c = *result.counterfactual;
  int both = 0;
  std::array<int, 2> by_provider{};
  for (std::uint32_t i = 0; i < std::min(t.jobseekers.size(), c.jobseekers.size()); ++i) {
    if (!on_provider(t, i) || !on_provider(c, i)) continue;
    ++both;
    const auto provider = t.advisers.provider[index(t.jobseekers.adviser[i])];
    EXPECT_EQ(provider, c.advisers.provider[index(c.jobseekers.adviser[i])]) << "person " << i;
    by_provider[provider < 2 ? provider : 0] += 1;
  }
  EXPECT_GT(both, 20);
  // Random allocation: both providers get clients.
  EXPECT_GT(by_provider[0], 0);
  EXPECT_GT(by_provider[1], 0);
}

TEST(Providers, CaseworkersComeAfterOfficeAdvisers) {
  const auto result = fixtures::run(provider_scenario());
  const auto& advisers = result.treatment.advisers;
  ASSERT_EQ(advisers.size(), 4u + 2u * 2u);
  for (std::uint32_t a = 0; a < 4; ++a) EXPECT_EQ(advisers.is_provider[a], 0);
  for (std::uint32_t a = 4; a < 8; ++a) {
    EXPECT_EQ(advisers.is_provider[a], 1);
    EXPECT_EQ(advisers.provider[a], (a - 4) / 2);
  }
}

TEST(Providers, MinimumServiceLevelInterviewsAttachedClientsInTheCounterfactualToo) {
  Scenario scenario = provider_scenario();
  scenario.providers.min_interview_every_weeks = 4.0;
  const auto result = fixtures::run(scenario);
  ASSERT_TRUE(result.counterfactual.has_value());
  double interview_minutes = 0.0;
  const auto& c = *result.counterfactual;
  for (std::uint32_t a = 0; a < c.advisers.size(); ++a) {
    if (c.advisers.is_provider[a] == 0) continue;
    interview_minutes += c.advisers.measured[a].action_minutes[static_cast<std::size_t>(ActionKind::Interview)];
  }
  EXPECT_GT(interview_minutes, 0.0);
}

std::uint32_t first_caseworker(const Scenario& s) {
  return static_cast<std::uint32_t>(s.network.offices * s.network.advisers_per_office);
}

// Caseworker interviews, and a client's second (or later) one within a week.
struct InterviewLog {
  int interviews = 0;
  int repeats = 0;
  std::set<std::pair<std::uint32_t, int>> seen;  ///< (client, week)
};

// Values one action highly, so caseworkers take it wherever they may; counts the attachments
// the model reports, and logs caseworker interviews when given a log.
class FavouriteActionRegime final : public Regime {
 public:
  FavouriteActionRegime(ActionKind favourite, double measure_from_day, std::uint32_t first_caseworker,
                        InterviewLog* log)
      : favourite_(favourite), measure_from_day_(measure_from_day), first_caseworker_(first_caseworker),
        log_(log) {}
  double pressure(AdviserId) const override { return 1.0; }
  void value(AdviserId, std::span<const ActionCandidate> candidates, std::span<double> reward) const override {
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      reward[i] = candidates[i].action == favourite_ ? 1000.0 : 0.0;
    }
  }
  double value_employer_contact(AdviserId) const override { return 0.0; }
  double take_validation_minutes(AdviserId) override { return 0.0; }
  void record(const Outcome& outcome) override {
    if (outcome.kind == OutcomeKind::Attached && outcome.time >= measure_from_day_) {
      attached_ += 1;
      EXPECT_GE(index(outcome.adviser), first_caseworker_) << "an attachment names the caseworker";
    }
    if (log_ != nullptr && outcome.kind == OutcomeKind::ActionTaken && outcome.action == ActionKind::Interview &&
        index(outcome.adviser) >= first_caseworker_) {
      log_->interviews += 1;
      if (!log_->seen.insert({index(outcome.client), static_cast<int>(outcome.time / week)}).second) log_->repeats += 1;
    }
  }
  void end_week(const RegimeView&, int) override {}
  double measured(AdviserId) const override { return attached_; }

 private:
  ActionKind favourite_;
  double measure_from_day_;
  std::uint32_t first_caseworker_;
  double attached_ = 0.0;
  InterviewLog* log_;
};

SimulationResult run_favouring(const Scenario& scenario, ActionKind favourite, InterviewLog* log = nullptr) {
  const double measure_from = scenario.run.warmup_weeks * week;
  return simulate(scenario, [=](const Scenario& s) {
    return std::make_unique<FavouriteActionRegime>(favourite, measure_from, first_caseworker(s), log);
  });
}

TEST(Providers, CaseworkersShareTheProvidersProgrammeBudget) {
  Scenario scenario = provider_scenario();
  scenario.providers.programme_budget_per_caseworker = 150.0;  // two awards a head, four a provider
  scenario.counterfactual.enabled = false;
  const auto result = run_favouring(scenario, ActionKind::DiscretionFund);
  const auto& v = result.treatment;
  const double budget = scenario.providers.programme_budget_per_caseworker * scenario.providers.caseworkers_per_provider;
  const double award = scenario.actions.discretion_fund.amount;
  std::vector<double> spent(static_cast<std::size_t>(scenario.network.offices * scenario.providers.per_office), 0.0);
  for (std::uint32_t a = 0; a < v.advisers.size(); ++a) {
    if (v.advisers.is_provider[a]) spent[v.advisers.provider[a]] += v.advisers.fund_spent[a];
  }
  for (std::size_t p = 0; p < spent.size(); ++p) {
    // Spent in the current budget year: within the provider's budget, and all of what it allows.
    EXPECT_LE(spent[p], budget) << "provider " << p;
    EXPECT_GT(spent[p], budget - award) << "provider " << p << " left a whole award unspent";
  }
  // Office advisers keep their own, larger budget.
  double office_spent = 0.0;
  for (std::uint32_t a = 0; a < v.advisers.size(); ++a) {
    if (!v.advisers.is_provider[a]) office_spent = std::max(office_spent, v.advisers.fund_spent[a]);
  }
  EXPECT_GT(office_spent, budget);
}

TEST(Providers, EveryReferralIsReportedOnceAndTallied) {
  Scenario scenario = provider_scenario();
  scenario.counterfactual.enabled = false;
  const auto result = run_favouring(scenario, ActionKind::DiscretionFund);
  const auto& v = result.treatment;
  double tallied = 0.0;
  for (double referrals : v.providers.referrals) tallied += referrals;
  ASSERT_GT(tallied, 0.0);
  EXPECT_DOUBLE_EQ(v.measured_by_adviser.front(), tallied);
  // Attached client-weeks and parked weeks: parked never exceeds the weeks.
  for (std::size_t cell = 0; cell < v.providers.client_weeks.size(); ++cell) {
    EXPECT_LE(v.providers.parked_weeks[cell], v.providers.client_weeks[cell]) << "cell " << cell;
  }
}

// Attached clients still sign on at the jobcentre, so office advisers' review minutes cover
// every claiming client: about one attended review per fortnight of claiming, less the missed
// ones. Attached client-weeks are about a quarter of all here, so leaving their reviews out would
// fall far below the band; the band (+-5%) allows for claim-weeks counted at week ends while
// reviews fall on their own days.
TEST(Providers, AttachedClientsSignOnWithOfficeAdvisers) {
  Scenario scenario = provider_scenario();
  scenario.counterfactual.enabled = false;
  const auto result = fixtures::run(scenario);
  const auto& v = result.treatment;
  double office_review_minutes = 0.0, caseworker_review_minutes = 0.0;
  for (std::uint32_t a = 0; a < v.advisers.size(); ++a) {
    (v.advisers.is_provider[a] ? caseworker_review_minutes : office_review_minutes) += v.advisers.measured[a].review_minutes;
  }
  double claim_weeks = 0.0, attached_weeks = 0.0;
  for (std::uint32_t i = 0; i < v.jobseekers.size(); ++i) claim_weeks += v.jobseekers.claim_weeks[i];
  for (double weeks : v.providers.client_weeks) attached_weeks += weeks;
  ASSERT_GT(attached_weeks, claim_weeks / 5.0);
  const double interval_weeks = scenario.advisers.review_interval_days / week;
  const double expected = claim_weeks / interval_weeks * (1.0 - scenario.advisers.missed_review_rate) *
                          scenario.advisers.review_minutes;
  EXPECT_EQ(caseworker_review_minutes, 0.0);
  EXPECT_NEAR(office_review_minutes / expected, 1.0, 0.05) << office_review_minutes / expected;
}

TEST(Providers, AMinimumServiceInterviewIsNotDoubledByAChosenOne) {
  Scenario scenario = provider_scenario();
  scenario.providers.min_interview_every_weeks = 1.0;  // every attached client, every week
  scenario.providers.caseworkers_per_provider = 8;     // with minutes left for chosen help
  scenario.counterfactual.enabled = false;
  InterviewLog log;
  run_favouring(scenario, ActionKind::Interview, &log);
  EXPECT_GT(log.interviews, 100);
  EXPECT_EQ(log.repeats, 0) << "clients interviewed twice by their caseworker in one week";
}

}  // namespace
}  // namespace caseload::model
