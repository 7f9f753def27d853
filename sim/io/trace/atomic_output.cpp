#include "sim/io/trace/atomic_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include <fmt/format.h>

#include "sim/core/atomic_file.hpp"
#include "sim/core/diagnostics.hpp"
#include "sim/io/trace/attribute_schema.hpp"
#include "sim/io/trace/trace_error.hpp"

namespace caseload::io {

namespace {

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
  std::error_code link_error;
  if (!fs::exists(target) && fs::is_symlink(fs::symlink_status(final_path, link_error))) {
    // Refused now: the rename at the end would fail after the whole run was simulated.
    reject(final_path, fmt::format("is a symbolic link to '{}', which does not exist",
                                   fs::read_symlink(final_path, link_error).string()));
  }
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

// HDF5 opens with O_TRUNC and follows symbolic links, so whatever holds the .partial name (a
// stale trace, or a link planted to make us overwrite its target) is removed first and the
// file made here with O_EXCL | O_NOFOLLOW; HDF5 then truncates our own empty file. The caller
// holds the output's lock, so no other caseload is using the name.
void claim_partial_name(const std::filesystem::path& partial_path,
                        const std::filesystem::path& final_path) {
  if (::unlink(partial_path.c_str()) != 0 && errno != ENOENT) {
    reject(final_path, fmt::format("cannot create '{}': a stale file there cannot be removed: {}",
                                   partial_path.string(), std::strerror(errno)));
  }
  const int descriptor = ::open(partial_path.c_str(),
                                O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (descriptor < 0) {
    reject(final_path,
           fmt::format("cannot create '{}': {}", partial_path.string(), std::strerror(errno)));
  }
  ::close(descriptor);
}

TraceFile create_partial(const std::filesystem::path& partial_path,
                         const std::filesystem::path& final_path) {
  claim_partial_name(partial_path, final_path);
  try {
    return TraceFile(partial_path);
  } catch (const TraceError& error) {
    // Not being able to create the output at all is a bad --output, like a missing directory.
    reject(final_path, fmt::format("cannot create '{}': {}", partial_path.string(),
                                   error.reason().empty() ? error.what() : error.reason()));
  }
}

// The shared write-then-rename step, with its failures as TraceErrors naming the same file
// and operation.
void move_into_place(const std::filesystem::path& from, const std::filesystem::path& to,
                     bool force) {
  try {
    core::move_into_place(from, to,
                          force ? core::ExistingTarget::Replace : core::ExistingTarget::Keep);
  } catch (const core::FileError& error) {
    // Without --force an OUT.h5 that appeared during the run is kept too.
    const bool appeared = !force && error.code() == std::errc::file_exists;
    throw TraceError(error.file(), error.operation(),
                     appeared ? "that file appeared while the run was writing; pass --force to "
                                "overwrite, or keep the trace under its .partial name"
                              : error.code().message());
  }
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
      lock_(core::OutputLock::beside(final_path_), final_path_),
      file_(create_partial(partial_path_, final_path_)) {
  // The flag exists from the first byte, so a reader can tell an unfinished file at once.
  set_declared_attribute(file_, "/", root_attributes(), "complete", false);
  set_declared_attribute(file_, "/", root_attributes(), "trace_format_version",
                         kTraceFormatVersion);
}

AtomicOutput::~AtomicOutput() { abandon(); }

AtomicOutput::AtomicOutput(AtomicOutput&& other) noexcept
    : final_path_(std::move(other.final_path_)),
      partial_path_(std::move(other.partial_path_)),
      options_(other.options_),
      lock_(std::move(other.lock_)),
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
    lock_ = std::move(other.lock_);
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
  set_declared_attribute(file_, "/", root_attributes(), "complete", true);
  state_ = State::Abandoned;  // from here on a failure must not be retried by abandon()
  file_.close();
  move_into_place(partial_path_, final_path_, options_.force);
  state_ = State::Committed;
  lock_.unlock();
}

void AtomicOutput::abandon() noexcept {
  if (state_ != State::Writing) return;
  state_ = State::Abandoned;
  file_.close_quietly();
  lock_.unlock();
}

}  // namespace caseload::io
