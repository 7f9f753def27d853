#include "sim/io/trace/atomic_output.hpp"

#include <system_error>

#include <fmt/format.h>

#include "sim/core/atomic_file.hpp"
#include "sim/core/diagnostics.hpp"
#include "sim/io/trace/attribute_schema.hpp"
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
  set_declared_attribute(file_, "/", root_attributes(), "complete", true);
  state_ = State::Abandoned;  // from here on a failure must not be retried by abandon()
  file_.close();
  move_into_place(partial_path_, final_path_, options_.force);
  state_ = State::Committed;
}

void AtomicOutput::abandon() noexcept {
  if (state_ != State::Writing) return;
  state_ = State::Abandoned;
  file_.close_quietly();
}

}  // namespace caseload::io
