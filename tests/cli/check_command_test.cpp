#include <cctype>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tests/cli/cli_runner.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::cli {
namespace {

using caseload::testing::config_data;
using caseload::testing::run_caseload;

// `caseload check FIXTURE` must fail with exit 2 and exactly these lines on stderr.
// True for "file:line:col: message", with digits for line and column and a non-empty message.
// (Checked by hand: GCC 12's <regex> trips -Wmaybe-uninitialized in the sanitizer build.)
bool is_located(const std::string& line) {
  const auto file_end = line.find(':');
  if (file_end == 0 || file_end == std::string::npos) return false;
  std::size_t at = file_end + 1;
  for (int field = 0; field < 2; ++field) {
    const std::size_t digits_start = at;
    while (at < line.size() && std::isdigit(static_cast<unsigned char>(line[at]))) ++at;
    if (at == digits_start || at >= line.size() || line[at] != ':') return false;
    ++at;
  }
  return line.compare(at, 1, " ") == 0 && line.size() > at + 1;
}

void expect_check_problems(const std::string& fixture, const std::vector<std::string>& lines) {
  const auto outcome = run_caseload({"check", config_data(fixture).string()});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_EQ(outcome.out, "");
  EXPECT_EQ(outcome.err_lines(), lines);
  // Every problem is one file:line:col line (a missing file has no line to point at).
  for (const auto& line : outcome.err_lines()) {
    if (line.find("cannot open scenario file") == std::string::npos) {
      EXPECT_TRUE(is_located(line)) << line;
    }
  }
}

std::string data(const std::string& fixture) { return config_data(fixture).string(); }

TEST(CheckCommand, ValidScenarioPrintsOkAndItsName) {
  const auto outcome =
      run_caseload({"check", std::string(CASELOAD_SOURCE_DIR) + "/scenarios/smoke.yaml"});
  EXPECT_EQ(outcome.exit_code, kExitOk);
  EXPECT_EQ(outcome.out.rfind("ok: smoke\nestimated peak memory per run: about ", 0), 0u) << outcome.out;
  EXPECT_EQ(outcome.err, "");
}

TEST(CheckCommand, MisspeltKeyIsReportedWithDidYouMean) {
  expect_check_problems(
      "misspelt_key.yaml",
      {data("misspelt_key.yaml") + ":4:3: unknown key 'sead' in 'run' (did you mean 'seed'?)"});
}

TEST(CheckCommand, TextWhereANumberBelongsIsReported) {
  expect_check_problems(
      "string_for_number.yaml",
      {data("string_for_number.yaml") + ":4:10: 'run.weeks' must be a number, got 'lots'"});
}

TEST(CheckCommand, NegativeWeeksAreReportedWithTheAllowedRange) {
  expect_check_problems("negative_weeks.yaml", {data("negative_weeks.yaml") +
                                                ":4:10: 'run.weeks' must be a number in (0, 5200], got -3"});
}

TEST(CheckCommand, MissingFileIsOneLineNamingIt) {
  expect_check_problems(
      "no_such_scenario.yaml",
      {data("no_such_scenario.yaml") + ": cannot open scenario file (No such file or directory)"});
}

TEST(CheckCommand, IncludeCycleIsReportedAtTheIncludeEntry) {
  const auto a = data("include_cycle_a.yaml");
  const auto b = data("include_cycle_b.yaml");
  expect_check_problems("include_cycle_a.yaml",
                        {fmt::format("{}:2:10: include cycle: {} -> {} -> {}", b, a, b, a)});
}

TEST(CheckCommand, BinaryGarbageIsNotText) {
  expect_check_problems("binary_garbage.yaml",
                        {data("binary_garbage.yaml") +
                         ":1:1: file is not text (byte 0x89 at offset 0); scenario files are "
                         "UTF-8 YAML"});
}

TEST(CheckCommand, EmptyFileIsReported) {
  expect_check_problems(
      "empty.yaml",
      {data("empty.yaml") + ":1:1: scenario file is empty; a scenario needs at least 'name'"});
}

TEST(CheckCommand, ThreeProblemsAreAllReportedInFileOrder) {
  const auto file = data("three_problems.yaml");
  expect_check_problems("three_problems.yaml",
                        {file + ":3:1: unknown key 'descripton' (did you mean 'description'?)",
                         file + ":5:9: 'run.seed' must be a whole number, got 'many'",
                         file + ":6:10: 'run.weeks' must be a number in (0, 5200], got -3"});
}

TEST(CheckCommand, SetWithABadPathIsReportedAtTheSet) {
  const auto outcome =
      run_caseload({"check", data("include_override.yaml"), "--set", "run..seed=1"});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_EQ(outcome.err_lines(),
            std::vector<std::string>{"--set:1:5: empty key in path 'run..seed'"});
}

TEST(CheckCommand, SetOfAnUnknownKeyIsReportedAtItsColumn) {
  const auto outcome = run_caseload(
      {"check", data("include_override.yaml"), "--set", "run.seed=3", "--set", "run.wekks=3"});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_EQ(
      outcome.err_lines(),
      std::vector<std::string>{"--set:2:5: unknown key 'wekks' in 'run' (did you mean 'weeks'?)"});
}

TEST(CheckCommand, SetWithoutEqualsIsReported) {
  const auto outcome = run_caseload({"check", data("include_override.yaml"), "--set", "run.seed"});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_EQ(
      outcome.err_lines(),
      std::vector<std::string>{"--set:1:1: expected path=value (like run.seed=7), got 'run.seed'"});
}

TEST(CheckCommand, SetFixesAProblemInTheFile) {
  const auto outcome = run_caseload({"check", data("negative_weeks.yaml"), "--set", "run.weeks=3"});
  EXPECT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  EXPECT_EQ(outcome.out.rfind("ok: negative_weeks\n", 0), 0u) << outcome.out;
}

TEST(CheckCommand, ResolvedShowsIncludesMergedWithTheOverrideWinning) {
  const auto outcome =
      run_caseload({"check", data("include_override.yaml"), "--resolved", "--set", "run.seed=5"});
  EXPECT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  // The resolved YAML carries every default too; check the parts the include and --set decide.
  EXPECT_EQ(outcome.out.rfind("# included (already merged in): include_base.yaml\n"
                              "description: from the base\n"
                              "run:\n"
                              "  seed: 5\n"
                              "  weeks: 20\n"
                              "  warmup_weeks: 2\n", 0), 0u) << outcome.out;
  EXPECT_NE(outcome.out.find("\nname: derived\n"), std::string::npos) << outcome.out;
}

}  // namespace
}  // namespace caseload::cli
