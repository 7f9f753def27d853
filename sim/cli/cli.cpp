#include "sim/cli/cli.hpp"

#include <cstdint>
#include <exception>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "sim/cli/commands.hpp"
#include "sim/cli/merge_command.hpp"
#include "sim/core/atomic_file.hpp"
#include "sim/core/diagnostics.hpp"
#include "sim/core/did_you_mean.hpp"
#include "sim/core/version.hpp"
#include "sim/io/trace/trace_error.hpp"

namespace caseload::cli {

int report_interrupted(std::ostream& err) {
  err << "caseload: interrupted\n";
  return kExitInterrupted;
}

int report_not_built(std::ostream& err, const std::string& command, int issue) {
  err << fmt::format("caseload {}: not built yet (tracked in issue {})\n", command, issue);
  return kExitBadInput;
}

namespace {

/// Runs the chosen subcommand with the options parsed into its struct.
using CommandAction = std::function<int(std::ostream& out, std::ostream& err)>;

// The schema reads run.seed as a whole number up to 9e15 (exact in a double); a larger
// --seed would only fail later, so refuse it here.
constexpr std::uint64_t kMaxSeed = 9'000'000'000'000'000;

// Every subcommand's options, filled in by parsing; they outlive it, for the actions to read.
struct ParsedOptions {
  RunOptions run;
  std::uint64_t run_seed = 0;
  std::uint64_t compare_replications = 10;
  std::uint64_t compare_seed = 1;
  CheckOptions check;
  CompareOptions compare;
  SweepOptions sweep;
  StressOptions stress;
  InfoOptions info;
  MergeOptions merge;
};

/// `--set path=value`, repeatable, one assignment per occurrence.
void add_set_option(CLI::App& command, std::vector<std::string>& overrides) {
  command
      .add_option("--set", overrides,
                  "Override one value: path.to.key=value (lists: key[0] or key.0; the value "
                  "is YAML, e.g. [a, b]). Repeatable; later ones win")
      ->type_name("PATH=VALUE")
      // One assignment per --set, so `--set a=1 scenario.yaml` leaves the scenario alone.
      ->allow_extra_args(false);
}

// `-o ""` (say `-o "$OUT"` with OUT unset) is refused rather than read as "no output".
const CLI::Validator non_empty_path(
    [](std::string& path) {
      return path.empty() ? std::string("the output path is empty") : std::string();
    },
    "PATH");

// Validated when the command runs (memory_cap), so a bad size is a one-line error, exit 2.
void add_max_memory_option(CLI::App& command, std::string& max_memory) {
  command
      .add_option("--max-memory", max_memory,
                  "Refuse a scenario whose estimated peak memory exceeds SIZE (bytes, or with K, M, "
                  "G, T; default: the machine's physical memory)")
      ->type_name("SIZE");
}

// The options `compare` and `sweep` share, added in one place so both spell and explain them
// the same way.
void add_batch_options(CLI::App& command, BatchCommandOptions& options) {
  command.add_option("-j,--jobs", options.jobs, "Runs in parallel (0: one per core)")
      ->check(CLI::Range(0u, 1024u))
      ->capture_default_str();
  command
      .add_option("-o,--output", options.output,
                  "Folder for the manifest and the summary files (CSV and HDF5)")
      ->check(non_empty_path)
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
  add_max_memory_option(command, options.max_memory);
}

// Beyond one machine (docs/CLUSTER.md): `compare` and `sweep` only, as `merge` rebuilds them.
void add_cluster_options(CLI::App& command, BatchCommandOptions& options) {
  command
      .add_option("--shard", options.shard,
                  "Run only part K of N of the runs (those whose index i has i % N == K-1) "
                  "into -o DIR; combine the N folders with 'caseload merge'")
      ->type_name("K/N");
  command.add_flag("--mpi", options.mpi,
                   "Spread the runs over the ranks of an MPI job (mpirun -n N caseload ...); "
                   "rank 0 writes the outputs");
  // Set by `caseload merge` when it rebuilds outputs; not for people, so not in --help.
  command.add_flag("--merging", options.merging)->group("");
}

CommandAction add_run_command(CLI::App& app, ParsedOptions& parsed) {
  RunOptions& options = parsed.run;
  CLI::App* command = app.add_subcommand("run", "Run one scenario and print its summary");
  command->add_option("scenario", options.scenario, "Scenario file (YAML)")
      ->required()
      ->type_name("SCENARIO.yaml");
  CLI::Option* output =
      command
          ->add_option("-o,--output", options.output,
                       "Write the run's trace to this HDF5 file (docs/TRACE_FORMAT.md)")
          ->check(non_empty_path)
          ->type_name("OUT.h5");
  command
      ->add_option("--trace", options.trace_level,
                   "What the trace keeps: summary (panels, metrics), agents (+ agent tables and "
                   "logs), events (+ every event)")
      ->check(CLI::IsMember({"summary", "agents", "events"}))
      ->capture_default_str()
      ->needs(output);
  command->add_flag("--force", options.force, "Replace OUT.h5 if it exists")->needs(output);
  add_max_memory_option(*command, options.max_memory);
  CLI::Option* seed = command->add_option("--seed", parsed.run_seed, "Seed (overrides run.seed)")
                          ->type_name("N")
                          ->check(CLI::Range(std::uint64_t{0}, kMaxSeed));
  add_set_option(*command, options.overrides);
  command->add_option("--format", options.format, "Summary format: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command
      ->add_option("-j,--jobs", options.jobs,
                   "Threads: 2 runs the counterfactual beside the treatment, 1 after it (same "
                   "results; default 2 when the machine has two cores)")
      ->check(CLI::Range(1u, 2u))
      ->type_name("N");
  return [&parsed, seed](std::ostream& out, std::ostream& err) {
    if (seed->count() > 0) parsed.run.seed = parsed.run_seed;
    return execute_run(parsed.run, out, err);
  };
}

CommandAction add_check_command(CLI::App& app, CheckOptions& options) {
  CLI::App* command = app.add_subcommand(
      "check", "Validate a scenario: print 'ok: NAME', or every problem as file:line:col");
  command->add_option("scenario", options.scenario, "Scenario file (YAML)")
      ->required()
      ->type_name("SCENARIO.yaml");
  add_set_option(*command, options.overrides);
  command->add_flag("--resolved", options.print_resolved,
                    "Print the resolved scenario (includes, overrides and defaults applied) "
                    "as YAML instead of 'ok'");
  return
      [&options](std::ostream& out, std::ostream& err) { return execute_check(options, out, err); };
}

CommandAction add_compare_command(CLI::App& app, ParsedOptions& parsed) {
  CompareOptions& options = parsed.compare;
  CLI::App* command = app.add_subcommand(
      "compare",
      "Run the arms of an experiment file, or scenario files, over the same replications "
      "(common random numbers) and compare each metric against the first arm");
  command
      ->add_option("scenarios", options.scenarios,
                   "One experiment file (docs/EXPERIMENTS.md), or scenario files; the first arm "
                   "is the baseline")
      ->required()
      ->expected(1, -1)
      ->type_name("EXPERIMENT.yaml | A.yaml B.yaml ...");
  CLI::Option* replications =
      command
          ->add_option("-r,--reps,--replications", parsed.compare_replications,
                       "Replications per arm (default: the experiment file's, else 10)")
          ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100'000}));
  CLI::Option* seed = command->add_option(
      "--seed", parsed.compare_seed,
      "Experiment seed; replication r's seed is derived from (seed, r) (default: the "
      "experiment file's, else 1)");
  add_set_option(*command, options.overrides);
  command->add_flag("--table", options.print_table,
                    "Print every metric's row (the full table) instead of the headline");
  add_batch_options(*command, options.batch);
  add_cluster_options(*command, options.batch);
  return [&parsed, replications, seed](std::ostream& out, std::ostream& err) {
    if (replications->count() > 0) parsed.compare.replications = parsed.compare_replications;
    if (seed->count() > 0) parsed.compare.seed = parsed.compare_seed;
    return execute_compare(parsed.compare, out, err);
  };
}

CommandAction add_sweep_command(CLI::App& app, SweepOptions& options) {
  CLI::App* command = app.add_subcommand(
      "sweep",
      "Run a base scenario over a design of parameter values (grid, points or Latin "
      "hypercube), with replications; see docs/EXPERIMENTS.md");
  command->add_option("sweep", options.sweep, "Sweep file (YAML)")
      ->required()
      ->type_name("SWEEP.yaml");
  add_set_option(*command, options.overrides);
  add_batch_options(*command, options.batch);
  add_cluster_options(*command, options.batch);
  return
      [&options](std::ostream& out, std::ostream& err) { return execute_sweep(options, out, err); };
}

CommandAction add_stress_command(CLI::App& app, StressOptions& options) {
  CLI::App* command = app.add_subcommand(
      "stress",
      "Run a regime across incentive strengths and adviser motivation mixes, each with its "
      "counterfactual: the Goodhart curve and the measured gain split into channels; see "
      "docs/EXPERIMENTS.md");
  command->add_option("regime", options.regime, "Scenario file of the regime (YAML)")
      ->required()
      ->type_name("REGIME.yaml");
  command
      ->add_option("--strengths", options.strengths,
                   "advisers.w_target values, increasing; gains are over the first")
      ->delimiter(',')
      ->capture_default_str()
      ->type_name("W,W,...");
  command
      ->add_option("--mixes", options.mixes,
                   "Adviser motivation mixes: low, medium, high (Beta(2,6), Beta(4,4), "
                   "Beta(6,2)) or NAME:ALPHA:BETA")
      ->delimiter(',')
      ->capture_default_str()
      ->type_name("MIX,MIX,...");
  command->add_option("-r,--reps,--replications", options.replications, "Replications per cell")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100'000}))
      ->capture_default_str();
  command->add_option("--seed", options.seed,
                      "Seed; replication r of every cell has the seed derived from (seed, r)")
      ->capture_default_str();
  add_set_option(*command, options.overrides);
  add_batch_options(*command, options.batch);
  return
      [&options](std::ostream& out, std::ostream& err) { return execute_stress(options, out, err); };
}

CommandAction add_merge_command(CLI::App& app, MergeOptions& options) {
  CLI::App* command = app.add_subcommand(
      "merge",
      "Combine the folders of every shard of a sweep or comparison (--shard K/N) into the "
      "output the unsharded command writes; see docs/CLUSTER.md");
  command->add_option("shards", options.shards, "The shards' output folders, in any order")
      ->required()
      ->expected(1, -1)
      ->type_name("SHARD_DIR...");
  command->add_option("-o,--output", options.output, "The merged folder (must not exist)")
      ->required()
      ->check(non_empty_path)
      ->type_name("OUT");
  return
      [&options](std::ostream& out, std::ostream& err) { return execute_merge(options, out, err); };
}

CommandAction add_info_command(CLI::App& app, InfoOptions& options) {
  CLI::App* command = app.add_subcommand(
      "info",
      "Describe a trace file (provenance, completeness, tables, metrics), or the compare.h5 or "
      "sweep.h5 of a batch (its arms or parameters and tables)");
  CLI::Option* trace =
      command->add_option("trace", options.trace, "Trace file, compare.h5 or sweep.h5")
          ->type_name("FILE.h5");
  command
      ->add_option("--schema", options.schema,
                   "Print what every trace holds (tables, columns, units, metrics) instead")
      ->check(CLI::IsMember({"json", "markdown"}))
      ->type_name("json|markdown")
      ->excludes(trace);
  return
      [&options](std::ostream& out, std::ostream& err) { return execute_info(options, out, err); };
}

// CLI11 would say only "a subcommand is required"; name the word it did not know instead.
int report_unknown_command(std::string_view word,
                           const std::vector<std::pair<std::string, CommandAction>>& actions,
                           std::ostream& err) {
  std::vector<std::string> known;
  for (const auto& action : actions) known.push_back(action.first);
  std::string message = fmt::format("caseload: unknown command '{}'", word);
  if (auto near = core::nearest_word(word, known)) {
    message += fmt::format(" (did you mean '{}'?)", *near);
  } else {
    message += fmt::format("; commands: {}", core::join_words(known));
  }
  err << message << "\nRun 'caseload --help' for usage.\n";
  return kExitBadInput;
}

int run_parsed(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"caseload: an agent-based simulation of jobcentre adviser incentives", "caseload"};
  app.set_version_flag("--version",
                       fmt::format("caseload {} (commit {})", core::version(), core::git_commit()));
  app.require_subcommand(1);
  app.failure_message([](const CLI::App* /*app*/, const CLI::Error& error) {
    return fmt::format(
        "caseload: {}\nRun 'caseload --help' (or 'caseload COMMAND --help') "
        "for usage.\n",
        error.what());
  });

  ParsedOptions parsed;
  std::vector<std::pair<std::string, CommandAction>> actions;
  actions.emplace_back("run", add_run_command(app, parsed));
  actions.emplace_back("check", add_check_command(app, parsed.check));
  actions.emplace_back("compare", add_compare_command(app, parsed));
  actions.emplace_back("sweep", add_sweep_command(app, parsed.sweep));
  actions.emplace_back("stress", add_stress_command(app, parsed.stress));
  actions.emplace_back("info", add_info_command(app, parsed.info));
  actions.emplace_back("merge", add_merge_command(app, parsed.merge));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (app.get_subcommands().empty() && argc > 1 && argv[1][0] != '-') {
      return report_unknown_command(argv[1], actions, err);
    }
    // --help and --version arrive here too, with exit code 0.
    return app.exit(error, out, err) == 0 ? kExitOk : kExitBadInput;
  }
  const std::string chosen = app.get_subcommands().front()->get_name();
  for (auto& [name, action] : actions) {
    if (name != chosen) continue;
    try {
      return action(out, err);
    } catch (const core::ConfigError& error) {
      for (const auto& problem : error.problems()) err << core::format_diagnostic(problem) << '\n';
      return kExitBadInput;
    } catch (const io::TraceError& error) {
      // An output that could not be written (a full disk): the documented exit 1, not a bug.
      err << fmt::format("caseload {}: {}\n", chosen, error.what());
      return kExitInternalError;
    } catch (const core::FileError& error) {
      err << fmt::format("caseload {}: {}\n", chosen, error.what());
      return kExitInternalError;
    }
  }
  err << fmt::format("caseload: internal error: no action for command '{}'\n", chosen);
  return kExitInternalError;
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  try {
    return run_parsed(argc, argv, out, err);
  } catch (const std::exception& error) {
    err << "caseload: internal error: " << error.what() << '\n';
  } catch (...) {
    err << "caseload: internal error: unknown exception\n";
  }
  return kExitInternalError;
}

}  // namespace caseload::cli
