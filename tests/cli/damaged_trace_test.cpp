// `caseload info` on files that are damaged, foreign or from another format version: exit 2
// with one message naming the file, never a crash and never a partial description that looks
// whole (issue 16: D5, D19).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/cli/cli.hpp"
#include "sim/io/trace/trace_file.hpp"
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

// Every global heap collection ("GCOL": where HDF5 keeps variable-length strings) has its first
// object claim 2 GiB: HDF5 1.10 then copies past its buffer while reading any string in it.
std::string with_corrupt_string_heaps(std::string bytes) {
  constexpr std::size_t kFirstObjectSize = 16 + 8;  // collection header, then index, count, pad
  std::size_t collections = 0;
  for (std::size_t at = bytes.find("GCOL"); at != std::string::npos;
       at = bytes.find("GCOL", at + 4)) {
    if (at + kFirstObjectSize + 8 > bytes.size()) break;
    bytes.replace(at + kFirstObjectSize, 8, std::string("\xff\xff\xff\x7f\0\0\0\0", 8));
    ++collections;
  }
  EXPECT_GT(collections, 0u) << "the trace holds no global heap: the test damages nothing";
  return bytes;
}

// A file with caseload's root attributes and nothing else; `fill` adds to it.
template <class Fill>
void write_bare_trace(const fs::path& path, std::int64_t version, Fill fill) {
  io::TraceFile file(path);
  file.set_attribute("/", "trace_format_version", version);
  file.set_attribute("/", "complete", true);
  fill(file);
  file.close();
}

TEST(DamagedTrace, ACorruptStringHeapIsBadInputNotACrash) {
  ScratchFolder folder;
  const fs::path good = folder.path() / "good.h5";
  const auto written = run_caseload({"run", caseload::testing::smoke_scenario(), "--trace",
                                     "summary", "-o", good.string()});
  ASSERT_EQ(written.exit_code, kExitOk) << written.err;
  const fs::path damaged = folder.write("damaged.h5", with_corrupt_string_heaps(file_bytes(good)));
  const auto outcome = run_caseload({"info", damaged.string()});
  EXPECT_EQ(outcome.exit_code, kExitBadInput) << outcome.err;
  EXPECT_EQ(outcome.out, "");
  EXPECT_TRUE(
      contains(outcome.err, "caseload info: '" + damaged.string() + "': the file is damaged"))
      << outcome.err;
  EXPECT_EQ(run_caseload({"info", good.string()}).exit_code, kExitOk) << "the original reads";
}

TEST(DamagedTrace, AnHdf5FileWithoutCaseloadsAttributesIsRefused) {
  ScratchFolder folder;
  const fs::path foreign = folder.path() / "foreign.h5";
  {
    io::TraceFile file(foreign);
    file.create_group("/treatment");
    file.close();
  }
  const auto outcome = run_caseload({"info", foreign.string()});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_TRUE(contains(outcome.err, "not a caseload trace")) << outcome.err;
}

TEST(DamagedTrace, AnotherFormatVersionIsRefusedNamingBoth) {
  ScratchFolder folder;
  const fs::path future = folder.path() / "future.h5";
  write_bare_trace(future, 99, [](io::TraceFile&) {});
  const auto outcome = run_caseload({"info", future.string()});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_TRUE(contains(outcome.err, "trace format version 99, but this caseload reads version 1"))
      << outcome.err;
}

TEST(DamagedTrace, ACompleteRunTraceWithoutScenarioOrMetricsIsRefused) {
  ScratchFolder folder;
  const fs::path hollow = folder.path() / "hollow.h5";
  write_bare_trace(hollow, 1, [](io::TraceFile& file) { file.create_group("/treatment"); });
  const auto outcome = run_caseload({"info", hollow.string()});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_TRUE(contains(outcome.err, "marked complete, but it lacks the resolved scenario"))
      << outcome.err;
}

TEST(DamagedTrace, MetricNamesAndValuesOfDifferentLengthsAreRefusedNotCut) {
  ScratchFolder folder;
  const fs::path short_values = folder.path() / "short.h5";
  write_bare_trace(short_values, 1, [](io::TraceFile& file) {
    const std::vector<std::string> names = {"a", "b", "c"};
    file.write_strings("/metrics/scalars/name", names);
    file.write_array("/metrics/scalars/value", std::vector<double>{1.0});
  });
  const auto outcome = run_caseload({"info", short_values.string()});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_EQ(outcome.out, "");
  EXPECT_TRUE(contains(outcome.err, "3 names, 1 values")) << outcome.err;
}

}  // namespace
}  // namespace caseload::cli
