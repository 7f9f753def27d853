#include "sim/cli/compare_experiment.hpp"

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/experiment/run_seed.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/cli/output_files.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::cli {
namespace {

using caseload::testing::csv_column;
using caseload::testing::csv_numbers;
using caseload::testing::file_bytes;
using caseload::testing::run_caseload;
using caseload::testing::ScratchFolder;
using caseload::testing::smoke_scenario;

// Three arms, two of them the smoke scenario with different overrides; a quarter of a year
// with no warm-up keeps each run well under a second in a sanitizer build.
std::filesystem::path three_arms(const ScratchFolder& folder) {
  return folder.write("experiment.yaml",
                      "name: advisers\n"
                      "set: [run.weeks=13, run.warmup_weeks=0]\n"
                      "arms:\n"
                      "  - label: three advisers\n"
                      "    scenario: " +
                          smoke_scenario() +
                          "\n"
                          "  - scenario: " +
                          smoke_scenario() +
                          "\n"
                          "    set: [network.advisers_per_office=4]\n"
                          "  - label: six advisers\n"
                          "    scenario: " +
                          smoke_scenario() +
                          "\n"
                          "    set: [network.advisers_per_office=6]\n"
                          "replications: 2\n"
                          "seed: 11\n"
                          "metrics: [parked_share, caseload_per_adviser]\n");
}

TEST(CompareExperiment, ThreeArmsFromOneFileAreLabelledAndRunWithTheirOverrides) {
  ScratchFolder folder;
  const auto out = folder.path() / "out";
  const auto outcome =
      run_caseload({"compare", three_arms(folder).string(), "-o", out.string(), "--quiet"});
  ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  const std::string runs = file_bytes(out / "runs.csv");
  const std::vector<std::string> labels = {"three advisers",
                                           "smoke (network.advisers_per_office=4)", "six advisers"};
  std::vector<std::string> expected;
  for (int r = 0; r < 2; ++r) expected.insert(expected.end(), labels.begin(), labels.end());
  EXPECT_EQ(csv_column(runs, "arm"), expected) << "replications and labels from the file";
  EXPECT_EQ(csv_column(runs, "seed").front(),
            std::to_string(experiment::derive_run_seed(11, 0, 0)));
  // The same people arrive in every arm, so more advisers means smaller caseloads: the arms'
  // own overrides were applied.
  const std::vector<double> caseload = csv_numbers(runs, "caseload_per_adviser");
  ASSERT_EQ(caseload.size(), 6u);
  EXPECT_GT(caseload[0], caseload[1]);
  EXPECT_GT(caseload[1], caseload[2]);
}

TEST(CompareExperiment, CommandLineRepsSeedAndSetApplyOnTopOfTheFile) {
  ScratchFolder folder;
  CompareOptions options;
  options.scenarios = {three_arms(folder).string()};
  options.replications = 5;
  options.overrides = {"run.weeks=26"};
  const CompareExperiment experiment = resolve_compare_experiment(options);
  EXPECT_EQ(experiment.name, "advisers");
  EXPECT_EQ(experiment.replications, 5u);
  EXPECT_EQ(experiment.seed, 11u) << "the file's seed, as --seed was not given";
  ASSERT_EQ(experiment.arms.size(), 3u);
  EXPECT_EQ(experiment.arms[2].overrides,
            (std::vector<std::string>{"run.weeks=13", "run.warmup_weeks=0",
                                      "network.advisers_per_office=6", "run.weeks=26"}));
  EXPECT_EQ(experiment.metrics, (std::vector<std::string>{"parked_share", "caseload_per_adviser"}));
}

TEST(CompareExperiment, ABadExperimentFileExitsTwoSayingWhere) {
  ScratchFolder folder;
  const auto file = folder.write("bad.yaml",
                                 "arms:\n"
                                 "  - scenario: " +
                                     smoke_scenario() +
                                     "\n"
                                     "  - scenario: " +
                                     smoke_scenario() +
                                     "\n"
                                     "    sett: [run.weeks=13]\n"
                                     "metrics: [parked_shares]\n");
  const auto outcome = run_caseload({"compare", file.string(), "--quiet"});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  const auto lines = outcome.err_lines();
  ASSERT_EQ(lines.size(), 3u) << outcome.err;
  EXPECT_NE(lines[0].find("bad.yaml:3:"), std::string::npos) << lines[0];
  EXPECT_NE(lines[1].find("bad.yaml:4:5: unknown key 'sett' in 'arms[1]' (did you mean 'set'?)"),
            std::string::npos)
      << lines[1];
  EXPECT_NE(lines[2].find("bad.yaml:5:10: unknown metric 'parked_shares' in 'metrics' (did you "
                          "mean 'parked_share'?)"),
            std::string::npos)
      << lines[2];
}

TEST(CompareExperiment, OneScenarioAloneIsNotAnExperiment) {
  const auto outcome = run_caseload({"compare", smoke_scenario(), "--quiet"});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  ASSERT_EQ(outcome.err_lines().size(), 1u) << outcome.err;
  EXPECT_NE(outcome.err.find("missing required key 'arms'"), std::string::npos) << outcome.err;
  EXPECT_NE(outcome.err.find("name two or more"), std::string::npos) << outcome.err;
}

}  // namespace
}  // namespace caseload::cli
