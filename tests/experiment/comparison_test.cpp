#include "sim/experiment/comparison.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "sim/experiment/breakdown_figures.hpp"

namespace caseload::experiment {
namespace {

RunOutcome done(double value) { return {RunStatus::Done, {{"m", value}}, ""}; }

TEST(CompareArms, MeansPerArmAndPairedDifferencesAgainstTheFirst) {
  // Replication-major: (arm 0, arm 1) for replication 0, then 1, then 2.
  const auto plan = plan_comparison(2, 3, 1);
  const std::vector<RunOutcome> outcomes{done(1.0), done(3.0), done(2.0),
                                         done(5.0), done(2.0), done(4.0)};
  const auto rows = compare_arms(2, plan, outcomes, scale_of);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].metric, "m");
  EXPECT_DOUBLE_EQ(rows[0].mean, 5.0 / 3.0);
  EXPECT_EQ(rows[0].runs, 3u);
  EXPECT_EQ(rows[0].difference.pairs, 0u);
  EXPECT_DOUBLE_EQ(rows[1].mean, 4.0);
  // Differences 2, 3, 2: mean 7/3, sd sqrt(1/3), t(0.975, 2) = 4.3026527.
  EXPECT_EQ(rows[1].difference.pairs, 3u);
  EXPECT_DOUBLE_EQ(rows[1].difference.mean, 7.0 / 3.0);
  ASSERT_TRUE(rows[1].difference.interval.has_value());
  EXPECT_NEAR(rows[1].difference.interval->upper - 7.0 / 3.0, 4.3026527 * std::sqrt(1.0 / 9.0),
              1e-6);
}

TEST(CompareArms, OneReplicationHasNoInterval) {
  const auto rows = compare_arms(2, plan_comparison(2, 1, 1), {done(1.0), done(2.0)}, scale_of);
  EXPECT_FALSE(rows[1].difference.interval.has_value());
  const ResultTable table = comparison_table(rows, {"a", "b"});
  EXPECT_EQ(format_csv(table),
            "metric,arm,mean,runs,difference,ci_lower,ci_upper,pairs,mean_lower,mean_upper,scale\n"
            "m,a,1,1,,,,0,,,linear\n"
            "m,b,2,1,1,,,1,,,linear\n");
}

TEST(CompareArms, FailedRunsDropOutOfThePairs) {
  const auto plan = plan_comparison(2, 2, 1);
  const std::vector<RunOutcome> outcomes{
      done(1.0), done(2.0), {RunStatus::Failed, {}, "x"}, done(9.0)};
  const auto rows = compare_arms(2, plan, outcomes, scale_of);
  EXPECT_EQ(rows[0].runs, 1u);
  EXPECT_EQ(rows[1].runs, 2u);
  EXPECT_EQ(rows[1].difference.pairs, 1u);
  EXPECT_DOUBLE_EQ(rows[1].difference.mean, 1.0);
}

// Breakdown figures become long-form rows of their own: metric, by, group; the
// whole-population table leaves them out.
TEST(CompareArms, BreakdownFiguresGetRowsByGroup) {
  const auto plan = plan_comparison(2, 2, 1);
  const auto run = [](double all, double lone) {
    return RunOutcome{
        RunStatus::Done,
        {{"parked_share", all}, {breakdown_name("parked_share", "group", "lone parents"), lone}},
        ""};
  };
  const auto rows =
      compare_arms(2, plan, {run(0.5, 0.4), run(0.6, 0.7), run(0.5, 0.5), run(0.7, 0.9)}, scale_of);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[2].by, "group");
  EXPECT_EQ(rows[2].group, "lone parents");
  EXPECT_EQ(rows[2].metric, "parked_share");
  EXPECT_EQ(rows[3].scale, Scale::Share);
  EXPECT_DOUBLE_EQ(rows[3].difference.mean, 0.35);  // (0.3 + 0.4) / 2
  EXPECT_EQ(comparison_table(rows, {"a", "b"}).row_count(), 2u);
  const ResultTable by_group = comparison_by_group_table(rows, {"a", "b"});
  EXPECT_EQ(format_csv(by_group).substr(0, format_csv(by_group).find('\n')),
            "metric,by,group,arm,mean,runs,difference,ci_lower,ci_upper,pairs,mean_lower,"
            "mean_upper,scale");
  EXPECT_EQ(by_group.row_count(), 2u);
}

TEST(BreakdownNames, RoundTripAndKeepTheManifestsSeparatorsOut) {
  const std::string name = breakdown_name("parked_share", "group", "a;b=c");
  EXPECT_EQ(name, "parked_share@group:a_b_c");
  const auto key = parse_breakdown_name(name);
  ASSERT_TRUE(key);
  EXPECT_EQ(key->metric, "parked_share");
  EXPECT_EQ(key->by, "group");
  EXPECT_EQ(key->group, "a_b_c");
  EXPECT_FALSE(parse_breakdown_name("parked_share"));
  const std::vector<RunOutcome> outcomes = {{RunStatus::Done, {{"m", 1.0}, {name, 2.0}}, ""}};
  EXPECT_EQ(metric_names(outcomes), std::vector<std::string>{"m"});
  EXPECT_EQ(breakdown_names(outcomes), std::vector<std::string>{name});
}

TEST(ScaleOf, SharesOnLogitCorrelationsOnFisherZ) {
  EXPECT_EQ(scale_of("parked_share"), Scale::Share);
  EXPECT_EQ(scale_of("mean_job_quality"), Scale::Share);
  EXPECT_EQ(scale_of("paradox_adviser_correlation"), Scale::Correlation);
  EXPECT_EQ(scale_of("creaming_index_employability"), Scale::Correlation);
  EXPECT_EQ(scale_of("help_cost"), Scale::Linear);
  EXPECT_EQ(scale_of("provider_margin"), Scale::Linear);
  EXPECT_EQ(scale_of("into_work_rate_monthly"), Scale::Share);
}

}  // namespace
}  // namespace caseload::experiment
