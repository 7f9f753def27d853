// Hold benchmarks for the event queues: pop the next event and push it back at a later time,
// so the number pending stays constant, as in a long simulation run. One item is one hold
// (a pop and a push).

#include <cstdint>
#include <vector>

#include <benchmark/benchmark.h>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include "sim/core/bucket_event_queue.hpp"
#include "sim/core/event_queue.hpp"
#include "sim/core/random_stream.hpp"

namespace caseload::core {
namespace {

// Increments are drawn before timing and cycled, so the figures measure the queue alone.
constexpr std::size_t increment_count = std::size_t{1} << 16;

/// Continuous times: exponential increments with a mean of 7 days.
std::vector<Days> exponential_increments() {
  RandomStream stream(StreamKey{2024, 0, 0, 1, 0});
  boost::random::exponential_distribution<double> increment(1.0 / 7.0);
  std::vector<Days> out(increment_count);
  for (Days& value : out) value = increment(stream);
  return out;
}

/// Whole-day times, as most model events have: uniform on 1..28 days.
std::vector<Days> whole_day_increments() {
  RandomStream stream(StreamKey{2024, 0, 0, 2, 0});
  boost::random::uniform_int_distribution<int> increment(1, 28);
  std::vector<Days> out(increment_count);
  for (Days& value : out) value = static_cast<Days>(increment(stream));
  return out;
}

template <class Queue>
void hold(benchmark::State& state, const std::vector<Days>& increments) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  Queue queue;
  queue.reserve(pending);
  std::uint64_t sequence = 0;
  std::size_t next = 0;
  auto increment = [&] { return increments[next++ & (increment_count - 1)]; };
  for (std::size_t i = 0; i < pending; ++i) {
    queue.push(Event{increment(), sequence++, 0, static_cast<std::uint32_t>(i), 0});
  }
  // Untimed warm-up: one pass over every pending event, so the times settle into the
  // steady-state spread of a long run rather than the initial pile-up.
  for (std::size_t i = 0; i < pending; ++i) {
    Event event = queue.pop();
    event.time += increment();
    event.sequence = sequence++;
    queue.push(event);
  }
  for (auto _ : state) {
    Event event = queue.pop();
    event.time += increment();
    event.sequence = sequence++;
    queue.push(event);
  }
  benchmark::DoNotOptimize(queue.top());
  state.SetItemsProcessed(state.iterations());
}

template <class Queue>
void BM_HoldExponential(benchmark::State& state) {
  static const std::vector<Days> increments = exponential_increments();
  hold<Queue>(state, increments);
}

template <class Queue>
void BM_HoldWholeDays(benchmark::State& state) {
  static const std::vector<Days> increments = whole_day_increments();
  hold<Queue>(state, increments);
}

BENCHMARK_TEMPLATE(BM_HoldExponential, HeapEventQueue)->Arg(1'000)->Arg(100'000)->Arg(1'000'000);
BENCHMARK_TEMPLATE(BM_HoldExponential, BucketEventQueue)->Arg(1'000)->Arg(100'000)->Arg(1'000'000);
BENCHMARK_TEMPLATE(BM_HoldWholeDays, HeapEventQueue)->Arg(1'000)->Arg(100'000)->Arg(1'000'000);
BENCHMARK_TEMPLATE(BM_HoldWholeDays, BucketEventQueue)->Arg(1'000)->Arg(100'000)->Arg(1'000'000);

}  // namespace
}  // namespace caseload::core
