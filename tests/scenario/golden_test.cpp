// Golden runs: every shipped scenario, shortened, with its fixed seed, summarised as text and
// compared with tests/scenario/golden/<name>.txt. Any change in what the model predicts shows
// here. After an intended change, regenerate with
//   CASELOAD_REGENERATE_GOLDEN=1 build/release/tests/test_scenario --gtest_filter='Golden*'
// and review the diff before committing it. Values are written to 17 significant digits, so
// the sanitizer and release builds must agree to the last bit.

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tests/scenario/scenario_runs.hpp"

namespace caseload {
namespace {

// Short enough for the sanitizer build: one office, a quarter's warm-up, 60 weeks measured
// (the 52-week follow-up figures need more than 52).
const std::vector<std::string> shortened = {"network.offices=1", "run.warmup_weeks=13",
                                            "run.weeks=60"};

std::string summary_text(const testing::ScenarioRun& run) {
  std::string text = fmt::format("scenario {} seed {} events {}\n", run.scenario.name,
                                 run.scenario.run.seed, run.run.summary.events_handled);
  for (const auto& figure : run.run.summary.summary) text += fmt::format("{} {:.17g}\n", figure.name, figure.value);
  return text;
}

class Golden : public ::testing::TestWithParam<const char*> {};

TEST_P(Golden, SummaryMatchesTheStoredOne) {
  const std::string scenario = GetParam();
  const std::string text = summary_text(testing::run_scenario(scenario + ".yaml", shortened));
  std::string name = scenario;
  for (char& c : name) c = c == '/' ? '_' : c;
  const std::string path = std::string(CASELOAD_SOURCE_DIR) + "/tests/scenario/golden/" + name + ".txt";
  if (std::getenv("CASELOAD_REGENERATE_GOLDEN") != nullptr) {
    std::ofstream(path) << text;
    GTEST_SKIP() << "regenerated " << path;
  }
  std::ifstream stored(path);
  ASSERT_TRUE(stored.good()) << "no golden file " << path << "; see the top of this file";
  std::stringstream expected;
  expected << stored.rdbuf();
  EXPECT_EQ(text, expected.str());
}

INSTANTIATE_TEST_SUITE_P(ShippedScenarios, Golden,
                         ::testing::Values("smoke", "baseline-uk", "regimes/jet", "regimes/jot",
                                           "regimes/offflow", "regimes/pbr-flat",
                                           "regimes/pbr-differential", "regimes/process-targets",
                                           "regimes/benchmark", "regimes/pbr-providers-flat",
                                           "regimes/pbr-providers-differential"),
                         [](const auto& test_param) {
                           std::string name = test_param.param;
                           for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

}  // namespace
}  // namespace caseload
