// Timing in the adviser's plan: under an off-flow indicator measured at claim marks, an action
// is worth the change in the chance of being off benefit by the client's next mark
// (model::off_by over the weeks left to it), so two clients alike in all but their claim weeks
// are valued differently; measured continuously they are valued the same. The rewards below
// are the off_flow primitive's rule (sim/regimes/off_flow.cpp, tested in tests/regimes) with 1
// point, written out because the model's tests do not link the regimes.

#include <algorithm>
#include <array>
#include <vector>

#include <gtest/gtest.h>

#include "tests/model/planner_desk.hpp"

namespace caseload::model::planner {
namespace {

constexpr std::array<double, 4> marks = {13.0, 26.0, 39.0, 52.0};

double off_flow_at_marks(const ActionCandidate& c) {
  const auto next = std::upper_bound(marks.begin(), marks.end(), c.claim_weeks);
  if (next == marks.end()) return 0.0;
  return 10.0 * (off_by(c.after, *next - c.claim_weeks) - off_by(c.before, *next - c.claim_weeks));
}

double off_flow_continuous(const ActionCandidate& c) { return 10.0 * (c.after.off_flow - c.before.off_flow); }

struct TwoClients {
  std::vector<PlannedAction> plan;
  std::vector<ChosenRewards::Call> calls;
  JobseekerId before_mark{};  ///< 1.5 weeks to the 13-week mark
  JobseekerId after_mark{};   ///< just past it: 12.5 weeks to the 26-week mark
};

// One adviser with minutes for one submission (5) and one notified vacancy that hires
// anyone, so the week's question is whom to put forward. No scarring, so two weeks more on
// benefit change nothing about a client but the weeks to the next mark.
TwoClients plan_one_submission(double (*reward)(const ActionCandidate&)) {
  Scenario scenario = desk_scenario(8.0);
  scenario.search.scarring_per_year = 0.0;
  Desk desk(scenario);
  desk.add_vacancy(0.0f, true);
  for (ActionKind other : {ActionKind::Interview, ActionKind::Referral, ActionKind::DiscretionFund,
                           ActionKind::EmployerContact}) {
    desk.disable(other);
  }
  TwoClients out;
  out.after_mark = desk.add_client({.employability = 0.0, .motivation = 0.5, .claim_weeks = 13.5});
  out.before_mark = desk.add_client({.employability = 0.0, .motivation = 0.5, .claim_weeks = 11.5});
  desk.regime().reward_of = reward;
  out.plan = desk.plan();
  out.calls = desk.regime().calls;
  return out;
}

const ChosenRewards::Call& first_call(const TwoClients& week, JobseekerId client) {
  const auto it = std::find_if(week.calls.begin(), week.calls.end(), [&](const ChosenRewards::Call& call) {
    return call.candidate.client == client && call.candidate.action == ActionKind::Submission;
  });
  EXPECT_NE(it, week.calls.end());
  return *it;
}

// A submission's hire comes at once; after it the client would have left anyway with the
// same weekly chance. Off benefit by a mark 1.5 weeks away, few would have left anyway, so
// the hire adds more than by one 12.5 weeks away: the client before the mark goes forward.
TEST(PlannerTiming, AtMarksTheClientJustBeforeAMarkIsPutForwardFirst) {
  const TwoClients week = plan_one_submission(off_flow_at_marks);
  ASSERT_EQ(week.plan.size(), 1u);
  EXPECT_EQ(week.plan[0].client, week.before_mark);
  EXPECT_GT(first_call(week, week.before_mark).reward, first_call(week, week.after_mark).reward);
  EXPECT_GT(first_call(week, week.after_mark).reward, 0.0);
}

// Measured continuously the two are the same client to the regime: equal forecasts, equal
// rewards (the plan then breaks the tie by caseload order, which says nothing about timing).
TEST(PlannerTiming, ContinuouslyTheTwoClientsAreValuedTheSame) {
  const TwoClients week = plan_one_submission(off_flow_continuous);
  const ChosenRewards::Call& before = first_call(week, week.before_mark);
  const ChosenRewards::Call& after = first_call(week, week.after_mark);
  EXPECT_GT(before.reward, 0.0);
  EXPECT_EQ(before.reward, after.reward);
  EXPECT_EQ(before.candidate.after.off_flow, after.candidate.after.off_flow);
}

// The curve off_by answers from agrees with the horizon's off-flow at the horizon, rises with
// the weeks, and is certain for a client already off benefit.
TEST(ForecastOffBy, MatchesTheHorizonOffFlowAndRisesWithTheWeeks) {
  const TwoClients week = plan_one_submission(off_flow_continuous);
  const Forecast& f = first_call(week, week.before_mark).candidate.before;
  const double horizon = desk_scenario(8.0).advisers.horizon_weeks;
  EXPECT_NEAR(off_by(f, horizon), f.off_flow, 1e-12);
  EXPECT_LT(off_by(f, 1.0), off_by(f, 5.0));
  EXPECT_LT(off_by(f, 5.0), off_by(f, horizon));
  EXPECT_EQ(off_by(Forecast{0.0, 1.0, 0.0, 0.0, 0.0}, 3.0), 1.0);
}

}  // namespace
}  // namespace caseload::model::planner
