// Two real `caseload` processes started at once on one output, many times over: one writes,
// the other stops with exit 2 naming the writer (or, if it came after, writes a whole file of
// its own). Whatever the timing, the output left is complete and readable (issue 16: D1, D2,
// D18).

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sim/cli/cli.hpp"
#include "sim/io/trace/trace_reader.hpp"
#include "tests/cli/output_files.hpp"
#include "tests/cli/spawn_caseload.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::cli {
namespace {

namespace fs = std::filesystem;
using caseload::testing::file_bytes;
using caseload::testing::ScratchFolder;
using caseload::testing::smoke_scenario;
using caseload::testing::spawn_caseload;

struct Pair {
  int first = -1;
  int second = -1;
  std::string first_err;
  std::string second_err;
};

Pair run_both(const std::vector<std::string>& first, const std::vector<std::string>& second,
              const fs::path& folder) {
  const pid_t a = spawn_caseload(first, folder / "a.err");
  const pid_t b = spawn_caseload(second, folder / "b.err");
  Pair pair;
  if (a > 0) pair.first = caseload::testing::wait_for_exit(a);
  if (b > 0) pair.second = caseload::testing::wait_for_exit(b);
  pair.first_err = file_bytes(folder / "a.err");
  pair.second_err = file_bytes(folder / "b.err");
  return pair;
}

// A writer that lost the race says the output is taken (and by which process, once the holder
// has written its id); any other ending is a success.
void expect_success_or_refusal(int code, const std::string& err) {
  if (code == kExitOk) return;
  EXPECT_EQ(code, kExitBadInput) << err;
  EXPECT_NE(err.find(" is being written by "), std::string::npos) << err;
}

TEST(ConcurrentWriters, TwoRunsOnOneOutputNeverLeaveACorruptFile) {
  ScratchFolder folder;
  const fs::path out = folder.path() / "same.h5";
  const std::vector<std::string> args = {"run",   smoke_scenario(), "--set", "run.weeks=26",
                                         "-o",    out.string(),     "--force"};
  int refusals = 0;
  for (int round = 0; round < 6; ++round) {
    const Pair pair = run_both(args, args, folder.path());
    EXPECT_TRUE(pair.first == kExitOk || pair.second == kExitOk) << "round " << round;
    expect_success_or_refusal(pair.first, pair.first_err);
    expect_success_or_refusal(pair.second, pair.second_err);
    refusals += (pair.first == kExitBadInput) + (pair.second == kExitBadInput);
    const io::TraceSummary trace = io::read_trace_summary(out);
    EXPECT_EQ(trace.is_complete, true) << "round " << round;
    ASSERT_FALSE(trace.variants.empty()) << "round " << round;
    for (const auto& table : trace.variants[0].tables) EXPECT_FALSE(table.is_ragged) << table.name;
    EXPECT_FALSE(fs::exists(out.string() + ".partial")) << "round " << round;
    EXPECT_FALSE(fs::exists(out.string() + ".lock")) << "round " << round;
  }
  // Started together, a run of seconds and a start of milliseconds overlap: without a single
  // refusal the test would not have raced the writers at all.
  EXPECT_GT(refusals, 0);
}

TEST(ConcurrentWriters, ASweepAndItsResumeAtOnceLeaveOnlyWholeTraces) {
  ScratchFolder folder;
  const auto sweep = caseload::testing::write_small_sweep(folder);
  const fs::path out = folder.path() / "out";
  const std::vector<std::string> args = {"sweep", sweep.string(), "-o", out.string(), "-j", "1",
                                         "--quiet", "--traces", "summary"};
  std::vector<std::string> resume = args;
  resume.push_back("--resume");
  for (int round = 0; round < 2; ++round) {
    fs::remove_all(out);
    const Pair pair = run_both(args, resume, folder.path());
    expect_success_or_refusal(pair.first, pair.first_err);
    expect_success_or_refusal(pair.second, pair.second_err);
    EXPECT_TRUE(pair.first == kExitOk || pair.second == kExitOk) << "round " << round;
    std::size_t traces = 0;
    for (const auto& entry : fs::directory_iterator(out / "traces")) {
      EXPECT_EQ(io::read_trace_summary(entry.path()).is_complete, true) << entry.path();
      ++traces;
    }
    EXPECT_EQ(traces, 4u) << "round " << round;
  }
}

}  // namespace
}  // namespace caseload::cli
