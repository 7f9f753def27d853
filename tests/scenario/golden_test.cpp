// Golden runs: every shipped scenario, shortened, with its fixed seed, summarised as text and
// compared with tests/scenario/golden/<name>.txt figure by figure, at the tolerances below. Any
// change in what the model predicts shows here, as a table of the figures that moved. After an
// intended change, regenerate locally with
//   CASELOAD_REGENERATE_GOLDEN=1 build/release/tests/test_scenario --gtest_filter='*Golden*'
// and review the diff before committing it. Under CI (CI set) regeneration is refused.

#include <cstdlib>
#include <map>
#include <string_view>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "sim/core/atomic_file.hpp"
#include "sim/experiment/text_file.hpp"
#include "tests/scenario/golden_mode.hpp"
#include "tests/scenario/scenario_runs.hpp"
#include "tests/scenario/summary_diff.hpp"

namespace caseload {
namespace {

using testing::Tolerance;

// Why the tolerances are exact or nearly so: the same build gives bit-identical summaries, and
// today the release and sanitizer builds agree to the last bit. Counts must match exactly.
// Real figures get a relative 1e-12, room only for rounding noise: another compiler or flag
// set may contract a*b+c into an FMA or reassociate a sum, moving the last bits (about 1e-16
// relative per operation, still far below 1e-12 after thousands of them), while the smallest
// real change in behaviour (one job entry more among a few hundred) moves a share by ~1e-3.
constexpr std::string_view kCountWhy =
    "a count; one more or one fewer is a change in what the model did";
constexpr std::string_view kRealWhy =
    "a real figure; 1e-12 admits rounding noise from another compiler (an FMA, a reassociated "
    "sum: ~1e-16 per operation) but no change in behaviour (one entry in ~400 moves a share by "
    "~2e-3)";

Tolerance tolerance_for(std::string_view name) {
  static const std::map<std::string_view, Tolerance, std::less<>> exact = {
      {"scenario", {0.0, 0.0, "the scenario's name"}},
      {"seed", {0.0, 0.0, "the seed the run used"}},
      {"events", {0.0, 0.0, kCountWhy}},
      {"net_entries", {0.0, 0.0, kCountWhy}},
      {"net_sustained_13w", {0.0, 0.0, kCountWhy}},
      {"net_sustained_26w", {0.0, 0.0, kCountWhy}},
  };
  const auto found = exact.find(name);
  return found != exact.end() ? found->second : Tolerance{0.0, 1e-12, kRealWhy};
}

// Short enough for the sanitizer build: one office, a quarter's warm-up, 60 weeks measured
// (the 52-week follow-up figures need more than 52).
const std::vector<std::string> shortened = {"network.offices=1", "run.warmup_weeks=13",
                                            "run.weeks=60"};

// Values to 17 significant digits, so a stored figure reads back as the same double.
std::string summary_text(const testing::ScenarioRun& run) {
  std::string text = fmt::format("scenario {} seed {} events {}\n", run.scenario.name,
                                 run.scenario.run.seed, run.run.summary.events_handled);
  for (const auto& figure : run.run.summary.summary) {
    text += fmt::format("{} {:.17g}\n", figure.name, figure.value);
  }
  return text;
}

class Golden : public ::testing::TestWithParam<const char*> {};

TEST_P(Golden, SummaryMatchesTheStoredOne) {
  const std::string scenario = GetParam();
  const std::string text = summary_text(testing::run_scenario(scenario + ".yaml", shortened));
  std::string name = scenario;
  for (char& c : name) c = c == '/' ? '_' : c;
  const std::string path =
      std::string(CASELOAD_SOURCE_DIR) + "/tests/scenario/golden/" + name + ".txt";
  const std::optional<std::string> stored = experiment::read_text_file(path);
  switch (testing::golden_mode(std::getenv("CASELOAD_REGENERATE_GOLDEN"), std::getenv("CI"))) {
    case testing::GoldenMode::RefusedUnderCi:
      FAIL() << "CASELOAD_REGENERATE_GOLDEN is set under CI: goldens are regenerated locally "
                "and reviewed, never in CI";
    case testing::GoldenMode::Regenerate: {
      core::write_text_atomically(path, text);
      const std::string changes =
          stored ? testing::summary_differences(*stored, text, tolerance_for) : "a new file\n";
      GTEST_SKIP() << "regenerated " << path << "; what changed beyond the tolerances:\n"
                   << (changes.empty() ? "nothing\n" : changes);
    }
    case testing::GoldenMode::Compare:
      break;
  }
  ASSERT_TRUE(stored) << "no golden file " << path << "; see the top of this file";
  const std::string differences = testing::summary_differences(*stored, text, tolerance_for);
  if (!differences.empty()) ADD_FAILURE() << path << " differs from this run:\n" << differences;
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
