#include <csignal>
#include <algorithm>
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

using caseload::testing::csv_column;
using caseload::testing::file_bytes;
using caseload::testing::run_caseload;
using caseload::testing::ScratchFolder;

std::string smoke() { return std::string(CASELOAD_SOURCE_DIR) + "/scenarios/smoke.yaml"; }

// Sweep files in the tests name the smoke scenario by its absolute path.
std::string base_line() { return "base: " + smoke() + "\n"; }

// The smoke scenario under a matched job-entry regime, its lag and matching misses swept on a
// 3 x 2 grid, two replications each: 12 short runs. The regime's keys vary like any other.
std::filesystem::path grid_sweep(const ScratchFolder& folder) {
  return folder.write("grid.yaml", R"(
name: lag
set:
  - run.weeks=13
  - run.warmup_weeks=0
  - 'regime={indicators: [{kind: job_entry, attribution: matched}]}'
parameters:
  - regime.indicators[0].lag_weeks
  - regime.indicators[0].false_negative
design:
  grid:
    regime.indicators[0].lag_weeks: [0, 4, 8]
    regime.indicators[0].false_negative: [0.0, 0.2]
replications: 2
seed: 7
)" + base_line());
}

std::vector<std::string> sweep_args(const std::filesystem::path& sweep,
                                    const std::filesystem::path& out, const std::string& jobs) {
  return {"sweep", sweep.string(), "-j", jobs, "-o", out.string(), "--quiet"};
}

TEST(SweepCommand, OneThreadAndTwoWriteIdenticalFiles) {
  ScratchFolder folder;
  const auto sweep = grid_sweep(folder);
  const auto serial = folder.path() / "serial";
  const auto parallel = folder.path() / "parallel";
  const auto one = run_caseload(sweep_args(sweep, serial, "1"));
  ASSERT_EQ(one.exit_code, kExitOk) << one.err;
  const auto two = run_caseload(sweep_args(sweep, parallel, "2"));
  ASSERT_EQ(two.exit_code, kExitOk) << two.err;
  for (const char* name : {"design.csv", "runs.csv", "points.csv", "sweep.h5", "manifest.tsv"}) {
    const std::string bytes = file_bytes(serial / name);
    EXPECT_FALSE(bytes.empty()) << name;
    EXPECT_TRUE(bytes == file_bytes(parallel / name)) << name << " differs between -j 1 and -j 2";
  }
  const std::string runs = file_bytes(serial / "runs.csv");
  EXPECT_EQ(csv_column(runs, "status"), std::vector<std::string>(12, "done"));
  EXPECT_EQ(csv_column(runs, "regime.indicators[0].lag_weeks"),
            (std::vector<std::string>{"0", "0", "0", "0", "4", "4", "4", "4", "8", "8", "8", "8"}));
  EXPECT_EQ(one.out, "sweep lag: 6 points x 2 replications = 12 runs, 12 done (0 resumed); wrote " +
                         serial.string() +
                         "/{design.csv, runs.csv, points.csv, sweep.h5, manifest.tsv}\n");
  // Points in long form: every figure per point, by group too, with the point's parameters.
  const std::string points = file_bytes(serial / "points.csv");
  EXPECT_EQ(points.substr(0, points.find('\n')),
            "point,regime.indicators[0].lag_weeks,regime.indicators[0].false_negative,metric,by,group,mean,runs,"
            "mean_lower,mean_upper,scale");
  const auto by = csv_column(points, "by");
  EXPECT_NE(std::find(by.begin(), by.end(), "group"), by.end());
  const auto metrics = csv_column(points, "metric");
  const auto lowers = csv_column(points, "mean_lower");
  const auto uppers = csv_column(points, "mean_upper");
  std::size_t checked = 0;
  for (std::size_t row = 0; row < metrics.size(); ++row) {
    if (metrics[row] != "parked_share" || by[row] != "all") continue;
    EXPECT_GE(std::stod(lowers[row]), 0.0);
    EXPECT_LE(std::stod(uppers[row]), 1.0);
    EXPECT_LE(std::stod(lowers[row]), std::stod(uppers[row]));
    ++checked;
  }
  EXPECT_EQ(checked, 6u) << "one whole-population parked_share row per point";
}

TEST(SweepCommand, AnInterruptedSweepResumesToTheSameResults) {
  ScratchFolder folder;
  const auto sweep = grid_sweep(folder);
  const auto whole = folder.path() / "whole";
  ASSERT_EQ(run_caseload(sweep_args(sweep, whole, "2")).exit_code, kExitOk);

  // Ctrl-C, honestly and on cue: a real SIGINT raised as the second run's record reaches the
  // manifest. The handler sets the flag the batch polls before it starts a run, so with one
  // thread the third run never starts: no race with a watcher, whatever the machine's load.
  const auto broken = folder.path() / "broken";
  install_interrupt_handlers();
  observe_batches([](const experiment::BatchProgress& progress) {
    if (progress.finished == 2) std::raise(SIGINT);
  });
  const auto stopped = run_caseload(sweep_args(sweep, broken, "1"));
  observe_batches({});
  clear_interrupt_request();
  std::signal(SIGINT, SIG_DFL);
  ASSERT_EQ(stopped.exit_code, kExitInterrupted) << stopped.err;
  EXPECT_NE(stopped.err.find("stopped with 2 of 12 runs finished"), std::string::npos)
      << stopped.err;
  EXPECT_NE(stopped.err.find("--resume to finish"), std::string::npos) << stopped.err;
  EXPECT_FALSE(std::filesystem::exists(broken / "runs.csv")) << "no summary for a partial sweep";
  const std::string partial = file_bytes(broken / "manifest.tsv");
  EXPECT_NE(partial.find("\tpending\t"), std::string::npos) << partial;

  auto resume_args = sweep_args(sweep, broken, "2");
  resume_args.push_back("--resume");
  const auto resumed = run_caseload(resume_args);
  ASSERT_EQ(resumed.exit_code, kExitOk) << resumed.err;
  EXPECT_EQ(resumed.out.find("(0 resumed)"), std::string::npos) << resumed.out;
  for (const char* name : {"design.csv", "runs.csv", "sweep.h5", "manifest.tsv"}) {
    EXPECT_TRUE(file_bytes(whole / name) == file_bytes(broken / name))
        << name << " differs between an interrupted-and-resumed sweep and a whole one";
  }
}

TEST(SweepCommand, TracesOnePerRunWithoutChangingTheResults) {
  ScratchFolder folder;
  const auto sweep = folder.write("small.yaml", R"(
set: [run.weeks=4, run.warmup_weeks=0]
parameters: [network.advisers_per_office]
design: {grid: {network.advisers_per_office: [2, 3]}}
replications: 2
)" + base_line());
  const auto plain = folder.path() / "plain";
  const auto traced = folder.path() / "traced";
  ASSERT_EQ(run_caseload(sweep_args(sweep, plain, "2")).exit_code, kExitOk);
  auto args = sweep_args(sweep, traced, "2");
  args.insert(args.end(), {"--traces", "summary"});
  const auto outcome = run_caseload(args);
  ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  EXPECT_NE(outcome.out.find(", traces/}"), std::string::npos) << outcome.out;
  for (const char* name :
       {"point-0_rep-0.h5", "point-0_rep-1.h5", "point-1_rep-0.h5", "point-1_rep-1.h5"}) {
    EXPECT_TRUE(std::filesystem::exists(traced / "traces" / name)) << name;
  }
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(traced / "traces"),
                          std::filesystem::directory_iterator()),
            4)
      << "no .partial left behind";
  EXPECT_TRUE(file_bytes(plain / "runs.csv") == file_bytes(traced / "runs.csv"))
      << "a traced run reloads its scenario with its seed; the results must not change";
  const auto no_folder = run_caseload({"sweep", sweep.string(), "--traces", "summary"});
  EXPECT_EQ(no_folder.exit_code, kExitBadInput);
  EXPECT_EQ(no_folder.err, "caseload sweep: --traces needs -o DIR\n");
}

TEST(SweepCommand, AnInvalidPointFailsAloneAndIsReported) {
  ScratchFolder folder;
  const auto sweep = folder.write("points.yaml", R"(
set: [run.weeks=13, run.warmup_weeks=0, 'regime={indicators: [{kind: job_entry, attribution: matched}]}']
parameters: [regime.indicators.0.false_negative]
design:
  points:
    - regime.indicators.0.false_negative: 0.1
    - regime.indicators.0.false_negative: 1.5
    - regime.indicators.0.false_negative: 0.3
)" + base_line());
  const auto out = folder.path() / "out";
  const auto outcome = run_caseload(sweep_args(sweep, out, "2"));
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  const auto lines = outcome.err_lines();
  ASSERT_EQ(lines.size(), 2u) << outcome.err;
  EXPECT_EQ(lines[0].rfind(
                "caseload sweep: point 1 (regime.indicators.0.false_negative=1.5) failed: ", 0),
            0u)
      << lines[0];
  EXPECT_NE(
      lines[0].find("'regime.indicators[0].false_negative' must be a number in [0, 1], got 1.5"),
      std::string::npos)
      << lines[0];
  EXPECT_EQ(lines[1], "caseload sweep: 1 of 3 runs failed; the others are done and written");
  const std::string runs = file_bytes(out / "runs.csv");
  EXPECT_EQ(csv_column(runs, "status"), (std::vector<std::string>{"done", "failed", "done"}));
  EXPECT_EQ(csv_column(runs, "off_flows_to_work")[1], "") << "a failed run has no metrics";
  EXPECT_NE(file_bytes(out / "manifest.tsv").find("\tfailed\t\t"), std::string::npos);
}

TEST(SweepCommand, WithoutOutputFolderPrintsTheRunsTable) {
  ScratchFolder folder;
  const auto sweep = folder.write("one.yaml", R"(
set: [run.weeks=4, run.warmup_weeks=0]
parameters: [network.advisers_per_office]
design: {grid: {network.advisers_per_office: [2, 3]}}
)" + base_line());
  const auto outcome = run_caseload({"sweep", sweep.string(), "--quiet"});
  ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  EXPECT_EQ(
      outcome.out.rfind("index,point,replication,seed,status,network.advisers_per_office,", 0), 0u)
      << outcome.out;
  EXPECT_EQ(csv_column(outcome.out, "network.advisers_per_office"),
            (std::vector<std::string>{"2", "3"}));
}

TEST(SweepCommand, LatinHypercubeSweepRecordsItsDesign) {
  ScratchFolder folder;
  const auto sweep = folder.write("lhs.yaml", R"(
set: [run.weeks=4, run.warmup_weeks=0]
parameters: [search.intercept]
design:
  latin_hypercube: {samples: 4, bounds: {search.intercept: [-3, -1]}}
)" + base_line());
  const auto out = folder.path() / "out";
  ASSERT_EQ(run_caseload(sweep_args(sweep, out, "2")).exit_code, kExitOk);
  const auto values =
      caseload::testing::csv_numbers(file_bytes(out / "design.csv"), "search.intercept");
  ASSERT_EQ(values.size(), 4u);
  std::vector<bool> stratum_taken(4, false);
  for (const double value : values)
    stratum_taken.at(static_cast<std::size_t>((value + 3.0) / 0.5)) = true;
  EXPECT_EQ(stratum_taken, std::vector<bool>(4, true));
}

TEST(SweepCommand, BadSweepFileExitsTwoWithWhere) {
  ScratchFolder folder;
  const auto sweep = folder.write("bad.yaml", R"(
parameters: [run.weeks]
design: {grid: {run.weeks: [1]}}
replications: 0
)" + base_line());
  const auto outcome = run_caseload({"sweep", sweep.string()});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_EQ(outcome.err,
            sweep.string() + ":4:15: 'replications' must be a number in [1, 100000], got 0\n");
}

TEST(SweepCommand, ABaseThatDoesNotLoadStopsTheSweepBeforeAnyRun) {
  ScratchFolder folder;
  const auto sweep = folder.write("bad-set.yaml", R"(
set: [run.wekks=3]
parameters: [run.weeks]
design: {grid: {run.weeks: [1]}}
)" + base_line());
  const auto outcome =
      run_caseload({"sweep", sweep.string(), "-o", (folder.path() / "out").string()});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_NE(outcome.err.find("unknown key 'wekks' in 'run' (did you mean 'weeks'?)"),
            std::string::npos)
      << outcome.err;
  EXPECT_FALSE(std::filesystem::exists(folder.path() / "out"));
}

}  // namespace
}  // namespace caseload::cli
