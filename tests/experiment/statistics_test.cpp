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

namespace caseload::experiment {
namespace {

TEST(BoundedIntervals, LinearMeanIntervalIsTheStudentTInterval) {
  const std::vector<double> values{2.0, 4.0, 4.0, 5.0};
  const auto interval = interval_of_mean(values, Scale::Linear);
  ASSERT_TRUE(interval);
  // t(0.975, 3) = 3.182446; sd / sqrt(n) = sqrt(4.75 / 3 / 4).
  const double half = 3.182446 * std::sqrt(4.75 / 3.0 / 4.0);
  EXPECT_NEAR(interval->lower, 3.75 - half, 1e-5);
  EXPECT_NEAR(interval->upper, 3.75 + half, 1e-5);
  EXPECT_FALSE(interval_of_mean(std::vector<double>{1.0}, Scale::Linear));
}

TEST(BoundedIntervals, FisherZIntervalIsTanhOfTheIntervalOfAtanh) {
  const std::vector<double> correlations{0.2, 0.5, 0.4};
  std::vector<double> z;
  for (const double r : correlations) z.push_back(std::atanh(r));
  const auto on_z = interval_of_mean(z, Scale::Linear);
  const auto interval = interval_of_mean(correlations, Scale::Correlation);
  ASSERT_TRUE(on_z && interval);
  EXPECT_DOUBLE_EQ(interval->lower, std::tanh(on_z->lower));
  EXPECT_DOUBLE_EQ(interval->upper, std::tanh(on_z->upper));
}

// Near its bounds, with few and spread replications, a plain t interval of a bounded figure
// runs past the bound (checked, so the test shows the transform is what keeps it inside).
TEST(BoundedIntervals, ACorrelationsIntervalNeverLeavesMinusOneToOne) {
  const std::vector<std::vector<double>> samples = {
      {0.99, 0.6, 0.95}, {-0.98, -0.5, -0.99, -0.2}, {1.0, 0.1}, {-1.0, -1.0, 0.9}, {0.3, 0.31}};
  bool linear_leaves = false;
  for (const auto& values : samples) {
    const auto linear = interval_of_mean(values, Scale::Linear);
    linear_leaves = linear_leaves || linear->lower < -1.0 || linear->upper > 1.0;
    const auto interval = interval_of_mean(values, Scale::Correlation);
    ASSERT_TRUE(interval);
    EXPECT_GE(interval->lower, -1.0);
    EXPECT_LE(interval->upper, 1.0);
    EXPECT_LE(interval->lower, interval->upper);
    // The paired difference against a fixed baseline: baseline plus interval stays inside.
    const std::vector<double> baseline(values.size(), 0.7);
    const auto difference = paired_difference(values, baseline, Scale::Correlation);
    ASSERT_TRUE(difference.interval);
    EXPECT_GE(0.7 + difference.interval->lower, -1.0 - 1e-12);
    EXPECT_LE(0.7 + difference.interval->upper, 1.0 + 1e-12);
    EXPECT_DOUBLE_EQ(difference.mean, paired_difference(values, baseline).mean)
        << "the difference itself is the plain mean paired difference";
  }
  EXPECT_TRUE(linear_leaves);
}

TEST(BoundedIntervals, AShareIntervalNeverLeavesZeroToOne) {
  const std::vector<std::vector<double>> samples = {
      {0.0, 0.02, 0.001}, {0.99, 1.0, 0.7}, {0.0, 0.0, 0.0}, {0.5, 0.01, 0.98, 0.03}};
  bool linear_leaves = false;
  for (const auto& values : samples) {
    const auto linear = interval_of_mean(values, Scale::Linear);
    linear_leaves = linear_leaves || linear->lower < 0.0 || linear->upper > 1.0;
    const auto interval = interval_of_mean(values, Scale::Share);
    ASSERT_TRUE(interval);
    EXPECT_GE(interval->lower, 0.0);
    EXPECT_LE(interval->upper, 1.0);
    const std::vector<double> baseline = {0.05, 0.1, 0.02, 0.2};
    const auto difference = paired_difference(
        values, std::span<const double>(baseline).first(values.size()), Scale::Share);
    ASSERT_TRUE(difference.interval);
    const double base = mean(std::span<const double>(baseline).first(values.size()));
    EXPECT_GE(base + difference.interval->lower, -1e-12);
    EXPECT_LE(base + difference.interval->upper, 1.0 + 1e-12);
  }
  EXPECT_TRUE(linear_leaves);
}

TEST(BoundedIntervals, ScalesHaveFileNames) {
  EXPECT_EQ(scale_name(Scale::Linear), "linear");
  EXPECT_EQ(scale_name(Scale::Share), "logit");
  EXPECT_EQ(scale_name(Scale::Correlation), "fisher_z");
}

}  // namespace
}  // namespace caseload::experiment
