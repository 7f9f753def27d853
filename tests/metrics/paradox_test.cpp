// Correlation of measured performance with net impact across advisers and offices.

#include "sim/metrics/paradox.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/metrics/hand_data.hpp"

namespace caseload::metrics {
namespace {

// Advisers 0,1 in office 0 and 2,3 in office 1, each with one client whose net employment
// weeks are `net[a]` (all employed days in the treatment, none in the counterfactual).
model::SimulationResult advisers(const std::array<double, 4>& measured,
                                 const std::array<float, 4>& net_weeks) {
  model::SimulationResult result;
  result.treatment = hand::empty_variant();
  model::VariantResult counterfactual = hand::empty_variant("counterfactual");
  for (std::uint32_t a = 0; a < 4; ++a) {
    hand::add_adviser(result.treatment, static_cast<std::uint16_t>(a / 2), measured[a]);
    hand::add(result.treatment,
              {.claim_weeks = 1, .employed_days = 7.0f * net_weeks[a], .adviser = a});
    hand::add(counterfactual, {.claim_weeks = 1, .adviser = a});
  }
  result.counterfactual = std::move(counterfactual);
  return result;
}

TEST(Paradox, CorrelatesMeasuredWithNetAcrossAdvisersAndOffices) {
  // Net weeks 1, 2, 3, 4 against measured 1, 3, 2, 4: r = 0.8 (statistics_test works it).
  // Offices: measured 4, 6 against net 3, 7: two points, r = 1.
  const auto value = paradox(advisers({1.0, 3.0, 2.0, 4.0}, {1.0f, 2.0f, 3.0f, 4.0f}));
  ASSERT_TRUE(value.has_value());
  EXPECT_NEAR(value->adviser_correlation, 0.8, 1e-12);
  EXPECT_DOUBLE_EQ(value->office_correlation, 1.0);
  EXPECT_EQ(value->measured_by_office, (std::vector<double>{4.0, 6.0}));
  EXPECT_EQ(value->net_weeks_by_office, (std::vector<double>{3.0, 7.0}));
}

TEST(Paradox, MeasuringTheOppositeOfImpactGivesMinusOne) {
  const auto value = paradox(advisers({4.0, 3.0, 2.0, 1.0}, {1.0f, 2.0f, 3.0f, 4.0f}));
  ASSERT_TRUE(value.has_value());
  EXPECT_NEAR(value->adviser_correlation, -1.0, 1e-12);
}

TEST(Paradox, NeutralRegimeHasNoCorrelation) {
  const auto value = paradox(advisers({0.0, 0.0, 0.0, 0.0}, {1.0f, 2.0f, 3.0f, 4.0f}));
  ASSERT_TRUE(value.has_value());
  EXPECT_TRUE(std::isnan(value->adviser_correlation));
  EXPECT_TRUE(std::isnan(value->office_correlation));
}

TEST(Paradox, NotAvailableWithoutACounterfactual) {
  auto result = advisers({1.0, 2.0, 3.0, 4.0}, {1.0f, 2.0f, 3.0f, 4.0f});
  result.counterfactual.reset();
  EXPECT_FALSE(paradox(result).has_value());
}

}  // namespace
}  // namespace caseload::metrics
