#pragma once
// The usage rules the options `compare` and `sweep` share (-j, -o, --resume, --force, --quiet,
// --traces) obey together; cli.cpp declares the options themselves, in one place for both.

#include <string>

#include "sim/cli/batch_runner.hpp"

namespace caseload::cli {

/// Usage problems among the options (--resume without -o, ...); empty when there are none.
std::string check_batch_options(const BatchCommandOptions& options);

}  // namespace caseload::cli
