// Offices that differ (issue 11): local markets change measured performance, benchmarking
// within clusters of comparable offices changes who is under pressure, and the drawn baseline
// network spreads into-work rates as UK districts do (EVIDENCE.md 6.1, 9.3).

#include <algorithm>
#include <cmath>
#include <numeric>

#include <gtest/gtest.h>

#include "tests/scenario/scenario_runs.hpp"

namespace caseload {
namespace {

// The example network: offices 0-1 in slack markets (1.0 and 1.1 vacancies per employer per
// week), 2-3 in tight ones (2.0 and 2.2), each with 10 advisers and the same inflow.
std::vector<std::string> on_example_network(std::vector<std::string> extra) {
  std::vector<std::string> all = {
      "network.variation={}",
      "network.office_table=" + testing::scenario_path("offices/example-network.csv"),
      "network.clusters=2", "counterfactual.enabled=false"};
  all.insert(all.end(), extra.begin(), extra.end());
  return all;
}

// The star rating of each office (benchmarking at office level rates every adviser alike).
std::vector<int> stars_by_office(const testing::ScenarioRun& run) {
  const auto& v = run.treatment();
  std::vector<int> stars(v.offices.size(), 0);
  for (std::uint32_t a = 0; a < v.advisers.size(); ++a) {
    stars[model::index(v.advisers.office[a])] = v.stars_by_adviser[a];
  }
  return stars;
}

TEST(Offices, DifferentMarketsGetDifferentMeasuredPerformanceUnderJot) {
  const auto run = testing::run_scenario("regimes/jot.yaml", on_example_network({"run.weeks=52"}));
  const auto& by_office = run.report().offices.by_office;
  ASSERT_EQ(by_office.measured_per_adviser.size(), 4u);
  for (double advisers : by_office.advisers) EXPECT_EQ(advisers, 10.0);  // the same advisers
  const double slack = by_office.measured_per_adviser[0] + by_office.measured_per_adviser[1];
  const double tight = by_office.measured_per_adviser[2] + by_office.measured_per_adviser[3];
  // Measured 31% apart with seed 20061001; a fifth leaves room for another seed's luck (the
  // offices' own spread within a market pair is ~5%).
  EXPECT_GT(tight, 1.2 * slack);
  // And the cause is the market: claimants leave for work more often where jobs are plentiful.
  EXPECT_GT(by_office.into_work_rate[2], by_office.into_work_rate[0]);
  EXPECT_GT(by_office.into_work_rate[3], by_office.into_work_rate[1]);
}

TEST(Offices, BenchmarkingWithinClustersChangesWhoIsUnderPressure) {
  const auto all = testing::run_scenario("regimes/benchmark.yaml", on_example_network({"run.weeks=104"}));
  const auto within =
      testing::run_scenario("regimes/benchmark.yaml", on_example_network({"run.weeks=104", "regime.pressure.compare=cluster"}));
  // The clusters are the two markets.
  const auto& profiles = within.treatment().offices;
  EXPECT_EQ(profiles[0].cluster, profiles[1].cluster);
  EXPECT_EQ(profiles[2].cluster, profiles[3].cluster);
  EXPECT_NE(profiles[0].cluster, profiles[2].cluster);
  const std::vector<int> stars_all = stars_by_office(all);
  const std::vector<int> stars_within = stars_by_office(within);
  SCOPED_TRACE(::testing::Message() << "stars against all " << ::testing::PrintToString(stars_all) << ", within clusters "
                                    << ::testing::PrintToString(stars_within));
  // Against all offices the market decides: slack offices fall below 3 stars and both tight
  // ones are rated above both slack ones (measured 2, 2, 3, 4 with issue 11's groups; 2, 2, 4, 5
  // before them, when the groups' claims were shorter and the markets mattered more).
  EXPECT_LT(stars_all[0], 3);
  EXPECT_LT(stars_all[1], 3);
  EXPECT_GT(std::min(stars_all[2], stars_all[3]), std::max(stars_all[0], stars_all[1]));
  EXPECT_GT(stars_all[3], 3);
  // Within clusters an office is compared with offices facing the same market, so the slack
  // offices are no longer rated down for it, nor the tight ones up (measured 3, 3, 3, 3).
  EXPECT_NE(stars_within, stars_all);
  EXPECT_GT(stars_within[0], stars_all[0]);
  EXPECT_GT(stars_within[1], stars_all[1]);
  EXPECT_LT(stars_within[3], stars_all[3]);
}

TEST(Offices, DrawnNetworkSpreadsIntoWorkRatesAsUkDistrictsDo) {
  // 37 offices drawn as uk-spread.yaml draws them, about as many as Jobcentre Plus districts;
  // no regime, as the NAO figures were. Shortened: a quarter's warm-up, half a year measured.
  const auto run = testing::run_scenario(
      "offices/uk-spread.yaml", {"network.offices=37", "run.warmup_weeks=13", "run.weeks=26", "counterfactual.enabled=false"});
  const auto& rates = run.report().offices.by_office.into_work_rate;
  ASSERT_EQ(rates.size(), 37u);
  std::vector<double> logs;
  for (double rate : rates) logs.push_back(std::log(rate));
  const double mean = std::accumulate(logs.begin(), logs.end(), 0.0) / 37.0;
  double variance = 0.0;
  for (double x : logs) variance += (x - mean) * (x - mean);
  const double sd = std::sqrt(variance / 36.0);
  const auto [low, high] = std::minmax_element(rates.begin(), rates.end());
  // UK 2023-24: 5.5% to 10.8% across districts (ratio 1.96, log range 0.68), so a log sd of
  // about 0.16 over ~37 districts. Measured here: sd 0.154, ratio 2.10. Each office's rate rests
  // on 550 or more job entries (relative noise <= 4.3%), which moves the sd by ~0.007 and the
  // log range by ~0.06: the bounds (sd 0.12-0.20, ratio 1.65-2.35, a log range of 0.50-0.85)
  // lie 2.5 to 6 times that noise away, and outside them the fit to the UK range is lost.
  EXPECT_GT(sd, 0.12);
  EXPECT_LT(sd, 0.20);
  EXPECT_GT(*high / *low, 1.65);
  EXPECT_LT(*high / *low, 2.35);
  EXPECT_NEAR(run.report().offices.into_work_ratio, *high / *low, 1e-12);
}

}  // namespace
}  // namespace caseload
