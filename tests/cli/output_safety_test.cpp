// Outputs that are not what they seem, and outputs two commands want at once: nothing a user
// owns is deleted or written through, and no finished file is ever corrupted (issue 16).

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/cli/cli.hpp"
#include "sim/core/output_lock.hpp"
#include "sim/io/trace/trace_reader.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/cli/output_files.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::cli {
namespace {

namespace fs = std::filesystem;
using caseload::testing::contains;
using caseload::testing::file_bytes;
using caseload::testing::run_caseload;
using caseload::testing::ScratchFolder;
using caseload::testing::smoke_scenario;

// Two short runs of the smoke scenario per arm.
std::vector<std::string> compare_into(const fs::path& out) {
  return {"compare", smoke_scenario(), smoke_scenario(), "--reps", "1", "--set", "run.weeks=4",
          "--set", "run.warmup_weeks=0", "-o", out.string(), "--quiet"};
}

TEST(OutputSafety, AnEmptyOutputPathIsRefusedNotIgnored) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"run", smoke_scenario(), "-o", ""},
        std::vector<std::string>{"compare", smoke_scenario(), smoke_scenario(), "-o", ""}}) {
    const auto outcome = run_caseload(args);
    EXPECT_EQ(outcome.exit_code, kExitBadInput) << args[0];
    EXPECT_TRUE(contains(outcome.err, "the output path is empty")) << outcome.err;
    EXPECT_EQ(outcome.out, "") << "nothing was run";
  }
}

TEST(OutputSafety, ForceDeletesNothingInAFolderThatHoldsNoEarlierBatch) {
  ScratchFolder folder;
  const fs::path out = folder.path() / "proj";
  fs::create_directories(out / "traces");
  std::ofstream(out / "traces" / "field-notes.txt") << "my own data";
  auto args = compare_into(out);
  args.push_back("--force");
  const auto outcome = run_caseload(args);
  ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  EXPECT_EQ(file_bytes(out / "traces" / "field-notes.txt"), "my own data");
}

TEST(OutputSafety, ForceRefusesAManifestCaseloadDidNotWrite) {
  ScratchFolder folder;
  const fs::path out = folder.path() / "proj";
  fs::create_directories(out / "traces");
  std::ofstream(out / "manifest.tsv") << "my shipping list\n";
  std::ofstream(out / "runs.csv") << "mine\n";
  auto args = compare_into(out);
  args.push_back("--force");
  const auto outcome = run_caseload(args);
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_TRUE(contains(outcome.err, "is not a caseload manifest")) << outcome.err;
  EXPECT_EQ(file_bytes(out / "runs.csv"), "mine\n");
  EXPECT_TRUE(fs::exists(out / "traces"));
}

TEST(OutputSafety, AManifestThatIsAFolderIsBadInputNotABug) {
  ScratchFolder folder;
  const fs::path out = folder.path() / "proj";
  fs::create_directories(out / "manifest.tsv");
  auto args = compare_into(out);
  args.push_back("--resume");
  const auto outcome = run_caseload(args);
  EXPECT_EQ(outcome.exit_code, kExitBadInput) << outcome.err;
  EXPECT_TRUE(contains(outcome.err, "is not a file")) << outcome.err;
}

TEST(OutputSafety, ABatchIntoAFolderAnotherProcessIsWritingStopsBeforeTouchingIt) {
  ScratchFolder folder;
  const fs::path out = folder.path() / "proj";
  fs::create_directories(out);
  // Held here as another process would hold it: flock conflicts between open files alike.
  const core::OutputLock other(core::OutputLock::inside(out), out);
  for (const char* extra : {"--force", "--resume", ""}) {
    auto args = compare_into(out);
    if (*extra != '\0') args.push_back(extra);
    const auto outcome = run_caseload(args);
    EXPECT_EQ(outcome.exit_code, kExitBadInput) << extra;
    EXPECT_TRUE(contains(outcome.err, "is being written by process")) << outcome.err;
  }
  EXPECT_FALSE(fs::exists(out / "manifest.tsv"));
}

TEST(OutputSafety, ARunIntoAnOutputBeingWrittenStopsBeforeTouchingIt) {
  ScratchFolder folder;
  const fs::path out = folder.path() / "same.h5";
  const core::OutputLock other(core::OutputLock::beside(out), out);
  const auto outcome = run_caseload({"run", smoke_scenario(), "-o", out.string(), "--force"});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_TRUE(contains(outcome.err, "is being written by process")) << outcome.err;
  EXPECT_FALSE(fs::exists(out.string() + ".partial"));
}

TEST(OutputSafety, ResumeRunsAgainEveryDoneRunWhoseTraceIsDamagedOrMissing) {
  ScratchFolder folder;
  const auto sweep = caseload::testing::write_small_sweep(folder);
  const fs::path out = folder.path() / "out";
  std::vector<std::string> args = {"sweep", sweep.string(), "-o", out.string(), "--quiet",
                                   "--traces", "summary"};
  ASSERT_EQ(run_caseload(args).exit_code, kExitOk);
  const std::string runs = file_bytes(out / "runs.csv");
  const fs::path damaged = out / "traces" / "point-0_rep-1.h5";
  const std::string whole = file_bytes(damaged);
  std::ofstream(damaged, std::ios::binary | std::ios::trunc)
      .write(whole.data(), static_cast<std::streamsize>(whole.size() / 3));
  fs::remove(out / "traces" / "point-1_rep-0.h5");

  args.push_back("--resume");
  const auto resumed = run_caseload(args);
  ASSERT_EQ(resumed.exit_code, kExitOk) << resumed.err;
  EXPECT_TRUE(contains(resumed.out, "4 done (2 resumed)")) << resumed.out;
  for (const auto& entry : fs::directory_iterator(out / "traces")) {
    EXPECT_EQ(io::read_trace_summary(entry.path()).is_complete, true) << entry.path();
  }
  EXPECT_EQ(file_bytes(out / "runs.csv"), runs);
}

}  // namespace
}  // namespace caseload::cli
