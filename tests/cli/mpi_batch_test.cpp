// `--mpi` end to end: the real binary under `mpirun -n 2 --oversubscribe` writes the same
// bytes as -j 1 and -j 2, and an MPI sweep killed part-way finishes with --resume to the same
// summary. Built only with CASELOAD_MPI.

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "sim/cli/cli.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/cli/output_files.hpp"
#include "tests/io/config/test_data.hpp"

extern char** environ;

namespace caseload::cli {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using caseload::testing::contains;
using caseload::testing::file_bytes;
using caseload::testing::run_caseload;
using caseload::testing::ScratchFolder;

std::string smoke() { return std::string(CASELOAD_SOURCE_DIR) + "/scenarios/smoke.yaml"; }

fs::path sweep_file(const ScratchFolder& folder, int weeks) {
  return folder.write("sweep.yaml", "base: " + smoke() + "\n" +
                                        "set: [run.weeks=" + std::to_string(weeks) + R"(, run.warmup_weeks=0]
parameters: [network.advisers_per_office]
design: {grid: {network.advisers_per_office: [2, 3]}}
replications: 3
seed: 11
)");
}

// `mpirun -n 2 --oversubscribe caseload args...` in its own process group (so the test can
// kill the whole job at once), stdout and stderr to files in `logs`; its pid.
pid_t spawn_mpi_job(std::vector<std::string> args, const fs::path& logs) {
  args.insert(args.begin(), {CASELOAD_MPIEXEC, "-n", "2", "--oversubscribe", CASELOAD_BINARY});
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  // Root in a container must say so to OpenMPI. Sanitizer builds: OpenMPI's own leaks are
  // suppressed (openmpi.supp), which needs its plugins kept loaded to name them.
  std::vector<std::string> environment{
      "OMPI_ALLOW_RUN_AS_ROOT=1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1",
      "OMPI_MCA_mca_base_component_disable_dlclose=1",
      "LSAN_OPTIONS=fast_unwind_on_malloc=0:suppressions=" + std::string(CASELOAD_SOURCE_DIR) +
          "/tests/cli/openmpi.supp"};
  std::vector<char*> envp;
  for (auto& entry : environment) envp.push_back(entry.data());
  for (char** entry = environ; *entry != nullptr; ++entry) envp.push_back(*entry);
  envp.push_back(nullptr);
  const std::string out = (logs / "stdout.txt").string();
  const std::string err = (logs / "stderr.txt").string();
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  ::setpgid(0, 0);
  const int out_file = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int err_file = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (out_file < 0 || err_file < 0 || ::dup2(out_file, STDOUT_FILENO) < 0 ||
      ::dup2(err_file, STDERR_FILENO) < 0)
    ::_exit(127);
  ::execve(argv[0], argv.data(), envp.data());
  ::_exit(127);
}

int wait_for_exit(pid_t pid) {
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// The job's exit code.
int run_mpi_job(const std::vector<std::string>& args, const fs::path& logs) {
  return wait_for_exit(spawn_mpi_job(args, logs));
}

void expect_same_files(const fs::path& expected, const fs::path& actual,
                       const std::vector<std::string>& names) {
  for (const auto& name : names) {
    const std::string bytes = file_bytes(expected / name);
    EXPECT_FALSE(bytes.empty()) << name;
    EXPECT_TRUE(bytes == file_bytes(actual / name)) << name << " differs from " << expected;
  }
}

const std::vector<std::string> kSweepFiles{"design.csv", "runs.csv", "points.csv", "sweep.h5",
                                           "manifest.tsv"};

TEST(MpiBatch, SweepOnTwoRanksWritesTheBytesOfOneAndTwoThreads) {
  ScratchFolder folder;
  const fs::path sweep = sweep_file(folder, 4);
  const fs::path one = folder.path() / "one";
  const fs::path two = folder.path() / "two";
  const fs::path ranks = folder.path() / "ranks";
  for (const auto& [out, jobs] : {std::pair{one, "1"}, std::pair{two, "2"}}) {
    const auto threads = run_caseload({"sweep", sweep.string(), "-j", jobs, "-o", out.string(),
                                       "--quiet", "--traces", "summary"});
    ASSERT_EQ(threads.exit_code, kExitOk) << threads.err;
  }
  const int code = run_mpi_job({"sweep", sweep.string(), "--mpi", "-o", ranks.string(),
                                "--quiet", "--traces", "summary"},
                               folder.path());
  ASSERT_EQ(code, kExitOk) << file_bytes(folder.path() / "stderr.txt");
  EXPECT_TRUE(contains(file_bytes(folder.path() / "stdout.txt"), "6 runs, 6 done (0 resumed)"));
  expect_same_files(one, ranks, kSweepFiles);
  expect_same_files(two, ranks, kSweepFiles);
  // Per-run traces in MPI mode too, written by whichever rank ran the run.
  for (std::size_t point = 0; point < 2; ++point) {
    for (std::size_t rep = 0; rep < 3; ++rep) {
      const std::string name = "traces/point-" + std::to_string(point) + "_rep-" +
                               std::to_string(rep) + ".h5";
      EXPECT_TRUE(fs::is_regular_file(ranks / name)) << name;
    }
  }
}

TEST(MpiBatch, ComparisonOnTwoRanksWritesTheBytesOfOneThread) {
  ScratchFolder folder;
  const std::vector<std::string> arms{"compare", smoke(), smoke(), "--set", "run.weeks=4",
                                      "--set", "run.warmup_weeks=0", "-r", "2", "--quiet"};
  const fs::path one = folder.path() / "one";
  const fs::path ranks = folder.path() / "ranks";
  auto args = arms;
  args.insert(args.end(), {"-j", "1", "-o", one.string()});
  const auto threads = run_caseload(args);
  ASSERT_EQ(threads.exit_code, kExitOk) << threads.err;
  args = arms;
  args.insert(args.end(), {"--mpi", "-o", ranks.string()});
  ASSERT_EQ(run_mpi_job(args, folder.path()), kExitOk)
      << file_bytes(folder.path() / "stderr.txt");
  expect_same_files(one, ranks,
                    {"runs.csv", "comparison.csv", "comparison_by_group.csv", "comparison.txt",
                     "compare.h5", "manifest.tsv"});
}

// The processes whose parent is `parent` (mpirun's ranks), from /proc.
std::vector<pid_t> children_of(pid_t parent) {
  std::vector<pid_t> children;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    std::getline(stat, line);
    // "pid (comm) state ppid ...": comm may hold spaces, so read after its last ')'.
    const auto close = line.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(line.substr(close + 1));
    std::string state;
    pid_t ppid = 0;
    rest >> state >> ppid;
    if (ppid == parent) children.push_back(static_cast<pid_t>(std::stoi(name)));
  }
  return children;
}

// Runs the manifest records as ended, counting appended lines too.
std::size_t ended_runs(const fs::path& manifest) {
  const std::string text = file_bytes(manifest);
  const auto updates = text.find("# updates");
  if (updates == std::string::npos) return 0;
  std::size_t lines = 0;
  for (auto at = text.find('\n', updates); at != std::string::npos; at = text.find('\n', at + 1))
    ++lines;
  return lines == 0 ? 0 : lines - 1;  // the line after "# updates" ends with the last '\n'
}

TEST(MpiBatch, AKilledSweepResumesToTheSameSummary) {
  ScratchFolder folder;
  // Runs of half a second or more each under sanitizers: the kill, right after the first run
  // ends, lands with runs still to do.
  const fs::path sweep = sweep_file(folder, 40);
  const fs::path serial = folder.path() / "serial";
  const fs::path ranks = folder.path() / "ranks";
  const auto threads =
      run_caseload({"sweep", sweep.string(), "-j", "1", "-o", serial.string(), "--quiet"});
  ASSERT_EQ(threads.exit_code, kExitOk) << threads.err;

  const std::vector<std::string> args{"sweep", sweep.string(), "--mpi", "-o", ranks.string(),
                                      "--quiet"};
  const pid_t job = spawn_mpi_job(args, folder.path());
  ASSERT_GT(job, 0);
  const auto give_up = std::chrono::steady_clock::now() + 120s;
  while (ended_runs(ranks / "manifest.tsv") == 0 && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(10ms);
  // One rank dies without a word (as on a failing node): the job must go down with it, and
  // only the manifest's appended lines say what was done.
  const std::vector<pid_t> rank_processes = children_of(job);
  ASSERT_EQ(rank_processes.size(), 2u);
  ASSERT_EQ(::kill(rank_processes.back(), SIGKILL), 0);
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  int status = 0;
  while (::waitpid(job, &status, WNOHANG) != job && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(10ms);
  const bool job_ended = std::chrono::steady_clock::now() < deadline;
  if (!job_ended) {
    ::kill(-job, SIGKILL);
    for (const pid_t rank : rank_processes) ::kill(rank, SIGKILL);
    ::waitpid(job, &status, 0);
  }
  ASSERT_TRUE(job_ended) << "the job outlived a dead rank";
  EXPECT_FALSE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a dead rank's job exited 0";
  for (const pid_t rank : rank_processes) {  // mpirun kills the other rank; let it go
    while (::kill(rank, 0) == 0 && std::chrono::steady_clock::now() < deadline + 30s)
      std::this_thread::sleep_for(10ms);
  }
  const std::size_t ended = ended_runs(ranks / "manifest.tsv");
  ASSERT_GE(ended, 1u) << "no run ended before the kill";
  ASSERT_LT(ended, 6u) << "every run ended before the kill: nothing left to resume";

  std::vector<std::string> resume = args;
  resume.emplace_back("--resume");
  ASSERT_EQ(run_mpi_job(resume, folder.path()), kExitOk)
      << file_bytes(folder.path() / "stderr.txt");
  EXPECT_TRUE(contains(file_bytes(folder.path() / "stdout.txt"),
                       "6 done (" + std::to_string(ended)))
      << file_bytes(folder.path() / "stdout.txt");
  expect_same_files(serial, ranks, kSweepFiles);
}

}  // namespace
}  // namespace caseload::cli
