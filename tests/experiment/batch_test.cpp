#include "sim/experiment/batch.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

#include "sim/core/diagnostics.hpp"
#include "sim/experiment/manifest.hpp"
#include "sim/experiment/text_file.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::experiment {
namespace {

// A stand-in for a simulation: metrics are a pure function of the run, as a seeded run's are.
RunOutcome fake_run(std::size_t /*index*/, const PlannedRun& run,
                    const model::StopRequested& /*stop*/) {
  const double x = static_cast<double>(run.seed % 1000) / 7.0;
  return {RunStatus::Done, {{"x", x}, {"y", std::sqrt(x) + static_cast<double>(run.point)}}, ""};
}

bool same_outcomes(const std::vector<RunOutcome>& a, const std::vector<RunOutcome>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].status != b[i].status || a[i].message != b[i].message) return false;
    if (a[i].metrics.size() != b[i].metrics.size()) return false;
    for (std::size_t m = 0; m < a[i].metrics.size(); ++m) {
      if (a[i].metrics[m].name != b[i].metrics[m].name) return false;
      if (a[i].metrics[m].value != b[i].metrics[m].value) return false;  // bit for bit
    }
  }
  return true;
}

TEST(RunBatch, ResultsAreTheSameWhateverTheThreads) {
  const auto plan = plan_sweep(7, 3, 5);
  BatchOptions one;
  one.threads = 1;
  BatchOptions four;
  four.threads = 4;
  const BatchResult serial = run_batch(plan, fake_run, one);
  const BatchResult parallel = run_batch(plan, fake_run, four);
  EXPECT_TRUE(serial.is_complete);
  EXPECT_TRUE(same_outcomes(serial.outcomes, parallel.outcomes));
}

TEST(RunBatch, ExceptionsBecomeFailedRunsAndTheOthersGoOn) {
  const auto plan = plan_sweep(3, 2, 5);
  const RunFunction run = [](std::size_t index, const PlannedRun& planned,
                             const model::StopRequested& stop) {
    if (planned.point == 1) throw core::ConfigError({"--set", 1, 5}, "bad value");
    if (index == 5) throw std::runtime_error("disk on fire");
    return fake_run(index, planned, stop);
  };
  BatchOptions options;
  options.threads = 2;
  const BatchResult result = run_batch(plan, run, options);
  EXPECT_TRUE(result.is_complete);
  EXPECT_EQ(result.outcomes[0].status, RunStatus::Done);
  EXPECT_EQ(result.outcomes[2].status, RunStatus::Failed);
  EXPECT_EQ(result.outcomes[2].message, "--set:1:5: bad value");
  EXPECT_EQ(result.outcomes[5].message, "disk on fire");
}

TEST(RunBatch, StopLeavesTheRestPendingAndResumeFinishesIdentically) {
  caseload::testing::ScratchFolder folder;
  const auto plan = plan_sweep(5, 2, 17);
  BatchOptions options;
  options.threads = 1;
  options.manifest = folder.path() / "manifest.tsv";
  options.experiment = fingerprint("test");
  std::atomic<int> finished{0};
  options.stop = [&] { return finished.load() >= 3; };  // as if Ctrl-C came after 3 runs
  options.on_progress = [&](const BatchProgress& progress) {
    finished = static_cast<int>(progress.finished);
  };
  const BatchResult stopped = run_batch(plan, fake_run, options);
  EXPECT_FALSE(stopped.is_complete);

  const auto text = read_text_file(options.manifest);
  ASSERT_TRUE(text.has_value());
  const Manifest manifest = parse_manifest(*text, "manifest.tsv");
  int done = 0;
  for (const auto& outcome : manifest.outcomes) done += outcome.status == RunStatus::Done;
  EXPECT_EQ(done, 3) << *text;

  options.stop = {};
  options.resume = true;
  std::atomic<int> calls{0};
  const RunFunction counting = [&](std::size_t index, const PlannedRun& run,
                                   const model::StopRequested& stop) {
    calls.fetch_add(1);
    return fake_run(index, run, stop);
  };
  const BatchResult resumed = run_batch(plan, counting, options);
  EXPECT_TRUE(resumed.is_complete);
  EXPECT_EQ(resumed.resumed, 3u);
  EXPECT_EQ(calls.load(), 7) << "only the runs not done were run";
  BatchOptions plain;
  EXPECT_TRUE(same_outcomes(resumed.outcomes, run_batch(plan, fake_run, plain).outcomes));
}

TEST(RunBatch, EachRunThatEndsOnlyAppendsToTheManifest) {
  caseload::testing::ScratchFolder folder;
  BatchOptions options;
  options.threads = 2;
  options.manifest = folder.path() / "manifest.tsv";
  options.experiment = fingerprint("test");
  // Rewriting the whole manifest per run made a batch quadratic in its runs; appending keeps
  // every earlier state of the file as a prefix of the next.
  std::vector<std::string> states;
  options.on_progress = [&](const BatchProgress&) {
    states.push_back(*read_text_file(options.manifest));
  };
  run_batch(plan_sweep(20, 1, 1), fake_run, options);
  ASSERT_EQ(states.size(), 21u);
  for (std::size_t i = 1; i < states.size(); ++i) {
    EXPECT_TRUE(states[i].starts_with(states[i - 1])) << "run " << i << " rewrote the file";
    EXPECT_EQ(std::count(states[i].begin(), states[i].end(), '\n') -
                  std::count(states[i - 1].begin(), states[i - 1].end(), '\n'),
              1)
        << "one line per run";
  }
}

TEST(RunBatch, ResumingAnotherExperimentsManifestIsRefused) {
  caseload::testing::ScratchFolder folder;
  BatchOptions options;
  options.manifest = folder.path() / "manifest.tsv";
  options.experiment = fingerprint("first");
  run_batch(plan_sweep(2, 1, 1), fake_run, options);
  options.resume = true;
  options.experiment = fingerprint("second");
  EXPECT_THROW(run_batch(plan_sweep(2, 1, 1), fake_run, options), core::ConfigError);
  options.experiment = fingerprint("first");
  EXPECT_THROW(run_batch(plan_sweep(3, 1, 1), fake_run, options), core::ConfigError)
      << "same fingerprint, different plan";
  EXPECT_NO_THROW(run_batch(plan_sweep(2, 1, 1), fake_run, options));
}

TEST(RunBatch, ManifestRecordsEveryRunAsItEnds) {
  caseload::testing::ScratchFolder folder;
  BatchOptions options;
  options.threads = 2;
  options.manifest = folder.path() / "manifest.tsv";
  options.experiment = fingerprint("test");
  std::vector<std::size_t> done_in_file;
  options.on_progress = [&](const BatchProgress&) {
    const Manifest now = parse_manifest(*read_text_file(options.manifest), "m");
    std::size_t done = 0;
    for (const auto& outcome : now.outcomes) done += outcome.status == RunStatus::Done;
    done_in_file.push_back(done);
  };
  run_batch(plan_sweep(4, 1, 1), fake_run, options);
  EXPECT_EQ(done_in_file, (std::vector<std::size_t>{0, 1, 2, 3, 4}));
  const Manifest final_manifest = parse_manifest(*read_text_file(options.manifest), "m");
  EXPECT_EQ(*read_text_file(options.manifest), format_manifest(final_manifest))
      << "at the end the manifest is written whole, in run order, without appended lines";
  // No temporary (manifest.tsv.tmp.PID.N) is left beside it.
  for (const auto& entry : std::filesystem::directory_iterator(folder.path())) {
    EXPECT_EQ(entry.path().filename(), "manifest.tsv");
  }
}

}  // namespace
}  // namespace caseload::experiment
