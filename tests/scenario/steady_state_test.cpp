// After the warm-up the claimant stock is stationary (issue 11). The population at t = 0 is the
// groups' own steady state without discretionary help (sim/model/steady_state.hpp); a regime
// moves the world to its own steady state, and the warm-up (run.warmup_weeks) must be long
// enough for that move to be over before measurement starts. Both are tested: the world without
// help, stock and group mix; and the baseline and every shipped preset with help, the stock.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/scenario/scenario_runs.hpp"

namespace caseload {
namespace {

constexpr std::uint32_t block_weeks = 13;  // a quarter: the first and the last of the window are compared

// Weekly claimant stock per group over the measured window, [group][week - first measured week].
std::vector<std::vector<double>> weekly_stock(const testing::ScenarioRun& run) {
  const auto& scenario = run.scenario;
  const auto first = static_cast<std::uint32_t>(scenario.run.warmup_weeks);
  const auto weeks = static_cast<std::uint32_t>(scenario.run.weeks);
  std::vector<std::vector<double>> stock(scenario.groups.size(), std::vector<double>(weeks, 0.0));
  for (const auto& row : run.treatment().panel) {
    if (row.week >= first && row.week < first + weeks) stock[model::index(row.group)][row.week - first] += row.counts.stock;
  }
  return stock;
}

std::vector<double> total_of(const std::vector<std::vector<double>>& stock) {
  std::vector<double> total(stock.front().size(), 0.0);
  for (const auto& group : stock) {
    for (std::size_t w = 0; w < group.size(); ++w) total[w] += group[w];
  }
  return total;
}

// Mean of each 13-week block of a weekly series.
std::vector<double> block_means(const std::vector<double>& series) {
  std::vector<double> means;
  for (std::size_t start = 0; start + block_weeks <= series.size(); start += block_weeks) {
    double sum = 0.0;
    for (std::size_t w = start; w < start + block_weeks; ++w) sum += series[w];
    means.push_back(sum / block_weeks);
  }
  return means;
}

// Relative change from the first block to the last.
double drift(const std::vector<double>& series) {
  const auto means = block_means(series);
  return means.back() / means.front() - 1.0;
}

TEST(SteadyState, NoHelpBaselineStockAndMixDriftLessThanFivePercent) {
  // Sixteen offices: at four, the smallest groups (a few hundred claimants) wander by more than
  // 5% between quarters by chance alone; at sixteen none drifts more than about 2% (measured).
  const auto run = testing::run_scenario("baseline-uk.yaml", {"counterfactual.enabled=false",
                                                              "policy.discretionary_help=false", "network.offices=16"});
  const auto stock = weekly_stock(run);
  const auto total = total_of(stock);
  ASSERT_GT(block_means(total).front(), 1000.0);
  EXPECT_LT(std::abs(drift(total)), 0.05);
  for (std::size_t g = 0; g < stock.size(); ++g) {
    std::vector<double> share(total.size());
    for (std::size_t w = 0; w < total.size(); ++w) share[w] = stock[g][w] / total[w];
    EXPECT_LT(std::abs(drift(share)), 0.05) << run.scenario.groups[g].name << ": share drift " << drift(share);
  }
}

class PresetSteadyState : public ::testing::TestWithParam<std::string> {};

// With help, the stock has moved from the no-help start to the regime's own level by the end
// of the warm-up: it drifts less than 5% across the measured window (the stock's own sampling
// noise is about 1% at this size, so 5% is a real test). The counterfactual is the no-help world tested above.
TEST_P(PresetSteadyState, StockDriftsLessThanFivePercent) {
  const auto run = testing::run_scenario(GetParam(), {"counterfactual.enabled=false"});
  const auto total = total_of(weekly_stock(run));
  ASSERT_GT(block_means(total).front(), 1000.0);
  EXPECT_LT(std::abs(drift(total)), 0.05) ;
}

// The baseline and every preset shipped in scenarios/regimes/, so a new preset is tested too.
std::vector<std::string> shipped_presets() {
  std::vector<std::string> presets;
  for (const auto& entry : std::filesystem::directory_iterator(testing::scenario_path("regimes"))) {
    if (entry.path().extension() == ".yaml") presets.push_back("regimes/" + entry.path().filename().string());
  }
  std::sort(presets.begin(), presets.end());
  presets.insert(presets.begin(), "baseline-uk.yaml");
  return presets;
}

INSTANTIATE_TEST_SUITE_P(
    Presets, PresetSteadyState, ::testing::ValuesIn(shipped_presets()),
    [](const ::testing::TestParamInfo<std::string>& preset) {
      std::string name = preset.param.substr(preset.param.rfind('/') + 1);
      name = name.substr(0, name.find('.'));
      std::replace(name.begin(), name.end(), '-', '_');
      return name;
    });

}  // namespace
}  // namespace caseload
