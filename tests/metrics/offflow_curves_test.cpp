// Off-flow curves on spells built by hand: the Kaplan-Meier steps can be worked out on paper.

#include <cmath>

#include <gtest/gtest.h>

#include "sim/metrics/offflow_curves.hpp"
#include "tests/metrics/hand_data.hpp"

namespace caseload::metrics {
namespace {

// A claim of `group` begun `start_week` weeks into the run, ended after `weeks` (open if < 0).
void add_spell(model::VariantResult& variant, std::uint8_t group, double start_week, double weeks) {
  model::SpellRecord spell;
  spell.group = static_cast<model::GroupId>(group);
  spell.start = start_week * 7.0;
  spell.is_open = weeks < 0.0;
  spell.end = spell.is_open ? variant.end : spell.start + weeks * 7.0;
  variant.spells.push_back(spell);
}

TEST(OffFlowCurves, WithoutCensoringTheCurveIsTheShareEndedByEachWeek) {
  auto variant = hand::empty_variant();
  for (const double weeks : {1.0, 2.5, 2.5, 10.0}) add_spell(variant, 0, 30.0, weeks);
  const OffFlowCurves curves = offflow_curves(variant, 1, 12);
  EXPECT_DOUBLE_EQ(curves.by_group[0][0], 0.0);
  EXPECT_DOUBLE_EQ(curves.by_group[0][1], 0.25);
  EXPECT_DOUBLE_EQ(curves.by_group[0][2], 0.25);
  EXPECT_DOUBLE_EQ(curves.by_group[0][3], 0.75);
  EXPECT_DOUBLE_EQ(curves.by_group[0][9], 0.75);
  EXPECT_DOUBLE_EQ(curves.by_group[0][10], 1.0);
  EXPECT_DOUBLE_EQ(curves.claims_by_group[0], 4.0);
}

TEST(OffFlowCurves, AnOpenClaimCountsWhileSeenAndThenLeavesTheRiskSet) {
  auto variant = hand::empty_variant();
  // Begun 4 weeks before the end and still open: at risk for 4 weeks, never an ending.
  add_spell(variant, 0, 74.0, -1.0);
  add_spell(variant, 0, 30.0, 2.0);
  add_spell(variant, 0, 30.0, 6.0);
  const OffFlowCurves curves = offflow_curves(variant, 1, 8);
  // Week 2: one ending among three at risk. Week 6: one ending among the one left.
  EXPECT_DOUBLE_EQ(curves.by_group[0][2], 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(curves.by_group[0][5], 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(curves.by_group[0][6], 1.0);
  // A fixed-follow-up cohort would have dropped the open claim and said 1/2 by week 2.
}

TEST(OffFlowCurves, ClaimsBegunBeforeTheMeasuredPeriodAreLeftOut) {
  auto variant = hand::empty_variant();
  add_spell(variant, 0, 10.0, 1.0);  // warm-up
  add_spell(variant, 0, 30.0, 5.0);
  const OffFlowCurves curves = offflow_curves(variant, 1, 6);
  EXPECT_DOUBLE_EQ(curves.claims_by_group[0], 1.0);
  EXPECT_DOUBLE_EQ(curves.by_group[0][1], 0.0);
}

TEST(OffFlowCurves, GroupsHaveTheirOwnCurvesAndAllPoolsThem) {
  auto variant = hand::empty_variant();
  add_spell(variant, 0, 30.0, 1.0);
  add_spell(variant, 1, 30.0, 3.0);
  const OffFlowCurves curves = offflow_curves(variant, 2, 4);
  EXPECT_DOUBLE_EQ(curves.by_group[0][1], 1.0);
  EXPECT_DOUBLE_EQ(curves.by_group[1][1], 0.0);
  EXPECT_DOUBLE_EQ(curves.all[1], 0.5);
  EXPECT_DOUBLE_EQ(curves.all[3], 1.0);
}

TEST(OffFlowCurves, BeyondTheLongestClaimFollowedThereIsNoEstimate) {
  auto variant = hand::empty_variant();
  add_spell(variant, 0, 30.0, 3.0);
  const OffFlowCurves curves = offflow_curves(variant, 2, 10);
  EXPECT_TRUE(std::isnan(curves.by_group[0][4]));
  EXPECT_TRUE(std::isnan(OffFlowCurves::at(curves.by_group[0], 40.0)));
  EXPECT_DOUBLE_EQ(OffFlowCurves::at(curves.by_group[0], 3.9), 1.0);
  // A group with no claims has no curve at all.
  EXPECT_TRUE(std::isnan(curves.by_group[1][0]));
  EXPECT_DOUBLE_EQ(curves.claims_by_group[1], 0.0);
}

TEST(OffFlowCurves, EachGroupsTargetSitsBesideTheCurveAtItsWeek) {
  auto variant = hand::empty_variant();
  for (const double weeks : {1.0, 2.5, 2.5, 10.0}) add_spell(variant, 0, 30.0, weeks);
  add_spell(variant, 1, 30.0, 4.0);
  model::Scenario scenario = hand::scenario_with_groups(2);
  scenario.groups[0].offflow_target_weeks = 3.0;
  scenario.groups[0].offflow_target_share = 0.8;
  const OffFlowCurves curves = offflow_curves(scenario, variant, 12);
  EXPECT_DOUBLE_EQ(curves.target_weeks_by_group[0], 3.0);
  EXPECT_DOUBLE_EQ(curves.target_share_by_group[0], 0.8);
  EXPECT_DOUBLE_EQ(curves.at_target_by_group[0], 0.75);
  // Group 1 has no target (weeks 0): NaN, not a target of nothing by week 0.
  EXPECT_TRUE(std::isnan(curves.target_weeks_by_group[1]));
  EXPECT_TRUE(std::isnan(curves.target_share_by_group[1]));
  EXPECT_TRUE(std::isnan(curves.at_target_by_group[1]));
}

}  // namespace
}  // namespace caseload::metrics
