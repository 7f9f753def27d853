#include "sim/cli/batch_options.hpp"

#include <cstdint>

#include <CLI/CLI.hpp>

namespace caseload::cli {

void add_batch_options(CLI::App& command, BatchCommandOptions& options) {
  command.add_option("-j,--jobs", options.jobs, "Runs in parallel (0: one per core)")
      ->check(CLI::Range(0u, 1024u))
      ->capture_default_str();
  command
      .add_option("-o,--output", options.output,
                  "Folder for the manifest and the summary files (CSV and HDF5)")
      ->type_name("DIR");
  command.add_flag("--resume", options.resume,
                   "Finish the batch in DIR: runs its manifest records as done are read back, "
                   "the rest are run");
  command.add_flag("--force", options.force,
                   "Start afresh even if DIR holds an earlier batch's manifest");
  command.add_flag("--quiet", options.quiet, "No progress line on the terminal");
  command
      .add_option("--traces", options.traces,
                  "Write one trace per run into DIR/traces, keeping LEVEL: summary (panels, "
                  "metrics), agents (+ agent tables and logs) or events (+ every event)")
      ->check(CLI::IsMember({"summary", "agents", "events"}))
      ->type_name("LEVEL");
}

std::string check_batch_options(const BatchCommandOptions& options) {
  if (options.resume && options.output.empty())
    return "--resume needs -o DIR (the batch to finish)";
  if (options.resume && options.force) return "--resume and --force contradict each other";
  if (options.force && options.output.empty()) return "--force needs -o DIR";
  if (!options.traces.empty() && options.output.empty()) return "--traces needs -o DIR";
  return {};
}

}  // namespace caseload::cli
