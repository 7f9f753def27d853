// Writes that fail part-way (a file-size limit stands in for a full disk): every command ends
// with the documented exit code and one message naming the file and the reason, never a crash,
// and never an OUT.h5 (issue 16, D3).

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sim/cli/cli.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/cli/output_files.hpp"
#include "tests/cli/spawn_caseload.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::cli {
namespace {

namespace fs = std::filesystem;
using caseload::testing::contains;
using caseload::testing::file_bytes;
using caseload::testing::ScratchFolder;
using caseload::testing::smoke_scenario;
using caseload::testing::SpawnOptions;

struct Ending {
  int code = -1;
  std::string err;
};

Ending run_limited(const std::vector<std::string>& args, rlim_t limit_bytes,
                   const ScratchFolder& folder) {
  SpawnOptions options;
  options.file_size_limit = limit_bytes;
  options.environment = {"LSAN_OPTIONS=suppressions=" + std::string(CASELOAD_SOURCE_DIR) +
                         "/tests/cli/hdf5_failed_write.supp"};
  const fs::path log = folder.path() / "stderr.txt";
  const pid_t pid = caseload::testing::spawn_caseload(args, log, options);
  Ending ending;
  if (pid > 0) ending.code = caseload::testing::wait_for_exit(pid);
  ending.err = file_bytes(log);
  return ending;
}

TEST(WriteFailure, ARunWhoseTraceCannotBeWrittenExitsOneNamingTheFile) {
  ScratchFolder folder;
  const fs::path out = folder.path() / "full.h5";
  // 4 KiB fails the header's first flush; 300 KiB fails a column write at the end of the run.
  for (const rlim_t limit : {rlim_t{4} << 10, rlim_t{300} << 10}) {
    const Ending ending =
        run_limited({"run", smoke_scenario(), "-o", out.string()}, limit, folder);
    EXPECT_EQ(ending.code, kExitInternalError) << limit << " bytes: " << ending.err;
    EXPECT_TRUE(contains(ending.err, "caseload run: trace file '" + out.string() + ".partial'"))
        << ending.err;
    EXPECT_TRUE(contains(ending.err, "File too large")) << ending.err;
    EXPECT_FALSE(contains(ending.err, "internal error")) << ending.err;
    EXPECT_FALSE(contains(ending.err, "Sanitizer")) << ending.err;
    EXPECT_FALSE(fs::exists(out)) << "a failed write must not leave OUT.h5";
    fs::remove(out.string() + ".partial");
  }
}

TEST(WriteFailure, ASweepWhoseTracesCannotBeWrittenListsTheFailedRuns) {
  ScratchFolder folder;
  const auto sweep = caseload::testing::write_small_sweep(folder);
  const fs::path out = folder.path() / "out";
  const Ending ending = run_limited(
      {"sweep", sweep.string(), "-o", out.string(), "--quiet", "--traces", "summary"},
      rlim_t{50} << 10, folder);
  EXPECT_EQ(ending.code, kExitBadInput) << ending.err;
  EXPECT_TRUE(contains(ending.err, "4 of 4 runs failed")) << ending.err;
  EXPECT_TRUE(contains(ending.err, "File too large")) << ending.err;
  EXPECT_FALSE(contains(ending.err, "Sanitizer")) << ending.err;
  for (const auto& entry : fs::directory_iterator(out / "traces")) {
    EXPECT_EQ(entry.path().extension(), ".partial") << "no failed trace is renamed into place";
  }
}

TEST(WriteFailure, ACompareWhoseManifestCannotBeWrittenExitsOneNotAsABug) {
  ScratchFolder folder;
  const fs::path out = folder.path() / "out";
  // A run's line in the manifest holds every metric: far past 1 KiB.
  const Ending ending = run_limited({"compare", smoke_scenario(), smoke_scenario(), "--reps", "1",
                                     "--set", "run.weeks=4", "-o", out.string(), "--quiet"},
                                    rlim_t{1} << 10, folder);
  EXPECT_EQ(ending.code, kExitInternalError) << ending.err;
  EXPECT_TRUE(contains(ending.err, "caseload compare: file '")) << ending.err;
  EXPECT_TRUE(contains(ending.err, "File too large")) << ending.err;
  EXPECT_FALSE(contains(ending.err, "internal error")) << ending.err;
  EXPECT_FALSE(fs::exists(out / "runs.csv"));
}

}  // namespace
}  // namespace caseload::cli
