#pragma once
// Test helpers shared by the io/config and cli suites: fixture paths, scratch folders, and the
// problems a load reports.

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>

#include "sim/core/diagnostics.hpp"

namespace caseload::testing {

/// The shipped smoke scenario.
inline std::string smoke_scenario() { return std::string(CASELOAD_SOURCE_DIR) + "/scenarios/smoke.yaml"; }

/// Every problem a load or parse reports, one formatted line each; fails the test if it succeeds.
template <typename Load>
std::vector<std::string> problems_of(Load load) {
  try {
    load();
  } catch (const core::ConfigError& error) {
    std::vector<std::string> lines;
    for (const auto& problem : error.problems()) lines.push_back(core::format_diagnostic(problem));
    return lines;
  }
  ADD_FAILURE() << "expected a ConfigError";
  return {};
}

/// A fixture under tests/io/config/data/.
inline std::filesystem::path config_data(std::string_view name) {
  return std::filesystem::path(CASELOAD_SOURCE_DIR) / "tests" / "io" / "config" / "data" / name;
}

/// A fresh folder for one test, removed afterwards. Named after the test and the process, so
/// tests running in parallel (ctest -j) never share one.
class ScratchFolder {
 public:
  ScratchFolder() {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("caseload_" + std::string(test->test_suite_name()) + "_" + test->name() + "_" +
             std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }

  /// Writes `contents` (bytes, as given) to `name` in the folder; returns its path.
  std::filesystem::path write(const std::string& name, std::string_view contents) const {
    const auto file = path_ / name;
    std::ofstream(file, std::ios::binary)
        .write(contents.data(), static_cast<std::streamsize>(contents.size()));
    return file;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace caseload::testing
