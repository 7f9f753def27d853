#include "sim/regimes/benchmark_rule.hpp"

#include <vector>

#include <gtest/gtest.h>

namespace caseload::regimes {
namespace {

TEST(StarRating, BandsFollowP37WithEachBoundaryOnTheOuterSide) {
  EXPECT_EQ(star_rating(-1.0), 1);
  EXPECT_EQ(star_rating(-0.40), 1);
  EXPECT_EQ(star_rating(-0.399), 2);
  EXPECT_EQ(star_rating(-0.15), 2);
  EXPECT_EQ(star_rating(-0.149), 3);
  EXPECT_EQ(star_rating(0.0), 3);
  EXPECT_EQ(star_rating(0.149), 3);
  EXPECT_EQ(star_rating(0.15), 4);
  EXPECT_EQ(star_rating(0.399), 4);
  EXPECT_EQ(star_rating(0.40), 5);
  EXPECT_EQ(star_rating(3.0), 5);
}

TEST(StarRating, ActualAgainstExpectedHitsTheBoundariesDespiteRounding) {
  // 85 / 100 - 1 and 115 / 100 - 1 are not exactly -0.15 and 0.15 in binary.
  EXPECT_EQ(star_rating(60.0, 100.0), 1);
  EXPECT_EQ(star_rating(85.0, 100.0), 2);
  EXPECT_EQ(star_rating(100.0, 100.0), 3);
  EXPECT_EQ(star_rating(115.0, 100.0), 4);
  EXPECT_EQ(star_rating(140.0, 100.0), 5);
  EXPECT_EQ(star_rating(0.0, 100.0), 1);
}

TEST(StarRating, NothingExpectedIsThreeStars) {
  EXPECT_EQ(star_rating(0.0, 0.0), 3);
  EXPECT_EQ(star_rating(5.0, 0.0), 3);
}

TEST(ExpectedFromMix, WeighsEachGroupsNationalRateByTheUnitsClientWeeks) {
  // Two groups nationally: the easy one earns 10 credit over 100 client-weeks (0.1 a week),
  // the hard one 2 over 100 (0.02 a week).
  const std::vector<double> credit = {10.0, 2.0};
  const std::vector<double> client_weeks = {100.0, 100.0};
  // A unit with 80 easy and 20 hard client-weeks is expected 8 + 0.4; one with the reverse mix,
  // 2 + 1.6: the same caseload size, a quarter of the expectation.
  EXPECT_DOUBLE_EQ(expected_from_mix(credit, client_weeks, std::vector<double>{80.0, 20.0}), 8.4);
  EXPECT_DOUBLE_EQ(expected_from_mix(credit, client_weeks, std::vector<double>{20.0, 80.0}), 3.6);
  // Both units together are expected exactly the national credit.
  EXPECT_DOUBLE_EQ(8.4 + 3.6, credit[0] + credit[1]);
}

TEST(ExpectedFromMix, AGroupWithNoClientWeeksIsLeftOut) {
  const std::vector<double> credit = {10.0, 3.0};
  const std::vector<double> client_weeks = {50.0, 0.0};
  EXPECT_DOUBLE_EQ(expected_from_mix(credit, client_weeks, std::vector<double>{25.0, 0.0}), 5.0);
}

TEST(ExpectedFromMix, HardCaseloadMeetingItsExpectationIsThreeStarsWhereSizeWouldGiveOne) {
  const std::vector<double> credit = {10.0, 2.0};
  const std::vector<double> client_weeks = {100.0, 100.0};
  const double actual = 3.6;  // the hard-mix unit earns what its mix predicts
  EXPECT_EQ(star_rating(actual, expected_from_mix(credit, client_weeks, std::vector<double>{20.0, 80.0})), 3);
  EXPECT_EQ(star_rating(actual, 12.0 / 2.0), 1);  // against the mean of two equal-sized units
}

}  // namespace
}  // namespace caseload::regimes
