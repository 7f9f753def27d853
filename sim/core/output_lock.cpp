#include "sim/core/output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include "sim/core/diagnostics.hpp"

namespace caseload::core {

namespace {

[[noreturn]] void refuse(const std::filesystem::path& output, const std::string& message) {
  throw ConfigError(SourceLocation{output.string(), 0, 0}, message);
}

// The holder's process id as it wrote it; empty if it has not written it yet.
std::string holder_of(int descriptor) {
  char text[32] = {};
  const ssize_t count = ::pread(descriptor, text, sizeof text - 1, 0);
  if (count <= 0) return {};
  std::string pid(text, static_cast<std::size_t>(count));
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return pid;
}

// The lock file may have been removed (and perhaps recreated) by a holder that released it
// between our open() and flock(); the lock we hold is then on a name nobody else will open.
bool still_named(int descriptor, const std::filesystem::path& lock_file) {
  struct stat held {};
  struct stat named {};
  if (::fstat(descriptor, &held) != 0) return false;
  if (::lstat(lock_file.c_str(), &named) != 0) return false;
  return held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

}  // namespace

OutputLock::OutputLock(const std::filesystem::path& lock_file,
                       const std::filesystem::path& output)
    : lock_file_(lock_file) {
  // A few tries cover a holder releasing between our open and our flock; more would mean a
  // storm of writers, which is refused like a held lock.
  for (int attempt = 0; attempt < 8; ++attempt) {
    const int descriptor =
        ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (descriptor < 0) {
      const int error = errno;
      refuse(output, "cannot create the lock file '" + lock_file.string() +
                         "': " + std::strerror(error));
    }
    if (::flock(descriptor, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      const std::string holder = holder_of(descriptor);
      ::close(descriptor);
      if (error != EWOULDBLOCK) {
        refuse(output, "cannot lock '" + lock_file.string() + "': " + std::strerror(error));
      }
      refuse(output, "is being written by " +
                         (holder.empty() ? std::string("another process")
                                         : "process " + holder) +
                         "; wait for it to finish, or choose another output");
    }
    if (!still_named(descriptor, lock_file)) {
      ::close(descriptor);
      continue;
    }
    const std::string pid = std::to_string(::getpid()) + "\n";
    // Best effort: the id only makes the refusal message more helpful.
    if (::ftruncate(descriptor, 0) == 0) {
      [[maybe_unused]] const ssize_t written = ::pwrite(descriptor, pid.data(), pid.size(), 0);
    }
    descriptor_ = descriptor;
    return;
  }
  refuse(output, "is being written by another process (its lock keeps changing hands)");
}

OutputLock::~OutputLock() { unlock(); }

OutputLock::OutputLock(OutputLock&& other) noexcept
    : lock_file_(std::move(other.lock_file_)), descriptor_(std::exchange(other.descriptor_, -1)) {}

OutputLock& OutputLock::operator=(OutputLock&& other) noexcept {
  if (this != &other) {
    unlock();
    lock_file_ = std::move(other.lock_file_);
    descriptor_ = std::exchange(other.descriptor_, -1);
  }
  return *this;
}

void OutputLock::unlock() noexcept {
  if (descriptor_ < 0) return;
  // Unlinked while still locked: a process that opened the old file before this sees, once it
  // gets the lock, that the name has gone and tries again (still_named).
  ::unlink(lock_file_.c_str());
  ::close(descriptor_);
  descriptor_ = -1;
}

std::filesystem::path OutputLock::beside(const std::filesystem::path& output) {
  std::filesystem::path lock = output;
  lock += ".lock";
  return lock;
}

std::filesystem::path OutputLock::inside(const std::filesystem::path& folder) {
  return folder / ".caseload.lock";
}

}  // namespace caseload::core
