// Writing a whole run's trace, by level: the time `caseload run -o` spends after simulating.
// scenarios/baseline-uk.yaml is simulated once (with its event log) before anything is timed;
// each iteration then writes the trace to a fresh OUT.h5, commit (fsync, rename) included.
// Bytes per second are the finished file's size over the write's wall time.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include <benchmark/benchmark.h>
#include <stdlib.h>
#include <unistd.h>

#include "sim/cli/run_trace_output.hpp"
#include "sim/experiment/single_run.hpp"
#include "sim/io/config/runnable_scenario.hpp"
#include "sim/io/trace/atomic_output.hpp"
#include "sim/io/trace/run_trace.hpp"

namespace caseload::io {
namespace {

struct SimulatedRun {
  io::RunnableScenario runnable;
  experiment::SingleRun run;
  RunProvenance provenance;
};

const SimulatedRun& baseline() {
  static const SimulatedRun simulated = [] {
    SimulatedRun made{
        io::load_runnable(std::string(CASELOAD_SOURCE_DIR) + "/scenarios/baseline-uk.yaml", {}),
        {},
        {}};
    model::RunOptions options;
    options.record_events = true;
    made.run =
        experiment::run_once(made.runnable.loaded.scenario, made.runnable.regime, {}, options);
    made.provenance.scenario_name = made.runnable.loaded.scenario.name;
    made.provenance.seed = made.runnable.loaded.scenario.run.seed;
    made.provenance.scenario_yaml = made.runnable.loaded.resolved_yaml;
    for (const auto& group : made.runnable.loaded.scenario.groups) {
      made.provenance.group_names.push_back(group.name);
    }
    made.provenance.created = utc_timestamp(std::chrono::system_clock::now());
    return made;
  }();
  return simulated;
}

std::filesystem::path scratch_directory() {
  std::string pattern = std::filesystem::temp_directory_path() / "caseload-run-trace-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) return std::filesystem::temp_directory_path();
  return pattern;
}

// state.range(0) is the TraceLevel.
void write_run_trace(benchmark::State& state) {
  const SimulatedRun& simulated = baseline();
  const auto level = static_cast<TraceLevel>(state.range(0));
  const std::filesystem::path directory = scratch_directory();
  const std::filesystem::path out = directory / "run.h5";
  const RunMetrics metrics = cli::trace_metrics(simulated.run);
  std::uintmax_t bytes = 0;
  for (auto _ : state) {
    AtomicOutput output(out, OutputOptions{/*force=*/true});
    write_run(output.file(), simulated.provenance, simulated.run.simulation, metrics, level);
    output.commit();
    bytes = std::filesystem::file_size(out);
  }
  state.SetLabel(std::string(name_of(level)));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
  state.counters["file_MB"] = static_cast<double>(bytes) / 1e6;
  std::uint64_t events = simulated.run.simulation.treatment.events.size();
  if (simulated.run.simulation.counterfactual) {
    events += simulated.run.simulation.counterfactual->events.size();
  }
  state.counters["events"] = static_cast<double>(events);
  std::filesystem::remove_all(directory);
}
BENCHMARK(write_run_trace)
    ->Arg(static_cast<int>(TraceLevel::Summary))
    ->Arg(static_cast<int>(TraceLevel::Agents))
    ->Arg(static_cast<int>(TraceLevel::Events))
    ->Iterations(3)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace caseload::io
