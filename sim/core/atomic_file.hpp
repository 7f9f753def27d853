#pragma once
// Write-then-rename: a file's name only ever points at a whole, synced file. The new contents
// go to a temporary beside it, which is synced and renamed over the name, so a reader, a crash
// or Ctrl-C sees the old contents or the new, never half of each.

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace caseload::core {

/// A step of writing or moving a file failed. what(): "file 'FILE': cannot OPERATION: REASON".
class FileError : public std::system_error {
 public:
  FileError(int error_number, std::string file, std::string operation);
  const std::string& file() const { return file_; }
  /// What was being done to file(), e.g. "sync it to disk" or "rename it to 'OUT'".
  const std::string& operation() const { return operation_; }

 private:
  std::string file_;
  std::string operation_;
};

/// "DIR/NAME" -> "DIR/NAME.tmp.PID.N", N counting calls in this process, so no two writers
/// (threads or processes) share a temporary. Same directory as `path`, so renaming is atomic.
std::filesystem::path unique_temporary_path(const std::filesystem::path& path);

enum class ExistingTarget { Replace, Keep };

/// Syncs `finished` to disk, renames it to `target` and syncs the directory, so the new name
/// survives a crash. With Keep, an existing `target` is left alone and the call throws a
/// FileError with code EEXIST. Throws FileError on failure; `target` is then untouched and
/// `finished` is still there.
void move_into_place(const std::filesystem::path& finished, const std::filesystem::path& target,
                     ExistingTarget existing);

/// Writes `text` to a unique temporary and moves it over `path`. Throws FileError when a step
/// fails; `path` is then untouched and the temporary removed.
void write_text_atomically(const std::filesystem::path& path, std::string_view text);

/// Appends `text` to the existing file `path` (O_APPEND, so writers never overwrite each
/// other). Not synced: a crash may lose the last appends or cut the last one short, so the
/// reader must accept that. Throws FileError when the file cannot be opened or written.
void append_text(const std::filesystem::path& path, std::string_view text);

}  // namespace caseload::core
