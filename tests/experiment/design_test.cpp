#include "sim/experiment/design.hpp"

#include <charconv>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace caseload::experiment
