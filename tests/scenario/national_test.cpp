// The national benchmark scenario at its 10,000-claimant size (scenarios/bench/national-10k.yaml),
// run in full as `caseload run` runs it, with the counterfactual on a thread of its own and
// after the treatment: both must give the same summary to the last bit, and that summary must
// match tests/scenario/golden/bench_national-10k.txt. A few seconds in the release build, so
// it runs there only (label `national`; the sanitizer build skips the label, see
// CMakePresets.json). Regenerate as golden_test.cpp says, with test_national.

#include <string>

#include <gtest/gtest.h>

#include "sim/experiment/single_run.hpp"
#include "sim/io/config/runnable_scenario.hpp"
#include "tests/scenario/golden_check.hpp"
#include "tests/scenario/scenario_runs.hpp"

namespace caseload {
namespace {

std::string summary_of(const io::RunnableScenario& runnable, bool parallel_variants) {
  model::RunOptions options;
  options.parallel_variants = parallel_variants;
  const experiment::SingleRun run = experiment::run_once(runnable.loaded.scenario, runnable.regime, {}, options);
  return testing::golden_summary_text(runnable.loaded.scenario.name, runnable.loaded.scenario.run.seed, run);
}

TEST(National10k, RunsToTheGoldenSummaryOnOneThreadAndOnTwo) {
  const io::RunnableScenario runnable = io::load_runnable(testing::scenario_path("bench/national-10k.yaml"), {});
  ASSERT_TRUE(runnable.loaded.scenario.counterfactual.enabled) << "the benchmark times both variants";
  const std::string one_thread = summary_of(runnable, false);
  const std::string two_threads = summary_of(runnable, true);
  EXPECT_EQ(one_thread, two_threads) << "the counterfactual on its own thread changed the results";
  testing::check_golden("bench/national-10k", two_threads);
}

}  // namespace
}  // namespace caseload
