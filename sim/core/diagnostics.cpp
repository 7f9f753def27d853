#include "sim/core/diagnostics.hpp"

#include <string_view>

#include <fmt/format.h>

namespace caseload::core {

std::string format_location(const SourceLocation& location) {
  if (location.line <= 0) return location.file;
  return fmt::format("{}:{}:{}", location.file, location.line, location.column);
}

namespace {

// Longer messages keep their start and end (what was wrong, what is allowed) around a note of
// what was cut: a bad value quoted from the input can run to megabytes.
constexpr std::size_t kMaxMessageBytes = 2000;

// The nearest UTF-8 character boundary at or before `at`, so a cut never splits a character.
std::size_t boundary_before(std::string_view text, std::size_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

// Every problem is one line: line breaks inside a quoted value are shown as \n.
std::string one_bounded_line(std::string_view message) {
  std::string line;
  for (const char c : message) {
    if (c == '\n') {
      line += "\\n";
    } else if (c == '\r') {
      line += "\\r";
    } else {
      line += c;
    }
  }
  if (line.size() <= kMaxMessageBytes) return line;
  const std::size_t head = boundary_before(line, kMaxMessageBytes / 2);
  const std::size_t tail = boundary_before(line, line.size() - kMaxMessageBytes / 2);
  return fmt::format("{} [... {} bytes cut ...] {}", line.substr(0, head), tail - head,
                     line.substr(tail));
}

}  // namespace

std::string format_diagnostic(const Diagnostic& diagnostic) {
  return fmt::format("{}: {}", format_location(diagnostic.location),
                     one_bounded_line(diagnostic.message));
}

void Diagnostics::error(SourceLocation location, std::string message) {
  items_.push_back({std::move(location), std::move(message)});
}

void Diagnostics::throw_if_any() const {
  if (!items_.empty()) throw ConfigError(items_);
}

namespace {
std::string join_lines(const std::vector<Diagnostic>& problems) {
  std::string text;
  for (const auto& problem : problems) {
    if (!text.empty()) text += '\n';
    text += format_diagnostic(problem);
  }
  return text;
}
}  // namespace

ConfigError::ConfigError(std::vector<Diagnostic> problems)
    : std::runtime_error(join_lines(problems)), problems_(std::move(problems)) {}

ConfigError::ConfigError(SourceLocation location, std::string message)
    : ConfigError(std::vector<Diagnostic>{{std::move(location), std::move(message)}}) {}

}  // namespace caseload::core
