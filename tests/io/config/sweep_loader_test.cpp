#include "sim/io/config/sweep_loader.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/core/diagnostics.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::io {
namespace {

// Sweep text as if it sat in scenarios/sweeps/, so `base: ../smoke.yaml` resolves.
const std::filesystem::path kName =
    std::filesystem::path(CASELOAD_SOURCE_DIR) / "scenarios" / "sweeps" / "inline.yaml";

std::vector<std::string> problems_of(const std::string& text,
                                     const std::filesystem::path& name = "sweep.yaml") {
  return caseload::testing::problems_of([&] { load_sweep_text(text, name); });
}

TEST(LoadSweep, ReadsAGrid) {
  const SweepFile sweep = load_sweep_text(
      "base: ../smoke.yaml\n"
      "set: [run.weeks=13]\n"
      "parameters:\n"
      "  - regime.pressure.k\n"
      "  - network.advisers_per_office\n"
      "design:\n"
      "  grid:\n"
      "    regime.pressure.k: [0, 0.5, 1]\n"
      "    network.advisers_per_office: 3\n"
      "replications: 4\n"
      "seed: 99\n",
      kName);
  EXPECT_EQ(sweep.name, "inline");
  EXPECT_EQ(sweep.base, (kName.parent_path() / "../smoke.yaml").lexically_normal());
  EXPECT_EQ(sweep.set, std::vector<std::string>{"run.weeks=13"});
  EXPECT_EQ(sweep.design, SweepDesignKind::Grid);
  EXPECT_EQ(sweep.grid_values, (std::vector<std::vector<std::string>>{{"0", "0.5", "1"}, {"3"}}));
  EXPECT_EQ(sweep.replications, 4u);
  EXPECT_EQ(sweep.seed, 99u);
}

TEST(LoadSweep, ReadsPointsAndKeepsQuotedTextQuoted) {
  const SweepFile sweep = load_sweep_text(
      "name: attribution\n"
      "base: ../smoke.yaml\n"
      "parameters: [description, run.weeks]\n"
      "design:\n"
      "  points:\n"
      "    - {description: \"say \\\"3\\\"\", run.weeks: 13}\n"
      "    - {description: plain, run.weeks: 26}\n",
      kName);
  EXPECT_EQ(sweep.name, "attribution");
  EXPECT_EQ(sweep.design, SweepDesignKind::Points);
  EXPECT_EQ(sweep.points,
            (std::vector<std::vector<std::string>>{{"\"say \\\"3\\\"\"", "13"}, {"plain", "26"}}));
  EXPECT_EQ(sweep.replications, 1u);
  EXPECT_EQ(sweep.seed, 1u);
}

TEST(LoadSweep, ReadsALatinHypercube) {
  const SweepFile sweep = load_sweep_text(
      "base: ../smoke.yaml\n"
      "parameters: [regime.pressure.k]\n"
      "design:\n"
      "  latin_hypercube:\n"
      "    samples: 12\n"
      "    bounds:\n"
      "      regime.pressure.k: [0, 2]\n",
      kName);
  EXPECT_EQ(sweep.design, SweepDesignKind::LatinHypercube);
  EXPECT_EQ(sweep.samples, 12u);
  EXPECT_EQ(sweep.bounds, (std::vector<std::pair<double, double>>{{0.0, 2.0}}));
}

TEST(LoadSweep, ReadsMorris) {
  const SweepFile sweep = load_sweep_text(
      "base: ../smoke.yaml\n"
      "parameters: [regime.pressure.k, run.weeks]\n"
      "design:\n"
      "  morris:\n"
      "    trajectories: 10\n"
      "    levels: 6\n"
      "    bounds: {regime.pressure.k: [0, 2], run.weeks: [13, 52]}\n",
      kName);
  EXPECT_EQ(sweep.design, SweepDesignKind::Morris);
  EXPECT_EQ(sweep.trajectories, 10u);
  EXPECT_EQ(sweep.levels, 6u);
  EXPECT_EQ(sweep.bounds, (std::vector<std::pair<double, double>>{{0.0, 2.0}, {13.0, 52.0}}));
  EXPECT_EQ(load_sweep_text("base: ../smoke.yaml\nparameters: [a]\ndesign:\n  morris:\n"
                            "    trajectories: 3\n    bounds: {a: [0, 1]}\n",
                            kName)
                .levels,
            4u)
      << "levels default to 4";
}

TEST(LoadSweep, ReadsSobol) {
  const SweepFile sweep = load_sweep_text(
      "base: ../smoke.yaml\n"
      "parameters: [regime.pressure.k, run.weeks]\n"
      "design:\n"
      "  sobol:\n"
      "    samples: 32\n"
      "    bounds: {regime.pressure.k: [0, 2], run.weeks: [13, 52]}\n",
      kName);
  EXPECT_EQ(sweep.design, SweepDesignKind::Sobol);
  EXPECT_EQ(sweep.samples, 32u);
  EXPECT_EQ(sweep.bounds, (std::vector<std::pair<double, double>>{{0.0, 2.0}, {13.0, 52.0}}));
}

TEST(LoadSweep, MorrisLevelsAreEvenAndAtLeastTwo) {
  const auto odd = problems_of(
      "base: ../nowhere.yaml\n"
      "parameters: [a]\n"
      "design:\n"
      "  morris:\n"
      "    trajectories: 0\n"
      "    levels: 5\n"
      "    bounds: {a: [0, 1]}\n");
  ASSERT_EQ(odd.size(), 3u) << ::testing::PrintToString(odd);
  EXPECT_EQ(odd[1],
            "sweep.yaml:5:19: 'design.morris.trajectories' must be a number in [1, 1000000], got 0");
  EXPECT_EQ(odd[2],
            "sweep.yaml:6:13: 'design.morris.levels' must be even (Morris's delta = levels / "
            "(2 (levels - 1)) needs it), got 5");
  EXPECT_EQ(problems_of("base: ../nowhere.yaml\nparameters: [a]\ndesign:\n  morris:\n"
                        "    trajectories: 2\n    levels: 0\n    bounds: {a: [0, 1]}\n")
                .back(),
            "sweep.yaml:6:13: 'design.morris.levels' must be a number in [2, 1000], got 0");
}

TEST(LoadSweep, SobolNeedsTwoParametersWithRanges) {
  const auto one = problems_of(
      "base: ../nowhere.yaml\n"
      "parameters: [a]\n"
      "design:\n"
      "  sobol:\n"
      "    samples: 8\n"
      "    bounds: {a: [0, 1]}\n");
  ASSERT_EQ(one.size(), 2u) << ::testing::PrintToString(one);
  EXPECT_EQ(one[1], "sweep.yaml:5:5: 'design.sobol' needs 2 to 10 parameters with ranges, got 1");
  const auto missing = problems_of(
      "base: ../nowhere.yaml\n"
      "parameters: [a, b]\n"
      "design:\n"
      "  sobol:\n"
      "    bounds: {a: [0, 1]}\n");
  ASSERT_EQ(missing.size(), 3u) << ::testing::PrintToString(missing);
  EXPECT_EQ(missing[1], "sweep.yaml:5:5: missing required key 'design.sobol.samples' (a whole number)");
  EXPECT_EQ(missing[2], "sweep.yaml:5:13: 'design.sobol.bounds' has no [low, high] for parameter 'b'");
}

TEST(LoadSweep, UnknownKeysSayWhereAndSuggest) {
  EXPECT_EQ(
      problems_of("base: ../nowhere.yaml\n"
                  "parameters: [run.weeks]\n"
                  "design:\n"
                  "  grid:\n"
                  "    run.weks: [1, 2]\n"
                  "replicatons: 3\n"),
      (std::vector<std::string>{
          "sweep.yaml:1:7: cannot open base scenario '../nowhere.yaml' (No such file or directory)",
          "sweep.yaml:5:5: 'design.grid' has no values for parameter 'run.weeks'",
          "sweep.yaml:5:5: unknown key 'run.weks' in 'design.grid' (did you mean 'run.weeks'?)",
          "sweep.yaml:6:1: unknown key 'replicatons' (did you mean 'replications'?)"}));
}

TEST(LoadSweep, DesignNeedsExactlyOneKind) {
  EXPECT_EQ(problems_of("base: ../nowhere.yaml\nparameters: [a]\ndesign: {}\n").back(),
            "sweep.yaml:3:9: 'design' needs one of grid, points, latin_hypercube, morris, sobol");
  const auto two = problems_of(
      "parameters: [a]\n"
      "design:\n"
      "  grid: {a: [1]}\n"
      "  points: [{a: 1}]\n");
  EXPECT_EQ(two.front(), "sweep.yaml:1:1: missing required key 'base' (text)");
  EXPECT_EQ(two.back(),
            "sweep.yaml:4:11: 'design' takes one of grid, points, latin_hypercube, morris, sobol, "
            "not both 'grid' and 'points'");
  EXPECT_EQ(problems_of("parameters: [a]\nbase: x\ndesign:\n  gird: {a: [1]}\n").back(),
            "sweep.yaml:4:3: unknown key 'gird' in 'design' (did you mean 'grid'?)");
}

TEST(LoadSweep, PointsMustNameEveryParameterAndOnlyThose) {
  const auto problems = problems_of(
      "base: ../nowhere.yaml\n"
      "parameters:\n"
      "  - run.weeks\n"
      "  - run.seed\n"
      "design:\n"
      "  points:\n"
      "    - run.weeks: 1\n"
      "      run.sed: 2\n"
      "    - run.weeks: [1, 2]\n"
      "      run.seed: 3\n");
  ASSERT_EQ(problems.size(), 4u) << ::testing::PrintToString(problems);
  EXPECT_EQ(problems[1],
            "sweep.yaml:7:7: 'design.points[0]' has no value for parameter 'run.seed'");
  EXPECT_EQ(
      problems[2],
      "sweep.yaml:8:7: unknown key 'run.sed' in 'design.points[0]' (did you mean 'run.seed'?)");
  EXPECT_EQ(problems[3],
            "sweep.yaml:9:18: 'design.points[1].run.weeks' must be a single value (a number or "
            "text), got a list");
}

TEST(LoadSweep, LatinHypercubeBoundsAreLowHighPairs) {
  const auto problems = problems_of(
      "base: ../nowhere.yaml\n"
      "parameters: [a, b]\n"
      "design:\n"
      "  latin_hypercube:\n"
      "    samples: 0\n"
      "    bounds:\n"
      "      a: [2, 1]\n");
  ASSERT_EQ(problems.size(), 4u) << ::testing::PrintToString(problems);
  EXPECT_EQ(
      problems[1],
      "sweep.yaml:5:14: 'design.latin_hypercube.samples' must be a number in [1, 1000000], got 0");
  EXPECT_EQ(problems[2],
            "sweep.yaml:7:7: 'design.latin_hypercube.bounds' has no [low, high] for parameter 'b'");
  EXPECT_EQ(
      problems[3],
      "sweep.yaml:7:10: 'design.latin_hypercube.bounds.a' must be [low, high] with low <= high");
}

TEST(LoadSweep, TooManyRunsIsRefusedBeforeAnythingRuns) {
  EXPECT_EQ(
      problems_of(
          "base: ../smoke.yaml\n"
          "parameters: [a, b, c]\n"
          "design:\n"
          "  latin_hypercube: {samples: 1000000, bounds: {a: [0, 1], b: [0, 1], c: [0, 1]}}\n"
          "replications: 2\n",
          kName)
          .back(),
      kName.string() + ":1:1: the sweep asks for more than 1000000 runs (points x replications)");
}

TEST(LoadSweep, MissingFileAndEmptyFile) {
  try {
    load_sweep_file("/nonexistent/sweep.yaml");
    FAIL();
  } catch (const core::ConfigError& error) {
    EXPECT_EQ(core::format_diagnostic(error.problems().front()),
              "/nonexistent/sweep.yaml: cannot open sweep file (No such file or directory)");
  }
  EXPECT_EQ(problems_of("# nothing\n").front(),
            "sweep.yaml:1:1: sweep file is empty; a sweep needs base, parameters and design");
}

}  // namespace
}  // namespace caseload::io
