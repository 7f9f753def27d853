// The summary's names and order are a contract with scripts; a run without a counterfactual
// keeps every name and reports NaN for what needs one.

#include "sim/metrics/summary.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "sim/metrics/metric.hpp"
#include "tests/io/trace/doc_block.hpp"
#include "tests/metrics/hand_data.hpp"

namespace caseload::metrics {
namespace {

model::SimulationResult small_pair() {
  model::SimulationResult result;
  result.treatment = hand::empty_variant();
  hand::add(result.treatment, {.claim_weeks = 10,
                               .parked_weeks = 8,
                               .interview_minutes = 40.0f,
                               .employed_days = 14.0f,
                               .entries = 1,
                               .adviser = 0});
  hand::add_adviser(result.treatment, 0, 1.0);
  result.counterfactual = hand::empty_variant("counterfactual");
  hand::add(*result.counterfactual, {.claim_weeks = 12, .adviser = 0});
  hand::add_adviser(*result.counterfactual, 0, 0.0);
  return result;
}

TEST(Summary, NamesAreUniqueSnakeCaseWithDescriptions) {
  const auto figures = summarise(hand::scenario_with_groups(1), small_pair());
  std::set<std::string> names;
  for (const auto& figure : figures) {
    EXPECT_TRUE(names.insert(figure.name).second) << "duplicate " << figure.name;
    EXPECT_FALSE(figure.description.empty()) << figure.name;
    for (const char ch : figure.name) {
      EXPECT_TRUE((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_') << figure.name;
    }
  }
  EXPECT_EQ(figures.front().name, "off_benefit_13w");
  EXPECT_EQ(figures.back().name, "trial_spillover_on_controls_weeks");
}

TEST(Summary, SameNamesInTheSameOrderWithoutACounterfactual) {
  auto result = small_pair();
  const auto with = summarise(hand::scenario_with_groups(1), result);
  result.counterfactual.reset();
  const auto without = summarise(hand::scenario_with_groups(1), result);
  ASSERT_EQ(with.size(), without.size());
  for (std::size_t i = 0; i < with.size(); ++i) EXPECT_EQ(with[i].name, without[i].name);
  const auto value_of = [](const auto& figures, const std::string& name) {
    for (const auto& figure : figures) {
      if (figure.name == name) return figure.value;
    }
    ADD_FAILURE() << "no figure " << name;
    return 0.0;
  };
  EXPECT_DOUBLE_EQ(value_of(with, "net_employment_weeks"), 2.0);
  EXPECT_TRUE(std::isnan(value_of(without, "net_employment_weeks")));
  EXPECT_TRUE(std::isnan(value_of(without, "cost_per_net_sustained_job")));
  EXPECT_DOUBLE_EQ(value_of(without, "parked_share"), 0.8);
  EXPECT_DOUBLE_EQ(value_of(without, "help_minutes_per_client_week"), 4.0);
}

TEST(Summary, IsTheRegistryInItsOrderWithItsDescriptions) {
  const auto figures = summarise(hand::scenario_with_groups(1), small_pair());
  const auto registered = registered_metrics();
  ASSERT_EQ(figures.size(), registered.size());
  for (std::size_t i = 0; i < figures.size(); ++i) {
    EXPECT_EQ(figures[i].name, registered[i].name);
    EXPECT_EQ(figures[i].description, registered[i].description);
    EXPECT_FALSE(registered[i].unit.empty()) << registered[i].name;
  }
}

TEST(Summary, DocsTableIsTheRegistry) {
  caseload::testing::expect_doc_block("docs/METRICS.md", "summary", metrics_markdown());
}

TEST(MetricsReport, LabelsGroupVectorsWithTheScenariosGroups) {
  const auto report = make_report(hand::scenario_with_groups(2), small_pair());
  EXPECT_EQ(report.group_names, (std::vector<std::string>{"g0", "g1"}));
  EXPECT_EQ(report.parking.parked_share_by_group.size(), 2u);
  ASSERT_TRUE(report.net_impact.has_value());
  EXPECT_EQ(report.net_impact->equity_gap_by_group.size(), 2u);
}

}  // namespace
}  // namespace caseload::metrics
