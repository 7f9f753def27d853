#include "sim/io/trace/atomic_output.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/io/trace/column_writer.hpp"
#include "sim/io/trace/trace_error.hpp"
#include "tests/io/trace/read_back.hpp"

namespace caseload::io {
namespace {

namespace fs = std::filesystem;
using testing::read_attribute;
using testing::read_dataset;
using testing::ScratchDirectory;

std::uint8_t complete_flag(const fs::path& path) {
  return read_attribute<std::uint8_t>(path, "/", "complete");
}

// An existing good result, to check that nothing but a successful commit replaces it.
void write_old_result(const fs::path& path) {
  TraceFile old(path);
  old.set_attribute("/", "generation", "old");
  old.close();
}

std::string generation(const fs::path& path) {
  return testing::read_string_attribute(path, "/", "generation");
}

TEST(AtomicOutput, WritesThePartialWithCompleteZeroUntilCommit) {
  ScratchDirectory scratch;
  const fs::path out = scratch / "run.h5";
  AtomicOutput output(out);
  EXPECT_EQ(output.partial_path(), scratch / "run.h5.partial");
  Column<double>& x = output.file().add_table("/t").add_column<double>("x");
  for (int row = 0; row < 10000; ++row) x.append(row);
  output.file().flush();
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(complete_flag(output.partial_path()), 0);

  output.commit();
  EXPECT_TRUE(output.is_committed());
  EXPECT_FALSE(fs::exists(output.partial_path()));
  EXPECT_EQ(complete_flag(out), 1);
  EXPECT_EQ(read_attribute<std::int64_t>(out, "/", "trace_format_version"), 1);
  EXPECT_EQ(read_dataset<double>(out, "/t/x").size(), 10000u);
}

TEST(AtomicOutput, RefusesAnExistingOutputWithoutForce) {
  ScratchDirectory scratch;
  const fs::path out = scratch / "run.h5";
  write_old_result(out);
  try {
    AtomicOutput output(out);
    FAIL() << "an existing output must not be overwritten without force";
  } catch (const core::ConfigError& error) {
    EXPECT_EQ(std::string(error.what()),
              out.string() + ": already exists; pass --force to overwrite");
  }
  EXPECT_FALSE(fs::exists(AtomicOutput::partial_path_for(out)));
  EXPECT_EQ(generation(out), "old");
}

TEST(AtomicOutput, ForceKeepsTheOldFileUntilCommitReplacesIt) {
  ScratchDirectory scratch;
  const fs::path out = scratch / "run.h5";
  write_old_result(out);
  AtomicOutput output(out, {.force = true});
  output.file().set_attribute("/", "generation", "new");
  output.file().flush();
  EXPECT_EQ(generation(out), "old");
  output.commit();
  EXPECT_EQ(generation(out), "new");
  EXPECT_EQ(complete_flag(out), 1);
}

TEST(AtomicOutput, WithoutForceAnOutputThatAppearedDuringTheRunIsKept) {
  ScratchDirectory scratch;
  const fs::path out = scratch / "run.h5";
  AtomicOutput output(out);
  output.file().set_attribute("/", "generation", "new");
  write_old_result(out);  // another process wrote OUT.h5 while this run was writing
  try {
    output.commit();
    FAIL() << "commit must not replace a file it was not allowed to overwrite";
  } catch (const TraceError& error) {
    EXPECT_EQ(error.file(), output.partial_path().string());
    EXPECT_NE(error.reason().find("appeared while the run was writing"), std::string::npos)
        << error.what();
  }
  EXPECT_EQ(generation(out), "old");
  EXPECT_EQ(generation(output.partial_path()), "new");
  EXPECT_EQ(complete_flag(output.partial_path()), 1);  // whole, kept under its .partial name
}

TEST(AtomicOutput, AbandonLeavesAReadablePartialAndTheOldFileUntouched) {
  ScratchDirectory scratch;
  const fs::path out = scratch / "run.h5";
  write_old_result(out);
  AtomicOutput output(out, {.force = true});
  ColumnOptions options;
  options.chunk_rows = 100;
  Column<std::int32_t>& week =
      output.file().add_table("/panel").add_column<std::int32_t>("week", options);
  for (std::int32_t row = 0; row < 250; ++row) week.append(row);  // a partial tail of 50

  output.abandon();
  EXPECT_FALSE(output.is_open());
  EXPECT_FALSE(output.is_committed());
  EXPECT_EQ(generation(out), "old");
  EXPECT_EQ(complete_flag(output.partial_path()), 0);
  // Rows still in the buffer at the interruption were flushed, not lost.
  EXPECT_EQ(read_dataset<std::int32_t>(output.partial_path(), "/panel/week").size(), 250u);
  output.abandon();  // twice is harmless
  EXPECT_THROW(output.commit(), TraceError);
}

TEST(AtomicOutput, DestroyingWithoutCommitAbandons) {
  ScratchDirectory scratch;
  const fs::path out = scratch / "run.h5";
  {
    AtomicOutput output(out);
    output.file().add_table("/t").add_column<double>("x").append(1.0);
  }
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(complete_flag(AtomicOutput::partial_path_for(out)), 0);
  EXPECT_EQ(read_dataset<double>(AtomicOutput::partial_path_for(out), "/t/x"),
            std::vector<double>{1.0});
}

TEST(AtomicOutput, ReplacesAStalePartialFromAnEarlierRun) {
  ScratchDirectory scratch;
  const fs::path out = scratch / "run.h5";
  { AtomicOutput first(out); }
  AtomicOutput second(out);
  second.commit();
  EXPECT_EQ(complete_flag(out), 1);
}

TEST(AtomicOutput, ASecondWriterOfTheSameOutputIsRefusedBeforeTouchingTheFirstOnesFile) {
  ScratchDirectory scratch;
  const fs::path out = scratch / "run.h5";
  AtomicOutput first(out);
  first.file().add_table("/t").add_column<double>("x").append(std::vector<double>(5000, 1.0));
  first.file().flush();
  // Even with --force: the lock is taken before the .partial is created or truncated.
  try {
    AtomicOutput second(out, {.force = true});
    ADD_FAILURE() << "the second writer was let in";
  } catch (const core::ConfigError& error) {
    EXPECT_NE(std::string(error.what()).find("is being written by process"), std::string::npos)
        << error.what();
  }
  first.commit();
  EXPECT_EQ(complete_flag(out), 1);
  EXPECT_EQ(read_dataset<double>(out, "/t/x").size(), 5000u);
  EXPECT_FALSE(fs::exists(scratch / "run.h5.lock"));
}

TEST(AtomicOutput, AStaleSymbolicLinkAtThePartialNameIsReplacedNotWrittenThrough) {
  ScratchDirectory scratch;
  const fs::path out = scratch / "run.h5";
  {
    std::FILE* victim = std::fopen((scratch / "victim.txt").c_str(), "w");
    ASSERT_NE(victim, nullptr);
    std::fputs("precious", victim);
    std::fclose(victim);
  }
  fs::create_symlink(scratch / "victim.txt", AtomicOutput::partial_path_for(out));
  AtomicOutput output(out);
  output.commit();
  EXPECT_EQ(fs::file_size(scratch / "victim.txt"), 8u) << "the link's target was overwritten";
  EXPECT_FALSE(fs::is_symlink(out));
  EXPECT_EQ(complete_flag(out), 1);
}

TEST(AtomicOutput, ADanglingSymbolicLinkAsOutputIsRefusedBeforeAnyWork) {
  ScratchDirectory scratch;
  const fs::path out = scratch / "run.h5";
  fs::create_symlink(scratch / "nowhere.h5", out);
  try {
    AtomicOutput output(out, {.force = true});
    ADD_FAILURE() << "accepted a dangling link";
  } catch (const core::ConfigError& error) {
    EXPECT_NE(std::string(error.what()).find("is a symbolic link to"), std::string::npos)
        << error.what();
  }
  EXPECT_FALSE(fs::exists(AtomicOutput::partial_path_for(out)));
}

TEST(AtomicOutput, CommitOfARaggedTableFailsAndLeavesCompleteZero) {
  ScratchDirectory scratch;
  const fs::path out = scratch / "run.h5";
  AtomicOutput output(out);
  Table& table = output.file().add_table("/panel");
  table.add_column<double>("a").append(1.0);
  table.add_column<double>("b");
  EXPECT_THROW(output.commit(), TraceError);
  EXPECT_TRUE(output.is_open());  // still abandonable
  output.abandon();
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(complete_flag(output.partial_path()), 0);
}

TEST(AtomicOutput, MovedOutputCommitsOnceFromItsNewOwner) {
  ScratchDirectory scratch;
  const fs::path out = scratch / "run.h5";
  AtomicOutput first(out);
  AtomicOutput second = std::move(first);
  EXPECT_FALSE(first.is_open());  // NOLINT(bugprone-use-after-move): the moved-from state
  second.commit();
  EXPECT_EQ(complete_flag(out), 1);
}

TEST(AtomicOutput, UnusablePathsAreConfigErrorsNotCrashes) {
  ScratchDirectory scratch;
  write_old_result(scratch / "a_file");
  fs::create_directory(scratch / "a_directory.h5");
  // Tests may run as root, where permissions do not stop writes; a parent that is a regular
  // file stops everyone.
  EXPECT_THROW(AtomicOutput(scratch / "a_file" / "run.h5"), core::ConfigError);
  EXPECT_THROW(AtomicOutput(scratch / "a_file" / "deeper" / "run.h5", {.force = true}),
               core::ConfigError);
  EXPECT_THROW(AtomicOutput(scratch / "missing" / "run.h5"), core::ConfigError);
  EXPECT_THROW(AtomicOutput(scratch / "a_directory.h5", {.force = true}), core::ConfigError);
  EXPECT_THROW(AtomicOutput(""), core::ConfigError);
  try {
    AtomicOutput output(scratch / "missing" / "run.h5");
  } catch (const core::ConfigError& error) {
    EXPECT_NE(std::string(error.what()).find("does not exist"), std::string::npos) << error.what();
  }
}

TEST(AtomicOutput, UncreatablePartialIsAConfigErrorWithTheReason) {
  ScratchDirectory scratch;
  const fs::path out = scratch / "run.h5";
  // A directory squatting on the .partial name makes creating it fail even for root.
  fs::create_directory(AtomicOutput::partial_path_for(out));
  try {
    AtomicOutput output(out);
    FAIL() << "the .partial cannot be created";
  } catch (const core::ConfigError& error) {
    EXPECT_NE(std::string(error.what()).find("cannot create"), std::string::npos) << error.what();
  }
}

// The descriptor this process has open on `path`, found through /proc (Linux).
int descriptor_of(const fs::path& path) {
  const fs::path wanted = fs::canonical(path);
  for (const auto& entry : fs::directory_iterator("/proc/self/fd")) {
    std::error_code error;
    if (fs::read_symlink(entry.path(), error) == wanted) {
      return std::stoi(entry.path().filename().string());
    }
  }
  return -1;
}

// Runs a trace into a disk that fills up mid-run: after one flush the file's descriptor is
// pointed at /dev/full, whose writes fail with ENOSPC. Exits 0 only when that surfaces as a
// TraceError and the abandon that follows closes HDF5 cleanly (HDF5 1.10 segfaults at exit
// after a failed close, which would show up here as a crash instead of exit code 0).
[[noreturn]] void fill_the_disk_mid_run(const fs::path& out) {
  int code = 1;
  try {
    AtomicOutput output(out, {.force = true});
    ColumnOptions options;
    options.chunk_rows = 1000;
    Column<double>& noise = output.file().add_table("/t").add_column<double>("noise", options);
    for (int row = 0; row < 2500; ++row) noise.append(row);
    output.file().flush();
    const int full = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
    const int descriptor = descriptor_of(output.partial_path());
    if (full < 0 || descriptor < 0 || ::dup2(full, descriptor) != descriptor) std::exit(3);
    ::close(full);
    for (int row = 0; row < 100000; ++row) noise.append(row);
    output.commit();
  } catch (const TraceError& error) {
    std::fprintf(stderr, "%s\n", error.what());
    code = 0;
  }
  std::exit(code);
}

// In a forked death-test child (the default "fast" style, so it shares this scratch path), so
// that a crash at exit cannot take the other tests with it.
TEST(AtomicOutputDeathTest, FullDiskIsATraceErrorNotACrashAndKeepsTheOldFile) {
  ScratchDirectory scratch;
  const fs::path out = scratch / "run.h5";
  write_old_result(out);
  EXPECT_EXIT(fill_the_disk_mid_run(out), ::testing::ExitedWithCode(0),
              "trace file '.*run.h5.partial': cannot write column '/t/noise': .*No space left");
  EXPECT_EQ(generation(out), "old");
  // The .partial holds what the last successful flush wrote.
  const fs::path partial = AtomicOutput::partial_path_for(out);
  EXPECT_EQ(complete_flag(partial), 0);
  EXPECT_EQ(read_dataset<double>(partial, "/t/noise").size(), 2500u);
}

}  // namespace
}  // namespace caseload::io
