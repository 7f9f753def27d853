#pragma once
// Reading a scenario or sweep file whole, within bounds: only ordinary files (a device such as
// /dev/zero or a pipe never ends), and at most kMaxInputFileBytes, so no input can exhaust
// memory before the loader has even parsed it.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace caseload::io {

/// Scenario and sweep files are small; anything this large is a mistake (a trace passed by
/// accident, say).
inline constexpr std::uintmax_t kMaxInputFileBytes = 16u * 1024u * 1024u;

struct InputFileRead {
  std::optional<std::string> text;
  std::string problem;  ///< why text is absent, e.g. "No such file or directory"
};

/// The file's text, or why it cannot be read: missing, a directory, not an ordinary file, or
/// larger than kMaxInputFileBytes (checked while reading too, so a file that grows is cut).
InputFileRead read_input_file(const std::filesystem::path& file);

}  // namespace caseload::io
