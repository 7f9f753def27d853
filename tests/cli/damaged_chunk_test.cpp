// `caseload info` reads every dataset in full, so a byte changed inside a compressed chunk (the
// Fletcher-32 checksum then fails) is a damaged file, exit 2 naming the dataset, not a file
// described as whole (issue 16, D19: 28 bit-flipped traces got exit 0).

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "sim/cli/cli.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/cli/output_files.hpp"
#include "tests/io/config/test_data.hpp"
#include "tests/io/trace/chunk_damage.hpp"

namespace caseload::cli {
namespace {

namespace fs = std::filesystem;
using caseload::io::testing::invert_byte_inside_chunk;
using caseload::testing::contains;
using caseload::testing::file_bytes;
using caseload::testing::run_caseload;
using caseload::testing::ScratchFolder;

// `info` on a copy of `good` with one byte inverted inside `dataset`'s first chunk: exit 2, one
// line naming the file, the dataset and the checksum; the undamaged original still reads.
void expect_damage_found(ScratchFolder& folder, const fs::path& good, const std::string& dataset) {
  const fs::path damaged = folder.write("damaged.h5", file_bytes(good));
  invert_byte_inside_chunk(damaged, dataset);
  const auto outcome = run_caseload({"info", damaged.string()});
  EXPECT_EQ(outcome.exit_code, kExitBadInput) << outcome.out;
  EXPECT_EQ(outcome.out, "");
  EXPECT_EQ(outcome.err, "caseload info: trace file '" + damaged.string() +
                             "': cannot read dataset '" + dataset +
                             "': its data fail their Fletcher-32 checksum: the file is damaged\n");
  const auto original = run_caseload({"info", good.string()});
  EXPECT_EQ(original.exit_code, kExitOk) << original.err;
}

TEST(DamagedChunk, InfoFindsAByteChangedInsideACompressedTraceColumn) {
  ScratchFolder folder;
  const fs::path good = folder.path() / "good.h5";
  const auto written = run_caseload(
      {"run", caseload::testing::smoke_scenario(), "--trace", "summary", "-o", good.string()});
  ASSERT_EQ(written.exit_code, kExitOk) << written.err;
  expect_damage_found(folder, good, "/treatment/panel/stock");
}

TEST(DamagedChunk, InfoFindsAByteChangedInsideACompareSummaryTable) {
  ScratchFolder folder;
  const auto experiment = folder.write(
      "two.yaml", "set: [run.weeks=8, run.warmup_weeks=0]\narms:\n  - {label: a, scenario: " +
                      caseload::testing::smoke_scenario() +
                      "}\n  - {label: b, scenario: " + caseload::testing::smoke_scenario() +
                      ", set: [network.advisers_per_office=4]}\nreplications: 2\nseed: 9\n");
  const fs::path out = folder.path() / "out";
  const auto compared =
      run_caseload({"compare", experiment.string(), "-o", out.string(), "--quiet"});
  ASSERT_EQ(compared.exit_code, kExitOk) << compared.err;
  expect_damage_found(folder, out / "compare.h5", "/runs/seed");
}

}  // namespace
}  // namespace caseload::cli
