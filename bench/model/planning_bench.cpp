// The weekly plan: plan_adviser over every adviser of a World in steady state (after the
// warm-up, at the start of a week, the week's plan already made once by plan_week). One item
// is one adviser's plan; `pairs` counts client-action candidates valued (the size of
// PlanningScratch::candidates after each adviser), as a rate. The plan is cleared before each
// pass; markets are read once per office before timing, as plan_week reads them. Passes after
// the first plan alike: the regime's validation minutes were taken by the week's plan_week.

#include <cstdint>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench/model/steady_world.hpp"
#include "sim/model/planning.hpp"

namespace caseload::model {
namespace {

// state.range(0): 0 for national-10k as it is (18 advisers an office), 1 for the same offices
// with 12 advisers each: caseloads half as long again. (With 6, reviews alone fill the
// advisers' hours and nothing discretionary is planned.)
std::unique_ptr<SteadyWorld> planning_world(std::int64_t size) {
  std::vector<std::string> overrides;
  if (size == 1) overrides.push_back("network.advisers_per_office=12");
  return steady_world("scenarios/bench/national-10k.yaml", overrides);
}

void BM_PlanEveryAdviser(benchmark::State& state) {
  const auto steady = planning_world(state.range(0));
  World& world = *steady->world;
  const ForecastModel model = forecast_model(world.scenario);
  std::vector<OfficeMarket> markets;
  for (std::uint32_t o = 0; o < world.offices.size(); ++o) markets.push_back(read_market(world, static_cast<OfficeId>(o)));
  const auto advisers = static_cast<std::uint32_t>(world.staff.advisers.size());
  std::uint64_t pairs = 0;
  std::uint64_t clients = 0;
  for (auto _ : state) {
    world.staff.plan.clear();
    for (std::uint32_t a = 0; a < advisers; ++a) {
      // The scratch is cleared only when an adviser plans discretionary help: clear it here so
      // an adviser who does not is not credited with the previous adviser's candidates.
      world.staff.scratch.candidates.clear();
      plan_adviser(world, static_cast<AdviserId>(a), model, markets[index(world.staff.advisers.office[a])]);
      pairs += world.staff.scratch.candidates.size();
    }
    benchmark::DoNotOptimize(world.staff.plan.data());
  }
  for (std::uint32_t a = 0; a < advisers; ++a) clients += world.staff.advisers.caseload[a].size();
  state.SetItemsProcessed(state.iterations() * advisers);
  state.counters["pairs"] = benchmark::Counter(static_cast<double>(pairs), benchmark::Counter::kIsRate);
  state.counters["advisers"] = advisers;
  state.counters["mean_caseload"] = static_cast<double>(clients) / advisers;
  state.counters["actions_planned"] = static_cast<double>(world.staff.plan.size());
}
BENCHMARK(BM_PlanEveryAdviser)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace caseload::model
