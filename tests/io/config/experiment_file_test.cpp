#include "sim/io/config/experiment_file.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/core/diagnostics.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::io {
namespace {

// Experiment text as if it sat in scenarios/experiments/, so `../smoke.yaml` resolves.
const std::filesystem::path kName =
    std::filesystem::path(CASELOAD_SOURCE_DIR) / "scenarios" / "experiments" / "inline.yaml";

const std::vector<std::string> kKnownMetrics = {"parked_share", "mean_job_quality",
                                                "creaming_index_employability"};

std::vector<std::string> problems_of(const std::string& text) {
  return caseload::testing::problems_of(
      [&] { load_experiment_text(text, "experiment.yaml", kKnownMetrics); });
}

TEST(LoadExperiment, ReadsArmsReplicationsSeedAndMetrics) {
  const ExperimentFile experiment = load_experiment_text(
      "name: lag\n"
      "set: [run.weeks=13]\n"
      "arms:\n"
      "  - label: smoke\n"
      "    scenario: ../smoke.yaml\n"
      "  - scenario: ../smoke.yaml\n"
      "    set: [network.advisers_per_office=4]\n"
      "  - label: five advisers\n"
      "    scenario: ../smoke.yaml\n"
      "    set: [network.advisers_per_office=5]\n"
      "replications: 3\n"
      "seed: 7\n"
      "metrics: [parked_share, mean_job_quality]\n",
      kName, kKnownMetrics);
  EXPECT_EQ(experiment.name, "lag");
  ASSERT_EQ(experiment.arms.size(), 3u);
  const auto smoke = (kName.parent_path() / "../smoke.yaml").lexically_normal();
  EXPECT_EQ(experiment.arms[0].label, "smoke");
  EXPECT_EQ(experiment.arms[0].scenario, smoke);
  EXPECT_EQ(experiment.arms[0].set, std::vector<std::string>{"run.weeks=13"});
  // An arm without a label is named by its scenario and its own overrides, so two arms of one
  // scenario read apart.
  EXPECT_EQ(experiment.arms[1].label, "smoke (network.advisers_per_office=4)");
  EXPECT_EQ(experiment.arms[2].set,
            (std::vector<std::string>{"run.weeks=13", "network.advisers_per_office=5"}));
  EXPECT_EQ(experiment.replications, 3u);
  EXPECT_EQ(experiment.seed, 7u);
  EXPECT_EQ(experiment.metrics, (std::vector<std::string>{"parked_share", "mean_job_quality"}));
}

TEST(LoadExperiment, NameDefaultsToTheFileStem) {
  const ExperimentFile experiment = load_experiment_text(
      "arms: [{scenario: ../smoke.yaml}, {scenario: ../smoke.yaml, set: [run.weeks=13]}]\n", kName,
      kKnownMetrics);
  EXPECT_EQ(experiment.name, "inline");
  EXPECT_EQ(experiment.replications, 10u);
  EXPECT_TRUE(experiment.metrics.empty());
}

TEST(LoadExperiment, UnknownKeysAndMetricsReportLineColumnAndNearMiss) {
  const auto problems = problems_of(
      "arms:\n"
      "  - scenario: a.yaml\n"
      "    lable: x\n"
      "  - scenario: b.yaml\n"
      "replicatons: 3\n"
      "metrics: [parked_shar]\n");
  ASSERT_EQ(problems.size(), 5u) << ::testing::PrintToString(problems);
  EXPECT_EQ(problems[0].rfind("experiment.yaml:2:15: cannot open scenario 'a.yaml'", 0), 0u)
      << problems[0];
  EXPECT_EQ(problems[1],
            "experiment.yaml:3:5: unknown key 'lable' in 'arms[0]' (did you mean 'label'?)")
      << problems[1];
  EXPECT_EQ(problems[2].rfind("experiment.yaml:4:15: cannot open scenario", 0), 0u);
  EXPECT_NE(problems[3].find("5:1: unknown key 'replicatons' (did you mean 'replications'?)"),
            std::string::npos)
      << problems[3];
  EXPECT_EQ(problems[4],
            "experiment.yaml:6:10: unknown metric 'parked_shar' in 'metrics' (did you mean "
            "'parked_share'?)");
}

TEST(LoadExperiment, TwoArmsWithOneLabelAreAnError) {
  const auto problems = problems_of(
      "arms:\n"
      "  - {label: same, scenario: x.yaml}\n"
      "  - {label: same, scenario: x.yaml}\n");
  ASSERT_EQ(problems.size(), 3u) << ::testing::PrintToString(problems);
  // In file order: the second arm's label, then its scenario (both on line 3).
  EXPECT_EQ(problems[1],
            "experiment.yaml:3:13: two arms are labelled 'same'; give each arm its own 'label'");
}

TEST(LoadExperiment, NeedsTwoArmsEachWithAScenario) {
  EXPECT_NE(problems_of("seed: 3\n").at(0).find("missing required key 'arms'"), std::string::npos);
  EXPECT_NE(problems_of("arms: [{scenario: ../smoke.yaml}]\n").at(0).find("at least two arms"),
            std::string::npos);
  const auto problems = problems_of("arms: [{label: a}, {label: b}]\n");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0], "experiment.yaml:1:8: missing required key 'arms[0].scenario' (text)");
}

TEST(LoadExperiment, BadInputIsAClearError) {
  EXPECT_EQ(problems_of("").at(0),
            "experiment.yaml:1:1: experiment file is empty; an experiment needs arms (each with a "
            "scenario)");
  EXPECT_NE(problems_of("- a\n").at(0).find("top level of the experiment file"), std::string::npos);
  EXPECT_NE(problems_of("arms: [{scenario: x.yaml, set: [nothing]}, {scenario: x.yaml}]\n")
                .at(1)
                .find("'arms[0].set' entries must be path=value, got 'nothing'"),
            std::string::npos);
  const auto missing = caseload::testing::problems_of(
      [] { load_experiment_file("/nonexistent/experiment.yaml", kKnownMetrics); });
  EXPECT_EQ(
      missing.at(0),
      "/nonexistent/experiment.yaml: cannot open experiment file (No such file or directory)");
}

}  // namespace
}  // namespace caseload::io
