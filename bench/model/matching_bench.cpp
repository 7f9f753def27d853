// Vacancy matching on a World in steady state (national-10k after its warm-up).
// - BM_ReadMarket: read_market for every office, as plan_week does once a week. One item is
//   one office's market read; `vacancies` counts open vacancies scanned, as a rate.
// - BM_Submission: the submission path, handle_action on a planned submission (the easiest
//   notified vacancy is chosen, the employer may hire: hire() and its records). One iteration
//   is one week of the run: untimed, every event before the next week's is dispatched in order
//   except the week's planned submissions, which are set aside; then, timed, handle_action
//   carries those out in plan order at the week's end; then, untimed, the next Week event
//   plans the next week. So the world stays a real run's, bar submissions made a few days late
//   (a client who left meanwhile costs only the check). Timed on CPU time (Google Benchmark's
//   default), since a week's submissions take about 0.15 ms and wall-clock timing of each call
//   on a busy machine counts milliseconds of descheduling. One item is one submission handled.
//   Fixed iterations (26 weeks): the warm-up costs more than the weeks.

#include <cstdint>
#include <vector>

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
  std::vector<std::uint32_t> submissions;  // the week's plan slots
  std::uint64_t handled = 0;
  for (auto _ : state) {
    state.PauseTiming();
    submissions.clear();
    world.scheduler.run_until(world.now() + core::days_per_week, [&](const core::Event& event) {
      if (static_cast<EventKind>(event.kind) == EventKind::Action &&
          world.staff.plan[event.detail].action == ActionKind::Submission) {
        submissions.push_back(event.detail);
      } else {
        dispatch(world, event);
      }
    });
    state.ResumeTiming();
    for (const std::uint32_t slot : submissions) handle_action(world, slot);
    handled += submissions.size();
    state.PauseTiming();
    run_through_next_week(world);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(handled));
  state.counters["per_week"] = static_cast<double>(handled) / static_cast<double>(state.iterations());
  state.counters["failed_to_date"] = world.market.submissions_failed;
}
BENCHMARK(BM_Submission)->Iterations(26)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace caseload::model
