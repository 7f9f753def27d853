// Job quality, in-work support and goodwill in the adviser's plan (issue 12), on a desk of a
// few clients placed by hand: each test shows one channel's sign where the decision is made.
// The desk's adviser has w_client 0, so only the chosen regime reward, goodwill and time count.

#include <algorithm>
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "sim/model/outcome_model.hpp"
#include "tests/model/planner_desk.hpp"

namespace caseload::model::planner {
namespace {

using Plan = std::vector<PlannedAction>;

const PlannedAction* submission_for(const Plan& plan, JobseekerId client) {
  const auto found = std::find_if(plan.begin(), plan.end(), [&](const PlannedAction& p) {
    return p.client == client && p.action == ActionKind::Submission;
  });
  return found == plan.end() ? nullptr : &*found;
}

// Two notified vacancies equally easy to enter: a poor job (quality 0.2, below the desk's
// median of 0.5) and a good one (0.9). The quick submission goes to the first, the matched to
// the second, so the two differ in the job's quality only (and in minutes).
Plan plan_choice(double (*reward)(const ActionCandidate&), JobseekerId& client, double budget_minutes = 600.0) {
  Scenario scenario = desk_scenario(budget_minutes);
  scenario.advisers.goodwill_value_per_unit = 0.0;
  Desk desk(scenario);
  desk.disable(ActionKind::Interview);
  desk.disable(ActionKind::Referral);
  desk.disable(ActionKind::DiscretionFund);
  desk.add_vacancy(0.0f, true, 0.2f);
  desk.add_vacancy(0.0f, true, 0.9f);
  client = desk.add_client({.employability = 1.5});
  desk.regime().reward_of = reward;
  return desk.plan();
}

double entry_points(const ActionCandidate& c) { return 10.0 * (c.after.entry - c.before.entry); }
double sustained_pay(const ActionCandidate& c) { return 10.0 * (c.after.sustained_26 - c.before.sustained_26); }

// The submission planned under `reward` is matched (and takes matched_minutes) or quick.
void expect_submission(double (*reward)(const ActionCandidate&), bool matched, double budget_minutes = 600.0) {
  JobseekerId client{};
  const Plan plan = plan_choice(reward, client, budget_minutes);
  const PlannedAction* submission = submission_for(plan, client);
  ASSERT_NE(submission, nullptr);
  EXPECT_EQ(submission->matched, matched);
  const auto& actions = desk_scenario(0.0).actions;
  EXPECT_EQ(submission->minutes,
            static_cast<float>(matched ? actions.submission.matched_minutes : actions.submission.minutes));
}

TEST(PlannerQuality, EntryCountingRewardPrefersTheQuickSubmission) {
  // Entry chances are equal, so the matched way's extra minutes buy the regime nothing.
  expect_submission(entry_points, false);
}

TEST(PlannerQuality, SustainedJobRewardPrefersTheMatchedSubmission) {
  // The better, better-matched job lasts longer (quality_effect, matched_effect): this regime pays for that.
  expect_submission(sustained_pay, true);
}

TEST(PlannerQuality, WithTimeForTheQuickWayOnlyTheQuickSubmissionIsPlanned) {
  // The matched way is an upgrade of the quick one, taken when its extra minutes fit: with 10
  // minutes (5 for quick, 20 for matched) the sustained-job regime still gets its submission.
  expect_submission(sustained_pay, false, 10.0);
}

TEST(PlannerQuality, MatchedCandidateForecastsTheBetterJobsLongerTenure) {
  Desk desk(desk_scenario(600.0));
  desk.add_vacancy(0.0f, true, 0.2f);
  desk.add_vacancy(0.0f, true, 0.9f);
  const JobseekerId client = desk.add_client({.employability = 1.5});
  desk.plan();
  const ActionCandidate* quick = nullptr;
  const ActionCandidate* matched = nullptr;
  for (const auto& call : desk.regime().calls) {
    if (call.candidate.client != client || call.candidate.action != ActionKind::Submission) continue;
    (call.candidate.matched ? matched : quick) = &call.candidate;
  }
  ASSERT_NE(quick, nullptr);
  ASSERT_NE(matched, nullptr);
  EXPECT_DOUBLE_EQ(matched->after.entry, quick->after.entry);
  EXPECT_GT(matched->after.sustained_26, quick->after.sustained_26);
  EXPECT_GT(matched->after.employment_weeks, quick->after.employment_weeks);
}

TEST(PlannerQuality, NoMatchedSubmissionWithoutAVacancyAboveTheMedian) {
  Desk desk(desk_scenario(600.0));
  desk.add_vacancy(0.0f, true, 0.2f);
  const JobseekerId client = desk.add_client({.employability = 1.5});
  desk.regime().reward_of = sustained_pay;
  desk.plan();
  for (const auto& call : desk.regime().calls) {
    if (call.candidate.client == client) {
      EXPECT_FALSE(call.candidate.matched);
    }
  }
}

// A regime that pays a little for any submission (a process target): worth 5 * 0.05 = 0.25
// against 5 minutes at 0.002, so a speculative submission pays unless goodwill is weighed.
double submission_points(const ActionCandidate& c) { return c.action == ActionKind::Submission ? 0.05 : 0.0; }

struct SpeculativeDesk {
  Plan plan;
  JobseekerId far{};   ///< far below the vacancy's threshold: unsuitable, almost never hired
  JobseekerId near{};  ///< well above it: likely hired, and the job likely lasts
};

SpeculativeDesk plan_speculative(double goodwill_value_per_unit) {
  Scenario scenario = desk_scenario(600.0);
  scenario.advisers.goodwill_value_per_unit = goodwill_value_per_unit;
  scenario.actions.submission.candidates_per_vacancy = 5.0;  // room for both clients' submissions
  Desk desk(scenario);
  desk.disable(ActionKind::Interview);
  desk.disable(ActionKind::Referral);
  desk.disable(ActionKind::DiscretionFund);
  desk.add_vacancy(0.0f, true, 0.5f);
  SpeculativeDesk out;
  out.far = desk.add_client({.employability = -2.0});
  out.near = desk.add_client({.employability = 2.5});
  desk.regime().reward_of = submission_points;
  out.plan = desk.plan();
  return out;
}

TEST(PlannerQuality, GoodwillValueStopsSpeculativeSubmissionsOfUnsuitableClients) {
  const SpeculativeDesk without = plan_speculative(0.0);
  const SpeculativeDesk with = plan_speculative(15.0);
  ASSERT_NE(submission_for(without.plan, without.far), nullptr);
  // 15 * goodwill_unsuitable_loss 0.02 = 0.3 expected loss outweighs the 0.25 reward.
  EXPECT_EQ(submission_for(with.plan, with.far), nullptr);
  // A suitable client's submission is expected to win goodwill, so it stays.
  EXPECT_NE(submission_for(with.plan, with.near), nullptr);
  EXPECT_NE(submission_for(without.plan, without.near), nullptr);
}

TEST(PlannerQuality, ExpectedGoodwillChangeIsNegativeForUnsuitableAndPositiveForLikelyHires) {
  Desk desk(desk_scenario(600.0));
  desk.add_vacancy(0.0f, true, 0.5f);
  const JobseekerId far = desk.add_client({.employability = -2.0});
  const JobseekerId near = desk.add_client({.employability = 2.5});
  desk.plan();
  const double loss = desk_scenario(0.0).employers.goodwill_unsuitable_loss;
  int seen = 0;
  for (const auto& call : desk.regime().calls) {
    if (call.candidate.action != ActionKind::Submission) {
      EXPECT_EQ(call.candidate.goodwill_change, 0.0);  // only a submission touches an employer
      continue;
    }
    ++seen;
    if (call.candidate.client == far) {
      EXPECT_NEAR(call.candidate.goodwill_change, -loss, 1e-6);
    } else if (call.candidate.client == near) {
      EXPECT_GT(call.candidate.goodwill_change, 0.0);
    }
  }
  EXPECT_GE(seen, 2);
}

// In-work support as the forecast sees it (project_in_work): a lower hazard for a while raises
// the chance of reaching the marks still ahead and the weeks in work, and changes nothing an
// entry count could see.
TEST(PlannerQuality, InWorkSupportRaisesTheJobsProspectsOnlyForMarksAhead) {
  const Scenario scenario = desk_scenario(0.0);
  const ForecastModel model = forecast_model(scenario);
  PerceivedWorker worker;
  worker.weeks_in_job = 4.0;
  PerceivedWorker helped = worker;
  helped.hazard_factor = std::exp(-scenario.actions.in_work_support.hazard_effect);
  helped.factor_weeks = scenario.actions.in_work_support.effect_weeks;
  const Forecast before = project_in_work(model, worker);
  const Forecast after = project_in_work(model, helped);
  EXPECT_GT(after.sustained_13, before.sustained_13);
  EXPECT_GT(after.sustained_26, before.sustained_26);
  EXPECT_GT(after.employment_weeks, before.employment_weeks);
  EXPECT_EQ(after.entry, 0.0);
  EXPECT_EQ(after.off_flow, 0.0);
  // Without support, survival to week 13 from week 4 is exp(-9 h) at the job's own hazard.
  const double h = separation_hazard_per_week(scenario.jobs, 1.0, 0.5, 0.0, 0.5, false);
  EXPECT_NEAR(before.sustained_13, std::exp(-9.0 * h), 1e-12);
  EXPECT_NEAR(before.employment_weeks, (1.0 - std::exp(-52.0 * h)) / h, 1e-9);
  worker.weeks_in_job = 14.0;
  EXPECT_EQ(project_in_work(model, worker).sustained_13, 0.0);  // the 13-week mark has passed
}

}  // namespace
}  // namespace caseload::model::planner
