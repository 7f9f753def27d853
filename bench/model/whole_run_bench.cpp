// Whole runs: model::simulate (treatment, then its counterfactual, on one thread) on the
// national bench scenarios, loaded as `caseload run` loads them. Arg 0, 1, 2:
// scenarios/bench/national-10k.yaml, national-100k.yaml, national.yaml (~1,000,000 claimants:
// minutes and GBs; run it on its own with --benchmark_filter='BM_WholeRun/2').
// One iteration each. Counters:
// - jobseeker_weeks: claimants in stock summed over every simulated week, warm-up included, of
//   both variants (the `counts.stock` of every PanelRow, whose rows are office x group x week), as a
//   rate over CPU time;
// - events: events_handled of both variants, as a rate;
// - user_cpu_s, wall_s: the process's user CPU seconds and wall seconds for the run;
// - entries_per_week: the treatment's exits to work a week (all offices, warm-up included),
//   the rate bench/regimes/credit_ledger_bench.cpp's weekly credits stand for;
// - peak_rss_MB: getrusage's ru_maxrss, the process's peak resident set. It only grows and
//   covers every benchmark run before in the same process (and the loading), so a clean peak
//   for one size needs one process per size (--benchmark_filter='BM_WholeRun/N').

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>

#include <benchmark/benchmark.h>

#include "sim/io/config/runnable_scenario.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::model {
namespace {

const char* const scenario_files[] = {"national-10k.yaml", "national-100k.yaml", "national.yaml"};

double user_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec) + static_cast<double>(usage.ru_utime.tv_usec) * 1e-6;
}

double peak_rss_megabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports kilobytes
}

std::uint64_t jobseeker_weeks(const VariantResult& variant) {
  std::uint64_t total = 0;
  for (const PanelRow& row : variant.panel) total += row.counts.stock;
  return total;
}

double entries_per_week(const VariantResult& variant) {
  std::uint64_t entries = 0;
  std::uint32_t weeks = 0;
  for (const PanelRow& row : variant.panel) {
    entries += row.counts.exits[static_cast<std::size_t>(ExitReason::Work)];
    weeks = std::max(weeks, row.week + 1);
  }
  return weeks == 0 ? 0.0 : static_cast<double>(entries) / weeks;
}

void BM_WholeRun(benchmark::State& state) {
  const std::string file =
      std::string(CASELOAD_SOURCE_DIR) + "/scenarios/bench/" + scenario_files[state.range(0)];
  const io::RunnableScenario runnable = io::load_runnable(file, {});
  std::uint64_t weeks = 0;
  std::uint64_t events = 0;
  double user = 0.0;
  double wall = 0.0;
  double entries = 0.0;
  for (auto _ : state) {
    const double user_before = user_cpu_seconds();
    const auto wall_before = std::chrono::steady_clock::now();
    const SimulationResult result = simulate(runnable.loaded.scenario, runnable.regime);
    user += user_cpu_seconds() - user_before;
    wall += std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_before).count();
    weeks += jobseeker_weeks(result.treatment);
    events += result.treatment.events_handled;
    entries = entries_per_week(result.treatment);
    if (result.counterfactual) {
      weeks += jobseeker_weeks(*result.counterfactual);
      events += result.counterfactual->events_handled;
    } else {
      state.SkipWithError("the bench scenario has no counterfactual");
    }
  }
  state.SetLabel(scenario_files[state.range(0)]);
  state.counters["jobseeker_weeks"] = benchmark::Counter(static_cast<double>(weeks), benchmark::Counter::kIsRate);
  state.counters["events"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["jobseeker_weeks_total"] = static_cast<double>(weeks);
  state.counters["events_total"] = static_cast<double>(events);
  state.counters["user_cpu_s"] = user;
  state.counters["wall_s"] = wall;
  state.counters["entries_per_week"] = entries;
  state.counters["peak_rss_MB"] = peak_rss_megabytes();
}
BENCHMARK(BM_WholeRun)->Arg(0)->Arg(1)->Arg(2)->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace
}  // namespace caseload::model
