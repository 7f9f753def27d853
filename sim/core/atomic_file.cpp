#include "sim/core/atomic_file.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2 and RENAME_NOREPLACE (glibc), beside std::rename
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>

namespace caseload::core {

namespace {

std::string operation_text(const std::string& file, const std::string& operation) {
  return "file '" + file + "': cannot " + operation;
}

// HDF5 and write() only hand data to the kernel; without fsync a crash soon after the rename
// could leave the name on a file whose blocks never reached the disk.
void sync_to_disk(const std::filesystem::path& path) {
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) throw FileError(errno, path.string(), "open it to sync");
  const int status = ::fsync(descriptor);
  const int sync_errno = errno;
  ::close(descriptor);
  if (status != 0) throw FileError(sync_errno, path.string(), "sync it to disk");
}

// Makes the rename itself durable. Some file systems cannot sync a directory; the file's own
// data is already safe by then, so this is best effort.
void sync_directory_of(const std::filesystem::path& path) noexcept {
  std::filesystem::path directory = path.parent_path();
  if (directory.empty()) directory = ".";
  const int descriptor = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (descriptor < 0) return;
  ::fsync(descriptor);
  ::close(descriptor);
}

void rename_keeping_target(const std::filesystem::path& from, const std::filesystem::path& to) {
  const std::string operation = "rename it to '" + to.string() + "'";
  // Refuse atomically, so a target that appeared meanwhile is kept too.
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return;
  // File systems without RENAME_NOREPLACE (some network ones) fall back to check-then-rename.
  if (errno != EINVAL && errno != ENOSYS) throw FileError(errno, from.string(), operation);
  std::error_code error;
  if (std::filesystem::exists(to, error)) throw FileError(EEXIST, from.string(), operation);
  if (std::rename(from.c_str(), to.c_str()) != 0) throw FileError(errno, from.string(), operation);
}

void write_whole(int descriptor, std::string_view text, const std::filesystem::path& path) {
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t count = ::write(descriptor, text.data() + written, text.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) throw FileError(errno, path.string(), "write it");
    written += static_cast<std::size_t>(count);
  }
}

}  // namespace

FileError::FileError(int error_number, std::string file, std::string operation)
    : std::system_error(error_number, std::generic_category(), operation_text(file, operation)),
      file_(std::move(file)),
      operation_(std::move(operation)) {}

std::filesystem::path unique_temporary_path(const std::filesystem::path& path) {
  static std::atomic<std::uint64_t> calls{0};
  std::filesystem::path temporary = path;
  temporary += ".tmp." + std::to_string(::getpid()) + "." + std::to_string(calls++);
  return temporary;
}

void move_into_place(const std::filesystem::path& finished, const std::filesystem::path& target,
                     ExistingTarget existing) {
  sync_to_disk(finished);
  if (existing == ExistingTarget::Keep) {
    rename_keeping_target(finished, target);
  } else if (std::rename(finished.c_str(), target.c_str()) != 0) {
    throw FileError(errno, finished.string(), "rename it to '" + target.string() + "'");
  }
  sync_directory_of(target);
}

void write_text_atomically(const std::filesystem::path& path, std::string_view text) {
  const std::filesystem::path temporary = unique_temporary_path(path);
  // O_TRUNC, not O_EXCL: the name is unique within this process, so a file already there is a
  // leftover of a dead process that had the same pid.
  const int descriptor =
      ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (descriptor < 0) throw FileError(errno, temporary.string(), "create it");
  try {
    write_whole(descriptor, text, temporary);
  } catch (const FileError&) {
    ::close(descriptor);
    ::unlink(temporary.c_str());
    throw;
  }
  // Closed exactly once: closing a number twice could close another thread's new file.
  const int close_errno = ::close(descriptor) != 0 ? errno : 0;
  try {
    if (close_errno != 0) throw FileError(close_errno, temporary.string(), "write it");
    move_into_place(temporary, path, ExistingTarget::Replace);
  } catch (const FileError&) {
    ::unlink(temporary.c_str());
    throw;
  }
}

void append_text(const std::filesystem::path& path, std::string_view text) {
  const int descriptor = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
  if (descriptor < 0) throw FileError(errno, path.string(), "open it to append");
  try {
    write_whole(descriptor, text, path);
  } catch (const FileError&) {
    ::close(descriptor);
    throw;
  }
  if (::close(descriptor) != 0) throw FileError(errno, path.string(), "write it");
}

}  // namespace caseload::core
