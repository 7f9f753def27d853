// Net impact, deadweight and equity gaps on hand-made treatment / counterfactual pairs.

#include "sim/metrics/net_impact.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/metrics/hand_data.hpp"

namespace caseload::metrics {
namespace {

// Four people in two groups, and one who left before the measured period in both variants.
model::SimulationResult pair() {
  model::SimulationResult result;
  result.treatment = hand::empty_variant();
  auto& t = result.treatment;
  hand::add(
      t, {.group = 0, .claim_weeks = 10, .employed_days = 70.0f, .entries = 1, .sustained_13 = 1});
  hand::add(t, {.group = 0, .claim_weeks = 20, .employed_days = 14.0f, .entries = 2});
  hand::add(t, {.group = 1, .claim_weeks = 30, .employed_days = 0.0f});
  hand::add(t, {.group = 1,
                .claim_weeks = 5,
                .employed_days = 140.0f,
                .entries = 1,
                .sustained_13 = 1,
                .sustained_26 = 1});
  hand::add(t, {.group = 1});
  model::VariantResult c = hand::empty_variant("counterfactual");
  hand::add(
      c, {.group = 0, .claim_weeks = 12, .employed_days = 56.0f, .entries = 1, .sustained_13 = 1});
  hand::add(c, {.group = 0, .claim_weeks = 22, .employed_days = 0.0f});
  hand::add(c, {.group = 1, .claim_weeks = 30, .employed_days = 7.0f, .entries = 1});
  hand::add(c, {.group = 1, .claim_weeks = 30, .employed_days = 0.0f});
  hand::add(c, {.group = 1});
  result.counterfactual = std::move(c);
  return result;
}

TEST(NetImpact, NotAvailableWithoutACompleteCounterfactual) {
  auto result = pair();
  result.counterfactual->interrupted = true;
  EXPECT_FALSE(net_impact(hand::scenario_with_groups(2), result).has_value());
  result.counterfactual.reset();
  EXPECT_FALSE(net_impact(hand::scenario_with_groups(2), result).has_value());
}

TEST(NetImpact, EmploymentWeeksAndSustainedJobsGained) {
  const auto value = net_impact(hand::scenario_with_groups(2), pair());
  ASSERT_TRUE(value.has_value());
  // Weeks gained: (70-56)/7 = 2, 14/7 = 2, -7/7 = -1, 140/7 = 20; total 23 over 4 people present.
  EXPECT_EQ(value->people, 4.0);
  EXPECT_DOUBLE_EQ(value->employment_weeks, 23.0);
  EXPECT_DOUBLE_EQ(value->employment_weeks_per_person, 5.75);
  EXPECT_EQ(value->entries_gained, 4.0 - 2.0);
  EXPECT_EQ(value->sustained_13_gained, 2.0 - 1.0);
  EXPECT_EQ(value->sustained_26_gained, 1.0);
  EXPECT_DOUBLE_EQ(value->employment_weeks_per_person_by_group[0], 2.0);
  EXPECT_DOUBLE_EQ(value->employment_weeks_per_person_by_group[1], 9.5);  // 19 over 2
  EXPECT_EQ(value->sustained_13_gained_by_group[0], 0.0);
  EXPECT_EQ(value->sustained_13_gained_by_group[1], 1.0);
}

TEST(NetImpact, DeadweightIsTheShareOfEntriesTheCounterfactualAlsoHad) {
  const auto value = net_impact(hand::scenario_with_groups(2), pair());
  ASSERT_TRUE(value.has_value());
  // Treatment entries 1, 2, 0, 1 against 1, 0, 1, 0: min = 1, 0, 0, 0. The counterfactual's
  // entry for person 3 was prevented, not anticipated, so it does not count.
  EXPECT_EQ(value->treatment_entries, 4.0);
  EXPECT_EQ(value->deadweight_entries, 1.0);
  EXPECT_DOUBLE_EQ(value->deadweight_share, 0.25);
  EXPECT_DOUBLE_EQ(value->deadweight_share_by_group[0], 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(value->deadweight_share_by_group[1], 0.0);
}

TEST(NetImpact, EquityGapIsTheGroupsGainMinusTheOverallGain) {
  const auto value = net_impact(hand::scenario_with_groups(3), pair());
  ASSERT_TRUE(value.has_value());
  EXPECT_DOUBLE_EQ(value->equity_gap_by_group[0], 2.0 - 5.75);
  EXPECT_DOUBLE_EQ(value->equity_gap_by_group[1], 9.5 - 5.75);
  EXPECT_TRUE(std::isnan(value->equity_gap_by_group[2]));  // nobody in the group
  EXPECT_TRUE(std::isnan(value->deadweight_share_by_group[2]));
}

}  // namespace
}  // namespace caseload::metrics
