#include "sim/core/output_lock.hpp"

#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "sim/core/diagnostics.hpp"

namespace caseload::core {
namespace {

namespace fs = std::filesystem;

class Scratch {
 public:
  Scratch() {
    std::string pattern = (fs::temp_directory_path() / "caseload-lock-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~Scratch() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

std::string refusal(const fs::path& lock_file, const fs::path& output) {
  try {
    OutputLock second(lock_file, output);
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "(no refusal)";
}

TEST(OutputLock, ASecondWriterIsRefusedWithTheHoldersProcessId) {
  Scratch scratch;
  const fs::path out = scratch / "out.h5";
  const OutputLock first(OutputLock::beside(out), out);
  // flock locks belong to open files, so a second lock in this same process conflicts too.
  const std::string message = refusal(OutputLock::beside(out), out);
  EXPECT_NE(message.find("is being written by process " + std::to_string(::getpid())),
            std::string::npos)
      << message;
  EXPECT_NE(message.find(out.string()), std::string::npos) << message;
}

TEST(OutputLock, ReleasingRemovesTheLockFileAndFreesTheOutput) {
  Scratch scratch;
  const fs::path out = scratch / "out.h5";
  { const OutputLock first(OutputLock::beside(out), out); }
  EXPECT_FALSE(fs::exists(OutputLock::beside(out)));
  EXPECT_NO_THROW(OutputLock(OutputLock::beside(out), out));
}

TEST(OutputLock, AnUnlockedFileLeftByAKilledWriterIsReused) {
  Scratch scratch;
  const fs::path out = scratch / "out.h5";
  std::ofstream(OutputLock::beside(out)) << "99999\n";
  EXPECT_NO_THROW(OutputLock(OutputLock::beside(out), out));
}

TEST(OutputLock, AMovedLockIsStillHeldAndReleasedOnce) {
  Scratch scratch;
  const fs::path folder = scratch / "batch";
  fs::create_directory(folder);
  OutputLock first(OutputLock::inside(folder), folder);
  OutputLock moved = std::move(first);
  EXPECT_NE(refusal(OutputLock::inside(folder), folder).find("is being written"),
            std::string::npos);
}

TEST(OutputLock, ASymbolicLinkAtTheLockNameIsNotFollowed) {
  Scratch scratch;
  const fs::path out = scratch / "out.h5";
  std::ofstream(scratch / "victim.txt") << "precious";
  fs::create_symlink(scratch / "victim.txt", OutputLock::beside(out));
  EXPECT_NE(refusal(OutputLock::beside(out), out).find("cannot create the lock file"),
            std::string::npos);
  std::ifstream victim(scratch / "victim.txt");
  std::string text;
  victim >> text;
  EXPECT_EQ(text, "precious");
}

}  // namespace
}  // namespace caseload::core
