// `caseload check`: load and validate a scenario without running it.

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "sim/cli/cli.hpp"
#include "sim/cli/commands.hpp"
#include "sim/io/config/runnable_scenario.hpp"

namespace caseload::cli {

namespace {

struct CheckOptions {
  std::string scenario;
  std::vector<std::string> overrides;
  bool print_resolved = false;
};

}  // namespace

CommandAction add_check_command(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand(
      "check", "Validate a scenario: print 'ok: NAME', or every problem as file:line:col");
  command->add_option("scenario", options->scenario, "Scenario file (YAML)")
      ->required()
      ->type_name("SCENARIO.yaml");
  add_set_option(*command, options->overrides);
  command->add_flag("--resolved", options->print_resolved,
                    "Print the resolved scenario (includes, overrides and defaults applied) "
                    "as YAML instead of 'ok'");

  return [options](std::ostream& out, std::ostream& /*err*/) {
    const io::LoadedScenario loaded =
        io::load_runnable(options->scenario, options->overrides).loaded;
    if (options->print_resolved) {
      out << loaded.resolved_yaml;
    } else {
      out << "ok: " << loaded.scenario.name << '\n';
    }
    return kExitOk;
  };
}

}  // namespace caseload::cli
