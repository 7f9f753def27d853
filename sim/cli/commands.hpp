#pragma once
// One function per subcommand: each adds its subcommand and options to the app and returns
// the action to run when that subcommand is chosen. Internal to sim/cli.

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/App.hpp>

namespace caseload::cli {

/// Runs a parsed subcommand; returns the exit code. May throw core::ConfigError for bad input.
using CommandAction = std::function<int(std::ostream& out, std::ostream& err)>;

/// `--set path=value`, repeatable, one assignment per occurrence.
void add_set_option(CLI::App& command, std::vector<std::string>& overrides);

/// Reports an interrupt on `err`; returns the exit code for it.
int report_interrupted(std::ostream& err);

/// Reports a subcommand whose work is not built yet; returns the exit code for it.
int report_not_built(std::ostream& err, const std::string& command, int issue);

CommandAction add_run_command(CLI::App& app);
CommandAction add_check_command(CLI::App& app);
CommandAction add_compare_command(CLI::App& app);
CommandAction add_sweep_command(CLI::App& app);
CommandAction add_info_command(CLI::App& app);

}  // namespace caseload::cli
