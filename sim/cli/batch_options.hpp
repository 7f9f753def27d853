#pragma once
// The command-line options `compare` and `sweep` share: -j, -o, --resume, --force, --quiet and
// --traces, added to a subcommand in one place so both spell and explain them the same way.

#include <CLI/App.hpp>

#include "sim/cli/batch_runner.hpp"

namespace caseload::cli {

void add_batch_options(CLI::App& command, BatchCommandOptions& options);

/// Usage problems among the options (--resume without -o, ...); empty when there are none.
std::string check_batch_options(const BatchCommandOptions& options);

}  // namespace caseload::cli
