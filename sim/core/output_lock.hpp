#pragma once
// One writer per output: an exclusive lock on "OUT.lock" (a file beside OUT, or inside an
// output folder), taken before anything of OUT is created or truncated, so a second command
// writing the same output stops at once instead of corrupting the first one's files.

#include <filesystem>

namespace caseload::core {

class OutputLock {
 public:
  /// Locks `lock_file`, creating it if needed (never following a symbolic link), and writes
  /// this process's id into it. Throws ConfigError at `output` ("is being written by process
  /// N") when another process holds it, and when the lock file cannot be created.
  OutputLock(const std::filesystem::path& lock_file, const std::filesystem::path& output);
  /// Removes the lock file and releases the lock (a killed process's lock goes with it; its
  /// file stays, unlocked, and is reused).
  ~OutputLock();
  OutputLock(OutputLock&& other) noexcept;
  OutputLock& operator=(OutputLock&& other) noexcept;
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  /// Removes the lock file and releases the lock now, once the output is finished or
  /// abandoned. Releasing twice does nothing.
  void unlock() noexcept;

  /// "OUT.h5" -> "OUT.h5.lock".
  static std::filesystem::path beside(const std::filesystem::path& output);
  /// "DIR" -> "DIR/.caseload.lock".
  static std::filesystem::path inside(const std::filesystem::path& folder);

 private:
  std::filesystem::path lock_file_;
  int descriptor_ = -1;
};

}  // namespace caseload::core
