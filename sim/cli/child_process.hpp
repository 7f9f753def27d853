#pragma once
// Runs a piece of work in a forked child, so that a crash inside it (HDF5 reading a damaged
// file can segfault) ends the child, not the command: the parent reports how the child ended.

#include <functional>
#include <string>

namespace caseload::cli {

/// What the work produced: an exit code and the text it wants printed.
struct ChildReport {
  int exit_code = 0;
  std::string text;
};

struct ChildEnding {
  bool has_finished = false;  ///< exited by itself with a report; false: crashed or killed
  ChildReport report;         ///< when finished
  std::string how_it_ended;   ///< when not: "signal 11", "exit code 1 without a report", ...
};

/// Runs `work` in a child process and returns its report, or how it failed to give one. The
/// child ends with _exit, so it flushes nothing of the parent's. If no child can be made, the
/// work runs here. Call it only while this process runs one thread (fork copies one).
ChildEnding run_in_child(const std::function<ChildReport()>& work);

}  // namespace caseload::cli
