#pragma once
// Starts the real `caseload` binary as a child process (stdout to /dev/null, stderr to a file),
// for tests of what only separate processes show: signals, writers racing for one output, and
// writes that fail (a file-size limit stands in for a full disk).

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

extern char** environ;

namespace caseload::testing {

struct SpawnOptions {
  /// RLIMIT_FSIZE in bytes (0: none), with SIGXFSZ ignored, so a write past it fails with
  /// EFBIG the way a full disk fails with ENOSPC.
  rlim_t file_size_limit = 0;
  /// Added to the environment ("NAME=value").
  std::vector<std::string> environment;
};

/// `caseload args...` in a child process; its pid, or -1 if it could not be started.
inline pid_t spawn_caseload(std::vector<std::string> args, const std::filesystem::path& log,
                            const SpawnOptions& options = {}) {
  args.insert(args.begin(), CASELOAD_BINARY);
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<std::string> environment = options.environment;
  std::vector<char*> envp;
  for (auto& entry : environment) envp.push_back(entry.data());
  for (char** entry = environ; *entry != nullptr; ++entry) envp.push_back(*entry);
  envp.push_back(nullptr);
  // Everything the child needs is made before fork: after it, only async-signal-safe calls.
  const std::string log_path = log.string();
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  const int null = ::open("/dev/null", O_WRONLY);
  const int err = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (null < 0 || err < 0 || ::dup2(null, STDOUT_FILENO) < 0 || ::dup2(err, STDERR_FILENO) < 0)
    ::_exit(127);
  if (options.file_size_limit > 0) {
    ::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{options.file_size_limit, options.file_size_limit};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(127);
  }
  ::execve(argv[0], argv.data(), envp.data());
  ::_exit(127);
}

/// Waits for `pid`: its exit code, or 128 + the signal that ended it.
inline int wait_for_exit(pid_t pid) {
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace caseload::testing
