#include "sim/cli/cli.hpp"

#include <exception>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "sim/cli/commands.hpp"
#include "sim/core/diagnostics.hpp"
#include "sim/core/did_you_mean.hpp"
#include "sim/core/version.hpp"

namespace caseload::cli {

void add_set_option(CLI::App& command, std::vector<std::string>& overrides) {
  command
      .add_option("--set", overrides,
                  "Override one value: path.to.key=value (lists: key[0] or key.0; the value "
                  "is YAML, e.g. [a, b]). Repeatable; later ones win")
      ->type_name("PATH=VALUE")
      // One assignment per --set, so `--set a=1 scenario.yaml` leaves the scenario alone.
      ->allow_extra_args(false);
}

int report_interrupted(std::ostream& err) {
  err << "caseload: interrupted\n";
  return kExitInterrupted;
}

int report_not_built(std::ostream& err, const std::string& command, int issue) {
  err << fmt::format("caseload {}: not built yet (tracked in issue {})\n", command, issue);
  return kExitBadInput;
}

namespace {

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

  std::vector<std::pair<std::string, CommandAction>> actions;
  actions.emplace_back("run", add_run_command(app));
  actions.emplace_back("check", add_check_command(app));
  actions.emplace_back("compare", add_compare_command(app));
  actions.emplace_back("sweep", add_sweep_command(app));
  actions.emplace_back("info", add_info_command(app));

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
