#pragma once
// Whole small text files for experiment outputs, read back whole. They are written with
// core::write_text_atomically, so a reader sees the old contents or the new, never half.

#include <filesystem>
#include <optional>
#include <string>

namespace caseload::experiment {

/// The file's contents, or nullopt when it does not exist. Throws std::system_error when it
/// exists but cannot be read.
std::optional<std::string> read_text_file(const std::filesystem::path& path);

}  // namespace caseload::experiment
