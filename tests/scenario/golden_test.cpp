// Golden runs: every shipped scenario, shortened, with its fixed seed, summarised as text and
// compared with tests/scenario/golden/<name>.txt figure by figure, at the tolerances of
// golden_check.cpp. Any
// change in what the model predicts shows here, as a table of the figures that moved. After an
// intended change, regenerate locally with
//   CASELOAD_REGENERATE_GOLDEN=1 build/release/tests/test_scenario --gtest_filter='*Golden*'
// and review the diff before committing it. Under CI (CI set) regeneration is refused.

#include <cctype>
#include <string>

#include <gtest/gtest.h>

#include "tests/scenario/golden_check.hpp"
#include "tests/scenario/scenario_runs.hpp"

namespace caseload {
namespace {

// Short enough for the sanitizer build: one office, a quarter's warm-up, 60 weeks measured
// (the 52-week follow-up figures need more than 52).
const std::vector<std::string> shortened = {"network.offices=1", "run.warmup_weeks=13",
                                            "run.weeks=60"};

class Golden : public ::testing::TestWithParam<const char*> {};

TEST_P(Golden, SummaryMatchesTheStoredOne) {
  const std::string scenario = GetParam();
  const testing::ScenarioRun run = testing::run_scenario(scenario + ".yaml", shortened);
  testing::check_golden(scenario, testing::golden_summary_text(run.scenario.name, run.scenario.run.seed, run.run));
}

INSTANTIATE_TEST_SUITE_P(ShippedScenarios, Golden,
                         ::testing::Values("smoke", "baseline-uk", "regimes/jet", "regimes/jot",
                                           "regimes/offflow", "regimes/pbr-flat",
                                           "regimes/pbr-differential", "regimes/process-targets",
                                           "regimes/benchmark", "regimes/pbr-providers-flat",
                                           "regimes/pbr-providers-differential", "regimes/denmark",
                                           "regimes/norway-ips", "regimes/uk-cascade"),
                         [](const auto& test_param) {
                           std::string name = test_param.param;
                           for (char& c : name) {
                             c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace caseload
