// Fractional ranks, ratios and correlation on data small enough to check by hand.

#include "sim/metrics/statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace caseload::metrics {
namespace {

TEST(FractionalRanks, UnitWeightsGiveMidpointRanks) {
  const std::vector<double> values = {3.0, 1.0, 4.0, 2.0};
  const std::vector<double> weights(4, 1.0);
  const auto ranks = fractional_ranks(values, weights);
  EXPECT_DOUBLE_EQ(ranks[1], 0.125);  // (1 - 0.5) / 4
  EXPECT_DOUBLE_EQ(ranks[3], 0.375);
  EXPECT_DOUBLE_EQ(ranks[0], 0.625);
  EXPECT_DOUBLE_EQ(ranks[2], 0.875);
}

TEST(FractionalRanks, TiesShareTheMeanOfTheirRanks) {
  const std::vector<double> values = {1.0, 2.0, 2.0, 3.0};
  const std::vector<double> weights(4, 1.0);
  const auto ranks = fractional_ranks(values, weights);
  EXPECT_DOUBLE_EQ(ranks[1], 0.5);  // mean of 0.375 and 0.625
  EXPECT_DOUBLE_EQ(ranks[2], 0.5);
}

TEST(FractionalRanks, WeightsStretchEachPersonsShareOfTheRankScale) {
  const std::vector<double> values = {0.0, 1.0, 2.0};
  const std::vector<double> weights = {1.0, 2.0, 1.0};
  const auto ranks = fractional_ranks(values, weights);
  EXPECT_DOUBLE_EQ(ranks[0], 0.125);  // (0 + 0.5 * 1) / 4
  EXPECT_DOUBLE_EQ(ranks[1], 0.5);    // (1 + 0.5 * 2) / 4
  EXPECT_DOUBLE_EQ(ranks[2], 0.875);  // (3 + 0.5 * 1) / 4
}

TEST(Ratio, UndefinedShareIsNaNNotZero) {
  EXPECT_DOUBLE_EQ(ratio(1.0, 4.0), 0.25);
  EXPECT_TRUE(std::isnan(ratio(0.0, 0.0)));
}

TEST(Pearson, KnownCorrelations) {
  const std::vector<double> x = {1.0, 2.0, 3.0, 4.0};
  EXPECT_DOUBLE_EQ(pearson(x, std::vector<double>{2.0, 4.0, 6.0, 8.0}), 1.0);
  EXPECT_DOUBLE_EQ(pearson(x, std::vector<double>{8.0, 6.0, 4.0, 2.0}), -1.0);
  // y = 1, 3, 2, 4: deviations x -1.5,-0.5,0.5,1.5 and y -1.5,0.5,-0.5,1.5;
  // sxy = 2.25 - 0.25 - 0.25 + 2.25 = 4, sxx = syy = 5, r = 0.8.
  EXPECT_NEAR(pearson(x, std::vector<double>{1.0, 3.0, 2.0, 4.0}), 0.8, 1e-15);
}

TEST(Pearson, ConstantVariableHasNoCorrelation) {
  const std::vector<double> x = {1.0, 2.0, 3.0};
  EXPECT_TRUE(std::isnan(pearson(x, std::vector<double>{0.1, 0.1, 0.1})));
  EXPECT_TRUE(std::isnan(pearson(std::vector<double>{5.0}, std::vector<double>{1.0})));
}

}  // namespace
}  // namespace caseload::metrics
