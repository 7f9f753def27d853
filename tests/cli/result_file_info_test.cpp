#include "sim/cli/result_file_info.hpp"

#include <filesystem>
#include <sstream>
#include <vector>
#include <string>

#include <gtest/gtest.h>

#include "tests/cli/cli_runner.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::cli {
namespace {

using caseload::testing::run_caseload;
using caseload::testing::ScratchFolder;
using caseload::testing::smoke_scenario;

// The words of the line listing `table` ("/runs", "4", "rows", ...); empty if there is none.
std::vector<std::string> table_words(const std::string& text, const std::string& table) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream stream(line);
    std::vector<std::string> words;
    for (std::string word; stream >> word;) words.push_back(word);
    if (!words.empty() && words[0] == table) return words;
  }
  return {};
}

TEST(ResultFileInfo, DescribesAComparisonsArmsAndTables) {
  ScratchFolder folder;
  const auto experiment = folder.write("two.yaml",
                                       "set: [run.weeks=8, run.warmup_weeks=0]\n"
                                       "arms:\n"
                                       "  - {label: 'three advisers, as shipped', scenario: " +
                                           smoke_scenario() +
                                           "}\n"
                                           "  - {label: four advisers, scenario: " +
                                           smoke_scenario() +
                                           ", set: [network.advisers_per_office=4]}\n"
                                           "replications: 2\nseed: 9\n");
  const auto out = folder.path() / "out";
  ASSERT_EQ(run_caseload({"compare", experiment.string(), "-o", out.string(), "--quiet"}).exit_code,
            kExitOk);
  const auto info = run_caseload({"info", (out / "compare.h5").string()});
  ASSERT_EQ(info.exit_code, kExitOk) << info.err;
  EXPECT_EQ(info.out.rfind("compare: " + (out / "compare.h5").string() + "\ncomplete: yes\n", 0),
            0u)
      << info.out;
  EXPECT_NE(info.out.find("name: two\n"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("experiment file: " + experiment.string() + "\n"), std::string::npos);
  EXPECT_NE(info.out.find("arms (the first is the baseline):\n  three advisers, as shipped\n  "
                          "four advisers\n"),
            std::string::npos)
      << info.out;
  EXPECT_NE(info.out.find("replications: 2  seed: 9\n"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("/comparison_by_group"), std::string::npos) << info.out;
  const auto runs = table_words(info.out, "/runs");
  ASSERT_GE(runs.size(), 3u) << info.out;
  EXPECT_EQ(runs[1], "4") << "two arms, two replications";
  EXPECT_EQ(info.out.find("(missing)"), std::string::npos) << info.out;
}

TEST(ResultFileInfo, DescribesASweepsParametersAndPoints) {
  ScratchFolder folder;
  const auto sweep = folder.write("sweep.yaml", "base: " + smoke_scenario() +
                                                    "\nset: [run.weeks=8, run.warmup_weeks=0]\n"
                                                    "parameters: [network.advisers_per_office]\n"
                                                    "design: {grid: {network.advisers_per_office: "
                                                    "[2, 3]}}\n");
  const auto out = folder.path() / "out";
  ASSERT_EQ(run_caseload({"sweep", sweep.string(), "-o", out.string(), "--quiet"}).exit_code,
            kExitOk);
  const auto info = run_caseload({"info", (out / "sweep.h5").string()});
  ASSERT_EQ(info.exit_code, kExitOk) << info.err;
  EXPECT_EQ(info.out.rfind("sweep: ", 0), 0u) << info.out;
  EXPECT_NE(info.out.find("parameters: network.advisers_per_office\n"), std::string::npos)
      << info.out;
  EXPECT_NE(info.out.find("design: grid"), std::string::npos) << info.out;
  const auto design = table_words(info.out, "/design");
  ASSERT_GE(design.size(), 3u) << info.out;
  EXPECT_EQ(design[1], "2") << "two points";
  EXPECT_NE(info.out.find("/points"), std::string::npos) << info.out;
}

}  // namespace
}  // namespace caseload::cli
