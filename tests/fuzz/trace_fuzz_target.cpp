// Fuzz target: any bytes as a trace file for `caseload info`. It must describe the file (exit
// 0) or refuse it with exit 2; exit 1 (an internal error) or a crash of the command is a bug.
// HDF5 itself may crash on some damaged files: info reads in a child process for that reason,
// so such an input ends as "the file is damaged", exit 2.

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "sim/cli/cli.hpp"
#include "sim/cli/commands.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string file = (std::filesystem::temp_directory_path() /
                                   ("caseload-fuzz-trace-" + std::to_string(::getpid()) + ".h5"))
                                      .string();
  std::ofstream(file, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  std::ostringstream out;
  std::ostringstream err;
  caseload::cli::InfoOptions options;
  options.trace = file;
  const int code = caseload::cli::execute_info(options, out, err);
  std::filesystem::remove(file);
  if (code != caseload::cli::kExitOk && code != caseload::cli::kExitBadInput) {
    std::fprintf(stderr, "\ninfo exited %d: %s\n", code, err.str().c_str());
    std::abort();
  }
  return 0;
}
