#pragma once
// Writes a run's trace so that OUT.h5 only ever names a finished file: the trace goes to
// OUT.h5.partial (root attribute complete=0), and commit() sets complete=1, syncs, and renames
// it to OUT.h5 in one step. A failed or interrupted run leaves any earlier OUT.h5 untouched.
// The sync and rename are core::move_into_place, shared with text outputs; unlike their
// temporaries, .partial is a fixed name on purpose, so an interrupted trace is easy to find:
// OUT.h5.lock (core::OutputLock) keeps a second writer of OUT.h5 away from it.

#include <cstdint>
#include <filesystem>

#include "sim/core/output_lock.hpp"
#include "sim/io/trace/trace_file.hpp"

namespace caseload::io {

/// Bumped whenever a reader would have to change; see docs/TRACE_FORMAT.md.
inline constexpr std::int64_t kTraceFormatVersion = 1;

struct OutputOptions {
  /// Replace an existing OUT.h5. The old file is only replaced by commit()'s rename.
  bool force = false;
};

class AtomicOutput {
 public:
  /// Checks the path, locks OUT.h5.lock and creates OUT.h5.partial afresh (removing a stale
  /// one, and never writing through a symbolic link there), with root attributes complete=0
  /// and trace_format_version. Throws core::ConfigError when another process is writing
  /// OUT.h5, when OUT.h5 exists and force is off, when it is a directory or a symbolic link to
  /// nothing, when its directory is missing or is not a directory, or when the .partial cannot
  /// be created (an unwritable directory, say).
  explicit AtomicOutput(std::filesystem::path final_path, OutputOptions options = {});
  /// abandon() unless committed.
  ~AtomicOutput();
  AtomicOutput(AtomicOutput&& other) noexcept;
  AtomicOutput& operator=(AtomicOutput&& other) noexcept;
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  /// The trace being written (OUT.h5.partial).
  TraceFile& file() { return file_; }
  const std::filesystem::path& final_path() const { return final_path_; }
  const std::filesystem::path& partial_path() const { return partial_path_; }
  /// Neither committed nor abandoned yet.
  bool is_open() const { return state_ == State::Writing; }
  bool is_committed() const { return state_ == State::Committed; }

  /// Checks every table ends all its columns at the same row, flushes, sets complete=1,
  /// closes, syncs the file to disk and renames it to OUT.h5 (replacing the old one only with
  /// force). Throws TraceError on failure; the .partial then stays and OUT.h5 is untouched.
  void commit();
  /// For Ctrl-C and failed runs: flushes what was written, keeps complete=0, closes, and
  /// leaves the .partial readable; OUT.h5 is untouched. Never throws. Call it from ordinary
  /// code once a signal handler has set a flag, never from the handler (HDF5 is not
  /// async-signal-safe).
  void abandon() noexcept;

  /// "OUT.h5" -> "OUT.h5.partial".
  static std::filesystem::path partial_path_for(const std::filesystem::path& final_path);

 private:
  enum class State { Writing, Committed, Abandoned };

  std::filesystem::path final_path_;
  std::filesystem::path partial_path_;
  OutputOptions options_;
  core::OutputLock lock_;  // before file_: taken before the .partial is touched
  TraceFile file_;
  State state_ = State::Writing;
};

}  // namespace caseload::io
