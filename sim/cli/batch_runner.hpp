#pragma once
// What `compare` and `sweep` share: each point (an arm, or a design point) loaded once as a
// runnable scenario, or the reason it cannot be; runs that copy their point's scenario, give it
// the run's seed, simulate it and, if asked, write its trace; progress on the terminal; Ctrl-C
// leaves the batch resumable.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "sim/experiment/batch.hpp"
#include "sim/experiment/single_run.hpp"
#include "sim/io/config/runnable_scenario.hpp"

namespace caseload::cli {

/// The options both batch commands take.
struct BatchCommandOptions {
  unsigned jobs = 0;   ///< 0: all cores
  std::string output;  ///< output folder; empty: write no files
  bool resume = false;
  bool force = false;
  bool quiet = false;
  std::string traces;  ///< trace level for one trace per run (summary, agents, events); empty: none
  std::string max_memory;  ///< --max-memory; empty: physical memory
  std::string shard;       ///< --shard K/N (sweep, compare); empty: every run
  bool mpi = false;        ///< --mpi: the runs go to the ranks of an MPI job (mpi_batch.hpp)
  /// Set by `caseload merge` only: rebuild the outputs from a manifest that holds every run,
  /// keeping failed runs and running none.
  bool merging = false;
};

/// A point's scenario, or why it cannot run (every run of the point then fails with it), and
/// what it was loaded from, so a traced run can reload it with its own seed.
struct PreparedPoint {
  std::optional<io::RunnableScenario> runnable;
  std::string problem;
  std::filesystem::path file;
  std::vector<std::string> overrides;
};

/// Loads `file` with `overrides`; a ConfigError becomes the point's problem, one line.
PreparedPoint prepare_point(const std::filesystem::path& file,
                            const std::vector<std::string>& overrides);

/// Where run `run`'s trace goes: DIR/traces/POINT_WORD-P_rep-R.h5 ("point-3_rep-1.h5" in a
/// sweep, "arm-0_rep-2.h5" in a comparison).
std::filesystem::path trace_path(const std::string& folder, const std::string& point_word,
                                 const experiment::PlannedRun& run);

/// Figures a command adds to every done run's own (stored in the manifest with the rest).
using ExtraFigures = std::function<std::vector<experiment::MetricValue>(const experiment::SingleRun&)>;

/// Runs the plan (run i is replication plan[i].replication of point plan[i].point) with the
/// manifest in options.output, if any; progress on `err` when it is a terminal. Stops launching
/// runs at Ctrl-C. With options.traces, each run also writes its trace (see trace_path); a run
/// whose trace cannot be written fails, with the reason. `extra` figures, if any, follow each
/// done run's figures.
experiment::BatchResult run_prepared(const std::string& label, const std::string& point_word,
                                     const std::vector<PreparedPoint>& points,
                                     const std::vector<experiment::PlannedRun>& plan,
                                     const std::string& experiment_fingerprint,
                                     const BatchCommandOptions& options, std::ostream& err,
                                     const ExtraFigures& extra = {});

/// Sees every batch's progress after each run ends (its record already in the manifest), as the
/// progress line does. None by default; tests use it to act at a chosen run, e.g. to interrupt
/// a batch after its second run without racing it. Returns the observer it replaces.
using BatchObserver = std::function<void(const experiment::BatchProgress&)>;
BatchObserver observe_batches(BatchObserver observer);

/// One line for an interrupted batch (how far it got, how to finish it); returns exit 130.
int report_batch_interrupted(const std::string& command, const experiment::BatchResult& result,
                             const BatchCommandOptions& options, std::ostream& err);

}  // namespace caseload::cli
