#pragma once
// Problems found in user input, each tied to a place in a file. Loading collects every
// problem before it gives up, so a user fixes them all in one pass.

#include <stdexcept>
#include <string>
#include <vector>

namespace caseload::core {

/// Where a value came from. line and column are 1-based; 0 means "the whole file".
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

/// "file:line:col" (or "file" alone when the line is unknown).
std::string format_location(const SourceLocation& location);

struct Diagnostic {
  SourceLocation location;
  std::string message;
};

/// Renders "file:line:col: message", one line.
std::string format_diagnostic(const Diagnostic& diagnostic);

/// Collects problems found in one load.
class Diagnostics {
 public:
  void error(SourceLocation location, std::string message);
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  /// Throws ConfigError with every problem collected so far, if there is any.
  void throw_if_any() const;

 private:
  std::vector<Diagnostic> items_;
};

/// Bad input (scenario files, command-line values). Thrown while loading, never later.
class ConfigError : public std::runtime_error {
 public:
  explicit ConfigError(std::vector<Diagnostic> problems);
  ConfigError(SourceLocation location, std::string message);
  const std::vector<Diagnostic>& problems() const { return problems_; }

 private:
  std::vector<Diagnostic> problems_;
};

}  // namespace caseload::core
