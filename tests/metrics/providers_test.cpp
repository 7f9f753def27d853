// Providers' books and parking, on hand data: salaries and overhead are fixed costs, shared
// among groups by stated rules; fees come by kind from the regime.

#include "sim/metrics/providers.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/metrics/hand_data.hpp"

namespace caseload::metrics {
namespace {

using model::PaymentKind;

constexpr std::size_t kinds = model::payment_kind_count;

// One office, two providers, two groups; the measured period is one year.
model::Scenario two_providers() {
  model::Scenario scenario = hand::scenario_with_groups(2);
  scenario.network.offices = 1;
  scenario.providers.per_office = 2;
  scenario.providers.caseworker_cost_per_year = 20000.0;
  scenario.providers.overhead_share = 0.5;
  return scenario;
}

// Where the regime's payment to `provider` for `group` (2: no client) of `kind` sits in the tally.
std::size_t fee_cell(std::size_t provider, std::size_t group, PaymentKind kind) {
  return (provider * 3 + group) * kinds + static_cast<std::size_t>(kind);
}

// Provider 0 has two caseworkers, provider 1 one; adviser 0 is the office's.
model::VariantResult books_of_two_providers() {
  auto variant = hand::empty_variant();
  variant.advisers.add({});
  for (std::uint32_t p : {0u, 0u, 1u}) {
    model::NewAdviser caseworker;
    caseworker.is_provider = true;
    caseworker.provider = p;
    variant.advisers.add(caseworker);
  }
  // provider * 2 + group
  auto& tally = variant.providers;
  tally.referrals = {3.0, 1.0, 0.0, 2.0};
  tally.client_weeks = {30.0, 10.0, 0.0, 20.0};
  tally.parked_weeks = {3.0, 5.0, 0.0, 10.0};
  tally.help_minutes = {90.0, 30.0, 0.0, 0.0};  // provider 1 used no minutes at all
  tally.programme_spend = {75.0, 0.0, 0.0, 0.0};
  tally.fees.assign(2 * 3 * kinds, 0.0);
  tally.fees[fee_cell(0, 0, PaymentKind::Attachment)] = 800.0;
  tally.fees[fee_cell(0, 0, PaymentKind::JobOutcome)] = 1200.0;
  tally.fees[fee_cell(0, 1, PaymentKind::Attachment)] = 400.0;
  tally.fees[fee_cell(0, 1, PaymentKind::Sustainment)] = 215.0;
  tally.fees[fee_cell(0, 2, PaymentKind::Other)] = 50.0;  // an employer contact: no group's
  tally.fees[fee_cell(1, 1, PaymentKind::Attachment)] = 800.0;
  return variant;
}

TEST(Providers, SalariesAreFixedAndSharedAmongGroupsByMinutes) {
  const Providers result = providers(two_providers(), books_of_two_providers());
  ASSERT_EQ(result.by_provider.size(), 2u);
  const ProviderBooks& first = result.by_provider[0];
  EXPECT_DOUBLE_EQ(first.caseworkers, 2.0);
  EXPECT_DOUBLE_EQ(first.staff_cost, 2 * 20000.0);
  EXPECT_DOUBLE_EQ(first.overhead, 0.5 * 40000.0);
  EXPECT_DOUBLE_EQ(result.by_provider_group[0].staff_cost, 40000.0 * 90.0 / 120.0);
  EXPECT_DOUBLE_EQ(result.by_provider_group[1].staff_cost, 40000.0 * 30.0 / 120.0);
  EXPECT_DOUBLE_EQ(result.by_provider_group[0].overhead, 20000.0 * 30.0 / 40.0);
  EXPECT_DOUBLE_EQ(result.by_provider_group[1].overhead, 20000.0 * 10.0 / 40.0);
}

TEST(Providers, AProviderThatUsesNoMinutesStillPaysItsStaff) {
  const Providers result = providers(two_providers(), books_of_two_providers());
  const ProviderBooks& idle = result.by_provider[1];
  EXPECT_DOUBLE_EQ(idle.staff_minutes, 0.0);
  EXPECT_DOUBLE_EQ(idle.staff_cost, 20000.0);
  // With no minutes to share it by, the cost follows the client-weeks: all group 1's.
  EXPECT_DOUBLE_EQ(result.by_provider_group[3].staff_cost, 20000.0);
  EXPECT_DOUBLE_EQ(result.by_provider_group[2].staff_cost, 0.0);
  EXPECT_DOUBLE_EQ(idle.margin, 800.0 - 20000.0 - 10000.0);
}

TEST(Providers, MarginIsFeesLessStaffOverheadAndProgrammeSpend) {
  const Providers result = providers(two_providers(), books_of_two_providers());
  const ProviderBooks& first_g0 = result.by_provider_group[0];
  EXPECT_DOUBLE_EQ(first_g0.fees_by_kind[static_cast<std::size_t>(PaymentKind::Attachment)], 800.0);
  EXPECT_DOUBLE_EQ(first_g0.fees_by_kind[static_cast<std::size_t>(PaymentKind::JobOutcome)], 1200.0);
  EXPECT_DOUBLE_EQ(first_g0.fees, 2000.0);
  EXPECT_DOUBLE_EQ(first_g0.margin, 2000.0 - 30000.0 - 15000.0 - 75.0);
  EXPECT_DOUBLE_EQ(first_g0.spend_per_participant, (30000.0 + 75.0) / 3.0);
  EXPECT_DOUBLE_EQ(result.by_provider_group[1].spend_per_participant, 10000.0 / 1.0);
  EXPECT_TRUE(std::isnan(result.by_provider_group[2].spend_per_participant)) << "no participants";
  // The provider's fees take in the credit with no client, which no group's books carry.
  const ProviderBooks& first = result.by_provider[0];
  EXPECT_DOUBLE_EQ(first.fees, 2000.0 + 615.0 + 50.0);
  EXPECT_DOUBLE_EQ(first.fees_by_kind[static_cast<std::size_t>(PaymentKind::Other)], 50.0);
  EXPECT_DOUBLE_EQ(first.margin, 2665.0 - 40000.0 - 20000.0 - 75.0);
  EXPECT_DOUBLE_EQ(result.total.margin, first.margin + result.by_provider[1].margin);
  EXPECT_DOUBLE_EQ(result.profit_per_referral, result.total.margin / 6.0);
}

TEST(Providers, GroupBooksSumOverProviders) {
  const Providers result = providers(two_providers(), books_of_two_providers());
  const ProviderBooks& second_group = result.by_group[1];
  EXPECT_DOUBLE_EQ(second_group.fees, 615.0 + 800.0);
  EXPECT_DOUBLE_EQ(second_group.staff_cost, 10000.0 + 20000.0);
  EXPECT_DOUBLE_EQ(second_group.overhead, 5000.0 + 10000.0);
  EXPECT_DOUBLE_EQ(second_group.margin, 1415.0 - 30000.0 - 15000.0);
  EXPECT_DOUBLE_EQ(second_group.spend_per_participant, 30000.0 / 3.0);
  EXPECT_DOUBLE_EQ(result.by_group[0].parked_share, 3.0 / 30.0);
  EXPECT_DOUBLE_EQ(second_group.parked_share, 15.0 / 30.0);
  EXPECT_DOUBLE_EQ(result.total.parked_share, 18.0 / 60.0);
  EXPECT_DOUBLE_EQ(result.by_provider[0].parked_share, 8.0 / 40.0);
}

TEST(Providers, NoneGivesNoBooksAndNaNFigures) {
  const Providers result = providers(hand::scenario_with_groups(2), hand::empty_variant());
  EXPECT_TRUE(result.by_provider.empty());
  EXPECT_TRUE(result.by_provider_group.empty());
  EXPECT_TRUE(std::isnan(result.profit_per_referral));
  EXPECT_TRUE(std::isnan(result.total.parked_share));
  EXPECT_TRUE(std::isnan(result.by_group[1].parked_share));
  EXPECT_TRUE(std::isnan(result.by_group[1].spend_per_participant));
}

}  // namespace
}  // namespace caseload::metrics
