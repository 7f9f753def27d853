// `caseload run -o`: the trace is written, levels change what it holds, an existing file is
// refused without --force, a bad path fails before any work, and Ctrl-C leaves a readable
// .partial with complete=0 while any earlier OUT.h5 stays as it was.

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

#include "sim/cli/interrupt.hpp"
#include "sim/io/trace/trace_reader.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::cli {
namespace {

namespace fs = std::filesystem;
using caseload::testing::run_caseload;
using caseload::testing::ScratchFolder;

std::string smoke() { return caseload::testing::smoke_scenario(); }

std::string contents(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const io::TableSummary* find_table(const io::TraceSummary& trace, const std::string& variant,
                                   const std::string& table) {
  for (const auto& v : trace.variants) {
    if (v.name != variant) continue;
    for (const auto& t : v.tables) {
      if (t.name == table) return &t;
    }
  }
  return nullptr;
}

// Sets the Ctrl-C flag the way a real SIGINT does, and undoes it afterwards.
class PendingInterrupt {
 public:
  PendingInterrupt() {
    install_interrupt_handlers();
    std::raise(SIGINT);
  }
  ~PendingInterrupt() {
    clear_interrupt_request();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
  }
  PendingInterrupt(const PendingInterrupt&) = delete;
  PendingInterrupt& operator=(const PendingInterrupt&) = delete;
};

TEST(RunTraceOutput, WritesACompleteTraceAndStillPrintsTheSummary) {
  ScratchFolder folder;
  const fs::path out = folder.path() / "out.h5";
  const auto outcome = run_caseload({"run", smoke(), "-o", out.string()});
  ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  EXPECT_EQ(outcome.err, "");
  EXPECT_EQ(outcome.out.rfind("scenario: smoke  seed: 42  events: ", 0), 0u) << outcome.out;
  EXPECT_TRUE(fs::exists(out));
  EXPECT_FALSE(fs::exists(folder.path() / "out.h5.partial"));

  const io::TraceSummary trace = io::read_trace_summary(out);
  EXPECT_EQ(trace.is_complete, true);
  EXPECT_EQ(trace.scenario_name, "smoke");
  EXPECT_EQ(trace.seed, 42u);
  EXPECT_EQ(trace.trace_level, "agents");
  EXPECT_EQ(trace.created.size(), std::string("2024-05-01T09:30:00Z").size()) << trace.created;
  ASSERT_EQ(trace.variants.size(), 2u);
  EXPECT_EQ(trace.variants[0].name, "treatment");
  EXPECT_EQ(trace.variants[1].name, "counterfactual");
  // 117 simulated weeks (13 warm-up + 104), one office, two groups.
  const auto* panel = find_table(trace, "treatment", "panel");
  ASSERT_NE(panel, nullptr);
  EXPECT_EQ(panel->rows, 117u * 2u);
  EXPECT_NE(find_table(trace, "counterfactual", "jobseekers"), nullptr);
  EXPECT_EQ(find_table(trace, "treatment", "events"), nullptr);
  ASSERT_FALSE(trace.metrics.empty());
  EXPECT_EQ(trace.metrics.front().name, "off_benefit_13w");
}

TEST(RunTraceOutput, SummaryLevelKeepsPanelsAndMetricsOnly) {
  ScratchFolder folder;
  const fs::path out = folder.path() / "out.h5";
  const auto outcome = run_caseload({"run", smoke(), "-o", out.string(), "--trace", "summary"});
  ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  const io::TraceSummary trace = io::read_trace_summary(out);
  EXPECT_EQ(trace.trace_level, "summary");
  for (const auto& variant : trace.variants) {
    // Tables are listed by name: the offices table is as small as the panel's summary; smoke's
    // regime is neutral, so its scoreboard has no rows.
    ASSERT_EQ(variant.tables.size(), 3u) << variant.name;
    EXPECT_EQ(variant.tables[0].name, "offices");
    EXPECT_EQ(variant.tables[1].name, "panel");
    EXPECT_EQ(variant.tables[2].name, "scoreboard");
    EXPECT_EQ(variant.tables[2].rows, 0u);
    ASSERT_TRUE(variant.scoreboard.has_value());
    EXPECT_TRUE(variant.scoreboard->indicators.empty());
  }
  EXPECT_FALSE(trace.metrics.empty());
}

TEST(RunTraceOutput, EventsLevelRecordsEveryHandledEvent) {
  ScratchFolder folder;
  const fs::path out = folder.path() / "out.h5";
  const auto outcome =
      run_caseload({"run", smoke(), "-o", out.string(), "--trace", "events", "--format", "json"});
  ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  const io::TraceSummary trace = io::read_trace_summary(out);
  const auto* treatment = find_table(trace, "treatment", "events");
  const auto* counterfactual = find_table(trace, "counterfactual", "events");
  ASSERT_NE(treatment, nullptr);
  ASSERT_NE(counterfactual, nullptr);
  // The summary's event count is both variants' events.
  const auto at = outcome.out.find("\"events\": ") + 10;
  const auto events = std::stoull(outcome.out.substr(at, outcome.out.find(',', at) - at));
  EXPECT_EQ(treatment->rows + counterfactual->rows, events);
  EXPECT_GT(treatment->rows, 1000u);
}

TEST(RunTraceOutput, TraceOptionsNeedAnOutput) {
  EXPECT_EQ(run_caseload({"run", smoke(), "--trace", "events"}).exit_code, kExitBadInput);
  EXPECT_EQ(run_caseload({"run", smoke(), "--force"}).exit_code, kExitBadInput);
}

TEST(RunTraceOutput, UnknownTraceLevelIsAUsageError) {
  ScratchFolder folder;
  const auto outcome =
      run_caseload({"run", smoke(), "-o", (folder.path() / "out.h5").string(), "--trace", "all"});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_FALSE(fs::exists(folder.path() / "out.h5.partial"));
}

TEST(RunTraceOutput, RefusesAnExistingFileWithoutForce) {
  ScratchFolder folder;
  const fs::path out = folder.write("out.h5", "an earlier result\n");
  const auto outcome = run_caseload({"run", smoke(), "-o", out.string()});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_EQ(outcome.out, "") << "refused before running";
  EXPECT_EQ(outcome.err, out.string() + ": already exists; pass --force to overwrite\n");
  EXPECT_EQ(contents(out), "an earlier result\n");
  EXPECT_FALSE(fs::exists(folder.path() / "out.h5.partial"));
}

TEST(RunTraceOutput, ForceReplacesAnExistingFile) {
  ScratchFolder folder;
  const fs::path out = folder.write("out.h5", "an earlier result\n");
  const auto outcome = run_caseload({"run", smoke(), "-o", out.string(), "--force"});
  ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  EXPECT_EQ(io::read_trace_summary(out).is_complete, true);
}

TEST(RunTraceOutput, MissingDirectoryExitsTwoBeforeRunning) {
  ScratchFolder folder;
  const fs::path out = folder.path() / "no_such_dir" / "out.h5";
  const auto outcome = run_caseload({"run", smoke(), "-o", out.string()});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_EQ(outcome.out, "");
  EXPECT_NE(outcome.err.find("does not exist"), std::string::npos) << outcome.err;
}

TEST(RunTraceOutput, UnwritableDirectoryExitsTwoWithTheReason) {
  // /proc refuses new files even to root, so this holds whoever runs the tests.
  const auto outcome = run_caseload({"run", smoke(), "-o", "/proc/caseload_trace_test.h5"});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_EQ(outcome.out, "");
  // The lock file is the first thing made, before the .partial.
  EXPECT_EQ(outcome.err.rfind("/proc/caseload_trace_test.h5: cannot create the lock file "
                              "'/proc/caseload_trace_test.h5.lock': ",
                              0),
            0u)
      << outcome.err;
}

TEST(RunTraceOutput, InterruptLeavesAReadablePartialWithCompleteZero) {
  ScratchFolder folder;
  const fs::path out = folder.path() / "out.h5";
  const fs::path partial = folder.path() / "out.h5.partial";
  caseload::testing::CliOutcome outcome;
  {
    PendingInterrupt interrupt;
    outcome = run_caseload({"run", smoke(), "-o", out.string()});
  }
  EXPECT_EQ(outcome.exit_code, kExitInterrupted);
  EXPECT_EQ(outcome.out, "");
  EXPECT_EQ(outcome.err, "caseload run: the trace so far is in '" + partial.string() +
                             "' (complete=0)\ncaseload: interrupted\n");
  EXPECT_FALSE(fs::exists(out));
  ASSERT_TRUE(fs::exists(partial));

  const io::TraceSummary trace = io::read_trace_summary(partial);
  EXPECT_EQ(trace.is_complete, false);
  EXPECT_EQ(trace.scenario_name, "smoke");
  EXPECT_TRUE(trace.has_scenario);
  // The run stops at its first weekly poll: the treatment holds that much, nothing more, and
  // neither a counterfactual nor metrics of a truncated run are written.
  ASSERT_EQ(trace.variants.size(), 1u);
  EXPECT_TRUE(trace.variants[0].is_interrupted);
  const auto* panel = find_table(trace, "treatment", "panel");
  ASSERT_NE(panel, nullptr);
  EXPECT_GT(panel->rows, 0u);
  EXPECT_LT(panel->rows, 117u * 2u);
  EXPECT_NE(find_table(trace, "treatment", "jobseekers"), nullptr);
  EXPECT_TRUE(trace.metrics.empty());
}

TEST(RunTraceOutput, InterruptLeavesAnEarlierOutputUntouched) {
  ScratchFolder folder;
  const fs::path out = folder.path() / "out.h5";
  ASSERT_EQ(run_caseload({"run", smoke(), "-o", out.string(), "--trace", "summary"}).exit_code,
            kExitOk);
  const std::string before = contents(out);
  int exit_code = -1;
  {
    PendingInterrupt interrupt;
    exit_code = run_caseload({"run", smoke(), "-o", out.string(), "--force"}).exit_code;
  }
  EXPECT_EQ(exit_code, kExitInterrupted);
  EXPECT_EQ(contents(out), before) << "an interrupted run never replaces a finished one";
  EXPECT_EQ(io::read_trace_summary(folder.path() / "out.h5.partial").is_complete, false);
}

}  // namespace
}  // namespace caseload::cli
