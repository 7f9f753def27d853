// The metrics on a real small run: internally consistent, within their ranges, and exactly
// zero net impact when the counterfactual's policy is the treatment's own.

#include <gtest/gtest.h>

#include <cmath>

#include "sim/metrics/metric.hpp"
#include "sim/metrics/summary.hpp"
#include "tests/model/fixtures.hpp"

namespace caseload::metrics {
namespace {

class MetricsOnARun : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    scenario_ = new model::Scenario(model::fixtures::small_scenario(3));
    result_ = new model::SimulationResult(model::fixtures::run(*scenario_));
  }
  static void TearDownTestSuite() {
    delete result_;
    delete scenario_;
  }
  static model::Scenario* scenario_;
  static model::SimulationResult* result_;
};
model::Scenario* MetricsOnARun::scenario_ = nullptr;
model::SimulationResult* MetricsOnARun::result_ = nullptr;

bool in_unit_interval(double x) { return x >= 0.0 && x <= 1.0; }

TEST_F(MetricsOnARun, FiguresLieInTheirRanges) {
  const auto report = make_report(*scenario_, *result_);
  const double index = report.creaming_by_employability.concentration_index;
  ASSERT_FALSE(std::isnan(index));
  EXPECT_GE(index, -1.0);
  EXPECT_LE(index, 1.0);
  EXPECT_TRUE(in_unit_interval(report.parking.parked_share));
  EXPECT_TRUE(in_unit_interval(report.quality.sustained_13w_share));
  EXPECT_LE(report.quality.sustained_26w_share, report.quality.sustained_13w_share);
  EXPECT_TRUE(in_unit_interval(report.quality.speculative_share));
  EXPECT_TRUE(in_unit_interval(report.quality.mean_job_quality));
  ASSERT_TRUE(report.net_impact.has_value());
  EXPECT_TRUE(in_unit_interval(report.net_impact->deadweight_share));
  ASSERT_TRUE(report.paradox.has_value());
  EXPECT_EQ(report.paradox->net_weeks_by_adviser.size(), result_->treatment.advisers.size());
}

// Issue 16 D16: mandatory reviews are never capped by hours, so with few hours or a flood of
// claims they overrun the contract; interview_time_share was then 1.1 to 6e6. Every metric
// whose unit is a share must stay a share (or be not defined) however extreme the scenario.
TEST(MetricsOnExtremeRuns, EveryShareLiesInTheUnitInterval) {
  model::Scenario few_hours = model::fixtures::small_scenario(5);
  few_hours.advisers.hours_per_week = 0.5;
  model::Scenario flood = model::fixtures::small_scenario(6);
  flood.groups[0].inflow_per_week = 2000.0;
  flood.search.steady_state_history_weeks = 2.0;
  flood.run.warmup_weeks = 1.0;
  flood.run.weeks = 3.0;
  for (const model::Scenario& scenario : {few_hours, flood}) {
    const model::SimulationResult result = model::fixtures::run(scenario);
    const auto report = make_report(scenario, result);
    const MetricInputs inputs{scenario, result, report};
    int shares = 0;
    for (const Metric& metric : registered_metrics()) {
      if (metric.unit != "share") continue;
      ++shares;
      const double value = metric.value(inputs);
      EXPECT_TRUE(std::isnan(value) || in_unit_interval(value))
          << metric.name << " = " << value << " with " << scenario.advisers.hours_per_week << " hours and "
          << scenario.groups[0].inflow_per_week << " claims a week";
    }
    EXPECT_GT(shares, 10);
    // The overrun these scenarios exist for: reviews alone fill more than the contract.
    double reviews = 0.0, contracted = 0.0;
    for (std::uint32_t a = 0; a < result.treatment.advisers.size(); ++a) {
      reviews += result.treatment.advisers.measured[a].review_minutes;
      contracted += result.treatment.advisers.measured_weeks[a] * scenario.advisers.hours_per_week * 60.0;
    }
    EXPECT_GT(reviews, contracted);
    EXPECT_GT(report.calibration.interview_time_share, 0.9);
  }
}

TEST_F(MetricsOnARun, PartsAddUpToTheWhole) {
  const auto report = make_report(*scenario_, *result_);
  const auto& creaming = report.creaming_by_employability;
  double weeks = 0.0, minutes = 0.0;
  for (std::size_t d = 0; d < decile_count; ++d) {
    weeks += creaming.client_weeks_by_decile[d];
    minutes += creaming.client_weeks_by_decile[d] * creaming.minutes_per_client_week_by_decile[d];
  }
  EXPECT_EQ(weeks, creaming.client_weeks);
  EXPECT_EQ(weeks, report.parking.claim_weeks);
  EXPECT_NEAR(minutes / weeks, creaming.minutes_per_client_week, 1e-9);
  // Weighted deciles hold a tenth of the client-weeks each, give or take one person's weeks.
  for (std::size_t d = 0; d < decile_count; ++d) {
    EXPECT_NEAR(creaming.client_weeks_by_decile[d] / weeks, 0.1, 0.01) << "decile " << d;
  }
  // Net weeks by adviser sum to the total, since everyone has an adviser.
  double by_adviser = 0.0;
  for (const double w : report.paradox->net_weeks_by_adviser) by_adviser += w;
  EXPECT_NEAR(by_adviser, report.net_impact->employment_weeks, 1e-6);
  // The re-claim share is the calibration figure, computed the same way.
  EXPECT_EQ(report.quality.reclaim_26w_share, report.calibration.reclaim_26w);
  // The job log and the jobseeker table count the same entries.
  EXPECT_EQ(report.quality.jobs_started, report.quality.entries);
}

TEST_F(MetricsOnARun, ConcentrationIndexMatchesTheRankSumForm) {
  // C = 2 sum(H r) / sum(H) - 1, the closed form of 2 cov(h, r) / mean(h) with mean rank 1/2.
  const auto& js = result_->treatment.jobseekers;
  std::vector<double> minutes, weights, employability;
  for (std::uint32_t row = 0; row < js.size(); ++row) {
    if (js.claim_weeks[row] == 0) continue;
    minutes.push_back(help_minutes(js, row));
    weights.push_back(js.claim_weeks[row]);
    employability.push_back(static_cast<double>(js.employability[row]));
  }
  const auto ranks = fractional_ranks(employability, weights);
  double weighted = 0.0, total = 0.0;
  for (std::size_t i = 0; i < minutes.size(); ++i) {
    weighted += minutes[i] * ranks[i];
    total += minutes[i];
  }
  EXPECT_NEAR(creaming(result_->treatment, RankedBy::Employability).concentration_index,
              2.0 * weighted / total - 1.0, 1e-9);
}

TEST(MetricsOnARunWithoutHelpDifference, SamePolicyGivesExactlyZeroNetImpact) {
  model::Scenario scenario = model::fixtures::small_scenario(5);
  scenario.counterfactual.policy = scenario.policy;
  const auto report = make_report(scenario, model::fixtures::run(scenario));
  ASSERT_TRUE(report.net_impact.has_value());
  EXPECT_EQ(report.net_impact->employment_weeks, 0.0);
  EXPECT_EQ(report.net_impact->entries_gained, 0.0);
  EXPECT_EQ(report.net_impact->sustained_13_gained, 0.0);
  EXPECT_EQ(report.net_impact->sustained_26_gained, 0.0);
  EXPECT_EQ(report.net_impact->deadweight_share, 1.0);
  for (const double gap : report.net_impact->equity_gap_by_group) EXPECT_EQ(gap, 0.0);
  ASSERT_TRUE(report.cost_effectiveness.has_value());
  EXPECT_TRUE(std::isnan(report.cost_effectiveness->cost_per_net_sustained_job));
  // Every adviser's net impact is zero, so there is nothing to correlate.
  EXPECT_TRUE(std::isnan(report.paradox->adviser_correlation));
}

}  // namespace
}  // namespace caseload::metrics
