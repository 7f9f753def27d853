#pragma once
// Whole small text files for experiment outputs: written atomically, so a reader (or a crash,
// or Ctrl-C) sees the old contents or the new, never half of each; and read back whole.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace caseload::experiment {

/// Writes `text` to `path`.tmp, syncs it to disk and renames it over `path`. Throws
/// std::system_error naming the file when any step fails; `path` is then untouched.
void write_text_atomically(const std::filesystem::path& path, std::string_view text);

/// The file's contents, or nullopt when it does not exist. Throws std::system_error when it
/// exists but cannot be read.
std::optional<std::string> read_text_file(const std::filesystem::path& path);

}  // namespace caseload::experiment
