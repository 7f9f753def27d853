#pragma once
// `caseload run -o`: the trace of one run, opened before the simulation (so a bad path fails
// first) and either committed as OUT.h5 or, after Ctrl-C, left as a readable OUT.h5.partial.

#include <chrono>
#include <ostream>
#include <string>
#include <string_view>

#include "sim/experiment/single_run.hpp"
#include "sim/io/config/runnable_scenario.hpp"
#include "sim/io/trace/atomic_output.hpp"
#include "sim/io/trace/run_trace.hpp"

namespace caseload::cli {

/// What /metrics holds for a run: today the summary figures; the seam where sim/metrics'
/// report (by group, by decile, by adviser) joins the trace.
io::RunMetrics trace_metrics(const experiment::SingleRun& run);

class RunTraceOutput {
 public:
  /// Checks the path and writes OUT.h5.partial's header (provenance, scenario, labels).
  /// Throws core::ConfigError when OUT.h5 exists without `force` or cannot be created, and
  /// for an unknown level.
  RunTraceOutput(const std::string& path, std::string_view level, bool force,
                 const io::RunnableScenario& runnable,
                 std::chrono::system_clock::time_point created);

  /// The level asks for the event log, so the run must record it.
  bool records_events() const { return level_ == io::TraceLevel::Events; }

  /// Writes the variants and metrics, then renames OUT.h5.partial to OUT.h5. Throws
  /// io::TraceError; the .partial then stays and any old OUT.h5 is untouched.
  void commit(const experiment::SingleRun& run);

  /// For an interrupted run: writes what was simulated (no metrics: they would describe a
  /// truncated run), keeps complete=0 and the .partial name, and says so on `err`.
  void abandon(const experiment::SingleRun& run, std::ostream& err) noexcept;

 private:
  void write_variants(const experiment::SingleRun& run);

  io::TraceLevel level_;  // first: an unknown level fails before any file is made
  io::AtomicOutput output_;
};

}  // namespace caseload::cli
