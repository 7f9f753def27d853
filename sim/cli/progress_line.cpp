#include "sim/cli/progress_line.hpp"

#include <algorithm>
#include <cmath>
#include <iostream>

#include <fmt/format.h>
#include <unistd.h>

namespace caseload::cli {

namespace {

std::string duration_text(double seconds) {
  if (seconds < 90.0) return fmt::format("{:.0f} s", seconds);
  if (seconds < 90.0 * 60.0) return fmt::format("{:.0f} min", seconds / 60.0);
  return fmt::format("{:.1f} h", seconds / 3600.0);
}

}  // namespace

std::string format_progress(const std::string& label, const experiment::BatchProgress& progress) {
  const std::size_t done = progress.resumed + progress.finished;
  std::string text = fmt::format("{}: {}/{} runs", label, done, progress.total);
  if (progress.failed > 0) text += fmt::format(", {} failed", progress.failed);
  if (progress.finished == 0 || progress.elapsed_seconds <= 0.0) return text;
  // The rate counts only this session's runs: resumed ones cost nothing now.
  const double rate = static_cast<double>(progress.finished) / progress.elapsed_seconds;
  const double left = static_cast<double>(progress.total - done) / rate;
  text += fmt::format(", {:.2g} runs/s", rate);
  if (done < progress.total) text += fmt::format(", about {} left", duration_text(left));
  return text;
}

bool is_terminal(const std::ostream& err) {
  // In-process callers (tests) pass their own streams: only the real stderr counts.
  return &err == &std::cerr && ::isatty(STDERR_FILENO) == 1;
}

ProgressLine::ProgressLine(std::ostream& err, std::string label, bool enabled)
    : err_(&err), label_(std::move(label)), enabled_(enabled) {}

void ProgressLine::update(const experiment::BatchProgress& progress) {
  if (!enabled_) return;
  const std::string text = format_progress(label_, progress);
  const std::size_t pad = width_ > text.size() ? width_ - text.size() : 0;
  *err_ << '\r' << text << std::string(pad, ' ') << std::flush;
  width_ = text.size();
  drawn_ = true;
}

void ProgressLine::finish() {
  if (drawn_) *err_ << '\n' << std::flush;
  drawn_ = false;
  width_ = 0;
}

}  // namespace caseload::cli
