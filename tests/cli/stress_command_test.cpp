#include <cmath>
#include <csignal>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/cli/batch_runner.hpp"
#include "sim/cli/interrupt.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/cli/output_files.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::cli {
namespace {

using caseload::testing::contains;
using caseload::testing::csv_column;
using caseload::testing::file_bytes;
using caseload::testing::run_caseload;
using caseload::testing::ScratchFolder;

std::string regime_file(const std::string& name) {
  return std::string(CASELOAD_SOURCE_DIR) + "/scenarios/regimes/" + name + ".yaml";
}

// One office at its preset size, 8 weeks, no warm-up: a second of work per run in CI, with
// enough entries and credit that strength changes what advisers do.
std::vector<std::string> tiny_stress(const std::string& regime, const std::string& strengths,
                                     const std::string& mixes, const std::string& replications) {
  return {"stress",        regime,        "--set",  "run.weeks=8", "--set", "run.warmup_weeks=0",
          "--set",         "network.offices=1",     "--strengths", strengths, "--mixes", mixes,
          "-r",            replications,  "--quiet"};
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// CSV numbers with missing values (empty fields) as NaN.
std::vector<double> numbers(const std::string& csv, const std::string& name) {
  std::vector<double> out;
  for (const auto& field : csv_column(csv, name)) out.push_back(field.empty() ? NAN : std::stod(field));
  return out;
}

// Every run's channels add up to its measured performance, every cell's channel gains to its
// measured gain: by construction (docs/EXPERIMENTS.md, "Stress tests"), so to rounding.
void expect_channels_add_up(const std::filesystem::path& folder) {
  const std::string runs = file_bytes(folder / "runs.csv");
  const auto measured = numbers(runs, "stress_measured_per_adviser_week");
  std::vector<double> sum(measured.size(), 0.0);
  for (const char* channel : {"stress_selection", "stress_displacement", "stress_real",
                              "stress_gaming_evidence"}) {
    const auto values = numbers(runs, channel);
    ASSERT_EQ(values.size(), sum.size());
    for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += values[i];
  }
  for (std::size_t i = 0; i < sum.size(); ++i) {
    EXPECT_GT(measured[i], 0.0) << "run " << i << " earned no credit: the check would be empty";
    EXPECT_NEAR(sum[i], measured[i], 1e-9 * std::abs(measured[i])) << "run " << i;
  }
  const std::string stress = file_bytes(folder / "stress.csv");
  const auto gain = numbers(stress, "measured_gain");
  std::vector<double> channel_sum(gain.size(), 0.0);
  for (const char* channel : {"selection", "displacement", "real", "gaming_evidence"}) {
    const auto values = numbers(stress, channel);
    for (std::size_t r = 0; r < gain.size(); ++r) channel_sum[r] += values[r];
  }
  bool any_gain = false;
  for (std::size_t r = 0; r < gain.size(); ++r) {
    EXPECT_NEAR(channel_sum[r], gain[r], 1e-9 * std::max(1.0, std::abs(gain[r]))) << "row " << r;
    any_gain = any_gain || std::abs(gain[r]) > 1e-6;
  }
  EXPECT_TRUE(any_gain) << "no cell's measured performance moved with strength:\n" << stress;
}

TEST(StressCommand, JetTableRowsAreCellsAndChannelsAddUpToTheMeasuredGain) {
  ScratchFolder folder;
  const auto out = folder.path() / "jet";
  const auto result = run_caseload(
      with(tiny_stress(regime_file("jet"), "0,5", "low,high", "2"), {"-j", "2", "-o", out.string()}));
  ASSERT_EQ(result.exit_code, kExitOk) << result.err;
  const std::string stress = file_bytes(out / "stress.csv");
  EXPECT_EQ(csv_column(stress, "mix"), (std::vector<std::string>{"low", "low", "high", "high"}));
  EXPECT_EQ(csv_column(stress, "w_target"), (std::vector<std::string>{"0", "5", "0", "5"}));
  EXPECT_EQ(csv_column(stress, "runs"), (std::vector<std::string>(4, "2")));
  // The base strength's gain is its own paired difference with itself.
  EXPECT_EQ(csv_column(stress, "measured_gain")[0], "0");
  EXPECT_EQ(csv_column(file_bytes(out / "runs.csv"), "status"), std::vector<std::string>(8, "done"));
  expect_channels_add_up(out);
  // The printed table: a title, a header, a line per cell, two of definitions, the files.
  EXPECT_TRUE(contains(result.out, "stress jet: 2 strengths x 2 mixes x 2 replications = 8 runs"))
      << result.out;
  EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 1 + 1 + 4 + 2 + 1) << result.out;
}

TEST(StressCommand, JotDecompositionAddsUpToo) {
  ScratchFolder folder;
  const auto out = folder.path() / "jot";
  // Without the 26-week data lag an 8-week run has credit to split.
  const auto result = run_caseload(with(tiny_stress(regime_file("jot"), "0,5", "medium", "2"),
                                        {"--set", "regime.indicators[0].lag_weeks=0", "-o",
                                         out.string()}));
  ASSERT_EQ(result.exit_code, kExitOk) << result.err;
  expect_channels_add_up(out);
}

TEST(StressCommand, BadOptionsExitTwoWithTheReason) {
  const std::string jet = regime_file("jet");
  const struct {
    std::vector<std::string> args;
    std::string says;
  } cases[] = {
      {{"stress", jet, "--strengths", "5,0"}, "--strengths: values must increase"},
      {{"stress", jet, "--strengths", "-1,2"}, "--strengths: -1 is not a number >= 0"},
      {{"stress", jet, "--mixes", "hihg"}, "unknown mix 'hihg' (did you mean 'high'?)"},
      {{"stress", jet, "--mixes", "odd:0:2"}, "'odd:0:2' is not NAME:ALPHA:BETA"},
      {{"stress", jet, "--mixes", "low,low"}, "'low' appears twice"},
      {{"stress", jet, "--resume"}, "--resume needs -o DIR"},
      {{"stress", jet, "-r", "0"}, "-r"},
      {{"stress", jet, "--strengths", "x"}, "--strengths"},
  };
  for (const auto& c : cases) {
    const auto result = run_caseload(c.args);
    EXPECT_EQ(result.exit_code, kExitBadInput) << c.says;
    EXPECT_TRUE(contains(result.err, c.says)) << result.err;
  }
}

TEST(StressCommand, UnknownKeyInTheRegimeFileNamesItsLineAndColumn) {
  ScratchFolder folder;
  const auto file = folder.write("typo.yaml", "include: " + regime_file("jet") +
                                                  "\nname: typo\nadvisers:\n  w_targte: 3\n");
  const auto result = run_caseload({"stress", file.string(), "--quiet"});
  EXPECT_EQ(result.exit_code, kExitBadInput);
  EXPECT_TRUE(contains(result.err, file.string() + ":4:3")) << result.err;
  EXPECT_TRUE(contains(result.err, "w_targte")) << result.err;
  const auto bad_set = run_caseload({"stress", regime_file("jet"), "--set", "advisers.w_targte=1"});
  EXPECT_EQ(bad_set.exit_code, kExitBadInput);
  EXPECT_TRUE(contains(bad_set.err, "w_targte")) << bad_set.err;
}

TEST(StressCommand, AnInterruptedStressTestResumesToTheSameFiles) {
  ScratchFolder folder;
  const auto args = tiny_stress(regime_file("jet"), "0,5", "medium", "2");
  const auto whole = folder.path() / "whole";
  ASSERT_EQ(run_caseload(with(args, {"-j", "2", "-o", whole.string()})).exit_code, kExitOk);

  // A real SIGINT as the second run's record reaches the manifest (see the sweep's test).
  const auto broken = folder.path() / "broken";
  install_interrupt_handlers();
  observe_batches([](const experiment::BatchProgress& progress) {
    if (progress.finished == 2) std::raise(SIGINT);
  });
  const auto stopped = run_caseload(with(args, {"-j", "1", "-o", broken.string()}));
  observe_batches({});
  clear_interrupt_request();
  std::signal(SIGINT, SIG_DFL);
  ASSERT_EQ(stopped.exit_code, kExitInterrupted) << stopped.err;
  EXPECT_TRUE(contains(stopped.err, "stopped with 2 of 4 runs finished")) << stopped.err;
  EXPECT_FALSE(std::filesystem::exists(broken / "stress.csv")) << "no table for a partial test";

  const auto resumed = run_caseload(with(args, {"-j", "2", "-o", broken.string(), "--resume"}));
  ASSERT_EQ(resumed.exit_code, kExitOk) << resumed.err;
  EXPECT_TRUE(contains(resumed.out, "2 resumed")) << resumed.out;
  for (const char* name : {"design.csv", "runs.csv", "stress.csv", "manifest.tsv"}) {
    EXPECT_TRUE(file_bytes(whole / name) == file_bytes(broken / name))
        << name << " differs between an interrupted-and-resumed stress test and a whole one";
  }
  // The same folder without --resume or --force is refused: results are never overwritten.
  const auto again = run_caseload(with(args, {"-o", broken.string()}));
  EXPECT_EQ(again.exit_code, kExitBadInput) << again.err;
}

}  // namespace
}  // namespace caseload::cli
