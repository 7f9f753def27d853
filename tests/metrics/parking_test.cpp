// Parked share of client-weeks, overall and by customer group, on hand data.

#include "sim/metrics/parking.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/metrics/hand_data.hpp"

namespace caseload::metrics {
namespace {

TEST(Parking, ShareOfClientWeeksOverallAndByGroup) {
  auto variant = hand::empty_variant();
  hand::add(variant, {.group = 0, .claim_weeks = 10, .parked_weeks = 0});
  hand::add(variant, {.group = 0, .claim_weeks = 30, .parked_weeks = 20});
  hand::add(variant, {.group = 1, .claim_weeks = 20, .parked_weeks = 20});
  hand::add(variant, {.group = 1, .claim_weeks = 0, .parked_weeks = 0});  // adds nothing
  const auto result = parking(hand::scenario_with_groups(3), variant);
  EXPECT_EQ(result.claim_weeks, 60.0);
  EXPECT_EQ(result.parked_weeks, 40.0);
  EXPECT_DOUBLE_EQ(result.parked_share, 40.0 / 60.0);
  ASSERT_EQ(result.parked_share_by_group.size(), 3u);
  EXPECT_DOUBLE_EQ(result.parked_share_by_group[0], 0.5);  // 20 of 40
  EXPECT_DOUBLE_EQ(result.parked_share_by_group[1], 1.0);
  EXPECT_TRUE(std::isnan(result.parked_share_by_group[2]));  // no client-weeks
}

TEST(Parking, NoClientWeeksIsNaN) {
  EXPECT_TRUE(
      std::isnan(parking(hand::scenario_with_groups(1), hand::empty_variant()).parked_share));
}

}  // namespace
}  // namespace caseload::metrics
