// `caseload run`: load a scenario, simulate it, print the summary, and with -o write the
// run's trace (OUT.h5.partial while writing, renamed to OUT.h5 once complete).

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "sim/cli/cli.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/interrupt.hpp"
#include "sim/cli/run_trace_output.hpp"
#include "sim/cli/summary_report.hpp"
#include "sim/experiment/single_run.hpp"
#include "sim/io/config/runnable_scenario.hpp"
#include "sim/io/trace/trace_error.hpp"

namespace caseload::cli {

namespace {

struct RunOptions {
  std::string scenario;
  std::string output;
  std::string trace_level = "agents";
  bool force = false;
  std::uint64_t seed = 0;
  std::vector<std::string> overrides;
  std::string format = "text";
};

// The schema reads run.seed as a whole number up to 9e15 (exact in a double); a larger
// --seed would only fail later, so refuse it here.
constexpr std::uint64_t kMaxSeed = 9'000'000'000'000'000;

bool was_interrupted(const model::SimulationResult& result) {
  return result.treatment.interrupted ||
         (result.counterfactual && result.counterfactual->interrupted);
}

}  // namespace

CommandAction add_run_command(CLI::App& app) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* command = app.add_subcommand("run", "Run one scenario and print its summary");
  command->add_option("scenario", options->scenario, "Scenario file (YAML)")
      ->required()
      ->type_name("SCENARIO.yaml");
  CLI::Option* output =
      command
          ->add_option("-o,--output", options->output,
                       "Write the run's trace to this HDF5 file (docs/TRACE_FORMAT.md)")
          ->type_name("OUT.h5");
  command
      ->add_option("--trace", options->trace_level,
                   "What the trace keeps: summary (panels, metrics), agents (+ agent tables and "
                   "logs), events (+ every event)")
      ->check(CLI::IsMember({"summary", "agents", "events"}))
      ->capture_default_str()
      ->needs(output);
  command->add_flag("--force", options->force, "Replace OUT.h5 if it exists")->needs(output);
  CLI::Option* seed = command->add_option("--seed", options->seed, "Seed (overrides run.seed)")
                          ->type_name("N")
                          ->check(CLI::Range(std::uint64_t{0}, kMaxSeed));
  add_set_option(*command, options->overrides);
  command->add_option("--format", options->format, "Summary format: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();

  return [options, seed](std::ostream& out, std::ostream& err) {
    std::optional<std::uint64_t> seed_value;
    if (seed->count() > 0) seed_value = options->seed;
    const io::RunnableScenario runnable =
        io::load_runnable(options->scenario, options->overrides, seed_value);

    // Opened before simulating, so a bad -o (exists, unwritable) fails before any work.
    std::optional<RunTraceOutput> trace;
    if (!options->output.empty()) {
      trace.emplace(options->output, options->trace_level, options->force, runnable,
                    std::chrono::system_clock::now());
    }
    model::RunOptions run_options;
    run_options.record_events = trace && trace->records_events();

    // The run polls the flag after every simulated week, so a Ctrl-C that arrived before it
    // started still stops it after one week; the trace then holds that week.
    const experiment::SingleRun run = experiment::run_once(
        runnable.loaded.scenario, runnable.regime, [] { return interrupt_requested(); },
        run_options);
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
    out << (options->format == "json" ? format_summary_json(result) : format_summary_text(result));
    return kExitOk;
  };
}

}  // namespace caseload::cli
