#pragma once
// The progress of a batch on one self-overwriting stderr line: runs done of the total, the
// rate, and the time left. Drawn only for a person watching (stderr is a terminal), never into
// logs or pipes, and never with --quiet.

#include <ostream>
#include <string>

#include "sim/experiment/batch.hpp"

namespace caseload::cli {

/// "sweep: 12/20 runs, 1 failed, 0.85 runs/s, about 9 s left" (no line break).
std::string format_progress(const std::string& label, const experiment::BatchProgress& progress);

/// True when `err` is this process's stderr and that is a terminal.
bool is_terminal(const std::ostream& err);

class ProgressLine {
 public:
  ProgressLine(std::ostream& err, std::string label, bool enabled);
  /// Redraws the line (call from one thread at a time; run_batch's callback is).
  void update(const experiment::BatchProgress& progress);
  /// Ends the line, if one was drawn, so later messages start on their own line.
  void finish();

 private:
  std::ostream* err_;
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::size_t width_ = 0;  // of the last line drawn, to blank what a shorter one leaves
};

}  // namespace caseload::cli
