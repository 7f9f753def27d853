#pragma once
// The exception sim/io/trace throws when HDF5 or the filesystem refuses an operation on a trace
// file (or a trace is used against its contract). The message names the file, the operation,
// and the most specific reason HDF5 or the OS gave, so a user can act on it without a debugger.

#include <stdexcept>
#include <string>

namespace caseload::io {

class TraceError : public std::runtime_error {
 public:
  /// Message: "trace file 'FILE': cannot OPERATION: REASON" (": REASON" only when known).
  TraceError(std::string file, std::string operation, std::string reason);
  const std::string& file() const { return file_; }
  const std::string& operation() const { return operation_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string file_;
  std::string operation_;
  std::string reason_;
};

}  // namespace caseload::io
