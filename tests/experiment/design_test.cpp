#include "sim/experiment/design.hpp"

#include <charconv>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/experiment/sobol_sequence.hpp"

namespace caseload::experiment {
namespace {

TEST(GridDesign, EveryCombinationWithTheFirstParameterSlowest) {
  const DesignMatrix design = grid_design({"a", "b"}, {{"1", "2"}, {"x", "y", "z"}});
  ASSERT_EQ(design.points.size(), 6u);
  const std::vector<std::vector<std::string>> expected{{"1", "x"}, {"1", "y"}, {"1", "z"},
                                                       {"2", "x"}, {"2", "y"}, {"2", "z"}};
  EXPECT_EQ(design.points, expected);
  EXPECT_EQ(point_overrides(design, 4), (std::vector<std::string>{"a=2", "b=y"}));
}

TEST(GridDesign, OneParameterIsItsList) {
  const DesignMatrix design = grid_design({"run.weeks"}, {{"10", "20"}});
  EXPECT_EQ(design.points, (std::vector<std::vector<std::string>>{{"10"}, {"20"}}));
}

TEST(LatinHypercube, ExactlyOneSamplePerStratumPerParameter) {
  const std::vector<ParameterRange> ranges{{0.0, 52.0}, {0.0, 0.3}, {-5.0, 5.0}};
  const std::size_t samples = 17;
  const auto points = latin_hypercube(ranges, samples, 2024);
  ASSERT_EQ(points.size(), samples);
  for (std::size_t j = 0; j < ranges.size(); ++j) {
    std::set<long> strata;
    const double width = (ranges[j].high - ranges[j].low) / static_cast<double>(samples);
    for (const auto& point : points) {
      EXPECT_GE(point[j], ranges[j].low);
      EXPECT_LT(point[j], ranges[j].high);
      strata.insert(std::lround(std::floor((point[j] - ranges[j].low) / width)));
    }
    EXPECT_EQ(strata.size(), samples) << "parameter " << j << ": a stratum holds two samples";
    EXPECT_EQ(*strata.begin(), 0);
    EXPECT_EQ(*strata.rbegin(), static_cast<long>(samples) - 1);
  }
}

TEST(LatinHypercube, SameSeedSameDesignAndOtherSeedsDiffer) {
  const std::vector<ParameterRange> ranges{{0.0, 1.0}, {0.0, 1.0}};
  EXPECT_EQ(latin_hypercube(ranges, 8, 7), latin_hypercube(ranges, 8, 7));
  EXPECT_NE(latin_hypercube(ranges, 8, 7), latin_hypercube(ranges, 8, 8));
}

TEST(LatinHypercube, ParametersArePermutedIndependently) {
  // With one stream per parameter, two parameters over the same range do not move in step.
  const auto points = latin_hypercube({{0.0, 1.0}, {0.0, 1.0}}, 20, 3);
  int same_stratum = 0;
  for (const auto& point : points)
    same_stratum += std::floor(point[0] * 20) == std::floor(point[1] * 20);
  EXPECT_LT(same_stratum, 20);
}

TEST(LatinHypercube, DesignTextParsesBackToTheSameNumbers) {
  const std::vector<ParameterRange> ranges{{0.0, 52.0}, {0.0, 0.3}};
  const auto numbers = latin_hypercube(ranges, 5, 11);
  const DesignMatrix design = latin_hypercube_design({"a", "b"}, ranges, 5, 11);
  for (std::size_t p = 0; p < 5; ++p) {
    for (std::size_t j = 0; j < 2; ++j) {
      const std::string& text = design.points[p][j];
      double parsed = 0.0;
      std::from_chars(text.data(), text.data() + text.size(), parsed);
      EXPECT_EQ(parsed, numbers[p][j]) << text;
    }
  }
}

double number_of(const std::string& text) {
  double parsed = 0.0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), parsed);
  EXPECT_TRUE(result.ec == std::errc{} && result.ptr == text.data() + text.size()) << text;
  return parsed;
}

TEST(SaltelliDesign, NTimesKPlusTwoPointsInTheirRolesAndRanges) {
  const std::vector<ParameterRange> ranges{{0.0, 52.0}, {0.0, 0.3}, {-1.0, 1.0}};
  const std::size_t samples = 16;
  const DesignMatrix design = saltelli_design({"a", "b", "c"}, ranges, samples);
  ASSERT_EQ(design.points.size(), samples * 5);
  ASSERT_EQ(design.roles.size(), design.points.size());
  const std::vector<std::string> order{"A", "B", "AB_1", "AB_2", "AB_3"};
  for (std::size_t p = 0; p < design.points.size(); ++p) {
    EXPECT_EQ(design.roles[p].role, order[p % 5]);
    EXPECT_EQ(design.roles[p].sample, p / 5);
    EXPECT_EQ(design.roles[p].unit_step, 0.0);
    for (std::size_t j = 0; j < 3; ++j) {
      const double value = number_of(design.points[p][j]);
      EXPECT_GE(value, ranges[j].low);
      EXPECT_LT(value, ranges[j].high);
    }
  }
}

TEST(SaltelliDesign, ABjIsATakingColumnJFromB) {
  const DesignMatrix design = saltelli_design({"a", "b", "c"}, {{0, 1}, {0, 1}, {0, 1}}, 8);
  for (std::size_t i = 0; i < 8; ++i) {
    const auto& a = design.points[i * 5];
    const auto& b = design.points[i * 5 + 1];
    for (std::size_t j = 0; j < 3; ++j) {
      const auto& ab = design.points[i * 5 + 2 + j];
      for (std::size_t column = 0; column < 3; ++column)
        EXPECT_EQ(ab[column], column == j ? b[column] : a[column]) << i << " " << j;
    }
  }
}

TEST(SaltelliDesign, AAndBAreSobolPointsOneOnwardScaledToTheRanges) {
  // Base sample i is point i + 1 of the sequence in 2k dimensions: A its first k coordinates,
  // B its last k. The origin (point 0) is skipped.
  const std::vector<ParameterRange> ranges{{10.0, 20.0}, {-4.0, 4.0}};
  const DesignMatrix design = saltelli_design({"x", "y"}, ranges, 6);
  const auto sequence = sobol_points(1, 6, 4);
  for (std::size_t i = 0; i < 6; ++i) {
    for (std::size_t j = 0; j < 2; ++j) {
      const double width = ranges[j].high - ranges[j].low;
      EXPECT_EQ(number_of(design.points[i * 4][j]), ranges[j].low + sequence[i][j] * width);
      EXPECT_EQ(number_of(design.points[i * 4 + 1][j]),
                ranges[j].low + sequence[i][2 + j] * width);
    }
  }
  EXPECT_EQ(saltelli_design({"x", "y"}, ranges, 6).points, design.points);  // no seed: fixed
}

TEST(MorrisDesign, TrajectoriesOfKPlusOnePointsMovingOneParameterByDelta) {
  const std::vector<ParameterRange> ranges{{0.0, 52.0}, {0.0, 0.3}, {-1.0, 1.0}, {5.0, 6.0}};
  const std::size_t k = ranges.size();
  const std::size_t trajectories = 12;
  const std::size_t levels = 6;
  const double delta = 6.0 / (2.0 * 5.0);
  const DesignMatrix design = morris_design({"a", "b", "c", "d"}, ranges, trajectories, levels, 9);
  ASSERT_EQ(design.points.size(), trajectories * (k + 1));
  ASSERT_EQ(design.roles.size(), design.points.size());
  for (std::size_t t = 0; t < trajectories; ++t) {
    std::set<std::string> moved;
    EXPECT_EQ(design.roles[t * (k + 1)].role, "start");
    for (std::size_t s = 0; s <= k; ++s) {
      const std::size_t p = t * (k + 1) + s;
      EXPECT_EQ(design.roles[p].sample, t);
      for (std::size_t j = 0; j < k; ++j) {
        // Every value is on the grid of `levels` levels of its range.
        const double unit =
            (number_of(design.points[p][j]) - ranges[j].low) / (ranges[j].high - ranges[j].low);
        const double level = unit * static_cast<double>(levels - 1);
        EXPECT_NEAR(level, std::round(level), 1e-9) << design.points[p][j];
        EXPECT_GE(std::round(level), 0.0);
        EXPECT_LE(std::round(level), static_cast<double>(levels - 1));
      }
      if (s == 0) continue;
      moved.insert(design.roles[p].role);
      const std::size_t j = std::stoul(design.roles[p].role.substr(5)) - 1;
      EXPECT_DOUBLE_EQ(std::abs(design.roles[p].unit_step), delta);
      for (std::size_t column = 0; column < k; ++column) {
        const double before = number_of(design.points[p - 1][column]);
        const double after = number_of(design.points[p][column]);
        const double width = ranges[column].high - ranges[column].low;
        if (column == j) {
          EXPECT_NEAR((after - before) / width, design.roles[p].unit_step, 1e-12);
        } else {
          EXPECT_EQ(after, before) << "only parameter " << j << " moves";
        }
      }
    }
    EXPECT_EQ(moved.size(), k) << "each parameter moves once per trajectory";
  }
}

TEST(MorrisDesign, SameSeedSameDesignOtherSeedsDifferAndBothDirectionsOccur) {
  const std::vector<ParameterRange> ranges{{0.0, 1.0}, {0.0, 1.0}, {0.0, 1.0}};
  const DesignMatrix design = morris_design({"a", "b", "c"}, ranges, 20, 4, 7);
  EXPECT_EQ(morris_design({"a", "b", "c"}, ranges, 20, 4, 7).points, design.points);
  EXPECT_NE(morris_design({"a", "b", "c"}, ranges, 20, 4, 8).points, design.points);
  int up = 0;
  int down = 0;
  std::set<std::string> first_moves;
  for (std::size_t p = 0; p < design.roles.size(); ++p) {
    up += design.roles[p].unit_step > 0;
    down += design.roles[p].unit_step < 0;
    if (p % 4 == 1) first_moves.insert(design.roles[p].role);
  }
  EXPECT_GT(up, 10);
  EXPECT_GT(down, 10);
  EXPECT_EQ(first_moves.size(), 3u) << "the order of moves is random";
}

TEST(MorrisDesign, TwoLevelsMoveAcrossTheWholeRange) {
  const DesignMatrix design = morris_design({"a", "b"}, {{2.0, 3.0}, {0.0, 10.0}}, 5, 2, 1);
  for (const auto& point : design.points) {
    EXPECT_TRUE(point[0] == "2" || point[0] == "3") << point[0];
    EXPECT_TRUE(point[1] == "0" || point[1] == "10") << point[1];
  }
  for (std::size_t p = 0; p < design.roles.size(); ++p) {
    if (design.roles[p].role != "start") {
      EXPECT_EQ(std::abs(design.roles[p].unit_step), 1.0);
    }
  }
}

}  // namespace
}  // namespace caseload::experiment
