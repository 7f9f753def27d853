#pragma once
// Runs the caseload command line in-process and captures what it prints.

#include <sstream>
#include <string>
#include <vector>

#include "sim/cli/cli.hpp"

namespace caseload::testing {

struct CliOutcome {
  int exit_code = -1;
  std::string out;
  std::string err;

  /// stderr split into lines (no trailing empty line).
  std::vector<std::string> err_lines() const {
    std::vector<std::string> lines;
    std::istringstream stream(err);
    for (std::string line; std::getline(stream, line);) lines.push_back(line);
    return lines;
  }
};

/// `text` holds `part` somewhere (for messages, whose wording around a fact may change).
inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// `caseload args...`, as if typed at a shell.
inline CliOutcome run_caseload(const std::vector<std::string>& args) {
  std::vector<const char*> argv{"caseload"};
  for (const auto& arg : args) argv.push_back(arg.c_str());
  std::ostringstream out;
  std::ostringstream err;
  CliOutcome outcome;
  outcome.exit_code = cli::run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  outcome.out = out.str();
  outcome.err = err.str();
  return outcome;
}

}  // namespace caseload::testing
