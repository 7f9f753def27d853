// The valuation rules that make evidenced attribution gameable and matched attribution not.

#include <limits>

#include <gtest/gtest.h>

#include "sim/core/config_reader.hpp"
#include "sim/regimes/indicator.hpp"

namespace caseload::regimes {

std::unique_ptr<Indicator> make_job_entry(core::ConfigReader&, const IndicatorContext&);

namespace {

std::unique_ptr<Indicator> job_entry(const std::string& attribution, const model::Scenario& scenario) {
  core::ConfigNode node = core::ConfigNode::map({"test", 1, 1});
  node.set("attribution", core::ConfigNode::scalar(attribution, {"test", 1, 1}), {"test", 1, 1});
  node.set("points", core::ConfigNode::scalar("4", {"test", 1, 1}), {"test", 1, 1});
  node.set("window_weeks", core::ConfigNode::scalar("13", {"test", 1, 1}), {"test", 1, 1});
  core::Diagnostics problems;
  core::ConfigReader reader(node, "indicator", problems);
  IndicatorContext context{&scenario, {"all"}};
  auto indicator = make_job_entry(reader, context);
  EXPECT_TRUE(problems.empty());
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

}  // namespace
}  // namespace caseload::regimes
