// `caseload run`: load a scenario, simulate it, print the summary, and with -o write the
// run's trace (OUT.h5.partial while writing, renamed to OUT.h5 once complete).

#include <chrono>
#include <optional>
#include <thread>

#include "sim/cli/breakdown_report.hpp"
#include "sim/cli/cli.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/interrupt.hpp"
#include "sim/cli/memory_estimate.hpp"
#include "sim/cli/run_trace_output.hpp"
#include "sim/cli/summary_report.hpp"
#include "sim/experiment/single_run.hpp"
#include "sim/io/config/runnable_scenario.hpp"
#include "sim/io/trace/trace_error.hpp"

namespace caseload::cli {

namespace {

bool was_interrupted(const model::SimulationResult& result) {
  return result.treatment.interrupted ||
         (result.counterfactual && result.counterfactual->interrupted);
}

}  // namespace

int execute_run(const RunOptions& options, std::ostream& out, std::ostream& err) {
  const io::RunnableScenario runnable =
      io::load_runnable(options.scenario, options.overrides, options.seed);
  refuse_if_too_big(runnable.loaded.scenario, memory_cap(options.max_memory), options.scenario);

  // Opened before simulating, so a bad -o (exists, unwritable) fails before any work.
  std::optional<RunTraceOutput> trace;
  if (!options.output.empty()) {
    trace.emplace(options.output, options.trace_level, options.force, runnable,
                  std::chrono::system_clock::now());
  }
  model::RunOptions run_options;
  run_options.record_events = trace && trace->records_events();
  run_options.parallel_variants = options.jobs.value_or(std::thread::hardware_concurrency() >= 2 ? 2 : 1) >= 2;

  // The run polls the flag after every simulated week, so a Ctrl-C that arrived before it
  // started still stops it after one week; the trace then holds that week.
  const experiment::SingleRun run = experiment::run_once(
      runnable.loaded.scenario, runnable.regime, [] { return interrupt_requested(); }, run_options);
  const bool interrupted = was_interrupted(run.simulation) || interrupt_requested();
  if (trace) {
    if (interrupted) {
      trace->abandon(run, err);
      return report_interrupted(err);
    }
    try {
      trace->commit(run);
    } catch (const io::TraceError& error) {
      // Not a bug: a full disk, say. The .partial keeps what reached the disk.
      err << "caseload run: " << error.what() << '\n';
      return kExitInternalError;
    }
  }
  if (interrupted) return report_interrupted(err);
  const model::RunResult& result = run.summary;
  const model::Scenario& scenario = runnable.loaded.scenario;
  if (options.format == "json") {
    out << format_summary_json(result, format_group_json(scenario, run.report));
  } else {
    out << format_summary_text(result) << "\nby customer group (claims begun in the measured period):\n"
        << format_group_table(scenario, run.report)
        << "\nby cluster of comparable offices (measured period; rates per claimant-month):\n"
        << format_cluster_table(run.report);
  }
  return kExitOk;
}

}  // namespace caseload::cli
