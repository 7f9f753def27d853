// Contracted providers' books come out of the model (issue 11): salaried caseworkers sized from
// the expected caseload, an overhead, fees by kind from the regime, and margins and spend per
// participant that differ by customer group. Run on the differential PbR preset with the
// regime tests' common base (two offices, two measured years, one fixed seed).

#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "sim/model/provider_staffing.hpp"
#include "tests/scenario/scenario_runs.hpp"

namespace caseload {
namespace {

const std::vector<std::string> common_base = {"run.weeks=104", "network.offices=2",
                                              "counterfactual.enabled=false"};

const metrics::ProviderBooks& group_books(const testing::ScenarioRun& run, const std::string& group) {
  const auto& names = run.report().group_names;
  const auto at = static_cast<std::size_t>(std::find(names.begin(), names.end(), group) - names.begin());
  return run.report().providers.by_group.at(at);
}

void expect_margin_identity(const metrics::ProviderBooks& books, const std::string& where) {
  EXPECT_NEAR(books.margin, books.fees - books.staff_cost - books.overhead - books.programme_spend,
              1e-9 * (1.0 + std::abs(books.fees)))
      << where;
}

TEST(ProviderBooks, MarginIsFeesLessSalariesOverheadAndProgrammeSpendInEveryRow) {
  const auto run = testing::run_scenario("regimes/pbr-providers-differential.yaml", common_base);
  const metrics::Providers& books = run.report().providers;
  const model::ProviderModel& model = run.scenario.providers;
  const std::vector<std::uint32_t> staffing = model::provider_staffing(run.scenario);
  const std::size_t groups = run.scenario.groups.size();
  ASSERT_EQ(books.by_provider.size(), staffing.size());
  for (std::size_t p = 0; p < books.by_provider.size(); ++p) {
    const metrics::ProviderBooks& provider = books.by_provider[p];
    expect_margin_identity(provider, "provider " + std::to_string(p));
    // Salaries for two measured years, for the headcount hired, whatever the minutes used.
    EXPECT_EQ(provider.caseworkers, static_cast<double>(staffing[p]));
    EXPECT_NEAR(provider.staff_cost, staffing[p] * model.caseworker_cost_per_year * 2.0, 1e-6);
    EXPECT_NEAR(provider.overhead, model.overhead_share * provider.staff_cost, 1e-6);
    double staff = 0.0, overhead = 0.0;
    for (std::size_t g = 0; g < groups; ++g) {
      const metrics::ProviderBooks& cell = books.by_provider_group[p * groups + g];
      expect_margin_identity(cell, "provider " + std::to_string(p) + " group " + std::to_string(g));
      staff += cell.staff_cost;
      overhead += cell.overhead;
    }
    EXPECT_NEAR(staff, provider.staff_cost, 1e-6) << "the groups share the whole salary bill";
    EXPECT_NEAR(overhead, provider.overhead, 1e-6);
  }
  EXPECT_GT(books.total.fees_by_kind[static_cast<std::size_t>(model::PaymentKind::Attachment)], 0.0);
  EXPECT_GT(books.total.fees_by_kind[static_cast<std::size_t>(model::PaymentKind::JobOutcome)], 0.0);
  EXPECT_GT(books.total.fees_by_kind[static_cast<std::size_t>(model::PaymentKind::Sustainment)], 0.0);
}

// Spend per participant and margin per participant by group, ESA ex-IB against JSA 18-24, on
// seeds 20061001, 1-3: spend £77-110 against £169-193, though ex-IB clients stay attached
// 77-102 weeks against 35-38: caseworkers acting for profit park the long-term sick (their
// parked-share gap is 0.33-0.40 under these prices). Margin per participant £538-694 against
// £900-1,030: the differential price (£3,500 + 13 x £370 against £1,200 + 13 x £170) does not
// make up for ex-IB clients' far lower job chances (22% off benefit a year, EVIDENCE §9.1).
// (Before the JSA refit and tenure-dependent re-claims, spend ran the other way, £236 against
// £70 on seed 20061001: which way it goes is the model's finding, not built in.) On this seed
// the spend ratio is 2.1; the asserted 1.5 is under half the gap above 1; the margins must
// differ by at least 5% of the larger (a fifth of the gap).
TEST(ProviderBooks, GroupsGetDifferentSpendAndMargin) {
  const auto run = testing::run_scenario("regimes/pbr-providers-differential.yaml", common_base);
  const metrics::ProviderBooks& sick = group_books(run, "esa_ex_ib");
  const metrics::ProviderBooks& young = group_books(run, "jsa_18_24");
  const double margin_sick = sick.margin / sick.referrals;
  const double margin_young = young.margin / young.referrals;
  SCOPED_TRACE(::testing::Message() << "spend per participant: esa_ex_ib " << sick.spend_per_participant
                                    << ", 18-24 " << young.spend_per_participant
                                    << "; margin per participant: esa_ex_ib " << margin_sick << ", 18-24 "
                                    << margin_young);
  EXPECT_GT(young.spend_per_participant, 1.5 * sick.spend_per_participant);
  EXPECT_GT(std::abs(margin_sick - margin_young), 0.05 * std::max(margin_sick, margin_young))
      << "margins come from each group's fees and costs, not from one price-minus-minutes rate";
}

// The old books charged the minutes used at an hourly rate, so a provider that helped less
// looked cheaper. Salaries are paid busy or not: with interviews and submissions switched off
// the caseworkers use far fewer minutes and the staff cost does not move.
TEST(ProviderBooks, UsingFewerMinutesDoesNotLowerStaffCost) {
  const auto run = testing::run_scenario("regimes/pbr-providers-differential.yaml", common_base);
  std::vector<std::string> idle = common_base;
  idle.push_back("policy.disabled_actions=[interview, submission]");
  const auto less = testing::run_scenario("regimes/pbr-providers-differential.yaml", idle);
  const metrics::ProviderBooks& busy = run.report().providers.total;
  const metrics::ProviderBooks& quiet = less.report().providers.total;
  EXPECT_LT(quiet.staff_minutes, 0.8 * busy.staff_minutes);
  EXPECT_EQ(quiet.staff_cost, busy.staff_cost);
  EXPECT_EQ(quiet.overhead, busy.overhead);
  EXPECT_NE(quiet.fees, busy.fees);
}

}  // namespace
}  // namespace caseload
