#include "sim/core/atomic_file.hpp"

#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/io/config/test_data.hpp"

namespace caseload::core {
namespace {

namespace fs = std::filesystem;
using caseload::testing::ScratchFolder;

std::string contents(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::stringstream text;
  text << stream.rdbuf();
  return text.str();
}

std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  return names;
}

TEST(WriteTextAtomically, ReplacesTheFileWholeAndLeavesNoTemporary) {
  ScratchFolder folder;
  const fs::path file = folder.write("manifest.tsv", "old contents, longer than the new\n");
  write_text_atomically(file, "new\n");
  EXPECT_EQ(contents(file), "new\n");
  EXPECT_EQ(names_in(folder.path()), std::vector<std::string>{"manifest.tsv"});
}

TEST(WriteTextAtomically, FailedRenameKeepsTheTargetAndRemovesTheTemporary) {
  ScratchFolder folder;
  // A non-empty directory in the way makes the rename fail, even for root.
  const fs::path target = folder.path() / "taken";
  fs::create_directory(target);
  folder.write("taken/keep", "kept");
  try {
    write_text_atomically(target, "text");
    FAIL() << "renaming over a non-empty directory must fail";
  } catch (const FileError& error) {
    EXPECT_EQ(error.operation(), "rename it to '" + target.string() + "'");
    EXPECT_NE(std::string(error.what()).find("cannot rename it to"), std::string::npos)
        << error.what();
  }
  EXPECT_EQ(contents(target / "keep"), "kept");
  EXPECT_EQ(names_in(folder.path()), std::vector<std::string>{"taken"});
}

TEST(WriteTextAtomically, MissingDirectoryIsAFileErrorNamingTheTemporary) {
  ScratchFolder folder;
  try {
    write_text_atomically(folder.path() / "missing" / "out.csv", "text");
    FAIL() << "there is no directory to write in";
  } catch (const FileError& error) {
    EXPECT_EQ(error.operation(), "create it");
    EXPECT_EQ(error.code(), std::errc::no_such_file_or_directory);
    EXPECT_NE(error.file().find("out.csv.tmp."), std::string::npos) << error.file();
  }
}

TEST(UniqueTemporaryPath, IsBesideTheFileAndNamesThisProcessAndCall) {
  const fs::path first = unique_temporary_path("/data/out.csv");
  const fs::path second = unique_temporary_path("/data/out.csv");
  EXPECT_NE(first, second);
  EXPECT_EQ(first.parent_path(), fs::path("/data"));
  const std::string prefix = "out.csv.tmp." + std::to_string(::getpid()) + ".";
  EXPECT_EQ(first.filename().string().rfind(prefix, 0), 0u) << first;
  EXPECT_EQ(second.filename().string().rfind(prefix, 0), 0u) << second;
}

// Two writers replacing one file while a reader watches: with a shared temporary name one
// writer could truncate or rename the other's half-written file. Every read must be whole.
TEST(WriteTextAtomically, ConcurrentWritersNeverExposeAHalfWrittenFile) {
  ScratchFolder folder;
  const fs::path file = folder.path() / "manifest.tsv";
  const std::string a(64 * 1024, 'a');
  const std::string b(32 * 1024, 'b');
  write_text_atomically(file, a);
  std::atomic<bool> writing{true};
  std::atomic<int> torn_reads{0};
  std::thread reader([&] {
    while (writing) {
      const std::string seen = contents(file);
      if (seen != a && seen != b) ++torn_reads;
    }
  });
  std::atomic<int> failed_writes{0};
  const auto write_many = [&](const std::string& text) {
    for (int round = 0; round < 20; ++round) {
      try {
        write_text_atomically(file, text);
      } catch (const FileError&) {
        ++failed_writes;  // e.g. the other writer renamed a shared temporary away
      }
    }
  };
  std::thread writer_a(write_many, a);
  std::thread writer_b(write_many, b);
  writer_a.join();
  writer_b.join();
  writing = false;
  reader.join();
  EXPECT_EQ(torn_reads, 0);
  EXPECT_EQ(failed_writes, 0);
  EXPECT_EQ(names_in(folder.path()), std::vector<std::string>{"manifest.tsv"});
}

TEST(MoveIntoPlace, KeepRefusesAnExistingTargetAndLeavesBothFiles) {
  ScratchFolder folder;
  const fs::path finished = folder.write("out.h5.partial", "new");
  const fs::path target = folder.write("out.h5", "old");
  try {
    move_into_place(finished, target, ExistingTarget::Keep);
    FAIL() << "Keep must not replace an existing target";
  } catch (const FileError& error) {
    EXPECT_EQ(error.code(), std::errc::file_exists);
    EXPECT_EQ(error.file(), finished.string());
  }
  EXPECT_EQ(contents(target), "old");
  EXPECT_EQ(contents(finished), "new");
  move_into_place(finished, target, ExistingTarget::Replace);
  EXPECT_EQ(contents(target), "new");
  EXPECT_FALSE(fs::exists(finished));
}

}  // namespace
}  // namespace caseload::core
