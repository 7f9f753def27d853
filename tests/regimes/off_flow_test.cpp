// The off-flow indicator measured continuously and at marks: what an action is worth from the
// weeks left to the client's next mark, when a claim's exit is credited, and the errors a
// malformed list of marks gives.

#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "sim/core/config_reader.hpp"
#include "sim/core/diagnostics.hpp"
#include "sim/regimes/credit_ledger.hpp"
#include "sim/regimes/primitives.hpp"
#include "tests/regimes/regime_data.hpp"

namespace caseload::regimes {
namespace {

const core::SourceLocation here{"test", 1, 1};

/// An off_flow indicator with 2 points and `keys`, over one customer group.
std::unique_ptr<Indicator> off_flow(const model::Scenario& scenario,
                                    std::vector<std::pair<std::string, core::ConfigNode>> keys) {
  core::ConfigNode node = core::ConfigNode::map(here);
  node.set("points", core::ConfigNode::scalar("2", here), here);
  for (auto& [key, value] : keys) node.set(key, std::move(value), here);
  core::Diagnostics problems;
  core::ConfigReader reader(node, "indicator", problems);
  const IndicatorContext context{&scenario, {"all"}};
  const Primitive* primitive = find_primitive("off_flow");
  auto settings = primitive->read(reader, context);
  reader.finish();
  EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : core::format_diagnostic(problems.items()[0]));
  return primitive->build(*settings, context);
}

core::ConfigNode numbers(const std::vector<std::string>& items) {
  core::ConfigNode node = core::ConfigNode::sequence(here);
  for (const auto& item : items) node.append(core::ConfigNode::scalar(item, here));
  return node;
}

std::unique_ptr<Indicator> quarterly_marks(const model::Scenario& scenario) {
  std::vector<std::pair<std::string, core::ConfigNode>> keys;
  keys.emplace_back("measured_at", numbers({"13", "26", "39", "52"}));
  return off_flow(scenario, std::move(keys));
}

/// A client still claiming who leaves benefit each week with `weekly` (before help) or
/// `weekly_helped` (after), at `claim_weeks`.
model::ActionCandidate weekly_leaving(double claim_weeks, double weekly, double weekly_helped) {
  model::ActionCandidate c;
  c.claim_weeks = claim_weeks;
  c.before.still_claiming = 1.0;
  c.before.stay = 1.0 - weekly;  // review_weeks 1: a review every week
  c.before.off_flow = 1.0 - std::pow(1.0 - weekly, 13.0);  // over a 13-week horizon
  c.after = c.before;
  c.after.stay = 1.0 - weekly_helped;
  c.after.off_flow = 1.0 - std::pow(1.0 - weekly_helped, 13.0);
  return c;
}

model::Outcome exit_at(double claim_weeks, double day) {
  model::Outcome outcome;
  outcome.kind = model::OutcomeKind::Exit;
  outcome.adviser = static_cast<model::AdviserId>(0);
  outcome.client = static_cast<model::JobseekerId>(0);
  outcome.claim_weeks = claim_weeks;
  outcome.time = day;
  return outcome;
}

TEST(OffFlowAtMarks, ActionIsWorthTheChangeInLeavingByTheNextMark) {
  const model::Scenario scenario;
  const auto marks = quarterly_marks(scenario);
  // One week to the 13-week mark: one week of the raised chance counts.
  EXPECT_NEAR(marks->value(weekly_leaving(12.0, 0.05, 0.10)), 2.0 * (0.95 - 0.90), 1e-12);
  // Twelve weeks to the 26-week mark.
  EXPECT_NEAR(marks->value(weekly_leaving(14.0, 0.05, 0.10)), 2.0 * (std::pow(0.95, 12) - std::pow(0.90, 12)),
              1e-12);
  // Past the last mark nothing is left to count.
  EXPECT_EQ(marks->value(weekly_leaving(52.5, 0.05, 0.10)), 0.0);
}

TEST(OffFlowAtMarks, AnImmediateHireIsWorthMoreJustBeforeAMarkThanJustAfterOne) {
  const model::Scenario scenario;
  const auto marks = quarterly_marks(scenario);
  // A submission: a chance of a hire now, then the same weekly leaving either way.
  auto hire_now = [](double claim_weeks) {
    model::ActionCandidate c = weekly_leaving(claim_weeks, 0.05, 0.05);
    c.after.still_claiming = 0.8;
    return c;
  };
  const double before_mark = marks->value(hire_now(11.0));
  const double after_mark = marks->value(hire_now(13.5));
  EXPECT_NEAR(before_mark, 2.0 * 0.2 * std::pow(0.95, 2.0), 1e-12);
  EXPECT_NEAR(after_mark, 2.0 * 0.2 * std::pow(0.95, 12.5), 1e-12);
  EXPECT_GT(before_mark, after_mark);
}

TEST(OffFlowContinuous, ActionIsWorthTheChangeOverTheHorizonWhateverTheWeeksToAMark) {
  const model::Scenario scenario;
  std::vector<std::pair<std::string, core::ConfigNode>> keys;
  keys.emplace_back("weeks", core::ConfigNode::scalar("52", here));
  const auto continuous = off_flow(scenario, std::move(keys));
  const model::ActionCandidate before_mark = weekly_leaving(12.0, 0.05, 0.10);
  const model::ActionCandidate after_mark = weekly_leaving(14.0, 0.05, 0.10);
  EXPECT_NEAR(continuous->value(before_mark), 2.0 * (after_mark.after.off_flow - after_mark.before.off_flow), 1e-12);
  EXPECT_EQ(continuous->value(before_mark), continuous->value(after_mark));
}

// One adviser's ledger, measuring from day 0.
struct OneAdviser {
  model::Scenario scenario = [] {
    model::Scenario s;
    s.network.offices = 1;
    s.network.advisers_per_office = 1;
    s.network.advisers_per_team = 1;
    return s;
  }();
  Organisation advisers{scenario.network, Level::Adviser};
  CreditLedger ledger{advisers, 0.0, 1};
};

TEST(OffFlowAtMarks, AnExitIsCreditedOnTheDayOfTheNextMark) {
  OneAdviser desk;
  CreditLedger& ledger = desk.ledger;
  const model::Scenario& scenario = desk.scenario;
  const auto marks = quarterly_marks(scenario);
  marks->record(exit_at(10.0, 100.0), ledger);  // 3 weeks before the 13-week mark
  marks->record(exit_at(26.0, 200.0), ledger);  // on a mark: counted that day
  marks->record(exit_at(53.0, 300.0), ledger);  // after the last mark: never counted
  ledger.release_until(120.9);
  EXPECT_EQ(ledger.unit_to_date(0), 0.0);
  ledger.release_until(121.0);
  EXPECT_EQ(ledger.unit_to_date(0), 2.0);
  ledger.release_until(200.0);
  EXPECT_EQ(ledger.unit_to_date(0), 4.0);
  ledger.release_until(1000.0);
  EXPECT_EQ(ledger.unit_to_date(0), 4.0);
}

TEST(OffFlowContinuous, AnExitWithinTheWindowIsCreditedAtOnce) {
  OneAdviser desk;
  CreditLedger& ledger = desk.ledger;
  const model::Scenario& scenario = desk.scenario;
  const auto continuous = off_flow(scenario, {});  // 13 weeks
  continuous->record(exit_at(10.0, 100.0), ledger);
  continuous->record(exit_at(14.0, 110.0), ledger);
  ledger.release_until(100.0);
  EXPECT_EQ(ledger.unit_to_date(0), 2.0);
  ledger.release_until(1000.0);
  EXPECT_EQ(ledger.unit_to_date(0), 2.0);
}

// The one problem loading `file` reports contains `expected` (location, key and message).
void expect_only_problem(const std::string& file, const std::string& expected) {
  const auto problems = testing::load_problems(file);
  ASSERT_EQ(problems.size(), 1u) << file;
  EXPECT_NE(problems.front().find(expected), std::string::npos) << problems.front();
}

TEST(OffFlowAtMarks, MarksOutOfOrderAreLocatedAndNamed) {
  expect_only_problem("marks_not_increasing.yaml",
                      "marks_not_increasing.yaml:9:20: 'regime.indicators[0].measured_at' must list claim weeks in "
                      "increasing order; item 1 (13) is not after item 0 (26)");
}

TEST(OffFlowAtMarks, NegativeMarkIsLocatedAndNamed) {
  expect_only_problem("marks_negative.yaml",
                      "marks_negative.yaml:9:21: 'regime.indicators[0].measured_at' must be a number > 0, got -13");
}

TEST(OffFlowAtMarks, MarksAndAWindowTogetherAreAnError) {
  expect_only_problem("marks_and_weeks.yaml",
                      "marks_and_weeks.yaml:9:14: 'regime.indicators[0].weeks' and 'regime.indicators[0].measured_at' "
                      "exclude each other");
}

}  // namespace
}  // namespace caseload::regimes
