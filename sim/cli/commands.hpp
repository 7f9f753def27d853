#pragma once
// Each subcommand as a plain options struct and the function that runs it. Only cli.cpp sees
// CLI11 (it binds these structs to the command line), because <CLI/CLI.hpp> costs seconds per
// file that includes it. Internal to sim/cli.

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "sim/cli/batch_runner.hpp"

namespace caseload::cli {

struct RunOptions {
  std::string scenario;
  std::string output;
  std::string trace_level = "agents";
  bool force = false;
  std::optional<std::uint64_t> seed;  ///< empty: the scenario's run.seed
  std::vector<std::string> overrides;
  std::string format = "text";
  std::string max_memory;  ///< --max-memory; empty: physical memory
  /// -j: 2 runs the counterfactual beside the treatment; empty: 2 when the machine has two cores.
  std::optional<unsigned> jobs;
};

struct CheckOptions {
  std::string scenario;
  std::vector<std::string> overrides;
  bool print_resolved = false;
};

struct CompareOptions {
  /// Two or more scenario files (the first is the baseline), or one experiment file.
  std::vector<std::string> scenarios;
  /// Empty: the experiment file's (10 and 1 for scenario files).
  std::optional<std::uint64_t> replications;
  std::optional<std::uint64_t> seed;
  std::vector<std::string> overrides;
  bool print_table = false;  ///< print every metric's row, not the headline
  BatchCommandOptions batch;
};

struct SweepOptions {
  std::string sweep;
  std::vector<std::string> overrides;
  BatchCommandOptions batch;
};

struct StressOptions {
  std::string regime;  ///< scenario file of the regime to stress
  std::vector<double> strengths = {0.0, 1.0, 2.5, 5.0, 10.0};  ///< advisers.w_target, increasing
  std::vector<std::string> mixes = {"low", "medium", "high"};  ///< presets or NAME:ALPHA:BETA
  std::uint64_t replications = 3;
  std::uint64_t seed = 1;
  std::vector<std::string> overrides;
  BatchCommandOptions batch;
};

struct InfoOptions {
  std::string trace;
  std::string schema;  ///< json or markdown: print the trace schema instead of a trace
};

/// Each runs a parsed subcommand and returns its exit code. May throw core::ConfigError for
/// bad input.
int execute_run(const RunOptions& options, std::ostream& out, std::ostream& err);
int execute_check(const CheckOptions& options, std::ostream& out, std::ostream& err);
int execute_compare(const CompareOptions& options, std::ostream& out, std::ostream& err);
int execute_sweep(const SweepOptions& options, std::ostream& out, std::ostream& err);
/// `check` of a sweep file: the file, its base with the fixed overrides and its first point;
/// prints the design's size, or with --resolved the design as CSV.
int check_sweep(const CheckOptions& options, std::ostream& out);
int execute_stress(const StressOptions& options, std::ostream& out, std::ostream& err);
int execute_info(const InfoOptions& options, std::ostream& out, std::ostream& err);

/// Reports an interrupt on `err`; returns the exit code for it.
int report_interrupted(std::ostream& err);

/// Reports a subcommand whose work is not built yet; returns the exit code for it.
int report_not_built(std::ostream& err, const std::string& command, int issue);

}  // namespace caseload::cli
