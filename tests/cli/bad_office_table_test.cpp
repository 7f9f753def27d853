// A bad office table stops `caseload run` before anything runs: exit 2, the problem at
// file:row:column on stderr, and no trace written.

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "sim/cli/cli.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::cli {
namespace {

using caseload::testing::run_caseload;
using caseload::testing::ScratchFolder;

TEST(BadOfficeTable, ExitsTwoAndWritesNothing) {
  ScratchFolder folder;
  const auto table = folder.write("offices.csv",
                                  "office,advisers,inflow_scale,employers,vacancy_rate,quality_mean\n"
                                  "north,4,1.0,40,fast,0.6\n");
  const auto scenario = folder.write(
      "scenario.yaml",
      "name: t\nnetwork: {office_table: offices.csv}\ngroups:\n  jsa_25_plus: {inflow_per_week: 15}\n");
  const auto trace = folder.path() / "out.h5";
  const auto outcome = run_caseload({"run", scenario.string(), "-o", trace.string()});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_NE(outcome.err.find(table.string() + ":2:5: office table column 'vacancy_rate' is 'fast'"),
            std::string::npos)
      << outcome.err;
  EXPECT_FALSE(std::filesystem::exists(trace));
  EXPECT_FALSE(std::filesystem::exists(trace.string() + ".partial"));
}

}  // namespace
}  // namespace caseload::cli
