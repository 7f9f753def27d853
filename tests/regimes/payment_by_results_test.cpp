// Payment by results through providers: the attachment fee, sustainment payments in what a
// sustained job is worth, and caseworkers who weigh fees against what their time and
// programme money cost the provider.

#include <cmath>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "sim/core/diagnostics.hpp"
#include "sim/io/config/runnable_scenario.hpp"
#include "sim/regimes/credit_ledger.hpp"
#include "sim/regimes/indicator.hpp"
#include "sim/regimes/organisation.hpp"
#include "sim/regimes/primitives.hpp"
#include "tests/regimes/regime_data.hpp"

namespace caseload::regimes {

namespace {

using testing::load_problems;
using testing::regime_data;

core::ConfigNode keys(const std::vector<std::pair<std::string, std::string>>& pairs) {
  core::ConfigNode node = core::ConfigNode::map({"test", 1, 1});
  for (const auto& [key, value] : pairs) node.set(key, core::ConfigNode::scalar(value, {"test", 1, 1}), {"test", 1, 1});
  return node;
}

template <typename Make>
std::unique_ptr<Indicator> make(Make maker, core::ConfigNode node, const model::Scenario& scenario,
                                std::vector<std::string> groups) {
  core::Diagnostics problems;
  core::ConfigReader reader(node, "indicator", problems);
  IndicatorContext context{&scenario, std::move(groups)};
  auto indicator = maker(reader, context);
  reader.finish();
  EXPECT_TRUE(problems.empty());
  return indicator;
}

model::ActionCandidate interview(double s13, double s26_before, double s26_after) {
  model::ActionCandidate c;
  c.action = model::ActionKind::Interview;
  c.minutes = 40.0;
  c.before.sustained_13 = s13;
  c.before.sustained_26 = s26_before;
  c.after.sustained_13 = s13;
  c.after.sustained_26 = s26_after;
  c.attached = true;
  return c;
}

TEST(Attachment, PaysTheGroupsFeeToTheProviderOnReferralAndValuesNoAction) {
  model::Scenario scenario;
  scenario.network.offices = 1;
  scenario.network.advisers_per_office = 2;
  scenario.network.advisers_per_team = 2;
  scenario.providers.per_office = 2;
  scenario.providers.caseworkers_per_provider = 1;  // advisers 0-1, caseworkers 2 and 3
  core::ConfigNode by_group = core::ConfigNode::map({"test", 1, 1});
  by_group.set("default", core::ConfigNode::scalar("400", {"test", 1, 1}), {"test", 1, 1});
  by_group.set("hard", core::ConfigNode::scalar("600", {"test", 1, 1}), {"test", 1, 1});
  core::ConfigNode config = core::ConfigNode::map({"test", 1, 1});
  config.set("points", by_group, {"test", 1, 1});
  const auto fee = make(make_attachment, config, scenario, {"easy", "hard"});

  const Organisation organisation(scenario, Level::Provider);
  CreditLedger ledger(organisation, 0.0, 2);
  model::Outcome attached;
  attached.kind = model::OutcomeKind::Attached;
  attached.time = 7.0;
  attached.adviser = static_cast<model::AdviserId>(3);
  attached.group = static_cast<model::GroupId>(1);
  fee->record(attached, ledger);
  attached.adviser = static_cast<model::AdviserId>(2);
  attached.group = static_cast<model::GroupId>(0);
  fee->record(attached, ledger);
  model::Outcome entry = attached;  // other outcomes earn no attachment fee
  entry.kind = model::OutcomeKind::JobEntry;
  fee->record(entry, ledger);
  ledger.release_until(14.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(0), 0.0);    // the office
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(1), 400.0);  // provider 0
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(2), 600.0);  // provider 1
  EXPECT_DOUBLE_EQ(ledger.measured(static_cast<model::AdviserId>(3), 1, model::PaymentKind::Attachment), 600.0);
  EXPECT_DOUBLE_EQ(ledger.measured(static_cast<model::AdviserId>(3), 1, model::PaymentKind::JobOutcome), 0.0);
  EXPECT_DOUBLE_EQ(fee->value(interview(0.4, 0.2, 0.3)), 0.0);
}

std::unique_ptr<Indicator> work_programme_fee(const model::Scenario& scenario) {
  return make(make_sustained_job,
              keys({{"weeks", "26"}, {"points", "1000"}, {"sustainment_points", "100"},
                    {"sustainment_every_weeks", "4"}, {"sustainment_max", "13"}}),
              scenario, {"all"});
}

// What the fee pays, mark by mark (weeks in work -> amount), for a job of `tenure_weeks` that
// the model marks at every mark it lasts past, as it does for the regime's marks.
std::vector<std::pair<double, double>> paid_by_mark(Indicator& fee, double tenure_weeks) {
  model::Scenario scenario;
  scenario.network.offices = 1;
  scenario.network.advisers_per_office = 1;
  scenario.network.advisers_per_team = 1;
  const Organisation organisation(scenario, Level::Adviser);
  CreditLedger ledger(organisation, 0.0, 1);
  std::vector<double> marks;
  fee.add_job_marks(marks);
  std::vector<std::pair<double, double>> paid;
  double before = 0.0;
  for (const double mark : model::all_job_marks(marks)) {
    if (mark >= tenure_weeks) break;
    model::Outcome sustained;
    sustained.kind = model::OutcomeKind::Sustained;
    sustained.time = 100.0 + mark * 7.0;
    sustained.weeks = mark;
    fee.record(sustained, ledger);
    ledger.release_until(sustained.time);
    if (ledger.unit_to_date(0) > before) paid.emplace_back(mark, ledger.unit_to_date(0) - before);
    before = ledger.unit_to_date(0);
  }
  return paid;
}

TEST(SustainedJob, PaysTheFeeThenEverySustainmentPaymentOnItsOwnDate) {
  model::Scenario scenario;
  const auto fee = work_programme_fee(scenario);
  std::vector<std::pair<double, double>> expected = {{26.0, 1000.0}};
  for (int k = 1; k <= 13; ++k) expected.emplace_back(26.0 + 4.0 * k, 100.0);  // weeks 30, 34, ..., 78
  EXPECT_EQ(paid_by_mark(*fee, 80.0), expected);
}

TEST(SustainedJob, BooksTheOutcomeFeeAndTheSustainmentPaymentsAsTheirKinds) {
  model::Scenario scenario;
  scenario.network.offices = 1;
  scenario.network.advisers_per_office = 1;
  scenario.network.advisers_per_team = 1;
  const auto fee = work_programme_fee(scenario);
  const Organisation organisation(scenario, Level::Adviser);
  CreditLedger ledger(organisation, 0.0, 1);
  std::vector<double> marks;
  fee->add_job_marks(marks);
  for (const double mark : model::all_job_marks(marks)) {
    model::Outcome sustained;
    sustained.kind = model::OutcomeKind::Sustained;
    sustained.time = 100.0 + mark * 7.0;
    sustained.weeks = mark;
    fee->record(sustained, ledger);
  }
  ledger.release_until(1000.0);
  const auto adviser = static_cast<model::AdviserId>(0);
  EXPECT_DOUBLE_EQ(ledger.measured(adviser, 0, model::PaymentKind::JobOutcome), 1000.0);
  EXPECT_DOUBLE_EQ(ledger.measured(adviser, 0, model::PaymentKind::Sustainment), 13 * 100.0);
  EXPECT_DOUBLE_EQ(ledger.measured(adviser, 0, model::PaymentKind::Other), 0.0);
}

TEST(SustainedJob, PaysOnlyThePaymentsDueBeforeTheJobEnds) {
  model::Scenario scenario;
  const auto fee = work_programme_fee(scenario);
  const std::vector<std::pair<double, double>> expected = {{26.0, 1000.0}, {30.0, 100.0}, {34.0, 100.0}, {38.0, 100.0}};
  EXPECT_EQ(paid_by_mark(*fee, 40.0), expected);
  EXPECT_TRUE(paid_by_mark(*fee, 20.0).empty());  // never reached the outcome
}

TEST(SustainedJob, ValuesEverySustainmentPaymentOfTheSchedule) {
  model::Scenario scenario;
  const auto fee = work_programme_fee(scenario);
  // The job lasts 13 more weeks with s26/s13 = 0.5, so to week 26 + 4k with 0.5^(4k/13).
  double expected_payments = 0.0;
  double by_week_52 = 0.0;
  for (int k = 1; k <= 13; ++k) {
    const double lasting = std::pow(0.5, 4.0 * k / 13.0);
    expected_payments += lasting;
    if (26.0 + 4.0 * k <= 52.0) by_week_52 += lasting;
  }
  const double value = fee->value(interview(0.4, 0.1, 0.2));
  EXPECT_NEAR(value, 0.1 * (1000.0 + 100.0 * expected_payments), 1e-9);
  EXPECT_GT(value, 0.1 * (1000.0 + 100.0 * by_week_52) + 1.0);  // payments after week 52 count
  auto no_sustainment = make(make_sustained_job, keys({{"weeks", "26"}, {"points", "1000"}}), scenario, {"all"});
  EXPECT_NEAR(no_sustainment->value(interview(0.4, 0.1, 0.2)), 0.1 * 1000.0, 1e-9);
}

TEST(SustainedJob, AsksTheModelToMarkTheOutcomeAndEachPaymentDate) {
  model::Scenario scenario;
  std::vector<double> marks;
  work_programme_fee(scenario)->add_job_marks(marks);
  std::vector<double> expected = {26.0};
  for (int k = 1; k <= 13; ++k) expected.push_back(26.0 + 4.0 * k);
  EXPECT_EQ(marks, expected);
}

TEST(SustainedJob, SustainmentMaxMustBeAWholeNumberOfAtMost104) {
  model::Scenario scenario;
  for (const std::string bad : {"13.5", "105"}) {
    core::ConfigNode node = keys({{"sustainment_max", bad}});
    core::Diagnostics problems;
    core::ConfigReader reader(node, "indicator", problems);
    make_sustained_job(reader, IndicatorContext{&scenario, {"all"}});
    reader.finish();
    ASSERT_EQ(problems.size(), 1u) << bad;
    const std::string message = core::format_diagnostic(problems.items().front());
    EXPECT_NE(message.find("sustainment_max"), std::string::npos) << message;
  }
}

TEST(ProfitReward, CaseworkersWeighWholeFeesAgainstStaffTimeAndMoney) {
  const io::RunnableScenario runnable = io::load_runnable(regime_data("profit_regime.yaml"), {});
  const auto regime = runnable.regime(runnable.loaded.scenario);
  const auto caseworker = static_cast<model::AdviserId>(2);
  const auto adviser = static_cast<model::AdviserId>(0);
  model::ActionCandidate fund = interview(0.4, 0.1, 0.2);
  fund.action = model::ActionKind::DiscretionFund;
  fund.minutes = 20.0;
  fund.money = 75.0;
  double reward = 0.0;
  regime->value(caseworker, std::span<const model::ActionCandidate>(&fund, 1), std::span<double>(&reward, 1));
  // 0.01 * (1000 * 0.1 - 20 minutes at £0.50 - £75): the whole fee, not a caseworker's half.
  EXPECT_NEAR(reward, 0.01 * (100.0 - 10.0 - 75.0), 1e-12);
  EXPECT_TRUE(regime->nets_money_cost(caseworker));
  EXPECT_FALSE(regime->nets_money_cost(adviser));
  // An office adviser's client is not attached: nothing to earn, and no costs charged here.
  fund.attached = false;
  regime->value(adviser, std::span<const model::ActionCandidate>(&fund, 1), std::span<double>(&reward, 1));
  EXPECT_DOUBLE_EQ(reward, 0.0);
}

TEST(ProfitReward, PointsRewardShareCreditAndChargeNoCosts) {
  const io::RunnableScenario runnable = io::load_runnable(regime_data("profit_regime.yaml"), {"regime.reward=points"});
  const auto regime = runnable.regime(runnable.loaded.scenario);
  const auto caseworker = static_cast<model::AdviserId>(2);
  model::ActionCandidate c = interview(0.4, 0.1, 0.2);
  double reward = 0.0;
  regime->value(caseworker, std::span<const model::ActionCandidate>(&c, 1), std::span<double>(&reward, 1));
  EXPECT_NEAR(reward, 0.01 * 0.5 * 100.0, 1e-12);  // half the provider's credit, no costs
  EXPECT_FALSE(regime->nets_money_cost(caseworker));
}

TEST(ProfitReward, WithoutProvidersIsALocatedError) {
  const auto problems = load_problems("profit_without_providers.yaml");
  ASSERT_EQ(problems.size(), 1u);
  const std::string& message = problems[0];
  EXPECT_NE(message.find("profit_without_providers.yaml:7:11: 'regime.reward' is profit"), std::string::npos)
      << message;
  EXPECT_NE(message.find("providers.per_office"), std::string::npos) << message;
}

}  // namespace
}  // namespace caseload::regimes
