#include "sim/experiment/statistics.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

namespace caseload::experiment {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(Statistics, MeanAndSampleVarianceOfHandData) {
  const std::vector<double> values{2.0, 4.0, 4.0, 5.0};
  EXPECT_DOUBLE_EQ(mean(values), 3.75);
  // Squared deviations 3.0625 + 0.0625 + 0.0625 + 1.5625 = 4.75, over n - 1 = 3.
  EXPECT_DOUBLE_EQ(sample_variance(values), 4.75 / 3.0);
}

TEST(Statistics, ValuesThatAreNotFiniteAreLeftOut) {
  const std::vector<double> values{1.0, kNaN, 3.0, std::numeric_limits<double>::infinity()};
  EXPECT_DOUBLE_EQ(mean(values), 2.0);
  EXPECT_DOUBLE_EQ(sample_variance(values), 2.0);
  EXPECT_TRUE(std::isnan(mean(std::vector<double>{kNaN})));
  EXPECT_TRUE(std::isnan(sample_variance(std::vector<double>{1.0})));
}

TEST(Statistics, StudentTQuantilesMatchTables) {
  // Two-sided 95% critical values from any t table (to the digits printed there).
  EXPECT_NEAR(student_t_quantile(0.975, 1.0), 12.7062047, 1e-6);
  EXPECT_NEAR(student_t_quantile(0.975, 3.0), 3.1824463, 1e-6);
  EXPECT_NEAR(student_t_quantile(0.975, 30.0), 2.0422725, 1e-6);
  EXPECT_NEAR(student_t_quantile(0.025, 3.0), -3.1824463, 1e-6);
}

TEST(PairedDifference, IntervalOnHandData) {
  // Differences 2, 3, 2, 3: mean 2.5, sample sd sqrt(1/3), standard error sqrt(1/3)/2;
  // half-width t(0.975, 3) * se = 3.1824463 * 0.2886751 = 0.9186931.
  const std::vector<double> alternative{3.0, 5.0, 4.0, 6.0};
  const std::vector<double> baseline{1.0, 2.0, 2.0, 3.0};
  const PairedDifference d = paired_difference(alternative, baseline);
  EXPECT_EQ(d.pairs, 4u);
  EXPECT_DOUBLE_EQ(d.mean, 2.5);
  ASSERT_TRUE(d.interval.has_value());
  EXPECT_NEAR(d.interval->lower, 2.5 - 0.9186931, 1e-6);
  EXPECT_NEAR(d.interval->upper, 2.5 + 0.9186931, 1e-6);
}

TEST(PairedDifference, NinetyPercentIsNarrower) {
  const std::vector<double> alternative{3.0, 5.0, 4.0, 6.0};
  const std::vector<double> baseline{1.0, 2.0, 2.0, 3.0};
  const PairedDifference d = paired_difference(alternative, baseline, 0.90);
  // t(0.95, 3) = 2.3533634: half-width 0.6793575.
  ASSERT_TRUE(d.interval.has_value());
  EXPECT_NEAR(d.interval->upper - d.mean, 0.6793575, 1e-6);
}

TEST(PairedDifference, PairsMissingEitherSideAreDropped) {
  const std::vector<double> alternative{3.0, kNaN, 4.0};
  const std::vector<double> baseline{1.0, 2.0, kNaN};
  const PairedDifference d = paired_difference(alternative, baseline);
  EXPECT_EQ(d.pairs, 1u);
  EXPECT_DOUBLE_EQ(d.mean, 2.0);
  EXPECT_FALSE(d.interval.has_value()) << "one pair has no interval";
}

TEST(PairedDifference, NoPairsHasANaNMean) {
  const PairedDifference d = paired_difference(std::vector<double>{}, std::vector<double>{});
  EXPECT_EQ(d.pairs, 0u);
  EXPECT_TRUE(std::isnan(d.mean));
  EXPECT_FALSE(d.interval.has_value());
}

}  // namespace
}  // namespace caseload::experiment
