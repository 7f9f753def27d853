// The valuation rules that make evidenced attribution gameable and matched attribution not.

#include <limits>

#include <gtest/gtest.h>

#include "sim/core/config_reader.hpp"
#include "sim/regimes/credit_ledger.hpp"
#include "sim/regimes/indicator.hpp"
#include "sim/regimes/organisation.hpp"

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

TEST(JobEntry, AttachedCreditsOnlyEntriesOfAttachedClientsToTheirProvider) {
  model::Scenario scenario;
  scenario.network.offices = 1;
  scenario.network.advisers_per_office = 2;
  scenario.network.advisers_per_team = 2;
  scenario.providers.per_office = 2;
  scenario.providers.caseworkers_per_provider = 1;  // advisers 0-1 office, 2 and 3 providers
  const auto attached = job_entry("attached", scenario);
  const Organisation organisation(scenario.network, scenario.providers, Level::Provider);
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

}  // namespace
}  // namespace caseload::regimes
