#include "sim/cli/cli.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/core/version.hpp"
#include "tests/cli/cli_runner.hpp"

namespace caseload::cli {
namespace {

using caseload::testing::run_caseload;

TEST(Cli, VersionNamesTheVersionAndCommit) {
  const auto outcome = run_caseload({"--version"});
  EXPECT_EQ(outcome.exit_code, kExitOk);
  EXPECT_EQ(outcome.out, "caseload " + std::string(core::version()) + " (commit " +
                             std::string(core::git_commit()) + ")\n");
}

TEST(Cli, NoCommandIsAUsageError) {
  const auto outcome = run_caseload({});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_NE(outcome.err.find("caseload: A subcommand is required"), std::string::npos)
      << outcome.err;
}

TEST(Cli, UnknownCommandIsAUsageErrorWithASuggestion) {
  const auto outcome = run_caseload({"rn", "scenario.yaml"});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_EQ(outcome.err_lines().at(0), "caseload: unknown command 'rn' (did you mean 'run'?)");
  const auto unrelated = run_caseload({"frobnicate"});
  EXPECT_EQ(unrelated.exit_code, kExitBadInput);
  EXPECT_EQ(unrelated.err_lines().at(0),
            "caseload: unknown command 'frobnicate'; commands: run, check, compare, sweep, stress, info, merge");
}

TEST(Cli, HelpListsEveryCommand) {
  const auto outcome = run_caseload({"--help"});
  EXPECT_EQ(outcome.exit_code, kExitOk);
  for (const char* command : {"run", "check", "compare", "sweep", "stress", "info", "merge"}) {
    EXPECT_NE(outcome.out.find(std::string("  ") + command + " "), std::string::npos) << command;
  }
}

TEST(Cli, EveryCommandHasHelp) {
  for (const char* command : {"run", "check", "compare", "sweep", "stress", "info", "merge"}) {
    const auto outcome = run_caseload({command, "--help"});
    EXPECT_EQ(outcome.exit_code, kExitOk) << command;
    EXPECT_NE(outcome.out.find(std::string("Usage: caseload ") + command), std::string::npos)
        << outcome.out;
  }
}

TEST(Cli, BadOptionValueIsAUsageError) {
  const auto outcome = run_caseload({"run", "scenario.yaml", "--format", "xml"});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_NE(outcome.err.find("--format"), std::string::npos) << outcome.err;
}

TEST(Cli, MissingScenarioArgumentIsAUsageError) {
  EXPECT_EQ(run_caseload({"check"}).exit_code, kExitBadInput);
  EXPECT_EQ(run_caseload({"run"}).exit_code, kExitBadInput);
}

TEST(Cli, EveryCommandChecksItsArguments) {
  EXPECT_EQ(run_caseload({"info"}).exit_code, kExitBadInput);
  EXPECT_EQ(run_caseload({"compare"}).exit_code, kExitBadInput);
  EXPECT_EQ(run_caseload({"sweep"}).exit_code, kExitBadInput);
}

}  // namespace
}  // namespace caseload::cli
