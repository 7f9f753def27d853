#include "tests/scenario/golden_check.hpp"

#include <cstdlib>
#include <map>
#include <optional>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "sim/core/atomic_file.hpp"
#include "sim/experiment/text_file.hpp"
#include "tests/scenario/golden_mode.hpp"

namespace caseload::testing {

namespace {

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

}  // namespace

Tolerance golden_tolerance_for(std::string_view name) {
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

std::string golden_summary_text(const std::string& scenario_name, std::uint64_t seed,
                                const experiment::SingleRun& run) {
  std::string text = fmt::format("scenario {} seed {} events {}\n", scenario_name, seed, run.summary.events_handled);
  for (const auto& figure : run.summary.summary) {
    text += fmt::format("{} {:.17g}\n", figure.name, figure.value);
  }
  return text;
}

void check_golden(const std::string& scenario, const std::string& text) {
  std::string name = scenario;
  for (char& c : name) c = c == '/' ? '_' : c;
  const std::string path =
      std::string(CASELOAD_SOURCE_DIR) + "/tests/scenario/golden/" + name + ".txt";
  const std::optional<std::string> stored = experiment::read_text_file(path);
  switch (golden_mode(std::getenv("CASELOAD_REGENERATE_GOLDEN"), std::getenv("CI"))) {
    case GoldenMode::RefusedUnderCi:
      FAIL() << "CASELOAD_REGENERATE_GOLDEN is set under CI: goldens are regenerated locally "
                "and reviewed, never in CI";
    case GoldenMode::Regenerate: {
      core::write_text_atomically(path, text);
      const std::string changes =
          stored ? summary_differences(*stored, text, golden_tolerance_for) : "a new file\n";
      GTEST_SKIP() << "regenerated " << path << "; what changed beyond the tolerances:\n"
                   << (changes.empty() ? "nothing\n" : changes);
    }
    case GoldenMode::Compare:
      break;
  }
  ASSERT_TRUE(stored) << "no golden file " << path << "; see the top of golden_test.cpp";
  const std::string differences = summary_differences(*stored, text, golden_tolerance_for);
  if (!differences.empty()) ADD_FAILURE() << path << " differs from this run:\n" << differences;
}

}  // namespace caseload::testing
