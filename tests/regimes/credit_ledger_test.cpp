#include "sim/regimes/credit_ledger.hpp"

#include <gtest/gtest.h>

namespace caseload::regimes {
namespace {

model::OfficeNetwork two_offices_of_four() {
  model::OfficeNetwork network;
  network.offices = 2;
  network.advisers_per_office = 4;
  network.advisers_per_team = 2;
  return network;
}

// An outcome earned by `adviser` for a client of `group`.
model::Outcome earned(std::uint32_t adviser, std::uint8_t group = 0) {
  model::Outcome outcome;
  outcome.adviser = static_cast<model::AdviserId>(adviser);
  outcome.client = static_cast<model::JobseekerId>(0);
  outcome.group = static_cast<model::GroupId>(group);
  return outcome;
}

TEST(Organisation, UnitsFollowTheLevel) {
  const auto network = two_offices_of_four();
  const Organisation advisers(network, Level::Adviser);
  const Organisation teams(network, Level::Team);
  const Organisation offices(network, Level::Office);
  EXPECT_EQ(advisers.units(), 8u);
  EXPECT_EQ(teams.units(), 4u);
  EXPECT_EQ(offices.units(), 2u);
  EXPECT_EQ(teams.unit_of(static_cast<model::AdviserId>(5)), 2u);  // office 1, first team
  EXPECT_EQ(offices.unit_of(static_cast<model::AdviserId>(5)), 1u);
  EXPECT_DOUBLE_EQ(teams.share(static_cast<model::AdviserId>(5)), 0.5);
  EXPECT_DOUBLE_EQ(offices.share(static_cast<model::AdviserId>(0)), 0.25);
}

TEST(CreditLedger, LaggedCreditCountsOnlyWhenItsDayComes) {
  const auto network = two_offices_of_four();
  const Organisation teams(network, Level::Team);
  CreditLedger ledger(teams, 10.0, 1);
  ledger.credit(earned(0), 4.0, 30.0);  // earned now, counted on day 30
  ledger.release_until(29.0);
  EXPECT_EQ(ledger.unit_to_date(0), 0.0);
  ledger.release_until(30.0);
  EXPECT_EQ(ledger.unit_to_date(0), 4.0);
  // Team credit is shared: each of the two members is measured at half.
  EXPECT_DOUBLE_EQ(ledger.measured(static_cast<model::AdviserId>(0)), 2.0);
  EXPECT_DOUBLE_EQ(ledger.measured(static_cast<model::AdviserId>(1)), 2.0);
  EXPECT_DOUBLE_EQ(ledger.measured(static_cast<model::AdviserId>(2)), 0.0);
}

TEST(CreditLedger, CreditBeforeTheMeasuredPeriodIsNotMeasured) {
  const Organisation advisers(two_offices_of_four(), Level::Adviser);
  CreditLedger ledger(advisers, 100.0, 1);
  ledger.credit(earned(3), 1.0, 50.0);
  ledger.credit(earned(3), 2.0, 150.0);
  ledger.release_until(200.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(3), 3.0);
  EXPECT_DOUBLE_EQ(ledger.measured(static_cast<model::AdviserId>(3)), 2.0);
}

TEST(CreditLedger, CreditToDateIsKeptByClientGroupAndResetWithTheYear) {
  const Organisation offices(two_offices_of_four(), Level::Office);
  CreditLedger ledger(offices, 0.0, 2);
  ledger.credit(earned(0, 0), 1.0, 5.0);
  ledger.credit(earned(6, 1), 2.0, 5.0);
  model::Outcome no_client = earned(1);
  no_client.client = static_cast<model::JobseekerId>(model::no_row);  // an employer contact
  ledger.credit(no_client, 4.0, 5.0);
  ledger.release_until(7.0);
  EXPECT_EQ(ledger.groups(), 2u);
  EXPECT_DOUBLE_EQ(ledger.group_to_date(0), 1.0);
  EXPECT_DOUBLE_EQ(ledger.group_to_date(1), 2.0);
  EXPECT_DOUBLE_EQ(ledger.group_to_date(2), 4.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(0), 5.0);
  ledger.reset_to_date();
  EXPECT_EQ(ledger.group_to_date(1), 0.0);
}

TEST(Organisation, UnitsNameTheirLevelAndIndexWithin) {
  const std::vector<std::uint32_t> providers = {2, 2};  // one provider an office, 2 caseworkers each
  const auto network = two_offices_of_four();  // units: 4 teams or 2 offices, then 2 providers
  const Organisation teams(network, providers, Level::Team);
  EXPECT_EQ(teams.level_of(3), Level::Team);
  EXPECT_EQ(teams.index_in_level(3), 3u);
  EXPECT_EQ(teams.level_of(5), Level::Provider);
  EXPECT_EQ(teams.index_in_level(5), 1u);
  const Organisation by_provider(network, providers, Level::Provider);
  EXPECT_EQ(by_provider.level_of(1), Level::Office);
  EXPECT_EQ(by_provider.level_of(2), Level::Provider);
  EXPECT_EQ(by_provider.index_in_level(2), 0u);
  const Organisation advisers(network, providers, Level::Adviser);
  EXPECT_EQ(advisers.level_of(9), Level::Adviser);  // a caseworker is its own unit
  EXPECT_EQ(advisers.index_in_level(9), 9u);
}

TEST(CreditLedger, WeeksCreditIsKeptByUnitAndIndicatorUntilTheNextWeek) {
  const Organisation teams(two_offices_of_four(), Level::Team);
  CreditLedger ledger(teams, 0.0, 1, 2);
  ledger.credit_from(0);
  ledger.credit(earned(0), 4.0, 3.0);
  ledger.credit_from(1);
  ledger.credit(earned(1), 1.5, 3.0);
  ledger.credit(earned(5), 2.0, 10.0);  // counted next week
  ledger.start_week();
  ledger.release_until(7.0);
  EXPECT_DOUBLE_EQ(ledger.unit_this_week(0, 0), 4.0);
  EXPECT_DOUBLE_EQ(ledger.unit_this_week(0, 1), 1.5);
  EXPECT_DOUBLE_EQ(ledger.unit_this_week(2, 1), 0.0);
  ledger.start_week();
  ledger.release_until(14.0);
  EXPECT_DOUBLE_EQ(ledger.unit_this_week(0, 0), 0.0);
  EXPECT_DOUBLE_EQ(ledger.unit_this_week(2, 1), 2.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(0), 5.5);  // to date is unchanged by the weekly split
}

TEST(CreditLedger, ValidationIsOwedThenTakenOnce) {
  const Organisation advisers(two_offices_of_four(), Level::Adviser);
  CreditLedger ledger(advisers, 0.0, 1);
  ledger.owe_validation(static_cast<model::AdviserId>(1), 15.0);
  ledger.owe_validation(static_cast<model::AdviserId>(1), 15.0);
  EXPECT_DOUBLE_EQ(ledger.take_validation(static_cast<model::AdviserId>(1)), 30.0);
  EXPECT_DOUBLE_EQ(ledger.take_validation(static_cast<model::AdviserId>(1)), 0.0);
}

TEST(CreditLedger, MeasuredCreditIsKeptByGroupAndKindOfPayment) {
  const Organisation teams(two_offices_of_four(), Level::Team);
  CreditLedger ledger(teams, 10.0, 2);
  ledger.credit(earned(0, 1), 400.0, 20.0, model::PaymentKind::Attachment);
  ledger.credit(earned(1, 1), 1200.0, 20.0, model::PaymentKind::JobOutcome);
  ledger.credit(earned(0, 0), 215.0, 20.0, model::PaymentKind::Sustainment);
  ledger.credit(earned(0, 0), 99.0, 5.0, model::PaymentKind::Sustainment);  // before the measured period
  model::Outcome no_client = earned(1);
  no_client.client = static_cast<model::JobseekerId>(model::no_row);
  ledger.credit(no_client, 3.0, 20.0);  // Other by default
  ledger.release_until(30.0);
  const auto first = static_cast<model::AdviserId>(0);
  // Team credit is shared: each member's part is half of the team's, in every cell.
  EXPECT_DOUBLE_EQ(ledger.measured(first, 1, model::PaymentKind::Attachment), 200.0);
  EXPECT_DOUBLE_EQ(ledger.measured(first, 1, model::PaymentKind::JobOutcome), 600.0);
  EXPECT_DOUBLE_EQ(ledger.measured(first, 0, model::PaymentKind::Sustainment), 107.5);
  EXPECT_DOUBLE_EQ(ledger.measured(first, 0, model::PaymentKind::Attachment), 0.0);
  EXPECT_DOUBLE_EQ(ledger.measured(first, 2, model::PaymentKind::Other), 1.5);
  // The cells add up to the adviser's measured credit.
  double cells = 0.0;
  for (std::size_t group = 0; group <= 2; ++group) {
    for (std::size_t kind = 0; kind < model::payment_kind_count; ++kind) {
      cells += ledger.measured(first, group, static_cast<model::PaymentKind>(kind));
    }
  }
  EXPECT_DOUBLE_EQ(cells, ledger.measured(first));
}

}  // namespace
}  // namespace caseload::regimes
