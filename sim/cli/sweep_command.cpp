// `caseload sweep`: a scenario over a grid of parameter values (issue 6). Arguments are
// parsed now so the interface is fixed; the work is not built yet.

#include <cstdint>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "sim/cli/commands.hpp"

namespace caseload::cli {

namespace {

struct SweepOptions {
  std::string sweep;
  std::uint64_t jobs = 1;
  std::string output;
};

}  // namespace

CommandAction add_sweep_command(CLI::App& app) {
  auto options = std::make_shared<SweepOptions>();
  CLI::App* command =
      app.add_subcommand("sweep", "Run a scenario over a grid of parameter values (not built yet)");
  command->add_option("sweep", options->sweep, "Sweep file (YAML)")
      ->required()
      ->type_name("SWEEP.yaml");
  command->add_option("-j,--jobs", options->jobs, "Runs in parallel")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1024}))
      ->capture_default_str();
  command->add_option("-o,--output", options->output, "Write results into this folder")
      ->type_name("DIR");
  // The options must outlive parsing: CLI11 writes into them after this returns.
  return [options](std::ostream& /*out*/, std::ostream& err) {
    return report_not_built(err, "sweep", 6);
  };
}

}  // namespace caseload::cli
