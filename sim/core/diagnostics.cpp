#include "sim/core/diagnostics.hpp"

#include <fmt/format.h>

namespace caseload::core {

std::string format_location(const SourceLocation& location) {
  if (location.line <= 0) return location.file;
  return fmt::format("{}:{}:{}", location.file, location.line, location.column);
}

std::string format_diagnostic(const Diagnostic& diagnostic) {
  return fmt::format("{}: {}", format_location(diagnostic.location), diagnostic.message);
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
