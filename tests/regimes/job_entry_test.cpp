// The valuation rules that make evidenced attribution gameable and matched attribution not,
// and JET's bonus for staying off benefit and its deprived-area uplift.

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "sim/core/config_reader.hpp"
#include "sim/core/diagnostics.hpp"
#include "sim/io/config/runnable_scenario.hpp"
#include "sim/regimes/credit_ledger.hpp"
#include "sim/regimes/indicator.hpp"
#include "sim/regimes/organisation.hpp"
#include "sim/regimes/primitives.hpp"
#include "tests/regimes/regime_data.hpp"

namespace caseload::regimes {

namespace {

const core::SourceLocation here{"test", 1, 1};

core::ConfigNode scalar(const std::string& text) { return core::ConfigNode::scalar(text, here); }

core::ConfigNode list(const std::vector<std::string>& items) {
  core::ConfigNode node = core::ConfigNode::sequence(here);
  for (const auto& item : items) node.append(scalar(item));
  return node;
}

/// A job_entry with 4 points, a 13-week window and `extra` keys, over customer `groups`.
std::unique_ptr<Indicator> job_entry(const std::string& attribution, const model::Scenario& scenario,
                                     std::vector<std::pair<std::string, core::ConfigNode>> extra = {},
                                     std::vector<std::string> groups = {"all"}) {
  core::ConfigNode node = core::ConfigNode::map(here);
  node.set("attribution", scalar(attribution), here);
  node.set("points", scalar("4"), here);
  node.set("window_weeks", scalar("13"), here);
  for (auto& [key, value] : extra) node.set(key, std::move(value), here);
  core::Diagnostics problems;
  core::ConfigReader reader(node, "indicator", problems);
  IndicatorContext context{&scenario, std::move(groups)};
  auto indicator = make_job_entry(reader, context);
  reader.finish();
  EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : core::format_diagnostic(problems.items()[0]));
  return indicator;
}

model::ActionCandidate submission(double before, double after, double days_since_help) {
  model::ActionCandidate c;
  c.action = model::ActionKind::Submission;
  c.before.entry = before;
  c.after.entry = after;
  c.days_since_help = days_since_help;
  return c;
}

TEST(JobEntry, EvidencedFirstHelpIsWorthTheWholeChanceOfAnEntry) {
  model::Scenario scenario;
  const auto jet = job_entry("evidenced", scenario);
  const double never = std::numeric_limits<double>::infinity();
  // A cheap action on someone likely to find work anyway makes the whole entry claimable.
  EXPECT_DOUBLE_EQ(jet->value(submission(0.80, 0.82, never)), 4.0 * 0.82);
  // Once help is on record, only the change counts.
  EXPECT_DOUBLE_EQ(jet->value(submission(0.80, 0.82, 7.0)), 4.0 * (0.82 - 0.80));
}

TEST(JobEntry, MatchedIsWorthOnlyTheChangeItCauses) {
  model::Scenario scenario;
  const auto jot = job_entry("matched", scenario);
  const double never = std::numeric_limits<double>::infinity();
  EXPECT_NEAR(jot->value(submission(0.80, 0.82, never)), 4.0 * 0.02, 1e-12);
}

TEST(JobEntry, AttachedCreditsOnlyEntriesOfAttachedClientsToTheirProvider) {
  model::Scenario scenario;
  scenario.network.offices = 1;
  scenario.network.advisers_per_office = 2;
  scenario.network.advisers_per_team = 2;
  scenario.providers.per_office = 2;
  scenario.providers.caseworkers_per_provider = 1;  // advisers 0-1 office, 2 and 3 providers
  const auto attached = job_entry("attached", scenario);
  const Organisation organisation(scenario, Level::Provider);
  ASSERT_EQ(organisation.units(), 3u);  // the office, then one unit per provider
  CreditLedger ledger(organisation, 0.0, 1);
  model::Outcome entry;
  entry.kind = model::OutcomeKind::JobEntry;
  entry.time = 10.0;
  entry.adviser = static_cast<model::AdviserId>(1);  // on the jobcentre's caseload
  attached->record(entry, ledger);
  entry.adviser = static_cast<model::AdviserId>(3);  // attached to the second provider
  attached->record(entry, ledger);
  ledger.release_until(100.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(0), 0.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(1), 0.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(2), 4.0);
  // Valued only by a provider's caseworker.
  auto c = submission(0.5, 0.6, 0.0);
  EXPECT_DOUBLE_EQ(attached->value(c), 0.0);
  c.attached = true;
  EXPECT_NEAR(attached->value(c), 4.0 * 0.1, 1e-12);
}

model::Outcome outcome(model::OutcomeKind kind, double day, std::uint32_t person,
                       std::uint32_t adviser = 0, std::uint32_t group = 0) {
  model::Outcome o;
  o.kind = kind;
  o.time = day;
  o.client = static_cast<model::JobseekerId>(person);
  o.adviser = static_cast<model::AdviserId>(adviser);
  o.group = static_cast<model::GroupId>(group);
  o.days_since_help = 1.0;  // evidenced
  return o;
}

// Two offices of two advisers; credit is counted per adviser (unit i is adviser i).
struct BonusFixture : ::testing::Test {
  BonusFixture() {
    scenario.network.offices = 2;
    scenario.network.advisers_per_office = 2;
    scenario.network.advisers_per_team = 1;
  }
  // Drives the indicator week by week as IndicatorSetRegime does.
  void run_weeks(Indicator& indicator, CreditLedger& ledger, int weeks) {
    for (int week = 0; week < weeks; ++week) {
      indicator.end_week((week + 1) * 7.0, ledger);
      ledger.release_until((week + 1) * 7.0);
    }
  }
  std::vector<std::pair<std::string, core::ConfigNode>> bonus_keys() {
    std::vector<std::pair<std::string, core::ConfigNode>> keys;
    keys.emplace_back("bonus_points", scalar("1"));
    keys.emplace_back("bonus_after_weeks", scalar("4"));
    keys.emplace_back("bonus_groups", list({"jsa"}));
    return keys;
  }
  model::Scenario scenario;
};

TEST_F(BonusFixture, BonusIsCreditedToTheAdviserWhenNoClaimStartsWithinFourWeeks) {
  const auto jet = job_entry("evidenced", scenario, bonus_keys(), {"jsa", "lone_parent"});
  const Organisation organisation(scenario, Level::Adviser);
  CreditLedger ledger(organisation, 0.0, 2);  // groups jsa and lone_parent
  jet->record(outcome(model::OutcomeKind::JobEntry, 10.0, 7, /*adviser=*/3), ledger);
  // A claim by someone else, and one by this person after the 4 weeks, change nothing.
  jet->record(outcome(model::OutcomeKind::ClaimStart, 20.0, 8), ledger);
  run_weeks(*jet, ledger, 5);  // to day 35: the bonus falls due on day 38
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(3), 4.0);
  jet->record(outcome(model::OutcomeKind::ClaimStart, 38.5, 7), ledger);
  jet->end_week(42.0, ledger);
  ledger.release_until(42.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(3), 5.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(0) + ledger.unit_to_date(1) + ledger.unit_to_date(2), 0.0);
}

TEST_F(BonusFixture, BonusIsNotCreditedWhenAClaimStartsWithinFourWeeks) {
  const auto jet = job_entry("evidenced", scenario, bonus_keys(), {"jsa", "lone_parent"});
  const Organisation organisation(scenario, Level::Adviser);
  CreditLedger ledger(organisation, 0.0, 2);  // groups jsa and lone_parent
  jet->record(outcome(model::OutcomeKind::JobEntry, 10.0, 7, 1), ledger);
  jet->record(outcome(model::OutcomeKind::ClaimStart, 37.9, 7), ledger);  // just inside 4 weeks
  // Back in work: the second entry earns a bonus of its own.
  jet->record(outcome(model::OutcomeKind::JobEntry, 40.0, 7, 2), ledger);
  run_weeks(*jet, ledger, 10);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(1), 4.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(2), 5.0);
}

TEST_F(BonusFixture, BonusOnlyForListedGroupsAndOnlyForCountedEntries) {
  const auto jet = job_entry("evidenced", scenario, bonus_keys(), {"jsa", "lone_parent"});
  const Organisation organisation(scenario, Level::Adviser);
  CreditLedger ledger(organisation, 0.0, 2);  // groups jsa and lone_parent
  jet->record(outcome(model::OutcomeKind::JobEntry, 10.0, 1, 0, /*group=*/1), ledger);
  auto unevidenced = outcome(model::OutcomeKind::JobEntry, 11.0, 2, 1, 0);
  unevidenced.days_since_help = 200.0;
  jet->record(unevidenced, ledger);
  run_weeks(*jet, ledger, 10);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(0), 4.0);  // lone parent: the entry, no bonus
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(1), 0.0);  // not counted, so no bonus either
}

TEST_F(BonusFixture, MatchedBonusCountsAfterTheLag) {
  auto keys = bonus_keys();
  keys.emplace_back("lag_weeks", scalar("2"));
  const auto jot = job_entry("matched", scenario, std::move(keys), {"jsa", "lone_parent"});
  const Organisation organisation(scenario, Level::Adviser);
  CreditLedger ledger(organisation, 0.0, 2);  // groups jsa and lone_parent
  jot->record(outcome(model::OutcomeKind::JobEntry, 10.0, 7, 2), ledger);
  run_weeks(*jot, ledger, 6);  // day 42: entry counted on day 24, bonus due 38, counted 52
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(2), 4.0);
  jot->end_week(49.0, ledger);
  ledger.release_until(49.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(2), 4.0);
  jot->end_week(56.0, ledger);
  ledger.release_until(56.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(2), 5.0);
}

TEST_F(BonusFixture, BonusIsValuedByTheChanceOfStayingOffBenefit) {
  scenario.jobs.recycle_probability = 0.9;
  scenario.jobs.reclaim_delay_weeks = 1.0;
  const auto jet = job_entry("evidenced", scenario, bonus_keys(), {"jsa", "lone_parent"});
  model::ActionCandidate c = submission(0.5, 0.6, std::numeric_limits<double>::infinity());
  c.after.sustained_13 = 0.6 * std::exp(-13.0 * 0.05);  // hazard 0.05 a week
  // Off benefit after 4 weeks unless the job ends within 3 (1-week reclaim delay) and a claim follows.
  const double off = 1.0 - 0.9 * (1.0 - std::exp(-3.0 * 0.05));
  EXPECT_NEAR(jet->value(c), 4.0 * 0.6 + 1.0 * 0.6 * off, 1e-12);
  c.group = static_cast<model::GroupId>(1);  // not in bonus_groups
  EXPECT_DOUBLE_EQ(jet->value(c), 4.0 * 0.6);
}

TEST_F(BonusFixture, BonusCountsTheReclaimChanceAtTheTenureTheJobReaches) {
  scenario.jobs.recycle_probability = 0.9;
  scenario.jobs.recycle_long_tenure = 0.3;
  scenario.jobs.recycle_decay_weeks = 52.0;
  scenario.jobs.reclaim_delay_weeks = 1.0;
  const auto jet = job_entry("evidenced", scenario, bonus_keys(), {"jsa", "lone_parent"});
  model::ActionCandidate c = submission(0.5, 0.6, std::numeric_limits<double>::infinity());
  c.after.sustained_13 = 0.6 * std::exp(-13.0 * 0.05);  // hazard 0.05 a week
  // A job ending at t < 3 weeks brings a claim with 0.3 + 0.6 exp(-t/52); integrated against
  // the tenure density 0.05 exp(-0.05 t):
  const double fading = 0.05 + 1.0 / 52.0;
  const double reclaims = 0.3 * (1.0 - std::exp(-0.15)) + 0.6 * 0.05 / fading * (1.0 - std::exp(-3.0 * fading));
  EXPECT_NEAR(jet->value(c), 4.0 * 0.6 + 1.0 * 0.6 * (1.0 - reclaims), 1e-12);
}

TEST_F(BonusFixture, UpliftIsHalfTheScoreWithAMinimumOfTwo) {
  std::vector<std::pair<std::string, core::ConfigNode>> keys;
  keys.emplace_back("points", core::ConfigNode::map(here));
  keys.back().second.set("default", scalar("2"), here);
  keys.back().second.set("lone_parent", scalar("12"), here);
  keys.emplace_back("uplift_offices", list({"1"}));
  const auto jet = job_entry("evidenced", scenario, std::move(keys), {"jsa", "lone_parent"});
  const Organisation organisation(scenario, Level::Adviser);
  CreditLedger ledger(organisation, 0.0, 2);  // groups jsa and lone_parent
  auto entry = outcome(model::OutcomeKind::JobEntry, 10.0, 1, 0, 0);
  jet->record(entry, ledger);                       // office 0: 2 points
  entry.adviser = static_cast<model::AdviserId>(2);
  entry.office = static_cast<model::OfficeId>(1);
  jet->record(entry, ledger);                       // 2 + max(1, 2) = 4
  entry.adviser = static_cast<model::AdviserId>(3);
  entry.group = static_cast<model::GroupId>(1);
  jet->record(entry, ledger);                       // 12 + max(6, 2) = 18
  ledger.release_until(14.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(0), 2.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(2), 4.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(3), 18.0);
  // Valued the same way in the plan.
  model::ActionCandidate c = submission(0.5, 0.6, std::numeric_limits<double>::infinity());
  c.group = static_cast<model::GroupId>(1);
  c.office = static_cast<model::OfficeId>(1);
  EXPECT_DOUBLE_EQ(jet->value(c), 18.0 * 0.6);
  c.office = static_cast<model::OfficeId>(0);
  EXPECT_DOUBLE_EQ(jet->value(c), 12.0 * 0.6);
}

TEST(JobEntryConfig, UnknownBonusGroupAndOfficeOutOfRangeAreLocated) {
  const auto problems = testing::load_problems("bonus_and_uplift_errors.yaml");
  ASSERT_EQ(problems.size(), 2u);
  const std::string& first = problems[0];
  const std::string& second = problems[1];
  EXPECT_NE(first.find("bonus_and_uplift_errors.yaml:12:35: 'regime.indicators[0].bonus_groups' names "
                       "unknown customer group 'jsa_25_pls'; known: jsa_25_plus (did you mean 'jsa_25_plus'?)"),
            std::string::npos) << first;
  EXPECT_NE(second.find("bonus_and_uplift_errors.yaml:13:27: 'regime.indicators[0].uplift_offices' lists "
                        "office 2; offices are numbered 0 to 1 (network.offices = 2)"),
            std::string::npos) << second;
}

}  // namespace
}  // namespace caseload::regimes
