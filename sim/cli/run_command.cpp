// `caseload run`: load a scenario, simulate it, print the summary.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "sim/cli/cli.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/interrupt.hpp"
#include "sim/cli/summary_report.hpp"
#include "sim/cli/runnable_scenario.hpp"
#include "sim/experiment/single_run.hpp"

namespace caseload::cli {

namespace {

struct RunOptions {
  std::string scenario;
  std::string output;
  std::uint64_t seed = 0;
  std::vector<std::string> overrides;
  std::string format = "text";
};

// The schema reads run.seed as a whole number up to 9e15 (exact in a double); a larger
// --seed would only fail later, so refuse it here.
constexpr std::uint64_t kMaxSeed = 9'000'000'000'000'000;

}  // namespace

CommandAction add_run_command(CLI::App& app) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* command = app.add_subcommand("run", "Run one scenario and print its summary");
  command->add_option("scenario", options->scenario, "Scenario file (YAML)")
      ->required()
      ->type_name("SCENARIO.yaml");
  command
      ->add_option("-o,--output", options->output,
                   "Write the run's trace to this HDF5 file (not written yet)")
      ->type_name("OUT.h5");
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
    const RunnableScenario runnable = load_runnable(options->scenario, options->overrides, seed_value);
    if (!options->output.empty()) {
      // Trace output is being built separately; say so rather than leave a fake file.
      err << "caseload run: traces are not written yet; no file written to '" << options->output
          << "'\n";
    }
    if (interrupt_requested()) return report_interrupted(err);
    const experiment::SingleRun run =
        experiment::run_once(runnable.loaded.scenario, runnable.regime, [] { return interrupt_requested(); });
    if (interrupt_requested()) return report_interrupted(err);
    const model::RunResult& result = run.summary;
    out << (options->format == "json" ? format_summary_json(result) : format_summary_text(result));
    return kExitOk;
  };
}

}  // namespace caseload::cli
