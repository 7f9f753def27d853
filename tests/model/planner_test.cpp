// The adviser's weekly plan (plan_adviser) on caseloads of a few clients placed by hand, so a
// change to the ranking rule shows here, where it happens, and not only as a shifted golden.
// Each test names the consequence of the rule (docs/ODD.md 4.2-4.5) it pins. Rewards are in
// the regime's units; the scenario's w_target is 5, so a reward r adds 5r to an action's value.

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "tests/model/planner_desk.hpp"

namespace caseload::model::planner {
namespace {

using Plan = std::vector<PlannedAction>;
using Reward = std::function<double(const ActionCandidate&)>;

/// A regime reward for one kind of action on one client.
Reward pays(JobseekerId client, ActionKind action, double reward) {
  return [=](const ActionCandidate& c) {
    return c.client == client && c.action == action ? reward : 0.0;
  };
}

/// The sum of several chosen rewards.
Reward pays_all(std::vector<Reward> parts) {
  return [parts = std::move(parts)](const ActionCandidate& c) {
    double total = 0.0;
    for (const auto& part : parts) total += part(c);
    return total;
  };
}

/// A reward for the change in entry probability an action causes (matched attribution, as JOT).
double marginal_entry(const ActionCandidate& c) { return 10.0 * (c.after.entry - c.before.entry); }

/// Pays 1 for any discretion-fund award (worth 5 - 0.02 - 1.5 after time and money cost).
double fund_award(const ActionCandidate& c) {
  return c.action == ActionKind::DiscretionFund ? 1.0 : 0.0;
}

/// A desk scenario for a provider caseworker who must interview each client every 4 weeks.
Scenario minimum_service_scenario(double budget_minutes) {
  Scenario scenario = desk_scenario(budget_minutes);
  scenario.providers.per_office = 1;
  scenario.providers.caseworkers_per_provider = 1;
  scenario.providers.min_interview_every_weeks = 4.0;
  return scenario;
}

/// The clients of the plan's actions, in order.
std::vector<JobseekerId> clients_of(const Plan& plan) {
  std::vector<JobseekerId> clients;
  for (const PlannedAction& p : plan) clients.push_back(p.client);
  return clients;
}

std::size_t count_of(const Plan& plan, ActionKind action) {
  return static_cast<std::size_t>(std::count_if(
      plan.begin(), plan.end(), [action](const PlannedAction& p) { return p.action == action; }));
}

// ---- Ranking by value per minute, not by value -------------------------------------------

// Client a's interview is worth 10 (40 minutes: 0.25 a minute); client b's submission is worth
// 3 (5 minutes: 0.6 a minute).
struct CheapAndDear {
  Plan plan;
  JobseekerId dear{};   ///< a: the more valuable, slower interview
  JobseekerId cheap{};  ///< b: the less valuable, quicker submission
};

CheapAndDear plan_cheap_and_dear(double budget_minutes) {
  Desk desk(desk_scenario(budget_minutes));
  desk.add_vacancy(0.0f, true);
  CheapAndDear out;
  out.dear = desk.add_client({});
  out.cheap = desk.add_client({});
  desk.regime().reward_of = pays_all(
      {pays(out.dear, ActionKind::Interview, 2.0), pays(out.cheap, ActionKind::Submission, 0.6)});
  out.plan = desk.plan();
  return out;
}

// With 40 minutes the cheap one goes first and the interview no longer fits; ranked by value
// alone, the interview would have taken all 40 minutes.
TEST(PlannerRanking, CheapActionBeatsMoreValuableExpensiveOneWhenTimeIsShort) {
  const CheapAndDear week = plan_cheap_and_dear(40.0);
  ASSERT_EQ(week.plan.size(), 1u);
  EXPECT_EQ(week.plan[0].client, week.cheap);
  EXPECT_EQ(week.plan[0].action, ActionKind::Submission);
}

// With minutes for both, both are planned, still in order of value per minute.
TEST(PlannerRanking, WithTimeEnoughBothArePlannedCheapestPerMinuteFirst) {
  const CheapAndDear week = plan_cheap_and_dear(45.0);
  ASSERT_EQ(week.plan.size(), 2u);
  EXPECT_EQ(week.plan[0].client, week.cheap);
  EXPECT_EQ(week.plan[0].action, ActionKind::Submission);
  EXPECT_EQ(week.plan[1].client, week.dear);
  EXPECT_EQ(week.plan[1].action, ActionKind::Interview);
}

// An action whose value does not cover its minutes' cost (time_cost_per_minute) is never
// planned, however much time is free.
TEST(PlannerRanking, ActionWorthLessThanItsTimeIsNotPlanned) {
  Desk desk(desk_scenario(400.0));
  const JobseekerId a = desk.add_client({});
  // 5 * 0.015 = 0.075 of value against 40 * 0.002 = 0.08 of time.
  desk.regime().reward_of = pays(a, ActionKind::Interview, 0.015);
  EXPECT_TRUE(desk.plan().empty());
  desk.regime().reward_of = pays(a, ActionKind::Interview, 0.017);
  EXPECT_EQ(desk.plan().size(), 1u);
}

// ---- The time budget ----------------------------------------------------------------------

// x's interview ranks first, y's second, z's submission third. With 50 minutes, x's interview
// leaves 10: y's does not fit and is skipped, and the planner goes on to z's 5-minute
// submission, which does.
TEST(PlannerBudget, ActionThatDoesNotFitIsSkippedAndACheaperLaterOneStillFits) {
  Desk desk(desk_scenario(50.0));
  desk.add_vacancy(0.0f, true);
  const JobseekerId x = desk.add_client({});
  const JobseekerId y = desk.add_client({});
  const JobseekerId z = desk.add_client({});
  desk.regime().reward_of =
      pays_all({pays(x, ActionKind::Interview, 4.0), pays(y, ActionKind::Interview, 3.0),
                pays(z, ActionKind::Submission, 0.3)});

  const Plan plan = desk.plan();
  EXPECT_EQ(clients_of(plan), (std::vector{x, z}));
  EXPECT_EQ(actions_for(plan, z), std::vector{ActionKind::Submission});
}

// Whatever the budget, the minutes planned never exceed it, and a budget of 5 minutes or more
// (one submission) gets something planned.
TEST(PlannerBudget, PlannedMinutesNeverExceedTheAvailableMinutes) {
  for (double budget = 0.0; budget <= 200.0; budget += 5.0) {
    Desk desk(desk_scenario(budget), 0.5);
    desk.add_vacancy(-1.0f, true);
    for (double e : {1.0, 0.5, 0.0, -1.0, -2.0}) desk.add_client({e, 0.5, 20.0});
    desk.regime().reward_of = marginal_entry;
    const Plan plan = desk.plan();
    const double available = desk.world().staff.advisers.this_week[0].budget_minutes;
    EXPECT_DOUBLE_EQ(available, budget);
    EXPECT_LE(planned_minutes(plan), available) << "budget " << budget;
    if (budget >= 5.0) {
      EXPECT_FALSE(plan.empty()) << "budget " << budget;
    }
  }
}

// Reviews due this week and the regime's validation paperwork come out of the minutes before
// anything is chosen: 45 minutes fit a 40-minute interview, but not after a 7.5-minute review;
// 15 minutes of validation are planned as an action of their own and leave 50 minutes too few.
TEST(PlannerBudget, ReviewsDueAndValidationComeOffTheBudgetFirst) {
  {
    Desk desk(desk_scenario(45.0));
    const JobseekerId a = desk.add_client({});
    desk.regime().reward_of = pays(a, ActionKind::Interview, 2.0);
    EXPECT_EQ(desk.plan().size(), 1u);
  }
  {
    Desk desk(desk_scenario(45.0));
    const JobseekerId a = desk.add_client({.review_due = true});
    desk.regime().reward_of = pays(a, ActionKind::Interview, 2.0);
    EXPECT_TRUE(desk.plan().empty());
    EXPECT_DOUBLE_EQ(desk.world().staff.advisers.this_week[0].budget_minutes, 45.0 - 7.5);
  }
  {
    Desk desk(desk_scenario(50.0));
    const JobseekerId a = desk.add_client({});
    desk.regime().reward_of = pays(a, ActionKind::Interview, 2.0);
    desk.regime().validation_owed = 15.0;
    const Plan plan = desk.plan();
    ASSERT_EQ(plan.size(), 1u);
    EXPECT_EQ(plan[0].action, ActionKind::Validation);
    EXPECT_EQ(plan[0].minutes, 15.0f);
  }
}

// ---- Diminishing returns: re-valuation after an action ------------------------------------

// Once a's submission is planned, a's interview is valued again, from a's planned state: the
// regime is asked about that one candidate with a `before` that already holds the submission's
// effect, and with the submission on record as help this week.
TEST(PlannerDiminishingReturns, SecondActionOnAClientIsValuedFromItsPlannedState) {
  Desk desk(desk_scenario(45.0));
  desk.add_vacancy(-1.0f, true);
  const JobseekerId a = desk.add_client({1.0});
  desk.regime().reward_of =
      pays_all({pays(a, ActionKind::Submission, 2.0), pays(a, ActionKind::Interview, 10.0)});

  const Plan plan = desk.plan();
  ASSERT_EQ(actions_for(plan, a), (std::vector{ActionKind::Submission, ActionKind::Interview}));
  const auto& calls = desk.regime().calls;
  const auto fresh_submission = std::find_if(calls.begin(), calls.end(), [](const auto& call) {
    return call.candidate.action == ActionKind::Submission && call.batch_size > 1;
  });
  const auto fresh_interview = std::find_if(calls.begin(), calls.end(), [](const auto& call) {
    return call.candidate.action == ActionKind::Interview && call.batch_size > 1;
  });
  const auto revalued = std::find_if(calls.begin(), calls.end(), [](const auto& call) {
    return call.candidate.action == ActionKind::Interview && call.batch_size == 1;
  });
  ASSERT_TRUE(fresh_submission != calls.end());
  ASSERT_TRUE(fresh_interview != calls.end());
  ASSERT_TRUE(revalued != calls.end()) << "the interview was not re-valued after the submission";
  EXPECT_TRUE(std::isinf(fresh_interview->candidate.days_since_help));
  EXPECT_EQ(revalued->candidate.days_since_help, 0.0);
  EXPECT_DOUBLE_EQ(revalued->candidate.before.entry, fresh_submission->candidate.after.entry);
  EXPECT_GT(revalued->candidate.before.entry, fresh_interview->candidate.before.entry);
}

// With a reward for the change in entry probability, a's interview (fresh: 0.25) outranks b's
// (0.23), but after a's submission it is worth 0.06 and b's interview takes the last 40
// minutes: help spreads to a second client instead of piling onto the first. There is one
// submission slot, which a takes.
TEST(PlannerDiminishingReturns, HelpSpreadsToTheNextClientOnceTheFirstsValueIsSpent) {
  Scenario scenario = desk_scenario(45.0);
  scenario.actions.submission.candidates_per_vacancy = 1.0;
  Desk desk(scenario);
  desk.add_vacancy(-1.0f, true);
  const JobseekerId a = desk.add_client({1.0});
  const JobseekerId b = desk.add_client({0.5});
  desk.regime().reward_of = marginal_entry;

  const Plan plan = desk.plan();
  EXPECT_EQ(actions_for(plan, a), std::vector{ActionKind::Submission});
  EXPECT_EQ(actions_for(plan, b), std::vector{ActionKind::Interview});
  // The premise: valued fresh, a's interview was worth more than b's.
  double fresh_a = 0.0, fresh_b = 0.0;
  for (const auto& call : desk.regime().calls) {
    if (call.batch_size == 1 || call.candidate.action != ActionKind::Interview) continue;
    (call.candidate.client == a ? fresh_a : fresh_b) = call.reward;
  }
  EXPECT_GT(fresh_a, fresh_b);
}

// ---- Regime reward against public-service motivation --------------------------------------

// An easy client (e = 1.5, group "second") and a hard one (e = -1, group "first"); time for one
// interview. A regime paying only for group "second", under pressure, draws the interview to
// the easy client; with no pressure the adviser's motivation, weighted by need, sends it to
// the hard one.
TEST(PlannerRegimeAndMotivation, PressureOnARewardedGroupDrawsHelpThere) {
  for (const double pressure : {1.0, 0.0}) {
    Desk desk(desk_scenario(40.0), 1.0);
    desk.disable(ActionKind::EmployerContact);
    const JobseekerId easy = desk.add_client({.employability = 1.5, .group = GroupId{1}});
    const JobseekerId hard = desk.add_client({.employability = -1.0, .group = GroupId{0}});
    desk.regime().pressure_on_adviser = pressure;
    desk.regime().reward_of = [](const ActionCandidate& c) {
      return c.group == GroupId{1} && c.action == ActionKind::Interview ? 1.0 : 0.0;
    };
    const Plan plan = desk.plan();
    ASSERT_EQ(plan.size(), 1u) << "pressure " << pressure;
    EXPECT_EQ(plan[0].client, pressure > 0.0 ? easy : hard) << "pressure " << pressure;
  }
}

// With motivation alone, need decides: with need_weight 1 the hard client gets the interview;
// with need_weight 0 the adviser helps whoever's employment weeks an interview moves most,
// the easy client (MODEL.md: without need even a benevolent adviser creams).
TEST(PlannerRegimeAndMotivation, MotivationAloneFollowsNeedTimesGain) {
  for (const double need_weight : {1.0, 0.0}) {
    Scenario scenario = desk_scenario(40.0);
    scenario.advisers.need_weight = need_weight;
    Desk desk(scenario, 1.0);
    desk.disable(ActionKind::EmployerContact);
    const JobseekerId easy = desk.add_client({.employability = 1.5});
    const JobseekerId hard = desk.add_client({.employability = -1.0});
    const Plan plan = desk.plan();
    ASSERT_EQ(plan.size(), 1u) << "need_weight " << need_weight;
    EXPECT_EQ(plan[0].client, need_weight > 0.0 ? hard : easy) << "need_weight " << need_weight;
  }
}

// ---- Noise in what the adviser sees -------------------------------------------------------

// perceive() is the truth plus the client's persistent error, scaled by perception_sd and
// shrunk by minutes known: at perception_minutes_scale minutes the variance halves.
TEST(PlannerPerception, ErrorScalesWithSdAndShrinksWithMinutesKnown) {
  Scenario scenario = desk_scenario(40.0);
  Desk exact(scenario);
  const JobseekerId a =
      exact.add_client({.employability = 0.3, .claim_weeks = 30.0, .perception_error = 2.0});
  const OfficeMarket market = read_market(exact.world(), OfficeId{});
  EXPECT_EQ(perceive(exact.world(), a, market).employability, exact.world().employability_now(a));

  scenario.advisers.perception_sd_employability = 0.8;
  Desk noisy(scenario);
  const JobseekerId b =
      noisy.add_client({.employability = 0.3, .claim_weeks = 30.0, .perception_error = 2.0});
  const JobseekerId c =
      noisy.add_client({.employability = 0.3,
                        .claim_weeks = 30.0,
                        .perception_error = 2.0,
                        .minutes_known = scenario.advisers.perception_minutes_scale});
  const double truth = noisy.world().employability_now(b);
  EXPECT_NEAR(perceive(noisy.world(), b, market).employability - truth, 0.8 * 2.0, 1e-12);
  EXPECT_NEAR(perceive(noisy.world(), c, market).employability - truth, 0.8 * 2.0 / std::sqrt(2.0),
              1e-12);
}

// Three clients, time for one interview, motivation alone. By true state the interview goes
// to t (e = -1). With no perception noise the errors placed on each client change nothing;
// with noise, t (error +3) looks employable and the interview goes elsewhere.
TEST(PlannerPerception, WithoutNoiseTheAdviserRanksByTrueState) {
  for (const double sd : {0.0, 1.0}) {
    Scenario scenario = desk_scenario(40.0);
    scenario.advisers.perception_sd_employability = sd;
    Desk desk(scenario, 1.0);
    desk.disable(ActionKind::EmployerContact);
    desk.add_client({.employability = 1.5, .perception_error = -1.0});
    const JobseekerId t = desk.add_client({.employability = -1.0, .perception_error = 3.0});
    desk.add_client({.employability = 0.5, .perception_error = -1.0});
    const Plan plan = desk.plan();
    ASSERT_EQ(plan.size(), 1u) << "sd " << sd;
    if (sd == 0.0) {
      EXPECT_EQ(plan[0].client, t);
    } else {
      EXPECT_NE(plan[0].client, t);
    }
  }
}

// Five clients identical in truth, errors drawn from the seed's Perception stream as in a run,
// time for one interview. With large noise whom the adviser picks varies across seeds, and is
// the same every time for the same seed; without noise all tie and the first is picked.
TEST(PlannerPerception, NoisyChoiceVariesAcrossSeedsAndRepeatsForASeed) {
  auto chosen = [](std::uint64_t seed, double sd) {
    Scenario scenario = desk_scenario(40.0, seed);
    scenario.advisers.perception_sd_employability = sd;
    Desk desk(scenario, 1.0);
    desk.disable(ActionKind::EmployerContact);
    for (int i = 0; i < 5; ++i) desk.add_drawn_client({.employability = -0.5});
    const Plan plan = desk.plan();
    return plan.size() == 1 ? index(plan[0].client) : no_row;
  };
  std::set<std::uint32_t> noisy_choices;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const std::uint32_t once = chosen(seed, 1.5);
    ASSERT_NE(once, no_row) << "seed " << seed;
    EXPECT_EQ(chosen(seed, 1.5), once) << "seed " << seed;
    EXPECT_EQ(chosen(seed, 0.0), 0u) << "seed " << seed;
    noisy_choices.insert(once);
  }
  EXPECT_GE(noisy_choices.size(), 3u);
}

// ---- Money --------------------------------------------------------------------------------

// Four clients each worth a 75-pound fund award; the adviser has 200 left this year. Two
// awards fit, a third would overspend, so it is not planned though minutes remain.
TEST(PlannerMoney, FundIsNotPlannedBeyondTheBudgetLeft) {
  Scenario scenario = desk_scenario(400.0);
  scenario.actions.discretion_fund.adviser_budget_per_year = 200.0;
  Desk desk(scenario);
  for (int i = 0; i < 4; ++i) desk.add_client({});
  desk.regime().reward_of = fund_award;

  const Plan plan = desk.plan();
  EXPECT_EQ(count_of(plan, ActionKind::DiscretionFund), 2u);
  double money = 0.0;
  for (const PlannedAction& p : plan) money += p.money;
  EXPECT_LE(money, 200.0);
}

// The budget already spent counts, and so does the client's own cap over 52 weeks.
TEST(PlannerMoney, SpentBudgetAndTheClientCapLimitAwards) {
  Scenario scenario = desk_scenario(400.0);
  scenario.actions.discretion_fund.adviser_budget_per_year = 200.0;
  {
    Desk desk(scenario);
    desk.world().staff.advisers.fund_spent[0] = 150.0;
    for (int i = 0; i < 4; ++i) desk.add_client({});
    desk.regime().reward_of = fund_award;
    EXPECT_EQ(count_of(desk.plan(), ActionKind::DiscretionFund), 0u);
  }
  {
    Desk desk(scenario);
    const JobseekerId capped = desk.add_client({.fund_used = 250.0});
    const JobseekerId open = desk.add_client({});
    desk.regime().reward_of = fund_award;
    const Plan plan = desk.plan();
    EXPECT_TRUE(actions_for(plan, capped).empty());
    EXPECT_EQ(actions_for(plan, open), std::vector{ActionKind::DiscretionFund});
  }
}

// ---- Mandatory minimum-service interviews -------------------------------------------------

// A provider caseworker must interview every 4 weeks. m0 and m3 are due (no interview since
// attachment 10 and 20 weeks ago); r1 (interviewed a week ago) and r2 (attached 2 weeks ago)
// are not, though the regime pays most for their interviews. The due interviews come first,
// in caseload order, and m0, whose interview the regime also pays for, gets no second one.
TEST(PlannerMandatory, MinimumServiceInterviewsComeBeforeChosenOnes) {
  Desk desk(minimum_service_scenario(200.0));
  const JobseekerId m0 = desk.add_client({.weeks_attached = 10.0});
  const JobseekerId r1 = desk.add_client({.weeks_since_interview = 1.0, .weeks_attached = 10.0});
  const JobseekerId r2 = desk.add_client({.weeks_attached = 2.0});
  const JobseekerId m3 = desk.add_client({.weeks_attached = 20.0});
  desk.regime().reward_of =
      pays_all({pays(r1, ActionKind::Interview, 5.0), pays(r2, ActionKind::Interview, 4.0),
                pays(m0, ActionKind::Interview, 3.0)});

  const Plan plan = desk.plan();
  EXPECT_EQ(clients_of(plan), (std::vector{m0, m3, r1, r2}));
  EXPECT_EQ(count_of(plan, ActionKind::Interview), 4u);
}

// The mandatory interviews take their minutes first: with 60 minutes, m0's due interview
// leaves 20, too few for m3's (skipped) or for the better-paid chosen one.
TEST(PlannerMandatory, MandatoryInterviewsTakeTheirMinutesFirst) {
  Desk desk(minimum_service_scenario(60.0));
  const JobseekerId m0 = desk.add_client({.weeks_attached = 10.0});
  const JobseekerId r1 = desk.add_client({.weeks_since_interview = 1.0, .weeks_attached = 10.0});
  desk.add_client({.weeks_attached = 20.0});
  desk.regime().reward_of = pays(r1, ActionKind::Interview, 5.0);

  const Plan plan = desk.plan();
  ASSERT_EQ(plan.size(), 1u);
  EXPECT_EQ(plan[0].client, m0);
  EXPECT_EQ(plan[0].action, ActionKind::Interview);
}

}  // namespace
}  // namespace caseload::model::planner
