#include "sim/cli/batch_runner.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <utility>

#include <fmt/format.h>

#include "sim/cli/commands.hpp"
#include "sim/cli/interrupt.hpp"
#include "sim/cli/mpi_batch.hpp"
#include "sim/cli/progress_line.hpp"
#include "sim/cli/run_trace_output.hpp"
#include "sim/cli/shard.hpp"
#include "sim/core/diagnostics.hpp"
#include "sim/experiment/breakdown_figures.hpp"
#include "sim/experiment/manifest.hpp"
#include "sim/io/trace/trace_error.hpp"
#include "sim/io/trace/trace_reader.hpp"

namespace caseload::cli {

namespace {

bool was_interrupted(const model::SimulationResult& result) {
  return result.treatment.interrupted ||
         (result.counterfactual && result.counterfactual->interrupted);
}

experiment::RunOutcome done(const experiment::SingleRun& result, const ExtraFigures& extra) {
  experiment::RunOutcome outcome{experiment::RunStatus::Done, experiment::run_figures(result), {}};
  if (extra) {
    for (auto& figure : extra(result)) outcome.metrics.push_back(std::move(figure));
  }
  return outcome;
}

BatchObserver batch_observer;

// A trace counted as done must still be there and whole: a run killed while renaming, or a
// file damaged since, is run again rather than trusted.
bool is_finished_trace(const std::filesystem::path& path) {
  try {
    if (!io::is_hdf5_file(path)) return false;
    const io::TraceSummary trace = io::read_trace_summary(path);
    return trace.is_complete.value_or(false) && trace.format_version == io::kTraceFormatVersion;
  } catch (const std::exception&) {
    return false;
  }
}

// Scenario files are read on one thread at a time: yaml-cpp does not promise that parsing on
// several threads at once is safe, and a load costs milliseconds against a run's seconds.
std::mutex loading;

// A run that writes its trace: the point is reloaded with the run's seed, so the trace's
// scenario text (its provenance) reproduces this run exactly, not the base file's seed.
experiment::RunOutcome run_traced(const PreparedPoint& point, const experiment::PlannedRun& planned,
                                  const std::filesystem::path& path, const std::string& level,
                                  const model::StopRequested& stop, const ExtraFigures& extra) {
  std::optional<io::RunnableScenario> runnable;
  {
    std::lock_guard lock(loading);
    runnable.emplace(io::load_runnable(point.file, point.overrides, planned.seed));
  }
  try {
    // force: a trace left by an earlier, interrupted session of this batch is replaced.
    RunTraceOutput trace(path.string(), level, true, *runnable, std::chrono::system_clock::now());
    model::RunOptions options;
    options.record_events = trace.records_events();
    const experiment::SingleRun result =
        experiment::run_once(runnable->loaded.scenario, runnable->regime, stop, options);
    if (was_interrupted(result.simulation)) {
      std::ostringstream ignored;  // the batch reports the interruption once, for all runs
      trace.abandon(result, ignored);
      return {};
    }
    trace.commit(result);
    return done(result, extra);
  } catch (const io::TraceError& error) {
    return {experiment::RunStatus::Failed, {}, fmt::format("trace: {}", error.what())};
  }
}

}  // namespace

BatchObserver observe_batches(BatchObserver observer) {
  return std::exchange(batch_observer, std::move(observer));
}

PreparedPoint prepare_point(const std::filesystem::path& file,
                            const std::vector<std::string>& overrides) {
  PreparedPoint point{std::nullopt, {}, file, overrides};
  try {
    point.runnable.emplace(io::load_runnable(file, overrides));
  } catch (const core::ConfigError& error) {
    for (const auto& diagnostic : error.problems()) {
      if (!point.problem.empty()) point.problem += "; ";
      point.problem += core::format_diagnostic(diagnostic);
    }
  }
  return point;
}

std::filesystem::path trace_path(const std::string& folder, const std::string& point_word,
                                 const experiment::PlannedRun& run) {
  return std::filesystem::path(folder) / "traces" /
         fmt::format("{}-{}_rep-{}.h5", point_word, run.point, run.replication);
}

experiment::BatchResult run_prepared(const std::string& label, const std::string& point_word,
                                     const std::vector<PreparedPoint>& points,
                                     const std::vector<experiment::PlannedRun>& plan,
                                     const std::string& experiment_fingerprint,
                                     const BatchCommandOptions& options, std::ostream& err,
                                     const ExtraFigures& extra) {
  ProgressLine progress(err, label, !options.quiet && !is_mpi_worker(options) && is_terminal(err));
  experiment::BatchOptions batch;
  batch.threads = options.jobs;
  if (!options.output.empty()) {
    batch.manifest = std::filesystem::path(options.output) / experiment::kManifestFileName;
  }
  batch.experiment = experiment_fingerprint;
  batch.resume = options.resume;
  if (!options.traces.empty()) {
    batch.is_done_intact = [&](std::size_t /*index*/, const experiment::PlannedRun& planned) {
      return is_finished_trace(trace_path(options.output, point_word, planned));
    };
  }
  batch.stop = [] { return interrupt_requested(); };
  if (!options.shard.empty()) {
    const ShardSpec shard = parse_shard(options.shard).spec;  // checked by check_batch_options
    batch.is_mine = [shard](std::size_t index) { return shard.holds(index); };
  }
  if (options.merging) {
    // Every run is in the manifest already: launch none, so one missing stays pending and
    // the merge fails rather than quietly running it here.
    batch.keeps_failed = true;
    batch.stop = [] { return true; };
  }
  batch.on_progress = [&progress](const experiment::BatchProgress& now) {
    progress.update(now);
    if (batch_observer) batch_observer(now);
  };
  if (!options.traces.empty() && !is_mpi_worker(options)) {
    std::filesystem::create_directories(std::filesystem::path(options.output) / "traces");
  }

  const auto run = [&](std::size_t /*index*/, const experiment::PlannedRun& planned,
                       const model::StopRequested& stop) -> experiment::RunOutcome {
    const PreparedPoint& point = points[planned.point];
    if (!point.runnable) return {experiment::RunStatus::Failed, {}, point.problem};
    if (!options.traces.empty()) {
      return run_traced(point, planned, trace_path(options.output, point_word, planned),
                        options.traces, stop, extra);
    }
    // A copy per run: the run's own seed, and nothing shared between threads but const data.
    model::Scenario scenario = point.runnable->loaded.scenario;
    scenario.run.seed = planned.seed;
    const experiment::SingleRun result =
        experiment::run_once(scenario, point.runnable->regime, stop);
    if (was_interrupted(result.simulation)) return {};  // pending: abandoned part-way
    return done(result, extra);
  };
  experiment::BatchResult result =
      options.mpi ? run_batch_on_ranks(plan, run, batch) : experiment::run_batch(plan, run, batch);
  progress.finish();
  return result;
}

int report_batch_interrupted(const std::string& command, const experiment::BatchResult& result,
                             const BatchCommandOptions& options, std::ostream& err) {
  const auto done_or_failed =
      std::count_if(result.outcomes.begin(), result.outcomes.end(),
                    [](const auto& o) { return o.status != experiment::RunStatus::Pending; });
  std::string message = fmt::format("caseload {}: stopped with {} of {} runs finished", command,
                                    done_or_failed, result.outcomes.size());
  if (!options.output.empty()) {
    message += fmt::format(
        "; '{}' is up to date: run the same command with --resume to finish",
        (std::filesystem::path(options.output) / experiment::kManifestFileName).string());
  }
  err << message << '\n';
  return report_interrupted(err);
}

}  // namespace caseload::cli
