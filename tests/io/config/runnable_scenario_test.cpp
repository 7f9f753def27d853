#include "sim/io/config/runnable_scenario.hpp"

#include <gtest/gtest.h>

#include "tests/io/config/test_data.hpp"

namespace caseload::io {
namespace {

using testing::problems_of;

std::string preset(const std::string& name) {
  return std::string(CASELOAD_SOURCE_DIR) + "/scenarios/regimes/" + name + ".yaml";
}

TEST(LoadRunnable, LoadsTheScenarioAndCompilesItsRegime) {
  const RunnableScenario runnable = load_runnable(preset("jet"), {}, 7);
  EXPECT_EQ(runnable.loaded.scenario.name, "jet");
  EXPECT_EQ(runnable.loaded.scenario.run.seed, 7u);
  EXPECT_TRUE(static_cast<bool>(runnable.regime));
}

// A problem only the regime compiler can see is still reported while loading, located in the
// override that caused it, so nothing that runs can meet it later.
TEST(LoadRunnable, ARegimeProblemIsAConfigErrorWhileLoading) {
  const auto problems =
      problems_of([] { load_runnable(preset("jet"), {"regime.indicators[0].kind=job_entri"}); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("--set:1:"), std::string::npos) << problems[0];
  EXPECT_NE(problems[0].find("unknown indicator primitive 'job_entri'"), std::string::npos)
      << problems[0];
}

}  // namespace
}  // namespace caseload::io
