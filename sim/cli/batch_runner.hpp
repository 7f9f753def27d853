#pragma once
// What `compare` and `sweep` share: each point (an arm, or a design point) loaded once as a
// runnable scenario, or the reason it cannot be; runs that copy their point's scenario, give it
// the run's seed and simulate it; progress on the terminal; Ctrl-C leaves the batch resumable.

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "sim/cli/runnable_scenario.hpp"
#include "sim/experiment/batch.hpp"
#include "sim/experiment/single_run.hpp"

namespace caseload::cli {

/// The options both batch commands take.
struct BatchCommandOptions {
  unsigned jobs = 0;   ///< 0: all cores
  std::string output;  ///< output folder; empty: write no files
  bool resume = false;
  bool force = false;
  bool quiet = false;
  bool traces = false;  ///< per-run traces: not written yet (see run_trace_hook)
};

/// A point's scenario, or why it cannot run (every run of the point then fails with it).
struct PreparedPoint {
  std::optional<RunnableScenario> runnable;
  std::string problem;
};

/// Loads `file` with `overrides`; a ConfigError becomes the point's problem, one line.
PreparedPoint prepare_point(const std::filesystem::path& file,
                            const std::vector<std::string>& overrides);

/// Per-run traces: called after each done run with its index, plan entry, scenario (seed set)
/// and result. The hook for writing one trace per run into the output folder once the run
/// trace writer exists; nothing sets it yet, and `--traces` says so.
using RunTraceHook =
    std::function<void(std::size_t index, const experiment::PlannedRun& run,
                       const model::Scenario& scenario, const experiment::SingleRun& result)>;

/// Runs the plan (run i is replication plan[i].replication of point plan[i].point) with the
/// manifest in options.output, if any; progress on `err` when it is a terminal. Stops launching
/// runs at Ctrl-C.
experiment::BatchResult run_prepared(const std::string& label,
                                     const std::vector<PreparedPoint>& points,
                                     const std::vector<experiment::PlannedRun>& plan,
                                     const std::string& experiment_fingerprint,
                                     const BatchCommandOptions& options, std::ostream& err,
                                     const RunTraceHook& trace_hook = {});

/// One line for an interrupted batch (how far it got, how to finish it); returns exit 130.
int report_batch_interrupted(const std::string& command, const experiment::BatchResult& result,
                             const BatchCommandOptions& options, std::ostream& err);

}  // namespace caseload::cli
