// The by-group table `caseload run` prints, on a report built by hand.

#include <cmath>

#include <gtest/gtest.h>

#include "sim/cli/breakdown_report.hpp"

namespace caseload::cli {
namespace {

model::Scenario two_groups() {
  model::Scenario scenario;
  scenario.groups.resize(2);
  scenario.groups[0].name = "young";
  scenario.groups[1].name = "long_term_sick";
  return scenario;
}

metrics::MetricsReport report_for_two_groups() {
  metrics::MetricsReport report;
  std::vector<double> young(60, 0.5), sick(60, 0.1);
  young[13] = 0.25;
  young[26] = 0.5;
  young[52] = 0.875;
  report.offflow.by_group = {young, sick};
  report.offflow.claims_by_group = {1200.0, 40.0};
  report.offflow.target_weeks_by_group = {52.0, std::nan("")};
  report.offflow.target_share_by_group = {0.91, std::nan("")};
  report.offflow.at_target_by_group = {0.875, std::nan("")};
  report.parking.parked_share_by_group = {0.125, std::nan("")};
  return report;
}

TEST(GroupTable, OneRowPerGroupWithCountsAsIntegersSharesAsPercentAndGapsAsDash) {
  EXPECT_EQ(format_group_table(two_groups(), report_for_two_groups()),
            "group              claims    off_13w    off_26w    off_52w  target_weeks     target  at_target     parked\n"
            "young                1200      25.0%      50.0%      87.5%            52      91.0%      87.5%      12.5%\n"
            "long_term_sick         40      10.0%      10.0%      10.0%             -          -          -          -\n");
}

TEST(GroupTable, NetImpactColumnOnlyWithACounterfactual) {
  auto report = report_for_two_groups();
  EXPECT_EQ(format_group_table(two_groups(), report).find("net_weeks_per_person"), std::string::npos);
  metrics::NetImpact net;
  net.employment_weeks_per_person_by_group = {3.25, -0.5};
  report.net_impact = net;
  const std::string text = format_group_table(two_groups(), report);
  EXPECT_NE(text.find("net_weeks_per_person\n"), std::string::npos) << text;
  EXPECT_NE(text.find("3.2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("-0.5\n"), std::string::npos) << text;
}

TEST(GroupTable, JsonKeysRowsByGroupWithNullForGaps) {
  EXPECT_EQ(format_group_json(two_groups(), report_for_two_groups()),
            R"({"young": {"claims": 1200, "off_13w": 0.25, "off_26w": 0.5, "off_52w": 0.875, "target_weeks": 52, )"
            R"("target": 0.91, "at_target": 0.875, "parked": 0.125}, "long_term_sick": {"claims": 40, "off_13w": 0.1, )"
            R"("off_26w": 0.1, "off_52w": 0.1, "target_weeks": null, "target": null, "at_target": null, "parked": null}})");
}

}  // namespace
}  // namespace caseload::cli
