#include "sim/experiment/sobol_sequence.hpp"

#include <vector>

#include <gtest/gtest.h>

namespace caseload::experiment {
namespace {

TEST(SobolPoints, FirstPointsMatchTheJoeKuoSequence) {
  // scipy.stats.qmc.Sobol(4, scramble=False).random(8), which uses the same direction numbers.
  const std::vector<std::vector<double>> expected{
      {0.0, 0.0, 0.0, 0.0},         {0.5, 0.5, 0.5, 0.5},
      {0.75, 0.25, 0.25, 0.25},     {0.25, 0.75, 0.75, 0.75},
      {0.375, 0.375, 0.625, 0.875}, {0.875, 0.875, 0.125, 0.375},
      {0.625, 0.125, 0.875, 0.625}, {0.125, 0.625, 0.375, 0.125}};
  EXPECT_EQ(sobol_points(0, 8, 4), expected);
}

TEST(SobolPoints, AnOffsetStartGivesTheSamePointsAsTheFullSequence) {
  const auto whole = sobol_points(0, 40, kSobolMaxDimensions);
  const auto tail = sobol_points(13, 27, kSobolMaxDimensions);
  for (std::size_t i = 0; i < tail.size(); ++i) EXPECT_EQ(tail[i], whole[13 + i]) << i;
}

TEST(SobolPoints, EachDyadicBlockHoldsOnePointPerCellInEveryDimension) {
  // The (t, s)-net property in one dimension: the first 2^m points put exactly one point in
  // each interval [c / 2^m, (c + 1) / 2^m). Broken direction numbers break it.
  const std::size_t count = 256;
  const auto points = sobol_points(0, count, kSobolMaxDimensions);
  for (std::size_t d = 0; d < kSobolMaxDimensions; ++d) {
    std::vector<int> cells(count, 0);
    for (const auto& point : points) {
      ASSERT_GE(point[d], 0.0);
      ASSERT_LT(point[d], 1.0);
      ++cells[static_cast<std::size_t>(point[d] * static_cast<double>(count))];
    }
    for (std::size_t c = 0; c < count; ++c) EXPECT_EQ(cells[c], 1) << "dimension " << d;
  }
}

TEST(SobolPoints, TwoDimensionalProjectionsAreBalanced) {
  // Any two dimensions of the first 64 points fill the four quadrants of [0,1)^2 evenly, 16
  // each, so A and B of a Saltelli design do not move together.
  const auto points = sobol_points(0, 64, kSobolMaxDimensions);
  for (std::size_t a = 0; a < kSobolMaxDimensions; ++a) {
    for (std::size_t b = a + 1; b < kSobolMaxDimensions; ++b) {
      int cells[2][2] = {};
      for (const auto& point : points) ++cells[point[a] >= 0.5][point[b] >= 0.5];
      for (const auto& row : cells)
        for (const int cell : row) EXPECT_EQ(cell, 16) << "dimensions " << a << ", " << b;
    }
  }
}

}  // namespace
}  // namespace caseload::experiment
