// Ctrl-C end to end: the real `caseload` binary gets a real SIGINT while it simulates, and must
// exit 130 leaving OUT.h5.partial readable with complete=0 (and no OUT.h5).

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sim/cli/cli.hpp"
#include "sim/io/trace/trace_reader.hpp"
#include "tests/cli/spawn_caseload.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::cli {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// Polls `done` every 10 ms for up to `limit`.
template <class Done>
bool wait_for(Done done, std::chrono::milliseconds limit) {
  const auto give_up = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

TEST(InterruptedProcess, SigintMidRunExits130AndLeavesAReadablePartial) {
  caseload::testing::ScratchFolder folder;
  const fs::path out = folder.path() / "out.h5";
  const fs::path partial = folder.path() / "out.h5.partial";
  const fs::path log = folder.path() / "stderr.txt";
  // 5000 weeks take far longer than the signal takes to arrive, so it always lands mid-run.
  const pid_t pid = caseload::testing::spawn_caseload(
      {"run", std::string(CASELOAD_SOURCE_DIR) + "/scenarios/smoke.yaml", "--set",
       "run.weeks=5000", "-o", out.string()},
      log);
  ASSERT_GT(pid, 0);

  // main installs the handler before anything else, and the .partial is created only after
  // the scenario loaded: once it exists, SIGINT is a request, not a kill.
  const bool started = wait_for([&] { return fs::exists(partial); }, 60'000ms);
  ASSERT_EQ(::kill(pid, SIGINT), 0);
  int status = 0;
  const bool ended = wait_for([&] { return ::waitpid(pid, &status, WNOHANG) == pid; }, 120'000ms);
  if (!ended) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
  }
  ASSERT_TRUE(started) << "no .partial appeared";
  ASSERT_TRUE(ended) << "the run did not stop after SIGINT";
  ASSERT_TRUE(WIFEXITED(status)) << "ended by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), kExitInterrupted);

  EXPECT_FALSE(fs::exists(out));
  ASSERT_TRUE(fs::exists(partial));
  const io::TraceSummary trace = io::read_trace_summary(partial);
  EXPECT_EQ(trace.is_complete, false);
  ASSERT_FALSE(trace.variants.empty());
  EXPECT_TRUE(trace.variants[0].is_interrupted);
  ASSERT_FALSE(trace.variants[0].tables.empty());
  for (const auto& table : trace.variants[0].tables) EXPECT_FALSE(table.is_ragged) << table.name;
}

}  // namespace
}  // namespace caseload::cli
