// Column append throughput: the cost a run pays per traced value, dominated by shuffle +
// deflate of each full chunk. Smooth values (a weekly series) compress well; noise does not.

#include <benchmark/benchmark.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "sim/io/trace/column_writer.hpp"
#include "sim/io/trace/trace_file.hpp"

namespace caseload::io {
namespace {

constexpr std::int64_t kRowsPerIteration = 1 << 20;

std::filesystem::path scratch_file() {
  std::string pattern = std::filesystem::temp_directory_path() / "caseload-bench-XXXXXX";
  const int descriptor = ::mkstemp(pattern.data());
  if (descriptor >= 0) ::close(descriptor);
  return pattern;
}

// state.range(0) is the deflate level.
template <class T, class Next>
void append_rows(benchmark::State& state, Next next) {
  ColumnOptions options;
  options.compression_level = static_cast<int>(state.range(0));
  const std::filesystem::path path = scratch_file();
  {
    TraceFile file(path);
    Column<T>& column = file.add_table("/bench").add_column<T>("values", options);
    std::uint64_t row = 0;
    for (auto _ : state) {
      for (std::int64_t count = 0; count < kRowsPerIteration; ++count) column.append(next(row++));
    }
    file.close();
  }
  state.SetItemsProcessed(state.iterations() * kRowsPerIteration);
  state.SetBytesProcessed(state.iterations() * kRowsPerIteration *
                          static_cast<std::int64_t>(sizeof(T)));
  std::filesystem::remove(path);
}

void append_smooth_doubles(benchmark::State& state) {
  append_rows<double>(state,
                      [](std::uint64_t row) { return static_cast<double>(row % 520) * 0.25; });
}
BENCHMARK(append_smooth_doubles)->Arg(1)->Arg(4)->Arg(9)->Unit(benchmark::kMillisecond);

void append_noisy_doubles(benchmark::State& state) {
  std::uint64_t bits = 88172645463325252ULL;
  append_rows<double>(state, [&bits](std::uint64_t) {
    bits ^= bits << 13;  // xorshift: as incompressible as doubles get
    bits ^= bits >> 7;
    bits ^= bits << 17;
    return static_cast<double>(bits >> 11) * 0x1.0p-53;
  });
}
BENCHMARK(append_noisy_doubles)->Arg(1)->Arg(4)->Arg(9)->Unit(benchmark::kMillisecond);

void append_uint8_states(benchmark::State& state) {
  append_rows<std::uint8_t>(
      state, [](std::uint64_t row) { return static_cast<std::uint8_t>(row / 97 % 5); });
}
BENCHMARK(append_uint8_states)->Arg(1)->Arg(4)->Arg(9)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace caseload::io
