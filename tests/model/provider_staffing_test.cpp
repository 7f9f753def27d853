// A provider's headcount: sized from the caseload its off-flow forecast expects, at the
// scenario's caseload ratio, and what a caseworker minute costs it.

#include "sim/model/provider_staffing.hpp"

#include <cmath>
#include <numeric>

#include <gtest/gtest.h>

#include "tests/model/fixtures.hpp"

namespace caseload::model {
namespace {

TEST(ProviderStaffing, SurvivalFollowsTheForecastsPiecesOfConstantHazard) {
  const OffFlowForecast forecast{0.05, 0.03, 0.01};
  EXPECT_DOUBLE_EQ(forecast_survival(forecast, 0.0), 1.0);
  EXPECT_NEAR(forecast_survival(forecast, 13.0), std::exp(-0.05 * 13.0), 1e-15);
  EXPECT_NEAR(forecast_survival(forecast, 39.0), std::exp(-0.05 * 26.0 - 0.03 * 13.0), 1e-15);
  EXPECT_NEAR(forecast_survival(forecast, 60.0), std::exp(-0.05 * 26.0 - 0.03 * 26.0 - 0.01 * 8.0), 1e-15);
}

TEST(ProviderStaffing, AttachedWeeksEndWithTheClaimOrTheAttachment) {
  // One constant hazard: the mean of a duration capped at the attachment.
  const OffFlowForecast constant{0.02, 0.02, 0.02};
  EXPECT_NEAR(forecast_attached_weeks(constant, 10.0, 104.0), (1.0 - std::exp(-0.02 * 104.0)) / 0.02, 1e-12);
  // Nobody leaves: attached for the whole attachment.
  EXPECT_NEAR(forecast_attached_weeks(OffFlowForecast{0.0, 0.0, 0.0}, 13.0, 104.0), 104.0, 1e-12);
  // Referred at 13 weeks: 13 weeks at the first hazard, 26 at the second, the rest at the third.
  const OffFlowForecast forecast{0.05, 0.03, 0.01};
  const double expected = (1.0 - std::exp(-0.05 * 13.0)) / 0.05 +
                          std::exp(-0.05 * 13.0) * (1.0 - std::exp(-0.03 * 26.0)) / 0.03 +
                          std::exp(-0.05 * 13.0 - 0.03 * 26.0) * (1.0 - std::exp(-0.01 * 65.0)) / 0.01;
  EXPECT_NEAR(forecast_attached_weeks(forecast, 13.0, 104.0), expected, 1e-12);
}

Scenario two_groups_with_providers() {
  Scenario s = fixtures::small_scenario();
  s.network.offices = 2;
  CustomerGroup hard = s.groups.front();
  hard.name = "hard";
  hard.inflow_per_week = 8.0;
  s.groups.push_back(hard);  // "all" has 30 a week
  s.providers.per_office = 2;
  s.providers.referral_after_weeks = {52.0, 13.0};
  s.providers.attachment_weeks = 104.0;
  return s;
}

TEST(ProviderStaffing, ExpectedCaseloadIsReferralsPerWeekTimesWeeksAttached) {
  const Scenario s = two_groups_with_providers();
  const OffFlowForecast& f = s.providers.forecast;
  const double expected =
      30.0 / 2 * forecast_survival(f, 52.0) * forecast_attached_weeks(f, 52.0, 104.0) +
      8.0 / 2 * forecast_survival(f, 13.0) * forecast_attached_weeks(f, 13.0, 104.0);
  EXPECT_NEAR(expected_caseload(s, 0), expected, 1e-9);
  Scenario off = s;
  off.providers.per_office = 0;
  EXPECT_EQ(expected_caseload(off, 0), 0.0);
}

TEST(ProviderStaffing, CaseworkersCoverTheExpectedCaseloadAtTheRatio) {
  Scenario s = two_groups_with_providers();
  const double caseload = expected_caseload(s, 0);
  s.providers.caseload_per_caseworker = caseload / 2.3;  // 2.3 caseworkers' worth: hire 3
  EXPECT_EQ(provider_staffing(s), (std::vector<std::uint32_t>{3, 3, 3, 3}));
  s.providers.caseload_per_caseworker = caseload / 2.0 * 1.001;  // just under 2: hire 2
  EXPECT_EQ(provider_staffing(s), (std::vector<std::uint32_t>{2, 2, 2, 2}));
  s.providers.caseload_per_caseworker = caseload * 1000.0;  // a tiny caseload still gets one
  EXPECT_EQ(provider_staffing(s), (std::vector<std::uint32_t>{1, 1, 1, 1}));
  s.providers.caseworkers_per_provider = 5;  // a fixed headcount overrides the sizing
  EXPECT_EQ(provider_staffing(s), (std::vector<std::uint32_t>{5, 5, 5, 5}));
  s.providers.per_office = 0;
  EXPECT_TRUE(provider_staffing(s).empty());
}

TEST(ProviderStaffing, TheWorldHiresWhatTheSizingSays) {
  Scenario s = two_groups_with_providers();
  s.run.warmup_weeks = 4;
  s.run.weeks = 4;
  s.counterfactual.enabled = false;
  s.providers.caseload_per_caseworker = expected_caseload(s, 0) / 2.5;  // 3 each
  const std::vector<std::uint32_t> staffing = provider_staffing(s);
  const auto result = fixtures::run(s);
  const auto& advisers = result.treatment.advisers;
  std::vector<std::uint32_t> hired(staffing.size(), 0);
  for (std::uint32_t a = 0; a < advisers.size(); ++a) {
    if (advisers.is_provider[a]) ++hired[advisers.provider[a]];
  }
  EXPECT_EQ(hired, staffing);
  EXPECT_EQ(std::accumulate(hired.begin(), hired.end(), 0u), 12u);
}

TEST(ProviderStaffing, AMinuteCostsTheSalaryOverThePlannableMinutesOfAYear) {
  Scenario s = fixtures::small_scenario();
  s.advisers.hours_per_week = 37.0;
  s.advisers.other_duties_share = 0.4;
  s.providers.caseworker_cost_per_year = 34632.0;  // 37 x 60 x 0.6 x 52 = 69,264 minutes
  EXPECT_DOUBLE_EQ(caseworker_cost_per_minute(s), 0.5);
}

}  // namespace
}  // namespace caseload::model
