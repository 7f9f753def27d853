#include "sim/cli/comparison_headline.hpp"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace caseload::cli {
namespace {

using experiment::ComparisonRow;
using experiment::Interval;

// A whole-population row: the arm's mean and, after the first arm, a paired difference over
// five pairs with the given interval.
ComparisonRow row(const std::string& metric, std::size_t arm, double mean, double difference,
                  Interval interval) {
  ComparisonRow out;
  out.metric = metric;
  out.arm = arm;
  out.mean = mean;
  out.runs = 5;
  if (arm > 0) out.difference = {5, difference, interval};
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

// Five arms and the five default figures, as the demo prints them.
std::vector<ComparisonRow> five_arms() {
  std::vector<ComparisonRow> rows;
  for (const auto& metric : default_headline_metrics()) {
    rows.push_back(row(metric, 0, 0.5, 0.0, {}));
    rows.push_back(row(metric, 1, 0.6, 0.1, {0.05, 0.15}));      // clearly higher
    rows.push_back(row(metric, 2, 0.45, -0.05, {-0.1, -0.01}));  // clearly lower
    rows.push_back(row(metric, 3, 0.5, 0.001, {-0.02, 0.03}));   // not clear
    rows.push_back(row(metric, 4, 0.5, 0.01, {-0.01, 0.04}));    // not clear
  }
  return rows;
}

const std::vector<std::string> kArms = {"JET", "JOT", "PbR", "PbR flat", "PbR by group"};

TEST(ComparisonHeadline, FiveArmsAndFiveFiguresFitTheBudget) {
  const std::string text =
      format_comparison_headline(five_arms(), kArms, {5, 1}, default_headline_metrics());
  const auto lines = lines_of(text);
  EXPECT_LE(lines.size(), kHeadlineLines) << text;
  EXPECT_EQ(text.find("more figure"), std::string::npos) << "every default figure is shown";
  EXPECT_NE(text.find("Creaming:"), std::string::npos);
  EXPECT_NE(text.find("Measured performance against net impact"), std::string::npos);
}

TEST(ComparisonHeadline, SharesReadAsPercentagesAndDifferencesInPoints) {
  const std::string text = format_comparison_headline(five_arms(), kArms, {5, 1}, {"parked_share"});
  const auto lines = lines_of(text);
  ASSERT_GE(lines.size(), 5u) << text;
  EXPECT_EQ(lines[3], "  JET              50.0%") << text;
  EXPECT_EQ(lines[4], "  JOT              60.0%   +10.0 pts  [+5.0, +15.0]") << text;
}

TEST(ComparisonHeadline, OneSentencePerArmNamesTheClearDifferences) {
  const std::string text =
      format_comparison_headline(five_arms(), kArms, {5, 1}, {"parked_share", "mean_job_quality"});
  EXPECT_NE(text.find("JOT against JET: more parking (+10.0 pts) and better jobs (+0.1).\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("PbR against JET: less parking (-5.0 pts) and worse jobs (-0.05).\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("PbR flat against JET: no clear difference in parking or job quality.\n"),
            std::string::npos)
      << text;
}

TEST(ComparisonHeadline, FewerThanTwoPairsIsNeverClear) {
  std::vector<ComparisonRow> rows = {row("parked_share", 0, 0.5, 0.0, {}),
                                     row("parked_share", 1, 0.9, 0.4, {0.3, 0.5})};
  rows[1].difference.pairs = 1;
  const std::string text = format_comparison_headline(rows, {"a", "b"}, {1, 1}, {"parked_share"});
  EXPECT_NE(text.find("b against a: no clear difference in parking."), std::string::npos) << text;
}

TEST(ComparisonHeadline, FiguresPastTheBudgetAreLeftToTheFilesAndCounted) {
  std::vector<std::string> metrics;
  std::vector<ComparisonRow> rows;
  for (int m = 0; m < 12; ++m) {
    metrics.push_back("metric_" + std::to_string(m));
    for (std::size_t arm = 0; arm < kArms.size(); ++arm)
      rows.push_back(row(metrics.back(), arm, 1.0, 0.0, {-1.0, 1.0}));
  }
  const std::string text = format_comparison_headline(rows, kArms, {5, 1}, metrics);
  EXPECT_LE(lines_of(text).size(), kHeadlineLines) << text;
  EXPECT_NE(text.find("(8 more figures of interest in the files.)"), std::string::npos) << text;
}

}  // namespace
}  // namespace caseload::cli
