#include "tests/scenario/summary_diff.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "tests/scenario/golden_mode.hpp"

namespace caseload::testing {
namespace {

// Counts exact, everything else at a relative 1e-12, as in golden_test.cpp.
Tolerance tolerance_for(std::string_view name) {
  if (name == "events" || name == "net_entries") return {0.0, 0.0, "a count"};
  return {0.0, 1e-12, "a real figure"};
}

const std::string stored =
    "scenario jet seed 42 events 1000\n"
    "net_entries 413\n"
    "off_benefit_13w 0.59060402684563762\n"
    "paradox_office_correlation nan\n"
    "help_cost 151495.62279670977\n";

TEST(ParseSummary, ReadsTheHeaderWordsAndOneFigurePerLine) {
  const std::vector<SummaryFigure> figures = parse_summary(stored);
  ASSERT_EQ(figures.size(), 7u);
  EXPECT_EQ(figures[0].name, "scenario");
  EXPECT_EQ(figures[0].value, "jet");
  EXPECT_EQ(figures[2].name, "events");
  EXPECT_EQ(figures[2].value, "1000");
  EXPECT_EQ(figures[5].name, "paradox_office_correlation");
  EXPECT_EQ(figures[5].value, "nan");
}

TEST(SummaryDifferences, NoneForTheSameSummary) {
  EXPECT_EQ(summary_differences(stored, stored, tolerance_for), "");
}

TEST(FiguresAgree, NumbersWithinToleranceNanOnlyWithNanTextExactly) {
  const Tolerance real{0.0, 1e-12, ""};
  EXPECT_TRUE(figures_agree("0.59060402684563762", "0.59060402684563773", real));
  EXPECT_FALSE(figures_agree("0.59060402684563762", "0.59060402684563773", {}));
  EXPECT_FALSE(figures_agree("0.5906040268456", "0.5906040268556", real));  // rel 1.7e-11
  EXPECT_TRUE(figures_agree("nan", "nan", real));
  EXPECT_FALSE(figures_agree("nan", "0", real));
  EXPECT_FALSE(figures_agree("0", "nan", {1.0, 0.0, ""}));
  EXPECT_TRUE(figures_agree("inf", "inf", {}));
  EXPECT_FALSE(figures_agree("inf", "-inf", real));
  EXPECT_FALSE(figures_agree("inf", "1", {1e300, 1.0, ""}));
  EXPECT_TRUE(figures_agree("412", "413", {1.0, 0.0, ""}));
  EXPECT_FALSE(figures_agree("412", "413", {}));
  EXPECT_TRUE(figures_agree("jet", "jet", {}));
  EXPECT_FALSE(figures_agree("jet", "jot", {1.0, 1.0, ""}));
}

TEST(SummaryDifferences, LastBitNoiseInARealFigureIsNotADifference) {
  std::string fresh = stored;
  fresh.replace(fresh.find("0.59060402684563762"), 19, "0.59060402684563773");
  EXPECT_EQ(summary_differences(stored, fresh, tolerance_for), "");
}

TEST(SummaryDifferences, PrintsOnlyTheRowsThatDifferWithTheirTolerance) {
  const std::string fresh =
      "scenario jet seed 42 events 1000\n"
      "net_entries 414\n"
      "off_benefit_13w 0.59060402684563762\n"
      "paradox_office_correlation 0.25\n"
      "help_cost 151495.62279670977\n";
  EXPECT_EQ(summary_differences(stored, fresh, tolerance_for),
            "2 of 7 figures differ\n"
            "  metric                      stored  new   difference       tolerance\n"
            "  net_entries                 413     414   +1 (rel 0.0024)  exact\n"
            "  paradox_office_correlation  nan     0.25  nan              rel 1e-12\n"
            "tolerances:\n"
            "  exact: a count\n"
            "  rel 1e-12: a real figure\n");
}

TEST(SummaryDifferences, ListsAddedAndRemovedMetricsAndAChangedScenario) {
  const std::string fresh =
      "scenario jot seed 42 events 1000\n"
      "net_entries 413\n"
      "off_benefit_13w 0.59060402684563762\n"
      "help_cost 151495.62279670977\n"
      "cost_per_referral 12.5\n"
      "provider_profit 3\n";
  const std::string report = summary_differences(stored, fresh, tolerance_for);
  EXPECT_NE(report.find("1 of 6 figures differ"), std::string::npos) << report;
  EXPECT_NE(report.find("  scenario "), std::string::npos) << report;
  EXPECT_NE(report.find("text differs"), std::string::npos) << report;
  EXPECT_NE(report.find("added: cost_per_referral, provider_profit\n"), std::string::npos)
      << report;
  EXPECT_NE(report.find("removed: paradox_office_correlation\n"), std::string::npos) << report;
}

TEST(GoldenMode, RegenerationIsRefusedUnderCi) {
  EXPECT_EQ(golden_mode(nullptr, nullptr), GoldenMode::Compare);
  EXPECT_EQ(golden_mode(nullptr, "true"), GoldenMode::Compare);
  EXPECT_EQ(golden_mode("1", nullptr), GoldenMode::Regenerate);
  EXPECT_EQ(golden_mode("1", "false"), GoldenMode::Regenerate);
  EXPECT_EQ(golden_mode("1", ""), GoldenMode::Regenerate);
  EXPECT_EQ(golden_mode("1", "true"), GoldenMode::RefusedUnderCi);
  EXPECT_EQ(golden_mode("1", "1"), GoldenMode::RefusedUnderCi);
}

}  // namespace
}  // namespace caseload::testing
