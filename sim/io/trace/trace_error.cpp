#include "sim/io/trace/trace_error.hpp"

#include <fmt/format.h>

namespace caseload::io {

namespace {
std::string render(const std::string& file, const std::string& operation,
                   const std::string& reason) {
  if (reason.empty()) return fmt::format("trace file '{}': cannot {}", file, operation);
  return fmt::format("trace file '{}': cannot {}: {}", file, operation, reason);
}
}  // namespace

TraceError::TraceError(std::string file, std::string operation, std::string reason)
    : std::runtime_error(render(file, operation, reason)),
      file_(std::move(file)),
      operation_(std::move(operation)),
      reason_(std::move(reason)) {}

}  // namespace caseload::io
