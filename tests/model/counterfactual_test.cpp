// Common random numbers: a counterfactual that shares every exogenous stream with the
// treatment and has the same policy must reproduce it person by person.

#include <gtest/gtest.h>

#include "tests/model/fixtures.hpp"

namespace caseload::model {
namespace {

TEST(Counterfactual, SamePolicyGivesZeroNetImpactForEveryPerson) {
  Scenario scenario = fixtures::small_scenario();
  scenario.counterfactual.policy = scenario.policy;  // help in both arms
  const auto result = fixtures::run(scenario);
  ASSERT_TRUE(result.counterfactual.has_value());
  const auto& t = result.treatment.jobseekers;
  const auto& c = result.counterfactual->jobseekers;
  ASSERT_EQ(t.size(), c.size());
  ASSERT_GT(t.size(), 1000u);
  for (std::uint32_t i = 0; i < t.size(); ++i) {
    ASSERT_EQ(t.employed_days[i], c.employed_days[i]) << "person " << i;
    ASSERT_EQ(t.entries[i], c.entries[i]) << "person " << i;
    ASSERT_EQ(t.help_minutes[i], c.help_minutes[i]) << "person " << i;
  }
  EXPECT_EQ(result.treatment.events_handled, result.counterfactual->events_handled);
}

TEST(Counterfactual, SharesAttributesButNotHelp) {
  const auto result = fixtures::run(fixtures::small_scenario());
  ASSERT_TRUE(result.counterfactual.has_value());
  const auto& t = result.treatment.jobseekers;
  const auto& c = result.counterfactual->jobseekers;
  ASSERT_EQ(t.size(), c.size());
  double treatment_minutes = 0.0, counterfactual_minutes = 0.0;
  for (std::uint32_t i = 0; i < t.size(); ++i) {
    ASSERT_EQ(t.employability[i], c.employability[i]);
    ASSERT_EQ(t.motivation[i], c.motivation[i]);
    for (float m : t.help_minutes[i]) treatment_minutes += m;
    for (float m : c.help_minutes[i]) counterfactual_minutes += m;
  }
  EXPECT_GT(treatment_minutes, 0.0);
  EXPECT_EQ(counterfactual_minutes, 0.0);
}

TEST(Simulation, SameSeedGivesIdenticalRuns) {
  const auto first = fixtures::run(fixtures::small_scenario(11));
  const auto second = fixtures::run(fixtures::small_scenario(11));
  ASSERT_EQ(first.treatment.panel.size(), second.treatment.panel.size());
  for (std::size_t i = 0; i < first.treatment.panel.size(); ++i) {
    const auto& a = first.treatment.panel[i].counts;
    const auto& b = second.treatment.panel[i].counts;
    ASSERT_EQ(a.stock, b.stock);
    ASSERT_EQ(a.exits, b.exits);
    ASSERT_EQ(a.minutes, b.minutes);
  }
  EXPECT_EQ(first.treatment.events_handled, second.treatment.events_handled);
  const auto other = fixtures::run(fixtures::small_scenario(12));
  EXPECT_NE(first.treatment.events_handled, other.treatment.events_handled);
}

TEST(JobseekerTable, ModelStateFitsInTwoHundredBytesPerRow) {
  EXPECT_LE(JobseekerTable::bytes_per_row(), 200u);
}

}  // namespace
}  // namespace caseload::model
