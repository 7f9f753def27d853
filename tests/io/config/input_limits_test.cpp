// Inputs that would run the loader out of stack, memory or time are refused up front with a
// clear problem: include chains past a depth, devices and other non-files, oversized sweep
// files; and an include "diamond" costs one load per file, not one per path (issue 16: D4,
// D8, D12).

#include <chrono>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "sim/io/config/input_file.hpp"
#include "sim/io/config/sweep_loader.hpp"
#include "sim/io/config/yaml_document.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::io {
namespace {

using caseload::testing::problems_of;
using caseload::testing::ScratchFolder;

bool any_contains(const std::vector<std::string>& lines, const std::string& part) {
  for (const auto& line : lines) {
    if (line.find(part) != std::string::npos) return true;
  }
  return false;
}

// c0.yaml includes c1.yaml ... c{length-1}.yaml; the last names the scenario.
std::filesystem::path include_chain(const ScratchFolder& folder, int length) {
  for (int i = 0; i < length; ++i) {
    const std::string include =
        i + 1 < length ? "include: c" + std::to_string(i + 1) + ".yaml\n" : "";
    folder.write("c" + std::to_string(i) + ".yaml", include + "name: c" + std::to_string(i) + "\n");
  }
  return folder.path() / "c0.yaml";
}

TEST(InputLimits, AnIncludeChainPastTheDepthLimitIsRefusedNotAStackOverflow) {
  ScratchFolder folder;
  // 12,000 files overflowed the stack; 65 show the same mechanism meeting the limit.
  const auto top = include_chain(folder, 65);
  const auto problems = problems_of([&] { parse_scenario_file(top); });
  EXPECT_TRUE(any_contains(problems, "includes nest more than 64 files deep"));
}

TEST(InputLimits, AnIncludeChainWithinTheLimitLoads) {
  ScratchFolder folder;
  const auto top = include_chain(folder, 64);
  EXPECT_EQ(parse_scenario_file(top).find("name")->text(), "c0");
}

TEST(InputLimits, AnIncludeDiamondLoadsEachFileOnce) {
  ScratchFolder folder;
  // d_i includes d_{i+1} twice: 2^40 paths to the leaf, 41 files. Loaded per path this would
  // run for years; per file it takes milliseconds.
  constexpr int kLevels = 40;
  for (int i = 0; i < kLevels; ++i) {
    const std::string next = "d" + std::to_string(i + 1) + ".yaml";
    folder.write("d" + std::to_string(i) + ".yaml",
                 "include: [" + next + ", " + next + "]\nname: d" + std::to_string(i) + "\n");
  }
  folder.write("d" + std::to_string(kLevels) + ".yaml", "name: leaf\nrun: {weeks: 3}\n");
  const auto start = std::chrono::steady_clock::now();
  const core::ConfigNode root = parse_scenario_file(folder.path() / "d0.yaml");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(root.find("name")->text(), "d0");
  EXPECT_EQ(root.find("run")->find("weeks")->text(), "3");
  // Generous for a sanitizer build on a loaded machine; per path it would be 2^40 loads.
  EXPECT_LT(seconds, 10.0);
}

TEST(InputLimits, DevicesAreRefusedAsScenarioSweepAndIncludedFiles) {
  ScratchFolder folder;
  EXPECT_TRUE(any_contains(problems_of([] { parse_scenario_file("/dev/zero"); }),
                           "not an ordinary file"));
  EXPECT_TRUE(any_contains(problems_of([] { load_sweep_file("/dev/zero"); }),
                           "not an ordinary file"));
  const auto includer = folder.write("s.yaml", "include: /dev/zero\nname: s\n");
  EXPECT_TRUE(any_contains(problems_of([&] { parse_scenario_file(includer); }),
                           "not an ordinary file"));
}

TEST(InputLimits, AnOversizedSweepFileIsRefusedBeforeParsing) {
  ScratchFolder folder;
  const auto huge = folder.write("huge.yaml", "# " + std::string(16u * 1024u * 1024u, 'x') + "\n");
  EXPECT_TRUE(any_contains(problems_of([&] { load_sweep_file(huge); }),
                           "a scenario or sweep file may hold at most 16777216"));
}

// A small file takes memory for its size, not for the largest size allowed: reading into a
// buffer of the limit and shrinking its length (not its capacity) held 16 MB per file and
// include for the whole run, most of a small run's peak memory (issue 17).
TEST(InputLimits, ASmallFileTakesMemoryForItsSizeNotTheLimit) {
  ScratchFolder folder;
  const std::string content = "name: s\n" + std::string(200000, '#') + "\n";
  const InputFileRead read = read_input_file(folder.write("s.yaml", content));
  ASSERT_TRUE(read.text) << read.problem;
  EXPECT_EQ(*read.text, content);
  EXPECT_LT(read.text->capacity(), 2 * content.size());
}

}  // namespace
}  // namespace caseload::io
