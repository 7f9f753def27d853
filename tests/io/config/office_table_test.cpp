// Office tables: a real network loads row by row, and every mistake in one is reported where it
// is (file:row:column for CSV, file:line:col for YAML), naming the column, before anything runs.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/io/config/scenario_loader.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::io {
namespace {

using caseload::testing::problems_of;
using caseload::testing::ScratchFolder;

// Two groups, 15 and 3 new claims a week per office by default (shares 5/6 and 1/6).
std::string scenario_with_table(const std::string& table, const std::string& extra = "") {
  return "name: table\nrun: {seed: 1, weeks: 4, warmup_weeks: 0}\nnetwork: {office_table: " + table + extra +
         "}\ngroups:\n  jsa_25_plus: {inflow_per_week: 15}\n  disabled: {inflow_per_week: 3}\n";
}

const std::string good_csv =
    "office,advisers,inflow_scale,employers,vacancy_rate,quality_mean,share_jsa_25_plus,share_disabled\n"
    "north,4,1.0,40,2.0,0.6,0.8,0.2\n"
    "south,6,1.5,60,1.0,0.4,0.9,0.1\n"
    "east,5,1.2,50,1.5,0.5,0.7,0.3\n";

TEST(OfficeTable, CsvRowsBecomeOfficeProfiles) {
  ScratchFolder folder;
  folder.write("offices.csv", good_csv);
  const auto file = folder.write("scenario.yaml", scenario_with_table("offices.csv", ", clusters: 2"));
  const model::Scenario scenario = load_scenario(file, {}).scenario;
  ASSERT_EQ(scenario.network.offices, 3);
  ASSERT_EQ(scenario.network.profiles.size(), 3u);
  const model::OfficeProfile& south = scenario.network.profiles[1];
  EXPECT_EQ(south.name, "south");
  EXPECT_EQ(south.advisers, 6);
  EXPECT_EQ(south.employers, 60);
  EXPECT_DOUBLE_EQ(south.inflow_scale, 1.5);
  EXPECT_DOUBLE_EQ(south.vacancies_per_week, 1.0);
  EXPECT_DOUBLE_EQ(south.quality_mean(), 0.4);
  // Shares are of the office's inflow: 90% of 18 new claims a week is 16.2 of jsa_25_plus.
  ASSERT_EQ(south.group_inflow_scale.size(), 2u);
  EXPECT_NEAR(15.0 * south.group_inflow_scale[0], 0.9 * 18.0, 1e-12);
  EXPECT_NEAR(3.0 * south.group_inflow_scale[1], 0.1 * 18.0, 1e-12);
  // Tightness reads vacancies against the office's size.
  EXPECT_DOUBLE_EQ(south.tightness_half_vacancies, 1.5 * scenario.search.tightness_half_vacancies);
  EXPECT_EQ(south.advisers, scenario.network.advisers_at(1));
  EXPECT_EQ(scenario.network.total_advisers(), 15);
  // Two clusters: north (most vacancies per claim) apart from south (fewest).
  EXPECT_NE(scenario.network.profiles[0].cluster, south.cluster);
  EXPECT_EQ(south.cluster, 0);
}

TEST(OfficeTable, OfficesTakesTheFirstRows) {
  ScratchFolder folder;
  folder.write("offices.csv", good_csv);
  const auto file = folder.write("scenario.yaml", scenario_with_table("offices.csv", ", offices: 2"));
  const model::Scenario scenario = load_scenario(file, {}).scenario;
  ASSERT_EQ(scenario.network.profiles.size(), 2u);
  EXPECT_EQ(scenario.network.profiles[1].name, "south");
}

TEST(OfficeTable, YamlTableLoadsLikeCsv) {
  ScratchFolder folder;
  folder.write("offices.yaml",
               "offices:\n"
               "  - {office: north, advisers: 4, inflow_scale: 1.0, employers: 40, vacancy_rate: 2.0, quality_mean: 0.6, cluster: 1}\n"
               "  - {office: south, advisers: 6, inflow_scale: 1.5, employers: 60, vacancy_rate: 1.0, quality_mean: 0.4, cluster: 0}\n");
  const auto file = folder.write("scenario.yaml", scenario_with_table("offices.yaml"));
  const model::Scenario scenario = load_scenario(file, {}).scenario;
  ASSERT_EQ(scenario.network.profiles.size(), 2u);
  EXPECT_EQ(scenario.network.profiles[0].cluster, 1);  // the table's clusters win
  EXPECT_EQ(scenario.network.profiles[1].advisers, 6);
  EXPECT_TRUE(scenario.network.profiles[1].group_inflow_scale.empty());  // no shares: the scenario's mix
}

TEST(OfficeTable, MissingColumnIsNamedAtTheHeader) {
  ScratchFolder folder;
  const auto table = folder.write("offices.csv",
                                  "office,advisers,inflow_scale,employers,quality_mean\n"
                                  "north,4,1.0,40,0.6\n");
  const auto file = folder.write("scenario.yaml", scenario_with_table("offices.csv"));
  EXPECT_EQ(problems_of([&] { load_scenario(file, {}); }),
            std::vector<std::string>{table.string() +
                                     ":1:1: office table has no 'vacancy_rate' column; required: office, advisers, "
                                     "inflow_scale, employers, vacancy_rate, quality_mean"});
}

TEST(OfficeTable, ShareOutsideZeroToOneIsReportedAtRowAndColumn) {
  ScratchFolder folder;
  const auto table = folder.write("offices.csv",
                                  "office,advisers,inflow_scale,employers,vacancy_rate,quality_mean,share_jsa_25_plus,share_disabled\n"
                                  "north,4,1.0,40,2.0,0.6,0.8,0.2\n"
                                  "south,6,1.5,60,1.0,0.4,-0.2,1.2\n");
  const auto file = folder.write("scenario.yaml", scenario_with_table("offices.csv"));
  EXPECT_EQ(problems_of([&] { load_scenario(file, {}); }),
            (std::vector<std::string>{
                table.string() + ":3:7: office table column 'share_jsa_25_plus' is '-0.2'; allowed: a number in [0, 1]",
                table.string() + ":3:8: office table column 'share_disabled' is '1.2'; allowed: a number in [0, 1]"}));
}

TEST(OfficeTable, SharesNotSummingToOneAreReportedAtTheYamlRow) {
  ScratchFolder folder;
  const auto table = folder.write(
      "offices.yaml",
      "offices:\n"
      "  - office: north\n    advisers: 4\n    inflow_scale: 1\n    employers: 40\n    vacancy_rate: 2\n"
      "    quality_mean: 0.6\n    share_jsa_25_plus: 0.7\n    share_disabled: 0.2\n");
  const auto file = folder.write("scenario.yaml", scenario_with_table("offices.yaml"));
  const auto problems = problems_of([&] { load_scenario(file, {}); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].rfind(table.string() + ":2:5: office table row's shares", 0), 0u) << problems[0];
  EXPECT_NE(problems[0].find("sum to 0.9, not 1"), std::string::npos) << problems[0];
}

TEST(OfficeTable, UnknownGroupInAShareColumnIsNamed) {
  ScratchFolder folder;
  const auto table = folder.write("offices.csv",
                                  "office,advisers,inflow_scale,employers,vacancy_rate,quality_mean,share_lone_parent\n"
                                  "north,4,1.0,40,2.0,0.6,0.1\n");
  const auto file = folder.write("scenario.yaml", scenario_with_table("offices.csv"));
  const auto problems = problems_of([&] { load_scenario(file, {}); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], table.string() +
                             ":1:7: office table column 'share_lone_parent' names group 'lone_parent', which the "
                             "scenario does not define; groups: share_jsa_25_plus, share_disabled");
}

TEST(OfficeTable, ClusterMustBeGivenForEveryOfficeOrNone) {
  ScratchFolder folder;
  folder.write("offices.yaml",
               "offices:\n"
               "  - {office: a, advisers: 4, inflow_scale: 1, employers: 40, vacancy_rate: 2, quality_mean: 0.6, cluster: 0}\n"
               "  - {office: b, advisers: 4, inflow_scale: 1, employers: 40, vacancy_rate: 2, quality_mean: 0.6}\n");
  const auto file = folder.write("scenario.yaml", scenario_with_table("offices.yaml"));
  const auto problems = problems_of([&] { load_scenario(file, {}); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("'cluster' must be given for every office or none"), std::string::npos);
}

TEST(OfficeTable, MoreOfficesThanRowsIsAnError) {
  ScratchFolder folder;
  folder.write("offices.csv", good_csv);
  const auto file = folder.write("scenario.yaml", scenario_with_table("offices.csv", ", offices: 5"));
  const auto problems = problems_of([&] { load_scenario(file, {}); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("network.offices is 5 but the office table lists 3 offices"), std::string::npos);
}

TEST(OfficeTable, VariationAndTableTogetherAreAnError) {
  ScratchFolder folder;
  folder.write("offices.csv", good_csv);
  const auto file =
      folder.write("scenario.yaml", scenario_with_table("offices.csv", ", variation: {size_sd: 0.2}"));
  const auto problems = problems_of([&] { load_scenario(file, {}); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("'network.variation' draws offices, 'network.office_table' lists them"),
            std::string::npos);
}

}  // namespace
}  // namespace caseload::io
