#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/experiment/run_seed.hpp"
#include "sim/experiment/statistics.hpp"
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

std::string smoke() { return std::string(CASELOAD_SOURCE_DIR) + "/scenarios/smoke.yaml"; }

// The smoke scenario with a fourth adviser: the same people arrive, fewer per adviser.
std::string four_advisers(const ScratchFolder& folder) {
  return folder
      .write("smoke-4.yaml",
             "include: " + smoke() + "\nname: smoke-4\nnetwork: {advisers_per_office: 4}\n")
      .string();
}

// The words of the table row for `metric` and `arm` (empty if there is none). Columns are
// aligned, so the spaces between words depend on the longest metric name.
std::vector<std::string> row_words(const std::string& table, const std::string& metric,
                                   const std::string& arm) {
  std::istringstream lines(table);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream stream(line);
    std::vector<std::string> words;
    for (std::string word; stream >> word;) words.push_back(word);
    if (words.size() >= 2 && words[0] == metric && words[1] == arm) return words;
  }
  return {};
}

// A quarter of a year keeps each run well under a second in a sanitizer build.
std::vector<std::string> compare_args(std::vector<std::string> args) {
  for (const char* set : {"run.weeks=13", "run.warmup_weeks=0"}) {
    args.push_back("--set");
    args.push_back(set);
  }
  args.push_back("--quiet");
  return args;
}

TEST(CompareCommand, TablePrintsMeansAndPairedDifferencesPerMetricAndArm) {
  ScratchFolder folder;
  const auto outcome = run_caseload(compare_args(
      {"compare", smoke(), four_advisers(folder), "--reps", "2", "-j", "2", "--table"}));
  ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  EXPECT_EQ(outcome.err, "");
  const std::string& text = outcome.out;
  EXPECT_EQ(text.rfind("comparison: 2 arms, 2 replications each, seed 1 (common random numbers", 0),
            0u)
      << text;
  EXPECT_NE(text.find("\nmetric  "), std::string::npos) << text;
  EXPECT_NE(text.find("diff vs smoke  95% CI"), std::string::npos) << text;
  // metric, arm, mean, "-", "-", n for the first arm; metric, arm, mean, difference,
  // "[low," "high]", n for the others.
  EXPECT_EQ(row_words(text, "caseload_per_adviser", "smoke").size(), 6u) << text;
  const auto other = row_words(text, "caseload_per_adviser", "smoke-4");
  ASSERT_EQ(other.size(), 7u) << text;
  EXPECT_EQ(other[4].front(), '[');
  EXPECT_EQ(other[6], "2");
}

TEST(CompareCommand, OneReplicationHasNoInterval) {
  ScratchFolder folder;
  const auto outcome = run_caseload(
      compare_args({"compare", smoke(), four_advisers(folder), "--reps", "1", "--table"}));
  ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  const auto words = row_words(outcome.out, "off_flows_to_work", "smoke-4");
  ASSERT_EQ(words.size(), 6u) << outcome.out;
  EXPECT_EQ(words[4], "n/a");
  EXPECT_EQ(words[5], "1");
}

TEST(CompareCommand, WritesRunsComparisonAndManifest) {
  ScratchFolder folder;
  const auto out = folder.path() / "out";
  const auto outcome =
      run_caseload(compare_args({"compare", smoke(), four_advisers(folder), "--reps", "3", "--seed",
                                 "5", "-o", out.string()}));
  ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  for (const char* name : {"runs.csv", "comparison.csv", "compare.h5", "manifest.tsv"}) {
    EXPECT_TRUE(std::filesystem::exists(out / name)) << name;
  }
  const std::string runs = file_bytes(out / "runs.csv");
  EXPECT_EQ(csv_column(runs, "arm"),
            (std::vector<std::string>{"smoke", "smoke-4", "smoke", "smoke-4", "smoke", "smoke-4"}));
  const auto seeds = csv_column(runs, "seed");
  for (std::size_t r = 0; r < 3; ++r) {
    const std::string expected = std::to_string(experiment::derive_run_seed(5, 0, r));
    EXPECT_EQ(seeds[2 * r], expected) << "replication " << r;
    EXPECT_EQ(seeds[2 * r + 1], expected) << "both arms share replication " << r << "'s seed";
  }
  EXPECT_EQ(csv_column(runs, "status"), std::vector<std::string>(6, "done"));
  const std::string comparison = file_bytes(out / "comparison.csv");
  EXPECT_EQ(
      comparison.rfind(
          "metric,arm,mean,runs,difference,ci_lower,ci_upper,pairs,mean_lower,mean_upper,scale\n",
          0),
      0u);
}

TEST(CompareCommand, CommonRandomNumbersShrinkTheVarianceOfDifferences) {
  // Paired: both arms of replication r share a seed. Unpaired: the second arm's runs come from
  // another experiment seed, so they are independent of the first arm's. Fixed seeds make this
  // deterministic; the bound (a quarter) leaves a wide margin under the ~1/30 observed, so a
  // model change would have to weaken the pairing greatly to trip it.
  ScratchFolder folder;
  const std::string other = four_advisers(folder);
  const auto first = folder.path() / "seed1";
  const auto second = folder.path() / "seed2";
  for (const auto& [dir, seed] : {std::pair{first, "1"}, std::pair{second, "2"}}) {
    const auto outcome = run_caseload(compare_args(
        {"compare", smoke(), other, "--reps", "6", "--seed", seed, "-j", "2", "-o", dir.string()}));
    ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  }
  const auto split = [](const std::vector<double>& values, std::size_t arm) {
    std::vector<double> out;
    for (std::size_t i = arm; i < values.size(); i += 2) out.push_back(values[i]);
    return out;
  };
  const auto metric1 = csv_numbers(file_bytes(first / "runs.csv"), "off_flows_to_work");
  const auto metric2 = csv_numbers(file_bytes(second / "runs.csv"), "off_flows_to_work");
  const auto baseline = split(metric1, 0);
  const auto paired = split(metric1, 1);
  const auto unpaired = split(metric2, 1);
  std::vector<double> paired_differences;
  std::vector<double> unpaired_differences;
  for (std::size_t r = 0; r < baseline.size(); ++r) {
    paired_differences.push_back(paired[r] - baseline[r]);
    unpaired_differences.push_back(unpaired[r] - baseline[r]);
  }
  const double paired_variance = experiment::sample_variance(paired_differences);
  const double unpaired_variance = experiment::sample_variance(unpaired_differences);
  EXPECT_LT(paired_variance, unpaired_variance / 4.0)
      << "paired " << paired_variance << ", unpaired " << unpaired_variance;
}

TEST(CompareCommand, ABadArmStopsEverythingBeforeAnyRun) {
  ScratchFolder folder;
  const auto bad = folder.write("bad.yaml", "include: " + smoke() + "\nrun: {sead: 3}\n");
  const auto out = folder.path() / "out";
  const auto outcome = run_caseload({"compare", smoke(), bad.string(), "-o", out.string()});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_EQ(outcome.err,
            bad.string() + ":2:7: unknown key 'sead' in 'run' (did you mean 'seed'?)\n");
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(CompareCommand, UsageMistakes) {
  EXPECT_EQ(run_caseload({"compare", smoke()}).exit_code, kExitBadInput) << "one arm";
  const auto resume = run_caseload({"compare", smoke(), smoke(), "--resume"});
  EXPECT_EQ(resume.exit_code, kExitBadInput);
  EXPECT_EQ(resume.err, "caseload compare: --resume needs -o DIR (the batch to finish)\n");
  EXPECT_EQ(run_caseload({"compare", smoke(), smoke(), "--reps", "0"}).exit_code, kExitBadInput);
}

TEST(CompareCommand, RefusesToOverwriteAnEarlierBatchUnlessForced) {
  ScratchFolder folder;
  const auto out = (folder.path() / "out").string();
  const auto args = compare_args({"compare", smoke(), smoke(), "--reps", "1", "-o", out});
  ASSERT_EQ(run_caseload(args).exit_code, kExitOk);
  const auto again = run_caseload(args);
  EXPECT_EQ(again.exit_code, kExitBadInput);
  EXPECT_NE(again.err.find("already holds the results of a batch"), std::string::npos) << again.err;
  auto forced = args;
  forced.push_back("--force");
  EXPECT_EQ(run_caseload(forced).exit_code, kExitOk);
  auto resumed = args;
  resumed.push_back("--resume");
  const auto outcome = run_caseload(resumed);
  EXPECT_EQ(outcome.exit_code, kExitOk) << outcome.err;
}

}  // namespace
}  // namespace caseload::cli
