// The sanction channel on a hand-built caseload (issue 12: each channel's sign, the planner
// tested directly). A sanction ends the claim: the forecast after it is "off benefit now, no
// job in view" (planning.cpp). A reward for leaving benefit whatever the destination (off-flow)
// makes that worth something; a reward for job entries makes it worth less than nothing.
// Nothing in the planner names a regime: the sign comes from what the reward counts.

#include <gtest/gtest.h>

#include "tests/model/planner_desk.hpp"

namespace caseload::model::planner {
namespace {

// One client who missed a review (grounds for a sanction), w_client 0 so only the reward and
// the action's time count, and a budget that fits any one action.
std::vector<ActionKind> plan_for_missed_review(const std::function<double(const ActionCandidate&)>& reward) {
  Desk desk(desk_scenario(60.0), 0.0);
  desk.disable(ActionKind::EmployerContact);
  const JobseekerId client = desk.add_client({.employability = -0.5, .claim_weeks = 8.0});
  desk.world().people.jobseekers.missed_review[index(client)] = 1;
  desk.regime().reward_of = reward;
  return actions_for(desk.plan(), client);
}

TEST(PlannerSanctions, AnOffBenefitRewardMakesTheSanctionWorthTaking) {
  const auto planned = plan_for_missed_review(
      [](const ActionCandidate& c) { return 10.0 * (c.after.off_flow - c.before.off_flow); });
  ASSERT_FALSE(planned.empty());
  EXPECT_EQ(planned.front(), ActionKind::Sanction) << "the sanction moves off-flow the most per minute";
}

TEST(PlannerSanctions, AnEntryRewardNeverChoosesTheSanction) {
  const auto planned = plan_for_missed_review(
      [](const ActionCandidate& c) { return 10.0 * (c.after.entry - c.before.entry); });
  for (ActionKind action : planned) EXPECT_NE(action, ActionKind::Sanction);
  EXPECT_FALSE(planned.empty()) << "help that raises the entry chance is still worth its time";
}

TEST(PlannerSanctions, NoGroundsNoSanctionWhateverTheReward) {
  Desk desk(desk_scenario(60.0), 0.0);
  desk.disable(ActionKind::EmployerContact);
  const JobseekerId client = desk.add_client({.employability = -0.5, .claim_weeks = 8.0});
  desk.regime().reward_of = [](const ActionCandidate& c) { return 10.0 * (c.after.off_flow - c.before.off_flow); };
  for (ActionKind action : actions_for(desk.plan(), client)) EXPECT_NE(action, ActionKind::Sanction);
}

}  // namespace
}  // namespace caseload::model::planner
