// Customer groups differ in parameters, and each parameter does what it says: exits to another
// benefit, the health limitation against demanding vacancies, conditionality, and scarring
// that carries a person's benefit history across claims.

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "tests/model/fixtures.hpp"

namespace caseload::model {
namespace {

// No help, no initial population, one claim per person unless a test says otherwise.
Scenario quiet_scenario() {
  Scenario s = fixtures::small_scenario(20261127);
  s.policy.discretionary_help = false;
  s.counterfactual.enabled = false;
  s.search.steady_state_history_weeks = 0.0;
  return s;
}

std::size_t exits_for(const VariantResult& run, ExitReason reason) {
  std::size_t n = 0;
  for (const auto& spell : run.spells) n += !spell.is_open && spell.reason == reason ? 1u : 0u;
  return n;
}

TEST(GroupDynamics, OtherBenefitExitsFollowTheirOwnHazard) {
  Scenario s = quiet_scenario();
  s.groups.front().inactivity_per_week = 0.0;
  s.groups.front().other_benefit_per_week = 0.0;
  EXPECT_EQ(exits_for(fixtures::run(s).treatment, ExitReason::OtherBenefit), 0u);

  s.groups.front().other_benefit_per_week = 0.02;
  const auto run = fixtures::run(s).treatment;
  EXPECT_GT(exits_for(run, ExitReason::OtherBenefit), 100u);
  EXPECT_EQ(exits_for(run, ExitReason::Inactivity), 0u) << "only the other-benefit hazard is on";
}

TEST(GroupDynamics, HealthLimitedClientsCannotTakeDemandingJobs) {
  Scenario s = quiet_scenario();
  s.groups.front().health_limited_share = 1.0;
  s.employers.demanding_share = 0.0;
  EXPECT_GT(exits_for(fixtures::run(s).treatment, ExitReason::Work), 100u);
  // Every vacancy demanding, every client limited: no one finds work by any route.
  s.employers.demanding_share = 1.0;
  s.policy.discretionary_help = true;  // submissions too
  EXPECT_EQ(exits_for(fixtures::run(s).treatment, ExitReason::Work), 0u);
}

TEST(GroupDynamics, NoSanctionGroundsWhereSanctionsDoNotApply) {
  Scenario s = quiet_scenario();
  s.advisers.missed_review_rate = 0.5;
  auto grounds = [](const VariantResult& run) {
    std::size_t n = 0;
    for (auto flag : run.jobseekers.missed_review) n += flag != 0 ? 1u : 0u;
    return n;
  };
  EXPECT_GT(grounds(fixtures::run(s).treatment), 10u);
  s.groups.front().sanctions_apply = false;
  EXPECT_EQ(grounds(fixtures::run(s).treatment), 0u);
}

TEST(GroupDynamics, BenefitHistoryCarriesAcrossClaims) {
  Scenario s = quiet_scenario();
  s.jobs.recycle_probability = 1.0;  // every job that ends leads to a new claim
  s.groups.front().prior_benefit_weeks_mean = 0.0;
  const auto run = fixtures::run(s).treatment;
  // Each person's benefit_days_before is the sum of their closed claims (whole days, each
  // claim rounded once), plus nothing brought in.
  std::vector<double> closed_days(run.jobseekers.size(), 0.0);
  std::vector<double> closed_claims(run.jobseekers.size(), 0.0);
  for (const auto& spell : run.spells) {
    if (spell.is_open) continue;
    closed_days[index(spell.person)] += spell.end - spell.start;
    closed_claims[index(spell.person)] += 1.0;
  }
  std::size_t repeaters = 0;
  for (std::uint32_t i = 0; i < run.jobseekers.size(); ++i) {
    EXPECT_NEAR(run.jobseekers.benefit_days_before[i], closed_days[i], 0.5 * closed_claims[i] + 1e-9) << "person " << i;
    repeaters += closed_claims[i] >= 2.0 ? 1u : 0u;
  }
  EXPECT_GT(repeaters, 50u) << "some people must have claimed more than once";
}

TEST(GroupDynamics, PriorHistoryIsDrawnWithTheGroupsMean) {
  Scenario s = quiet_scenario();
  s.groups.front().prior_benefit_weeks_mean = 30.0;
  s.search.scarring_per_year = 0.0;  // history then cannot change who is still claiming
  const auto run = fixtures::run(s).treatment;
  double first_claim_days = 0.0, people = 0.0;
  std::vector<char> seen(run.jobseekers.size(), 0);
  for (const auto& spell : run.spells) {
    const auto row = index(spell.person);
    if (seen[row]) continue;
    seen[row] = 1;
    // Before the first claim ends the column holds only the history brought in.
    if (spell.is_open) {
      first_claim_days += run.jobseekers.benefit_days_before[row];
      people += 1.0;
    }
  }
  ASSERT_GT(people, 300.0);
  // Exponential with mean 210 days: the mean of n draws has sd 210 / sqrt(n) (< 12 days here).
  EXPECT_NEAR(first_claim_days / people, 210.0, 4.0 * 210.0 / std::sqrt(people));
}

}  // namespace
}  // namespace caseload::model
