// Vacancy matching on a World in steady state (national-10k after its warm-up).
// - BM_ReadMarket: read_market for every office, as plan_week does once a week. One item is
//   one office's market read; `vacancies` counts open vacancies scanned, as a rate.
// - BM_Submission: the submission path, handle_action on a planned submission (the easiest
//   notified vacancy is chosen, the employer may hire: hire() and its records). The world runs
//   on as in a real run, one week per iteration, every event dispatched in order; only the
//   submissions' handle_action calls are timed (manual time, a clock read around each). One
//   item is one submission handled. Fixed iterations: the warm-up costs more than the weeks.

#include <chrono>
#include <cstdint>

#include <benchmark/benchmark.h>

#include "bench/model/steady_world.hpp"
#include "sim/model/event_kind.hpp"
#include "sim/model/planning.hpp"

namespace caseload::model {
namespace {

SteadyWorld& national_10k() {
  static const auto steady = steady_world("scenarios/bench/national-10k.yaml");
  return *steady;
}

void BM_ReadMarket(benchmark::State& state) {
  // Reading changes nothing, so it shares BM_Submission's world (at whatever week that is).
  const World& world = *national_10k().world;
  const auto offices = static_cast<std::uint32_t>(world.offices.size());
  std::uint64_t open = 0;
  for (std::uint32_t o = 0; o < offices; ++o) open += world.market.pools[o].size();
  for (auto _ : state) {
    for (std::uint32_t o = 0; o < offices; ++o) benchmark::DoNotOptimize(read_market(world, static_cast<OfficeId>(o)));
  }
  state.SetItemsProcessed(state.iterations() * offices);
  state.counters["vacancies"] = benchmark::Counter(static_cast<double>(open) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["open_per_office"] = static_cast<double>(open) / offices;
}
BENCHMARK(BM_ReadMarket);

void BM_Submission(benchmark::State& state) {
  World& world = *national_10k().world;
  std::uint64_t submissions = 0;
  for (auto _ : state) {
    std::chrono::duration<double> timed{0.0};
    world.scheduler.run_until(world.end, [&](const core::Event& event) {
      const bool is_submission = static_cast<EventKind>(event.kind) == EventKind::Action &&
                                 world.staff.plan[event.detail].action == ActionKind::Submission;
      if (!is_submission) {
        dispatch(world, event);
        if (static_cast<EventKind>(event.kind) == EventKind::Week) world.scheduler.request_stop();
        return;
      }
      const auto start = std::chrono::steady_clock::now();
      handle_action(world, event.detail);
      timed += std::chrono::steady_clock::now() - start;
      ++submissions;
    });
    state.SetIterationTime(timed.count());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(submissions));
  state.counters["per_week"] = static_cast<double>(submissions) / static_cast<double>(state.iterations());
  state.counters["failed_to_date"] = world.market.submissions_failed;
}
BENCHMARK(BM_Submission)->Iterations(8)->UseManualTime()->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace caseload::model
