// The population at t = 0 is the groups' own steady state (sim/model/steady_state.hpp): in the
// world without discretionary help, whose dynamics the pre-pass follows, the claimant stock
// and the group mix stay put across the measured window. (With help, the stock relaxes
// towards the treatment's own, larger, steady state over years: see docs/ODD.md.)

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "tests/scenario/scenario_runs.hpp"

namespace caseload {
namespace {

// Mean claimant stock per group over measured weeks [from, from + 13).
std::vector<double> mean_stock(const model::VariantResult& run, std::uint32_t from, std::size_t groups) {
  std::vector<double> stock(groups, 0.0);
  for (const auto& row : run.panel) {
    if (row.week >= from && row.week < from + 13) stock[model::index(row.group)] += row.counts.stock / 13.0;
  }
  return stock;
}

double total(const std::vector<double>& stock) {
  double sum = 0.0;
  for (double s : stock) sum += s;
  return sum;
}

TEST(SteadyState, NoHelpBaselineStockAndMixDriftLessThanFivePercent) {
  const auto baseline = testing::run_scenario(
      "baseline-uk.yaml", {"counterfactual.enabled=false", "policy.discretionary_help=false"});
  const auto& run = baseline.treatment();
  const auto& scenario = baseline.scenario;
  const auto first_week = static_cast<std::uint32_t>(scenario.run.warmup_weeks);
  const auto last_week = static_cast<std::uint32_t>(scenario.run.warmup_weeks + scenario.run.weeks) - 13;
  const auto first = mean_stock(run, first_week, scenario.groups.size());
  const auto last = mean_stock(run, last_week, scenario.groups.size());
  ASSERT_GT(total(first), 1000.0);
  EXPECT_LT(std::abs(total(last) / total(first) - 1.0), 0.05) << total(first) << " -> " << total(last);
  for (std::size_t g = 0; g < first.size(); ++g) {
    const double share_first = first[g] / total(first);
    const double share_last = last[g] / total(last);
    EXPECT_LT(std::abs(share_last / share_first - 1.0), 0.05)
        << scenario.groups[g].name << ": share " << share_first << " -> " << share_last;
  }
}

}  // namespace
}  // namespace caseload
