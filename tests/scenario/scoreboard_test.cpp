// The regime's scoreboard and sanctions counted in a whole run of a shipped preset: what the
// scoreboard shows credited over the measured weeks is exactly what the regime credited the
// advisers (measured_performance), and the sanctions figure is the panel's sum.

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <utility>

#include <gtest/gtest.h>

#include "sim/regimes/organisation.hpp"
#include "tests/scenario/scenario_runs.hpp"

namespace caseload {
namespace {

const std::vector<std::string> short_run = {"run.weeks=104", "network.offices=2",
                                            "counterfactual.enabled=false"};

double measured_scoreboard_credit(const model::VariantResult& v) {
  double sum = 0.0;
  for (const auto& row : v.scoreboard.rows) {
    if (row.week * 7.0 >= v.measure_start) sum += row.credit;
  }
  return sum;
}

double measured_performance(const model::VariantResult& v) {
  return std::accumulate(v.measured_by_adviser.begin(), v.measured_by_adviser.end(), 0.0);
}

// Teams in the run: distinct (office, team) pairs of jobcentre advisers.
std::size_t teams(const model::VariantResult& v) {
  std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
  for (std::uint32_t a = 0; a < v.advisers.size(); ++a) {
    if (v.advisers.is_provider[a] == 0) seen.emplace(model::index(v.advisers.office[a]), v.advisers.team[a]);
  }
  return seen.size();
}

// Rows by week, then unit, then indicator: `units` units every week of the run.
void expect_every_week_and_unit(const model::VariantResult& v, std::size_t units, regimes::Level level) {
  const std::size_t indicators = v.scoreboard.indicators.size();
  const std::size_t weeks = v.panel.back().week + 1;
  ASSERT_EQ(v.scoreboard.rows.size(), weeks * units * indicators);
  for (std::size_t i = 0; i < v.scoreboard.rows.size(); ++i) {
    const model::ScoreRow& row = v.scoreboard.rows[i];
    ASSERT_EQ(row.week, i / (units * indicators));
    ASSERT_EQ(row.unit, i / indicators % units);
    ASSERT_EQ(row.indicator, i % indicators);
    ASSERT_EQ(row.level, static_cast<std::uint8_t>(level));
    ASSERT_GE(row.pressure, 1.0);
  }
}

TEST(Scoreboard, JotCreditOverTheMeasuredWeeksIsWhatAdvisersWereCredited) {
  const auto run = testing::run_scenario("regimes/jot.yaml", short_run);
  const auto& v = run.treatment();
  EXPECT_EQ(v.scoreboard.indicators, (std::vector<std::string>{"job_entry"}));
  expect_every_week_and_unit(v, teams(v), regimes::Level::Team);
  const double credited = measured_performance(v);
  ASSERT_GT(credited, 0.0);
  // The same credits summed in another order: equal to rounding.
  EXPECT_NEAR(measured_scoreboard_credit(v), credited, 1e-9 * credited);
  // JOT reviews every 4 weeks against a target: after the first review it is set, and some
  // unit falls short of it at some point (pressure above 1).
  const auto& rows = v.scoreboard.rows;
  EXPECT_TRUE(std::isnan(rows.front().target));
  EXPECT_TRUE(std::all_of(rows.begin(), rows.end(), [](const model::ScoreRow& r) {
    return r.week < 3 || std::isfinite(r.target);
  }));
  EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [](const model::ScoreRow& r) { return r.pressure > 1.0; }));
}

TEST(Scoreboard, JetCountsEachAdviserAndSumsToTheirCredit) {
  const auto run = testing::run_scenario("regimes/jet.yaml", short_run);
  const auto& v = run.treatment();
  expect_every_week_and_unit(v, v.advisers.size(), regimes::Level::Adviser);
  const double credited = measured_performance(v);
  ASSERT_GT(credited, 0.0);
  EXPECT_NEAR(measured_scoreboard_credit(v), credited, 1e-9 * credited);
}

TEST(Scoreboard, NeutralRegimeKeepsNone) {
  const auto run = testing::run_scenario("baseline-uk.yaml", {"run.weeks=60", "network.offices=1",
                                                              "counterfactual.enabled=false"});
  EXPECT_TRUE(run.treatment().scoreboard.rows.empty());
  EXPECT_TRUE(run.treatment().scoreboard.indicators.empty());
}

TEST(SanctionsMetric, IsThePanelsSumOverTheMeasuredWeeks) {
  const auto run = testing::run_scenario("regimes/offflow.yaml", short_run);
  const auto& v = run.treatment();
  double panel = 0.0;
  for (const auto& row : v.panel) {
    if (row.week * 7.0 >= v.measure_start) panel += row.counts.sanctions;
  }
  ASSERT_GT(panel, 0.0) << "the preset should sanction someone, or this test shows nothing";
  EXPECT_EQ(run.report().sanctions.count, panel);
  const auto& by_group = run.report().sanctions.count_by_group;
  EXPECT_EQ(std::accumulate(by_group.begin(), by_group.end(), 0.0), panel);
  EXPECT_DOUBLE_EQ(run.report().sanctions.per_100_client_weeks, 100.0 * panel / run.report().parking.claim_weeks);
}

}  // namespace
}  // namespace caseload
