#pragma once
// Starts the real `caseload` binary as a child process (stdout to /dev/null, stderr to a file),
// for tests of what only separate processes show: signals, and writers racing for one output.

#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

extern char** environ;

namespace caseload::testing {

/// `caseload args...` in a child process; its pid, or -1 if it could not be started.
inline pid_t spawn_caseload(std::vector<std::string> args, const std::filesystem::path& log) {
  args.insert(args.begin(), CASELOAD_BINARY);
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = -1;
  const int failed = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return failed == 0 ? pid : -1;
}

}  // namespace caseload::testing
