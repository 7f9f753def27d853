// Who serves whom: new claims go to advisers by the scenario's rule (balance, random or
// specialist), observed claim by claim on a world built from a small scenario.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "sim/model/world.hpp"
#include "tests/model/fixtures.hpp"

namespace caseload::model {
namespace {

// Two groups in one office of six advisers; the second needs a specialist.
Scenario two_group_scenario(AssignmentRule rule) {
  Scenario s = fixtures::small_scenario(11);
  s.network.advisers_per_office = 6;
  s.network.advisers_per_team = 3;
  CustomerGroup health = s.groups.front();
  health.name = "health";
  health.needs_specialist = true;
  s.groups.push_back(health);
  s.advisers.assignment = rule;
  s.advisers.specialist_share = 1.0 / 3.0;  // ceil(6 / 3) = 2 specialists
  return s;
}

// A world with the scenario's initial stock on its caseloads and nothing run yet.
struct FreshWorld {
  explicit FreshWorld(const Scenario& scenario)
      : world(scenario, scenario.policy, std::make_unique<NeutralRegime>()) {
    populate(world);
  }
  // A new claim of `group` in office 0 at day 0; returns the adviser it went to.
  AdviserId claim(GroupId group) {
    const JobseekerId person = create_jobseeker(world, OfficeId{0}, group);
    start_claim(world, person, false, 0.0);
    return world.people.jobseekers.adviser[index(person)];
  }
  std::size_t caseload(AdviserId adviser) const { return world.staff.advisers.caseload[index(adviser)].size(); }
  World world;
};

TEST(Assignment, BalanceKeepsCaseloadsWithinOneAtEachClaim) {
  const Scenario scenario = two_group_scenario(AssignmentRule::Balance);
  FreshWorld fresh(scenario);
  const auto& advisers = fresh.world.staff.office_advisers[0];
  for (int claim = 0; claim < 300; ++claim) {
    fresh.claim(static_cast<GroupId>(claim % 2));
    const auto [low, high] = std::minmax_element(advisers.begin(), advisers.end(), [&](AdviserId a, AdviserId b) {
      return fresh.caseload(a) < fresh.caseload(b);
    });
    ASSERT_LE(fresh.caseload(*high) - fresh.caseload(*low), 1u) << "after claim " << claim;
  }
}

TEST(Assignment, RandomSpreadsAGroupsClaimsOverAllAdvisers) {
  const Scenario scenario = two_group_scenario(AssignmentRule::Random);
  FreshWorld fresh(scenario);
  const auto& advisers = fresh.world.staff.office_advisers[0];
  constexpr int claims = 3000;
  std::vector<int> count(fresh.world.staff.advisers.size(), 0);
  for (int claim = 0; claim < claims; ++claim) count[index(fresh.claim(GroupId{1}))] += 1;
  // Each adviser's count is Binomial(n, 1/k). Five standard deviations bound one adviser with
  // probability above 1 - 6e-7, so all six with probability above 1 - 4e-6: a failure means
  // the draw is not uniform, not bad luck. Balance would give exactly n/k, so also require
  // the counts not all to be equal (random does not even out).
  const double n = claims;
  const double p = 1.0 / static_cast<double>(advisers.size());
  const double bound = 5.0 * std::sqrt(n * p * (1.0 - p));
  bool all_equal = true;
  for (AdviserId adviser : advisers) {
    EXPECT_LE(std::abs(count[index(adviser)] - n * p), bound) << "adviser " << index(adviser);
    all_equal = all_equal && count[index(adviser)] == count[index(advisers.front())];
  }
  EXPECT_FALSE(all_equal);
}

TEST(Assignment, RandomAssignsAlikeInTreatmentAndCounterfactual) {
  Scenario scenario = two_group_scenario(AssignmentRule::Random);
  ASSERT_TRUE(scenario.counterfactual.enabled);
  const auto result = fixtures::run(scenario);
  ASSERT_TRUE(result.counterfactual.has_value());
  const auto& t = result.treatment.jobseekers;
  const auto& c = result.counterfactual->jobseekers;
  // The variants' paths differ (help changes who leaves), yet the same person on the same
  // claim must have the same adviser.
  std::size_t compared = 0, paths_differ = 0;
  for (std::uint32_t row = 0; row < std::min(t.size(), c.size()); ++row) {
    if (t.state[row] != c.state[row] || t.state[row] != JobseekerState::Claiming) {
      paths_differ += t.state[row] != c.state[row];
      continue;
    }
    if (t.spell[row] != c.spell[row]) continue;
    ++compared;
    EXPECT_EQ(index(t.adviser[row]), index(c.adviser[row])) << "person " << row;
  }
  EXPECT_GT(compared, 100u);
  EXPECT_GT(paths_differ, 0u) << "the variants never diverged, so the comparison proves nothing";
}

TEST(Assignment, SpecialistServesExactlyTheGroupsThatNeedOne) {
  const Scenario scenario = two_group_scenario(AssignmentRule::Specialist);
  FreshWorld fresh(scenario);
  const auto& advisers = fresh.world.staff.office_advisers[0];
  const std::vector<AdviserId> specialists(advisers.begin(), advisers.begin() + 2);
  auto is_specialist = [&](AdviserId a) {
    return std::find(specialists.begin(), specialists.end(), a) != specialists.end();
  };
  std::vector<int> count(fresh.world.staff.advisers.size(), 0);
  for (int claim = 0; claim < 300; ++claim) {
    const auto group = static_cast<GroupId>(claim % 2);
    const AdviserId adviser = fresh.claim(group);
    count[index(adviser)] += 1;
    EXPECT_EQ(is_specialist(adviser), scenario.groups[index(group)].needs_specialist) << "claim " << claim;
  }
  // Every adviser on each side takes claims: within a side the smallest caseload wins.
  for (AdviserId adviser : advisers) EXPECT_GT(count[index(adviser)], 0) << "adviser " << index(adviser);
}

TEST(Assignment, SpecialistWithOneSideEmptyFallsBackToAllAdvisers) {
  Scenario scenario = two_group_scenario(AssignmentRule::Specialist);
  scenario.advisers.specialist_share = 1.0;  // nobody is left for the other group
  FreshWorld fresh(scenario);
  std::vector<int> count(fresh.world.staff.advisers.size(), 0);
  for (int claim = 0; claim < 60; ++claim) count[index(fresh.claim(GroupId{0}))] += 1;
  for (AdviserId adviser : fresh.world.staff.office_advisers[0]) EXPECT_GT(count[index(adviser)], 0);
}

TEST(Assignment, MeanCaseloadCountsOpenClaimsAtEachMeasuredWeek) {
  Scenario scenario = two_group_scenario(AssignmentRule::Specialist);
  // Programme referrals take open claims off the caseload for a while; without them every
  // open claim is on exactly one caseload.
  scenario.policy.disabled_actions = {"referral"};
  const auto result = fixtures::run(scenario);
  const auto& advisers = result.treatment.advisers;
  double total = 0.0;
  for (std::uint32_t a = 0; a < advisers.size(); ++a) {
    ASSERT_GT(advisers.measured_weeks[a], 0.0);
    total += advisers.measured_caseload[a] / advisers.measured_weeks[a];
  }
  // The panel's stock is the office's claims open at each week's end; every open claim is on
  // exactly one caseload, so the advisers' mean caseloads sum to the mean measured stock.
  std::vector<double> stock_by_week;  // summed over the panel's cells, measured weeks only
  for (const auto& row : result.treatment.panel) {
    if (row.week * core::days_per_week < result.treatment.measure_start) continue;
    if (row.week >= stock_by_week.size()) stock_by_week.resize(row.week + 1, -1.0);
    stock_by_week[row.week] = std::max(stock_by_week[row.week], 0.0) + row.counts.stock;
  }
  double stock = 0.0;
  double weeks = 0.0;
  for (double week_stock : stock_by_week) {
    if (week_stock < 0.0) continue;  // a warm-up week
    stock += week_stock;
    weeks += 1.0;
  }
  ASSERT_GT(weeks, 0.0);
  EXPECT_NEAR(total, stock / weeks, 1e-9 * stock);
}

}  // namespace
}  // namespace caseload::model
