#pragma once
// The `caseload` command line as a function: argv in, text and an exit code out, so tests run
// every command in-process. Exit codes: 0 ok, 1 internal error, 2 bad input or usage,
// 130 interrupted.

#include <ostream>

namespace caseload::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternalError = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitInterrupted = 130;

/// Parses `argv` and runs the chosen subcommand. Never throws: every failure is an exit code
/// with its explanation on `err`.
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace caseload::cli
