#include "sim/io/trace/atomic_output.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include "sim/core/diagnostics.hpp"
#include "sim/io/trace/trace_error.hpp"

namespace caseload::io {

namespace {

// Bumped whenever a reader would have to change; see docs/TRACE_FORMAT.md.
constexpr std::int64_t kTraceFormatVersion = 1;

[[noreturn]] void reject(const std::filesystem::path& final_path, std::string message) {
  throw core::ConfigError(core::SourceLocation{final_path.string(), 0, 0}, std::move(message));
}

// Runs the checks that need no file to be created, so a bad --output fails before any work.
std::filesystem::path checked_partial_path(const std::filesystem::path& final_path,
                                           const OutputOptions& options) {
  namespace fs = std::filesystem;
  if (final_path.empty()) reject("(output)", "the output path is empty");
  // status() reports a missing file both as not_found and as an error code; only other
  // errors (a search permission denied, say) are worth stopping for.
  const auto inspect = [&](const fs::path& path) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error && status.type() != fs::file_type::not_found) {
      reject(final_path, fmt::format("cannot inspect '{}': {}", path.string(), error.message()));
    }
    return status;
  };
  const fs::file_status target = inspect(final_path);
  if (fs::is_directory(target)) reject(final_path, "is a directory, not a trace file");
  if (fs::exists(target) && !options.force) {
    reject(final_path, "already exists; pass --force to overwrite");
  }
  fs::path directory = final_path.parent_path();
  if (directory.empty()) directory = ".";
  const fs::file_status parent = inspect(directory);
  if (!fs::exists(parent)) {
    reject(final_path, fmt::format("directory '{}' does not exist", directory.string()));
  }
  if (!fs::is_directory(parent)) {
    reject(final_path, fmt::format("'{}' is not a directory", directory.string()));
  }
  return AtomicOutput::partial_path_for(final_path);
}

TraceFile create_partial(const std::filesystem::path& partial_path,
                         const std::filesystem::path& final_path) {
  try {
    return TraceFile(partial_path);
  } catch (const TraceError& error) {
    // Not being able to create the output at all is a bad --output, like a missing directory.
    reject(final_path, fmt::format("cannot create '{}': {}", partial_path.string(),
                                   error.reason().empty() ? error.what() : error.reason()));
  }
}

std::string errno_text(int number) { return std::strerror(number); }

// HDF5 only hands its buffers to the kernel; without fsync a crash soon after the rename could
// leave OUT.h5 naming a file whose blocks never reached the disk.
void sync_to_disk(const std::filesystem::path& path) {
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) throw TraceError(path.string(), "open it to sync", errno_text(errno));
  const int status = ::fsync(descriptor);
  const int sync_errno = errno;
  ::close(descriptor);
  if (status != 0) throw TraceError(path.string(), "sync it to disk", errno_text(sync_errno));
}

// Makes the rename itself durable. Some file systems cannot sync a directory; the file's own
// data is already safe by then, so this is best effort.
void sync_directory(const std::filesystem::path& path) noexcept {
  std::filesystem::path directory = path.parent_path();
  if (directory.empty()) directory = ".";
  const int descriptor = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (descriptor < 0) return;
  ::fsync(descriptor);
  ::close(descriptor);
}

void move_into_place(const std::filesystem::path& from, const std::filesystem::path& to,
                     bool force) {
  const auto failure = [&](int number) {
    return TraceError(from.string(), fmt::format("rename it to '{}'", to.string()),
                      errno_text(number));
  };
  if (!force) {
    // Without --force an OUT.h5 that appeared during the run is kept too: refuse atomically.
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return;
    if (errno == EEXIST) {
      throw TraceError(from.string(), fmt::format("rename it to '{}'", to.string()),
                       "that file appeared while the run was writing; pass --force to "
                       "overwrite, or keep the trace under its .partial name");
    }
    // File systems without RENAME_NOREPLACE (some network ones) fall back to check-then-rename.
    if (errno != EINVAL && errno != ENOSYS) throw failure(errno);
    std::error_code error;
    if (std::filesystem::exists(to, error)) {
      throw TraceError(from.string(), fmt::format("rename it to '{}'", to.string()),
                       "that file appeared while the run was writing");
    }
  }
  if (std::rename(from.c_str(), to.c_str()) != 0) throw failure(errno);
}

}  // namespace

std::filesystem::path AtomicOutput::partial_path_for(const std::filesystem::path& final_path) {
  std::filesystem::path partial = final_path;
  partial += ".partial";
  return partial;
}

AtomicOutput::AtomicOutput(std::filesystem::path final_path, OutputOptions options)
    : final_path_(std::move(final_path)),
      partial_path_(checked_partial_path(final_path_, options)),
      options_(options),
      file_(create_partial(partial_path_, final_path_)) {
  // The flag exists from the first byte, so a reader can tell an unfinished file at once.
  file_.set_attribute("/", "complete", false);
  file_.set_attribute("/", "trace_format_version", kTraceFormatVersion);
}

AtomicOutput::~AtomicOutput() { abandon(); }

AtomicOutput::AtomicOutput(AtomicOutput&& other) noexcept
    : final_path_(std::move(other.final_path_)),
      partial_path_(std::move(other.partial_path_)),
      options_(other.options_),
      file_(std::move(other.file_)),
      state_(other.state_) {
  other.state_ = State::Abandoned;
}

AtomicOutput& AtomicOutput::operator=(AtomicOutput&& other) noexcept {
  if (this != &other) {
    abandon();
    final_path_ = std::move(other.final_path_);
    partial_path_ = std::move(other.partial_path_);
    options_ = other.options_;
    file_ = std::move(other.file_);
    state_ = other.state_;
    other.state_ = State::Abandoned;
  }
  return *this;
}

void AtomicOutput::commit() {
  if (state_ != State::Writing) {
    throw TraceError(partial_path_.string(), "commit it", "the output was already finished");
  }
  // Everything that can fail for the data's sake happens before the flag is set, so a file
  // marked complete holds every row; a failure here leaves the .partial for abandon().
  file_.check_tables();
  file_.flush();
  file_.set_attribute("/", "complete", true);
  state_ = State::Abandoned;  // from here on a failure must not be retried by abandon()
  file_.close();
  sync_to_disk(partial_path_);
  move_into_place(partial_path_, final_path_, options_.force);
  sync_directory(final_path_);
  state_ = State::Committed;
}

void AtomicOutput::abandon() noexcept {
  if (state_ != State::Writing) return;
  state_ = State::Abandoned;
  file_.close_quietly();
}

}  // namespace caseload::io
