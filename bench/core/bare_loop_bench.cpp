// The bare limit: the event queue alone (core::Scheduler<core::BucketEventQueue>, the model's)
// processing a national run's event count with its time pattern, and a handler that only
// schedules what comes next. The model's overhead over the queue is whole-model time over this.
//
// The pattern is a real run's: scenarios/bench/national-10k.yaml is simulated once, recording
// every handled event (time, kind, subject, detail), both variants. Events are linked in chains,
// one per (kind, subject) as the model schedules them (a jobseeker's sign-ons, a source's
// claims, an employer's vacancies; actions by plan slot, their `detail`, since their subject is
// 0), and replayed: handling an event schedules its chain's next event. A chain's first event
// is scheduled when the event logged just before it is handled, so, as in the model, an event
// is pending only from about when the run reaches it, not from the start. Every logged event is
// thus scheduled once and handled once, at its logged time.
//
// range(0) = R: the log is replayed R times at once in one scheduler (replica r's events carry
// subject r), as offices are independent: national.yaml has 370 offices to national-10k's 4,
// so R = 93 gives about the national run's event count and number pending. Treatment and
// counterfactual are replayed one after the other in fresh schedulers, as simulate runs them.
// One item is one event handled.

#include <cstdint>
#include <limits>
#include <map>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "sim/core/bucket_event_queue.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/io/config/runnable_scenario.hpp"
#include "sim/model/event_kind.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::core {
namespace {

constexpr std::uint32_t no_event = std::numeric_limits<std::uint32_t>::max();

/// One variant's event log as chains: what to schedule when each event is handled.
struct ChainedLog {
  std::vector<Days> time;
  std::vector<std::uint32_t> kind;
  std::vector<std::uint32_t> next_in_chain;  ///< log index, or no_event at a chain's end
  std::vector<std::uint8_t> starts_chain;    ///< 1 if the event is its chain's first
};

ChainedLog chain(const std::vector<model::EventRecord>& events) {
  ChainedLog log;
  const std::size_t n = events.size();
  log.time.resize(n);
  log.kind.resize(n);
  log.next_in_chain.assign(n, no_event);
  log.starts_chain.assign(n, 0);
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> last_of_chain;
  for (std::uint32_t i = 0; i < n; ++i) {
    const model::EventRecord& event = events[i];
    log.time[i] = event.time;
    log.kind[i] = event.kind;
    const bool is_action = event.kind == model::code(model::EventKind::Action);
    const auto key = std::make_pair(event.kind, is_action ? event.detail : event.subject);
    const auto [at, is_new] = last_of_chain.try_emplace(key, i);
    if (is_new) {
      log.starts_chain[i] = 1;
    } else {
      log.next_in_chain[at->second] = i;
      at->second = i;
    }
  }
  return log;
}

struct RecordedRun {
  ChainedLog treatment;
  ChainedLog counterfactual;
};

const RecordedRun& national_10k() {
  static const RecordedRun recorded = [] {
    const io::RunnableScenario runnable =
        io::load_runnable(std::string(CASELOAD_SOURCE_DIR) + "/scenarios/bench/national-10k.yaml", {});
    model::RunOptions options;
    options.record_events = true;
    const model::SimulationResult result = model::simulate(runnable.loaded.scenario, runnable.regime, {}, options);
    return RecordedRun{chain(result.treatment.events), chain(result.counterfactual.value().events)};
  }();
  return recorded;
}

/// Replays `log` `replicas` times in one scheduler; returns the events handled.
std::uint64_t replay(const ChainedLog& log, std::uint32_t replicas) {
  if (log.time.empty()) return 0;
  Scheduler<BucketEventQueue> scheduler;
  for (std::uint32_t r = 0; r < replicas; ++r) scheduler.schedule(log.time[0], log.kind[0], r, 0);
  const auto last = static_cast<std::uint32_t>(log.time.size() - 1);
  const RunStats stats = scheduler.run_until(std::numeric_limits<Days>::infinity(), [&](const Event& event) {
    const std::uint32_t i = event.detail;
    const std::uint32_t next = log.next_in_chain[i];
    if (next != no_event) scheduler.schedule(log.time[next], log.kind[next], event.subject, next);
    if (i < last && log.starts_chain[i + 1]) scheduler.schedule(log.time[i + 1], log.kind[i + 1], event.subject, i + 1);
  });
  return stats.events_handled;
}

void BM_BareLoop(benchmark::State& state) {
  const RecordedRun& recorded = national_10k();
  const auto replicas = static_cast<std::uint32_t>(state.range(0));
  const std::uint64_t expected = replicas * (recorded.treatment.time.size() + recorded.counterfactual.time.size());
  std::uint64_t events = 0;
  for (auto _ : state) {
    const std::uint64_t handled = replay(recorded.treatment, replicas) + replay(recorded.counterfactual, replicas);
    if (handled != expected) {
      state.SkipWithError("the replay did not handle every logged event exactly once");
      break;
    }
    events += handled;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
  state.counters["events_per_run"] = static_cast<double>(expected);
}
BENCHMARK(BM_BareLoop)->Arg(1)->Arg(10)->Arg(93)->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace
}  // namespace caseload::core
