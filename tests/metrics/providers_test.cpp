// Providers' books and parking, on hand data.

#include "sim/metrics/providers.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/metrics/hand_data.hpp"

namespace caseload::metrics {
namespace {

// One office, two providers of one caseworker each (adviser 0 is the office's), two groups.
model::Scenario two_providers() {
  model::Scenario scenario = hand::scenario_with_groups(2);
  scenario.network.offices = 1;
  scenario.providers.per_office = 2;
  scenario.providers.caseworkers_per_provider = 1;
  scenario.providers.staff_cost_per_hour = 30.0;
  return scenario;
}

model::VariantResult books_of_two_providers() {
  auto variant = hand::empty_variant();
  variant.advisers.add({});
  for (std::uint32_t p = 0; p < 2; ++p) {
    model::NewAdviser caseworker;
    caseworker.is_provider = true;
    caseworker.provider = p;
    variant.advisers.add(caseworker);
  }
  variant.measured_by_adviser = {999.0, 1000.0, 200.0};  // the office adviser's is not a provider's
  variant.advisers.measured[0].action_minutes[0] = 6000.0;
  variant.advisers.measured[1].action_minutes[0] = 60.0;   // an hour of interviews
  variant.advisers.measured[1].action_minutes[1] = 60.0;   // and one of submissions
  variant.advisers.measured[1].fund_spend = 75.0;
  variant.advisers.measured[2].action_minutes[0] = 120.0;
  // provider * 2 + group
  variant.providers.referrals = {3.0, 1.0, 0.0, 2.0};
  variant.providers.client_weeks = {30.0, 10.0, 0.0, 20.0};
  variant.providers.parked_weeks = {3.0, 5.0, 0.0, 10.0};
  return variant;
}

TEST(Providers, BooksAreFeesLessStaffTimeAndProgrammeSpend) {
  const Providers result = providers(two_providers(), books_of_two_providers());
  ASSERT_EQ(result.by_provider.size(), 2u);
  const ProviderBooks& first = result.by_provider[0];
  EXPECT_DOUBLE_EQ(first.referrals, 4.0);
  EXPECT_DOUBLE_EQ(first.fees, 1000.0);
  EXPECT_DOUBLE_EQ(first.staff_minutes, 120.0);
  EXPECT_DOUBLE_EQ(first.staff_cost, 60.0);
  EXPECT_DOUBLE_EQ(first.programme_spend, 75.0);
  EXPECT_DOUBLE_EQ(first.profit, 1000.0 - 60.0 - 75.0);
  EXPECT_DOUBLE_EQ(first.parked_share, 8.0 / 40.0);
  const ProviderBooks& second = result.by_provider[1];
  EXPECT_DOUBLE_EQ(second.profit, 200.0 - 60.0);
  EXPECT_DOUBLE_EQ(second.parked_share, 0.5);
  EXPECT_DOUBLE_EQ(result.total.profit, 865.0 + 140.0);
  EXPECT_DOUBLE_EQ(result.profit_per_referral, 1005.0 / 6.0);
  EXPECT_DOUBLE_EQ(result.parked_share_by_group[0], 3.0 / 30.0);
  EXPECT_DOUBLE_EQ(result.parked_share_by_group[1], 15.0 / 30.0);
  EXPECT_DOUBLE_EQ(result.total.parked_share, 18.0 / 60.0);
}

TEST(Providers, NoneGivesNoBooksAndNaNFigures) {
  const Providers result = providers(hand::scenario_with_groups(2), hand::empty_variant());
  EXPECT_TRUE(result.by_provider.empty());
  EXPECT_TRUE(std::isnan(result.profit_per_referral));
  EXPECT_TRUE(std::isnan(result.total.parked_share));
  EXPECT_TRUE(std::isnan(result.parked_share_by_group[1]));
}

}  // namespace
}  // namespace caseload::metrics
