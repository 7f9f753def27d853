// Sanctions counted over the measured weeks, overall and by customer group, on a hand-built panel.

#include "sim/metrics/sanctions.hpp"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "tests/metrics/hand_data.hpp"

namespace caseload::metrics {
namespace {

void add_week(model::VariantResult& variant, std::uint32_t week, std::uint8_t group, std::uint32_t sanctions) {
  model::PanelRow row;
  row.week = week;
  row.group = static_cast<model::GroupId>(group);
  row.counts.sanctions = sanctions;
  variant.panel.push_back(row);
}

TEST(Sanctions, CountsMeasuredWeeksOverallAndByGroup) {
  auto variant = hand::empty_variant();  // measured from week 26
  add_week(variant, 25, 0, 7);           // warm-up: not counted
  add_week(variant, 26, 0, 2);
  add_week(variant, 30, 1, 3);
  add_week(variant, 31, 0, 1);
  const std::vector<double> claim_weeks = {150.0, 50.0, 0.0};
  const Sanctions result = sanctions(variant, claim_weeks);
  EXPECT_EQ(result.count, 6.0);
  EXPECT_DOUBLE_EQ(result.per_100_client_weeks, 3.0);  // 6 per 200 client-weeks
  EXPECT_EQ(result.count_by_group, (std::vector<double>{3.0, 3.0, 0.0}));
  ASSERT_EQ(result.per_100_client_weeks_by_group.size(), 3u);
  EXPECT_DOUBLE_EQ(result.per_100_client_weeks_by_group[0], 2.0);
  EXPECT_DOUBLE_EQ(result.per_100_client_weeks_by_group[1], 6.0);
  EXPECT_TRUE(std::isnan(result.per_100_client_weeks_by_group[2]));  // no client-weeks
}

TEST(Sanctions, NoClientWeeksIsNaNButStillCounts) {
  auto variant = hand::empty_variant();
  add_week(variant, 40, 0, 4);
  const Sanctions result = sanctions(variant, std::vector<double>{0.0});
  EXPECT_EQ(result.count, 4.0);
  EXPECT_TRUE(std::isnan(result.per_100_client_weeks));
}

}  // namespace
}  // namespace caseload::metrics
