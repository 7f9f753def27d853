// Targets at every level in whole runs: managers who press the lowest performers, units that
// set their own targets, benchmarking that compares like with like, and the seed systems'
// presets. Seeds and margins: see each test.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>

#include <gtest/gtest.h>

#include "sim/metrics/statistics.hpp"
#include "sim/model/office_profiles.hpp"
#include "sim/regimes/organisation.hpp"
#include "tests/scenario/scenario_runs.hpp"

namespace caseload {
namespace {

using model::ScoreRow;

const std::vector<std::uint64_t> seeds = {20061001, 1, 2, 3};

std::vector<std::string> with_seed(std::vector<std::string> overrides, std::uint64_t seed) {
  overrides.push_back("run.seed=" + std::to_string(seed));
  return overrides;
}

// Rows of one level, summed over indicators: (week, unit) -> credit, and the per-unit target
// and pressure (they repeat on every indicator row).
struct LevelWeek {
  double credit = 0.0;
  double target = 0.0;
  double pressure = 1.0;
};
std::map<std::pair<std::uint32_t, std::uint32_t>, LevelWeek> level_rows(const model::VariantResult& v,
                                                                        regimes::Level level) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, LevelWeek> out;
  for (const ScoreRow& row : v.scoreboard.rows) {
    if (row.level != static_cast<std::uint8_t>(level)) continue;
    LevelWeek& cell = out[{row.week, row.unit}];
    cell.credit += row.credit;
    cell.target = row.target;
    cell.pressure = row.pressure;
  }
  return out;
}

// A cascade from the nation through offices to advisers, counted per adviser.
std::vector<std::string> adviser_cascade(const std::string& manager) {
  return {"run.weeks=104", "run.warmup_weeks=52", "counterfactual.enabled=false", "network.offices=2",
          "regime.level=adviser",
          "regime.pressure.cascade.levels=[nation, office, adviser]", "regime.pressure.cascade.split=equal",
          "regime.pressure.cascade.manager=" + manager, "regime.pressure.target_per_adviser_week=20",
          "regime.pressure.k=3"};
}

struct Attention {
  double pressure_on_behind = 0.0;  ///< mean pressure on advisers furthest behind at a review
  double catch_up = 0.0;            ///< their credit in the next 4 weeks over the others'
};

// At each review in the measured period, the half of advisers furthest behind their targets
// (shortfall share above the median) against the rest: the pressure they are under, and what
// they earn in the four weeks that follow.
Attention attention(const model::VariantResult& v) {
  const auto rows = level_rows(v, regimes::Level::Adviser);
  const std::uint32_t advisers = static_cast<std::uint32_t>(v.advisers.size());
  const std::uint32_t weeks = v.panel.back().week + 1;
  std::vector<double> to_date(advisers, 0.0);
  double pressure = 0.0, below_next = 0.0, above_next = 0.0;
  int below = 0, above = 0;
  for (std::uint32_t w = 0; w + 4 < weeks; ++w) {
    if (w % 52 == 0) std::fill(to_date.begin(), to_date.end(), 0.0);
    for (std::uint32_t a = 0; a < advisers; ++a) to_date[a] += rows.at({w, a}).credit;
    if ((w + 1) % 4 != 0 || w * 7.0 < v.measure_start) continue;
    std::vector<double> shortfall(advisers);
    for (std::uint32_t a = 0; a < advisers; ++a) {
      const double target = rows.at({w, a}).target;
      shortfall[a] = target > 0.0 ? std::max(0.0, target - to_date[a]) / target : 0.0;
    }
    std::vector<double> sorted = shortfall;
    std::nth_element(sorted.begin(), sorted.begin() + advisers / 2, sorted.end());
    const double median = sorted[advisers / 2];
    for (std::uint32_t a = 0; a < advisers; ++a) {
      const LevelWeek& now = rows.at({w, a});
      double next = 0.0;
      for (std::uint32_t k = 1; k <= 4; ++k) next += rows.at({w + k, a}).credit;
      if (shortfall[a] > median) {
        pressure += now.pressure;
        below_next += next;
        ++below;
      } else {
        above_next += next;
        ++above;
      }
    }
  }
  return {below > 0 ? pressure / below : 0.0,
          below > 0 && above > 0 ? (below_next / below) / (above_next / above) : 0.0};
}

// Under `manager: lowest` an office manager's pressure goes to its advisers furthest below
// target instead of to all alike: they are under more pressure, and earn more in the weeks
// after a review relative to the other advisers, than under `even`. Measured (jet.yaml
// cascaded, target 20, k 3, two offices, one year of warm-up and two measured; seeds 20061001,
// 1, 2, 3): pressure 2.55, 2.60, 2.53, 2.41 against 2.19, 2.33, 2.07, 2.09; catch-up 0.944,
// 0.887, 0.883, 0.954 against 0.838, 0.853, 0.856, 0.880. Margins: half the least difference.
TEST(Cascade, PressureOnTheLowestPerformersMovesEffortToTheAdvisersBelowTarget) {
  for (const std::uint64_t seed : seeds) {
    const auto lowest = testing::run_scenario("regimes/jet.yaml", with_seed(adviser_cascade("lowest"), seed));
    const auto even = testing::run_scenario("regimes/jet.yaml", with_seed(adviser_cascade("even"), seed));
    const Attention l = attention(lowest.treatment());
    const Attention e = attention(even.treatment());
    std::printf("seed %llu: pressure on behind %.3f vs %.3f, catch-up %.3f vs %.3f\n",
                static_cast<unsigned long long>(seed), l.pressure_on_behind, e.pressure_on_behind, l.catch_up,
                e.catch_up);
    EXPECT_GT(l.pressure_on_behind, e.pressure_on_behind + 0.13) << seed;
    EXPECT_GT(l.catch_up, e.catch_up + 0.013) << seed;
  }
}

// Per office over the measured weeks: mean pressure, credit per adviser, and the target at the
// first review (the unit's own target where it sets one).
struct OfficeStanding {
  double pressure = 0.0;
  double credit = 0.0;
  double first_target = 0.0;
};
std::vector<OfficeStanding> office_standings(const model::VariantResult& v) {
  const auto rows = level_rows(v, regimes::Level::Office);
  std::vector<OfficeStanding> out(v.offices.size());
  std::vector<int> weeks(v.offices.size(), 0);
  for (const auto& [key, cell] : rows) {
    const auto [week, office] = key;
    if (week == 3) out[office].first_target = cell.target;
    if (week * 7.0 < v.measure_start) continue;
    out[office].pressure += cell.pressure;
    out[office].credit += cell.credit / v.offices[office].advisers;
    ++weeks[office];
  }
  for (std::size_t o = 0; o < out.size(); ++o) out[o].pressure /= std::max(weeks[o], 1);
  return out;
}

// Offices that set their own targets (lognormal ambition, log-sd 0.5) against the same cascade
// with the national split imposed: an office that chose a low target is under less pressure
// and earns less than it did under the imposed one, an ambitious office more. Pooled over the
// first two seeds and four offices, one year of warm-up (measured 0.954; 0.95 too over four
// seeds and six offices with the three-year warm-up): log ambition correlates with the change
// in log credit per adviser (asserted above 0.5), and offices with ambition below 0.8 are under
// less pressure.
TEST(Cascade, UnitsThatSetThemselvesLowTargetsRelax) {
  const std::vector<std::string> base = {
      "run.weeks=104", "run.warmup_weeks=52", "counterfactual.enabled=false", "network.offices=4",
      "regime.level=adviser", "regime.pressure.cascade.levels=[nation, office, adviser]",
      "regime.pressure.target_per_adviser_week=20", "regime.pressure.k=3"};
  std::vector<double> log_ambition, change;
  double low_pressure_local = 0.0, low_pressure_imposed = 0.0;
  for (const std::uint64_t seed : {seeds[0], seeds[1]}) {
    std::vector<std::string> local = with_seed(base, seed);
    local.push_back("regime.pressure.cascade.local_targets={level: office, ambition_sd: 0.5}");
    const auto local_run = testing::run_scenario("regimes/jet.yaml", local);
    const auto chosen = office_standings(local_run.treatment());
    // The summary's view of the same: units that aimed low achieved little.
    const metrics::LocalTargets& figures = local_run.report().local_targets;
    EXPECT_GT(figures.ambition_achievement_correlation, 0.5) << seed;
    EXPECT_GT(figures.ambition, 1.0) << seed;  // mean of 2.08, 0.88, 1.85, 0.71: 1.38
    EXPECT_GE(figures.met_share, 0.0) << seed;
    const auto imposed = office_standings(testing::run_scenario("regimes/jet.yaml", with_seed(base, seed)).treatment());
    for (std::size_t o = 0; o < chosen.size(); ++o) {
      const double ambition = chosen[o].first_target / imposed[o].first_target;
      log_ambition.push_back(std::log(ambition));
      change.push_back(std::log(chosen[o].credit / imposed[o].credit));
      if (ambition < 0.8) {
        low_pressure_local += chosen[o].pressure;
        low_pressure_imposed += imposed[o].pressure;
      }
      std::printf("seed %llu office %zu: ambition %.3f pressure %.3f vs %.3f credit/adviser %.1f vs %.1f\n",
                  static_cast<unsigned long long>(seed), o, ambition, chosen[o].pressure, imposed[o].pressure,
                  chosen[o].credit, imposed[o].credit);
    }
  }
  const double correlation = metrics::pearson(log_ambition, change);
  std::printf("correlation %.3f; low-ambition pressure %.3f vs %.3f\n", correlation, low_pressure_local,
              low_pressure_imposed);
  EXPECT_GT(correlation, 0.5);
  EXPECT_LT(low_pressure_local, low_pressure_imposed);
}


// Across offices and half-yearly reviews in the measured period: an office's benchmark score
// (credit to date over the value expected of it, less 1: what its stars band) against its
// local market (log vacancies per new claim).
double scores_against_market(const testing::ScenarioRun& run) {
  const model::VariantResult& v = run.treatment();
  const auto rows = level_rows(v, regimes::Level::Office);
  const std::uint32_t offices = static_cast<std::uint32_t>(v.offices.size());
  std::vector<double> to_date(offices, 0.0), scores, market;
  for (std::uint32_t w = 0; w <= v.panel.back().week; ++w) {
    if (w % 52 == 0) std::fill(to_date.begin(), to_date.end(), 0.0);
    for (std::uint32_t o = 0; o < offices; ++o) to_date[o] += rows.at({w, o}).credit;
    if ((w + 1) % 26 != 0 || w * 7.0 < v.measure_start) continue;
    for (std::uint32_t o = 0; o < offices; ++o) {
      const model::OfficeProfile& office = v.offices[o];
      scores.push_back(to_date[o] / rows.at({w, o}).target - 1.0);
      market.push_back(model::log_vacancies_per_claim(office, run.scenario));
    }
  }
  return metrics::pearson(scores, market);
}

// Offices in local markets that differ (uk-spread's log-sd 0.35 of vacancy rates) are rated
// on matched entries: against the mean per adviser (raw), offices in slack markets score
// high; against their cluster of comparable offices, or against a regression on market and
// caseload mix, scores no longer follow the market. Twelve offices in four clusters, one
// measured year after one of warm-up (two half-yearly rankings). Measured on seeds 20061001
// and 1: raw 0.950 and 0.953, cluster 0.188 and 0.211 (the market still varies a little within
// a cluster of three), regression 0.065 and 0.074. The seeds agree to 0.03, so one is run;
// the bounds sit about halfway between the measured values and the claim's edge.
TEST(Benchmarking, ComparingLikeWithLikeRemovesTheMarketFromTheRankings) {
  const std::vector<std::string> base = {"run.weeks=52", "run.warmup_weeks=52", "counterfactual.enabled=false",
                                         "network.offices=12", "network.clusters=4",
                                         "network.variation.vacancy_rate_sd=0.35", "network.variation.seed=1"};
  for (const std::uint64_t seed : {seeds[0]}) {
    auto raw_set = with_seed(base, seed);
    raw_set.push_back("regime.pressure.expected=size");
    auto cluster_set = raw_set;
    cluster_set.push_back("regime.pressure.compare=cluster");
    auto regression_set = with_seed(base, seed);
    regression_set.push_back("regime.pressure.expected=regression");
    const double raw = scores_against_market(testing::run_scenario("regimes/benchmark.yaml", raw_set));
    const double cluster = scores_against_market(testing::run_scenario("regimes/benchmark.yaml", cluster_set));
    const double regression =
        scores_against_market(testing::run_scenario("regimes/benchmark.yaml", regression_set));
    std::printf("seed %llu: score-market correlation raw %.3f cluster %.3f regression %.3f\n",
                static_cast<unsigned long long>(seed), raw, cluster, regression);
    EXPECT_GT(raw, 0.7) << seed;
    EXPECT_LT(std::abs(cluster), 0.4) << seed;
    EXPECT_LT(std::abs(regression), 0.2) << seed;
  }
}

// Split by what is expected of each unit given its caseload mix and local market, a national
// target asks more of offices in slack markets: at the last review of the first year, office
// targets per adviser follow log vacancies per new claim across eight offices whose vacancy
// rates spread as uk-spread's. Measured 1.000: offices share one mix, so the fitted value is
// linear in the market; asserted above 0.5, as a noisier fit would still be.
TEST(Cascade, AnExpectedSplitAsksMoreWhereTheMarketGivesMore) {
  const std::vector<std::string> base = {"run.weeks=26", "run.warmup_weeks=26", "counterfactual.enabled=false",
                                         "network.offices=8", "network.variation.vacancy_rate_sd=0.35",
                                         "network.variation.seed=1"};
  std::vector<std::string> overrides = base;
  overrides.push_back("regime.pressure.cascade.split=expected");
  const auto run = testing::run_scenario("regimes/uk-cascade.yaml", overrides);
  const model::VariantResult& v = run.treatment();
  const auto rows = level_rows(v, regimes::Level::Office);
  std::vector<double> target, market;
  for (std::uint32_t o = 0; o < v.offices.size(); ++o) {
    const model::OfficeProfile& office = v.offices[o];
    target.push_back(rows.at({51, o}).target / office.advisers);
    market.push_back(model::log_vacancies_per_claim(office, run.scenario));
  }
  const double correlation = metrics::pearson(target, market);
  std::printf("office target per adviser against market: %.3f\n", correlation);
  EXPECT_GT(correlation, 0.5);
}

// The seed systems' presets run, and the cascade's scoreboard carries every level: the nation,
// each district, office and team, with credit that adds up from level to level every week.
TEST(Presets, TheSeedSystemsRunAndTheCascadeScoresEveryLevel) {
  const std::vector<std::string> short_run = {"run.weeks=26", "run.warmup_weeks=26", "counterfactual.enabled=false"};
  for (const char* preset : {"regimes/denmark.yaml", "regimes/norway-ips.yaml"}) {
    const auto run = testing::run_scenario(preset, short_run);
    EXPECT_GT(run.treatment().scoreboard.rows.size(), 0u) << preset;
  }
  const auto run = testing::run_scenario("regimes/uk-cascade.yaml", short_run);
  const model::VariantResult& v = run.treatment();
  std::map<std::pair<std::uint8_t, std::uint32_t>, double> credit;  // (level, week) summed
  std::map<std::uint8_t, std::uint32_t> units;
  for (const ScoreRow& row : v.scoreboard.rows) {
    credit[{row.level, row.week}] += row.credit;
    units[row.level] = std::max(units[row.level], row.unit + 1);
    EXPECT_GE(row.pressure, 1.0);
  }
  using regimes::Level;
  EXPECT_EQ(units[static_cast<std::uint8_t>(Level::Nation)], 1u);
  EXPECT_EQ(units[static_cast<std::uint8_t>(Level::District)], 2u);
  EXPECT_EQ(units[static_cast<std::uint8_t>(Level::Office)], 4u);
  EXPECT_EQ(units[static_cast<std::uint8_t>(Level::Team)], 16u);  // 18 advisers in teams of 5: 4 a office
  double total = 0.0;
  for (std::uint32_t w = 0; w <= v.panel.back().week; ++w) {
    const double nation = credit[{static_cast<std::uint8_t>(Level::Nation), w}];
    total += nation;
    for (Level level : {Level::District, Level::Office, Level::Team}) {
      const double at_level = credit[{static_cast<std::uint8_t>(level), w}];
      EXPECT_NEAR(at_level, nation, 1e-9 * std::max(1.0, nation)) << w;
    }
  }
  EXPECT_GT(total, 0.0);
}

}  // namespace
}  // namespace caseload
