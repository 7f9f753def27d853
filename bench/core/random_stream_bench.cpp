// Throughput of counter-based random streams: draws per second from one long stream, and the
// cost of naming a fresh stream per event, as per-entity, per-occasion draws do.

#include <cstdint>

#include <benchmark/benchmark.h>
#include <boost/random/normal_distribution.hpp>

#include "sim/core/random_stream.hpp"

namespace caseload::core {
namespace {

void BM_RandomStreamWord(benchmark::State& state) {
  RandomStream stream(StreamKey{1, 0, 0, 1, 0});
  for (auto _ : state) benchmark::DoNotOptimize(stream());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RandomStreamWord);

void BM_RandomStreamUniform01(benchmark::State& state) {
  RandomStream stream(StreamKey{1, 0, 0, 1, 0});
  for (auto _ : state) benchmark::DoNotOptimize(stream.uniform01());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RandomStreamUniform01);

void BM_RandomStreamNormal(benchmark::State& state) {
  RandomStream stream(StreamKey{1, 0, 0, 1, 0});
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  for (auto _ : state) benchmark::DoNotOptimize(normal(stream));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RandomStreamNormal);

void BM_FreshStreamPerDraw(benchmark::State& state) {
  // One uniform01 from a stream named for (entity, occasion), new every time.
  std::uint32_t occasion = 0;
  for (auto _ : state) {
    RandomStream stream(StreamKey{1, 1, occasion & 0xffffu, 1, occasion >> 16});
    benchmark::DoNotOptimize(stream.uniform01());
    ++occasion;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FreshStreamPerDraw);

}  // namespace
}  // namespace caseload::core
