// A target with a period end: the chance of meeting the year's target and what one more unit
// of credit adds to it, from the credit so far and the weeks left (target_year.hpp).

#include <cmath>
#include <memory>
#include <vector>

#include <gtest/gtest.h>

#include "sim/core/config_reader.hpp"
#include "sim/core/diagnostics.hpp"
#include "sim/model/adviser_table.hpp"
#include "sim/model/jobseeker_table.hpp"
#include "sim/regimes/indicator_set_regime.hpp"
#include "sim/regimes/primitives.hpp"
#include "sim/regimes/target_year.hpp"

namespace caseload::regimes {
namespace {

TEST(TargetYear, MetTargetIsCertainAndMoreCreditAddsNothing) {
  const YearStanding met = year_standing(100.0, 100.0, 30.0, 22.0);
  EXPECT_EQ(met.chance_of_target, 1.0);
  EXPECT_EQ(met.value_of_credit, 0.0);
}

TEST(TargetYear, ShortAtTheYearEndIsLostAndMoreCreditAddsNothing) {
  const YearStanding lost = year_standing(100.0, 99.0, 52.0, 0.0);
  EXPECT_EQ(lost.chance_of_target, 0.0);
  EXPECT_EQ(lost.value_of_credit, 0.0);
}

// On pace for a 52-point year: even odds whenever it is asked, but one point matters more
// with 4 weeks left (4 expected, sd 2) than with 48 (48 expected, sd ~6.9).
TEST(TargetYear, OnPaceACreditIsWorthMoreNearTheYearEnd) {
  const YearStanding early = year_standing(52.0, 4.0, 4.0, 48.0);
  const YearStanding late = year_standing(52.0, 48.0, 48.0, 4.0);
  EXPECT_NEAR(early.chance_of_target, 0.5, 1e-12);
  EXPECT_NEAR(late.chance_of_target, 0.5, 1e-12);
  EXPECT_NEAR(late.value_of_credit, 0.3989422804014327 / 2.0, 1e-12);
  EXPECT_NEAR(early.value_of_credit, 0.3989422804014327 / std::sqrt(48.0), 1e-12);
  EXPECT_GT(late.value_of_credit, 3.0 * early.value_of_credit);
}

// Far behind with 4 weeks left (about 1.7 more expected against 32 short), or comfortably
// ahead of pace, one more point barely moves the chance: effort goes where the target is in reach.
TEST(TargetYear, HopelesslyBehindOrSafelyAheadACreditIsWorthAlmostNothing) {
  const YearStanding behind = year_standing(52.0, 20.0, 48.0, 4.0);
  const YearStanding ahead = year_standing(52.0, 51.0, 40.0, 12.0);
  const YearStanding close = year_standing(52.0, 48.0, 48.0, 4.0);
  EXPECT_LT(behind.chance_of_target, 1e-6);
  EXPECT_GT(ahead.chance_of_target, 0.99);
  EXPECT_LT(behind.value_of_credit, 1e-6 * close.value_of_credit);
  EXPECT_LT(ahead.value_of_credit, 0.01 * close.value_of_credit);
}

// Before a week has passed the pace is the target's own.
TEST(TargetYear, AtTheYearStartThePaceIsTheTargets) {
  const YearStanding start = year_standing(52.0, 0.0, 0.0, 52.0);
  EXPECT_NEAR(start.chance_of_target, 0.5, 1e-12);
}

// One adviser counted for off-flows (1 point each, any claim within 13 weeks) against 1 point
// a week, over a 10-week target year worth 10 points if met; one exit credited each week keeps
// the adviser on pace. Returns the pressure at the close of each week.
std::vector<double> pressure_on_pace(int target_year_weeks, double ratchet = 0.0, int exits_per_week = 1) {
  model::Scenario scenario;
  scenario.groups.push_back(model::CustomerGroup{"all"});
  scenario.network.offices = 1;
  scenario.network.advisers_per_office = 1;
  scenario.network.advisers_per_team = 1;
  RegimeRules rules;
  rules.pressure.target_per_adviser_week = 1.0;
  rules.pressure.target_year_weeks = target_year_weeks;
  rules.pressure.target_met_reward = 10.0;
  rules.pressure.ratchet = ratchet;
  const core::SourceLocation here{"test", 1, 1};
  core::ConfigNode node = core::ConfigNode::map(here);
  core::Diagnostics problems;
  core::ConfigReader reader(node, "indicator", problems);
  const IndicatorContext context{&scenario, {"all"}};
  const Primitive* off_flow = find_primitive("off_flow");
  std::vector<std::unique_ptr<Indicator>> indicators;
  indicators.push_back(off_flow->build(*off_flow->read(reader, context), context));
  IndicatorSetRegime regime(scenario, rules, std::move(indicators));
  const model::AdviserTable advisers;
  const model::JobseekerTable jobseekers;
  const model::RegimeView view(advisers, jobseekers);
  std::vector<double> pressure;
  for (int week = 0; week < 12; ++week) {
    for (int e = 0; e < exits_per_week; ++e) {
      model::Outcome exit;
      exit.kind = model::OutcomeKind::Exit;
      exit.time = week * 7.0 + 1.0;
      exit.client = static_cast<model::JobseekerId>(e);
      exit.adviser = static_cast<model::AdviserId>(0);
      exit.claim_weeks = 2.0;
      regime.record(exit);
    }
    regime.end_week(view, week);
    pressure.push_back(regime.pressure(static_cast<model::AdviserId>(0)));
  }
  return pressure;
}

TEST(TargetYear, OnPaceThePressureRisesTowardTheYearEndAndRestartsWithTheYear) {
  const std::vector<double> pressure = pressure_on_pace(10);
  // After weeks 2 and 8 (indices 1 and 7): on pace, z = 0; sd sqrt(8) then sqrt(2).
  const double density = 0.3989422804014327;
  EXPECT_NEAR(pressure[1], 1.0 + 10.0 * density / std::sqrt(8.0), 1e-9);
  EXPECT_NEAR(pressure[7], 1.0 + 10.0 * density / std::sqrt(2.0), 1e-9);
  for (std::size_t week = 1; week < 8; ++week) EXPECT_GT(pressure[week + 1], pressure[week]) << week;
  // Week 10 closes the year with the target met (10 points); the new year starts at the
  // target's pace with nothing credited: sd sqrt(10).
  EXPECT_NEAR(pressure[9], 1.0 + 10.0 * density / std::sqrt(10.0), 1e-9);
  EXPECT_LT(pressure[9], pressure[8]);
}

TEST(TargetYear, RatchetCostGrowsWithTheRatchetAndIsZeroWithout) {
  EXPECT_EQ(ratchet_cost(10.0, 5.0, 5.0, 5.0, 0.0), 0.0);
  const double half = ratchet_cost(10.0, 5.0, 5.0, 5.0, 0.5);
  EXPECT_GT(half, 0.0);
  EXPECT_GT(ratchet_cost(10.0, 5.0, 5.0, 5.0, 1.0), half);
  // On the target's pace, next year's target is this year's: z = 0, sd = sqrt(10).
  EXPECT_NEAR(half, 0.5 * 0.3989422804014327 / std::sqrt(10.0), 1e-12);
}

TEST(TargetYear, UnderARatchetAUnitPastItsTargetHoldsBack) {
  // Two exits a week against a target of one: this year's target is met by week 5, so from
  // then on one more exit only raises next year's target. Without a ratchet the pressure goes
  // back to the review's 1; with one it falls below it.
  const std::vector<double> fixed = pressure_on_pace(10, 0.0, 2);
  const std::vector<double> ratcheted = pressure_on_pace(10, 0.8, 2);
  EXPECT_EQ(fixed[6], 1.0);
  EXPECT_LT(ratcheted[6], 1.0);
  EXPECT_LT(ratcheted[6], fixed[6]);
}

TEST(TargetYear, ARatchetMovesNextYearsTargetTowardThisYearsResult) {
  // Two exits a week for a year against a target of one: with ratchet 0.5 next year's weekly
  // target is 0.5 * 1 + 0.5 * 2 = 1.5. At week 12 (2 weeks into year 2, 4 credited) the unit
  // is ahead of 1.5 a week, so the term is that of a 15-point year target from 4 points.
  const std::vector<double> pressure = pressure_on_pace(10, 0.5, 2);
  const YearStanding standing = year_standing(15.0, 4.0, 2.0, 8.0);
  const double expected = 1.0 + 10.0 * (standing.value_of_credit - ratchet_cost(15.0, 4.0, 2.0, 8.0, 0.5));
  EXPECT_NEAR(pressure[11], expected, 1e-9);
}

TEST(TargetYear, OffTheYearEndAddsNoPressure) {
  for (const double pressure : pressure_on_pace(0)) EXPECT_EQ(pressure, 1.0);
}

}  // namespace
}  // namespace caseload::regimes
