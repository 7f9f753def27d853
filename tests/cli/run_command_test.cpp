#include <csignal>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "sim/cli/interrupt.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::cli {
namespace {

using caseload::testing::run_caseload;

std::string smoke() { return caseload::testing::smoke_scenario(); }

TEST(RunCommand, PrintsASummaryUnderAHeader) {
  const auto outcome = run_caseload({"run", smoke()});
  EXPECT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  EXPECT_EQ(outcome.err, "");
  EXPECT_EQ(outcome.out.rfind("scenario: smoke  seed: 42  events: ", 0), 0u) << outcome.out;
  EXPECT_NE(outcome.out.find("\nname "), std::string::npos) << outcome.out;
  EXPECT_NE(outcome.out.find("\noff_benefit_13w "), std::string::npos) << outcome.out;
  EXPECT_NE(outcome.out.find("\nby customer group (claims begun in the measured period):\ngroup "),
            std::string::npos)
      << outcome.out;
}

TEST(RunCommand, SameSeedGivesIdenticalText) {
  const auto first = run_caseload({"run", smoke(), "--seed", "7"});
  const auto second = run_caseload({"run", smoke(), "--seed", "7"});
  EXPECT_EQ(first.exit_code, kExitOk);
  EXPECT_EQ(first.out, second.out);
  EXPECT_FALSE(first.out.empty());
}

TEST(RunCommand, SameSeedGivesIdenticalJson) {
  const auto first = run_caseload({"run", smoke(), "--format", "json"});
  const auto second = run_caseload({"run", smoke(), "--format", "json"});
  EXPECT_EQ(first.exit_code, kExitOk);
  EXPECT_EQ(first.out, second.out);
}

TEST(RunCommand, JsonIsOneObjectWithTheDocumentedFields) {
  const auto outcome = run_caseload({"run", smoke(), "--format", "json", "--seed", "9"});
  EXPECT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  const std::string& json = outcome.out;
  EXPECT_EQ(json.rfind("{\"scenario\": \"smoke\", \"seed\": 9, \"events\": ", 0), 0u) << json;
  EXPECT_NE(json.find(", \"summary\": {\"off_benefit_13w\": "), std::string::npos) << json;
  EXPECT_NE(json.find(R"(, "by_group": {")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"(: {"claims": )"), std::string::npos) << json;
  EXPECT_EQ(json.substr(json.size() - 4), "}}}\n") << json;
  EXPECT_EQ(json.find('\n'), json.size() - 1) << "one line";
}

TEST(RunCommand, SeedAndSetOverrideTheFile) {
  const auto outcome = run_caseload({"run", smoke(), "--seed", "123", "--set", "run.weeks=1",
                                     "--set", "run.warmup_weeks=0", "--format", "json"});
  EXPECT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  EXPECT_NE(outcome.out.find("\"seed\": 123"), std::string::npos) << outcome.out;
  // One simulated week handles far fewer events than the file's 117 weeks.
  const auto events = [](const std::string& json) {
    const auto at = json.find("\"events\": ") + 10;
    return std::stoull(json.substr(at, json.find(',', at) - at));
  };
  const auto full = run_caseload({"run", smoke(), "--seed", "123", "--format", "json"});
  EXPECT_LT(events(outcome.out) * 50, events(full.out)) << outcome.out << full.out;
}

TEST(RunCommand, BadScenarioExitsTwoWithTheProblems) {
  const auto outcome = run_caseload({"run", smoke(), "--set", "run.weeks=-3"});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_EQ(outcome.out, "");
  EXPECT_EQ(outcome.err, "--set:1:11: 'run.weeks' must be a number in (0, 5200], got -3\n");
}

TEST(RunCommand, SeedOutOfRangeIsAUsageError) {
  EXPECT_EQ(run_caseload({"run", smoke(), "--seed", "-1"}).exit_code, kExitBadInput);
  EXPECT_EQ(run_caseload({"run", smoke(), "--seed", "99999999999999999999"}).exit_code,
            kExitBadInput);
  EXPECT_EQ(run_caseload({"run", smoke(), "--seed", "abc"}).exit_code, kExitBadInput);
}

TEST(RunCommand, InterruptStopsTheRunWithExit130) {
  install_interrupt_handlers();
  std::raise(SIGINT);
  ASSERT_TRUE(interrupt_requested());
  const auto outcome = run_caseload({"run", smoke()});
  clear_interrupt_request();
  std::signal(SIGINT, SIG_DFL);
  EXPECT_EQ(outcome.exit_code, kExitInterrupted);
  EXPECT_EQ(outcome.out, "");
  EXPECT_EQ(outcome.err, "caseload: interrupted\n");
}

}  // namespace
}  // namespace caseload::cli
