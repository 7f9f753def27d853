#include "sim/experiment/comparison.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace caseload::experiment {
namespace {

RunOutcome done(double value) { return {RunStatus::Done, {{"m", value}}, ""}; }

TEST(CompareArms, MeansPerArmAndPairedDifferencesAgainstTheFirst) {
  // Replication-major: (arm 0, arm 1) for replication 0, then 1, then 2.
  const auto plan = plan_comparison(2, 3, 1);
  const std::vector<RunOutcome> outcomes{done(1.0), done(3.0), done(2.0),
                                         done(5.0), done(2.0), done(4.0)};
  const auto rows = compare_arms(2, plan, outcomes);
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
  const auto rows = compare_arms(2, plan_comparison(2, 1, 1), {done(1.0), done(2.0)});
  EXPECT_FALSE(rows[1].difference.interval.has_value());
  const ResultTable table = comparison_table(rows, {"a", "b"});
  EXPECT_EQ(format_csv(table),
            "metric,arm,mean,runs,difference,ci_lower,ci_upper,pairs\n"
            "m,a,1,1,,,,0\n"
            "m,b,2,1,1,,,1\n");
}

TEST(CompareArms, FailedRunsDropOutOfThePairs) {
  const auto plan = plan_comparison(2, 2, 1);
  const std::vector<RunOutcome> outcomes{
      done(1.0), done(2.0), {RunStatus::Failed, {}, "x"}, done(9.0)};
  const auto rows = compare_arms(2, plan, outcomes);
  EXPECT_EQ(rows[0].runs, 1u);
  EXPECT_EQ(rows[1].runs, 2u);
  EXPECT_EQ(rows[1].difference.pairs, 1u);
  EXPECT_DOUBLE_EQ(rows[1].difference.mean, 1.0);
}

}  // namespace
}  // namespace caseload::experiment
