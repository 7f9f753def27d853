#pragma once
// Runs a planned batch on a thread pool: results are stored by run index, so they are the same
// whatever the number of threads or the order runs finish. A manifest, recording each run as
// it ends, lets an interrupted batch resume with only its unfinished runs.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "sim/experiment/run_record.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::experiment {

struct BatchProgress {
  std::size_t total = 0;
  std::size_t resumed = 0;   ///< done runs read back from the manifest
  std::size_t finished = 0;  ///< runs that ended (done or failed) in this session
  std::size_t failed = 0;    ///< of those, how many failed
  double elapsed_seconds = 0.0;
};

/// Runs one planned run. Returns Done with metrics, Failed with a message, or Pending when
/// `stop` ended it early. May be called on several threads at once.
using RunFunction = std::function<RunOutcome(std::size_t index, const PlannedRun& run,
                                             const model::StopRequested& stop)>;

struct BatchOptions {
  unsigned threads = 0;            ///< 0: all cores
  std::filesystem::path manifest;  ///< empty: keep none
  std::string experiment;          ///< fingerprint written to, and checked in, the manifest
  bool resume = false;             ///< reuse done runs from an existing manifest
  /// On resume, asked of each run the manifest records as done; false runs it again (its
  /// trace is missing, unfinished or damaged, say). None: every done run is kept.
  std::function<bool(std::size_t index, const PlannedRun& run)> is_done_intact;
  /// Which runs this session may run (a shard's share); none: all. The others stay pending
  /// unless the resumed manifest holds them.
  std::function<bool(std::size_t index)> is_mine;
  /// On resume, keep failed runs as failed rather than run them again (a merge of shards,
  /// which must reproduce their outcomes, not redo them).
  bool keeps_failed = false;
  model::StopRequested stop;       ///< polled before each run starts and during runs
  /// Called once before any run starts, then after each run ends (with the manifest already
  /// written); one call at a time.
  std::function<void(const BatchProgress&)> on_progress;
};

struct BatchResult {
  std::vector<RunOutcome> outcomes;  ///< by run index
  std::size_t resumed = 0;
  bool is_complete = false;  ///< no run left pending (none stopped or skipped by `stop`)
};

/// Calls `run`, turning its exceptions into a Failed outcome (a ConfigError's diagnostics, or
/// the exception's message): how every batch worker, thread or MPI rank, runs one run.
RunOutcome run_guarded(const RunFunction& run, std::size_t index, const PlannedRun& planned,
                       const model::StopRequested& stop);

/// Runs every run of `plan` not already done in a resumed manifest. Throws core::ConfigError
/// when resuming a manifest written for another experiment or plan, and std::system_error
/// when the manifest cannot be written. Exceptions from `run` become Failed outcomes.
BatchResult run_batch(const std::vector<PlannedRun>& plan, const RunFunction& run,
                      const BatchOptions& options);

}  // namespace caseload::experiment
