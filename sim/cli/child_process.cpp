#include "sim/cli/child_process.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <exception>

#include <fmt/format.h>

namespace caseload::cli {

namespace {

bool write_all(int descriptor, const void* data, std::size_t size) {
  const char* bytes = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t count = ::write(descriptor, bytes, size);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) return false;
    bytes += count;
    size -= static_cast<std::size_t>(count);
  }
  return true;
}

std::string read_all(int descriptor) {
  std::string text;
  char buffer[4096];
  while (true) {
    const ssize_t count = ::read(descriptor, buffer, sizeof buffer);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) return text;
    text.append(buffer, static_cast<std::size_t>(count));
  }
}

ChildReport run_guarded(const std::function<ChildReport()>& work) {
  try {
    return work();
  } catch (const std::exception& error) {
    return {1, fmt::format("internal error: {}", error.what())};
  }
}

// The report travels as "<exit code as 4 bytes><text>", so a child that dies part-way is told
// apart from one that finished: a finished child's report is whole when the pipe closes.
[[noreturn]] void report_and_exit(int descriptor, const ChildReport& report) {
  const std::int32_t code = report.exit_code;
  const bool sent = write_all(descriptor, &code, sizeof code) &&
                    write_all(descriptor, report.text.data(), report.text.size()) &&
                    write_all(descriptor, "\n#end", 5);
  ::close(descriptor);
  ::_exit(sent ? 0 : 1);
}

}  // namespace

ChildEnding run_in_child(const std::function<ChildReport()>& work) {
  int pipe_ends[2];
  if (::pipe(pipe_ends) != 0) return {true, run_guarded(work), {}};
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(pipe_ends[0]);
    ::close(pipe_ends[1]);
    return {true, run_guarded(work), {}};
  }
  if (pid == 0) {
    ::close(pipe_ends[0]);
    report_and_exit(pipe_ends[1], run_guarded(work));
  }
  ::close(pipe_ends[1]);
  std::string message = read_all(pipe_ends[0]);
  ::close(pipe_ends[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  ChildEnding ending;
  const bool whole = message.size() >= sizeof(std::int32_t) + 5 && message.ends_with("\n#end");
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && whole) {
    std::int32_t code = 0;
    std::memcpy(&code, message.data(), sizeof code);
    ending.has_finished = true;
    ending.report = {code, message.substr(sizeof code, message.size() - sizeof code - 5)};
  } else if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    ending.how_it_ended = fmt::format("signal {} ({})", signal, ::strsignal(signal));
  } else {
    ending.how_it_ended = fmt::format("exit code {} without a report",
                                      WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  }
  return ending;
}

}  // namespace caseload::cli
