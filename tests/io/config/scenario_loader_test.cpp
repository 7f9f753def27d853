#include "sim/io/config/scenario_loader.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "sim/io/config/yaml_document.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::io {
namespace {

using caseload::testing::config_data;

using caseload::testing::problems_of;

TEST(LoadScenario, ReadsTheSmokeScenario) {
  const LoadedScenario loaded =
      load_scenario(std::filesystem::path(CASELOAD_SOURCE_DIR) / "scenarios" / "smoke.yaml", {});
  EXPECT_EQ(loaded.scenario.name, "smoke");
  EXPECT_EQ(loaded.scenario.run.seed, 42u);
  EXPECT_DOUBLE_EQ(loaded.scenario.run.weeks, 104.0);
}

TEST(LoadScenario, UnknownKeyReportsLineAndColumn) {
  const auto file = config_data("misspelt_key.yaml");
  EXPECT_EQ(problems_of([&] { load_scenario(file, {}); }),
            std::vector<std::string>{file.string() +
                                     ":4:3: unknown key 'sead' in 'run' (did you mean 'seed'?)"});
}

TEST(LoadScenario, EveryProblemIsReportedInFileOrder) {
  const auto file = config_data("three_problems.yaml").string();
  EXPECT_EQ(problems_of([&] { load_scenario(file, {}); }),
            (std::vector<std::string>{
                file + ":3:1: unknown key 'descripton' (did you mean 'description'?)",
                file + ":5:9: 'run.seed' must be a whole number, got 'many'",
                file + ":6:10: 'run.weeks' must be a number in (0, 5200], got -3"}));
}

TEST(LoadScenario, AssignmentRuleAndSpecialistsAreRead) {
  const LoadedScenario loaded = load_scenario_text(
      "name: x\nadvisers: {assignment: specialist, specialist_share: 0.25}\n"
      "groups: {a: {inflow_per_week: 1}, b: {inflow_per_week: 1, needs_specialist: true}}\n",
      "inline.yaml", {});
  EXPECT_EQ(loaded.scenario.advisers.assignment, model::AssignmentRule::Specialist);
  EXPECT_DOUBLE_EQ(loaded.scenario.advisers.specialist_share, 0.25);
  EXPECT_FALSE(loaded.scenario.groups[0].needs_specialist);
  EXPECT_TRUE(loaded.scenario.groups[1].needs_specialist);
}

TEST(LoadScenario, UnknownAssignmentRuleNamesTheKeyAndSuggests) {
  EXPECT_EQ(problems_of([] {
              load_scenario_text("name: x\ngroups: {a: {inflow_per_week: 1}}\nadvisers:\n  assignment: ballance\n",
                                 "inline.yaml", {});
            }),
            std::vector<std::string>{"inline.yaml:4:15: 'advisers.assignment' must be one of balance, random, "
                                     "specialist, got 'ballance' (did you mean 'balance'?)"});
}

TEST(LoadScenario, ProvidersAreOffByDefault) {
  const LoadedScenario loaded = load_scenario_text("name: x\ngroups: {a: {inflow_per_week: 1}, b: {inflow_per_week: 1}}\n", "inline.yaml", {});
  EXPECT_FALSE(loaded.scenario.providers.enabled());
  EXPECT_EQ(loaded.scenario.providers.referral_after_weeks, (std::vector<double>{52.0, 52.0}));
}

TEST(LoadScenario, ProvidersReadReferralWeeksByGroup) {
  const LoadedScenario loaded = load_scenario_text(
      "name: x\ngroups: {a: {inflow_per_week: 1}, b: {inflow_per_week: 1}}\nproviders:\n  per_office: 2\n  referral_after_weeks: {default: 40, b: 13}\n",
      "inline.yaml", {});
  EXPECT_EQ(loaded.scenario.providers.per_office, 2);
  EXPECT_EQ(loaded.scenario.providers.referral_after_weeks, (std::vector<double>{40.0, 13.0}));
  EXPECT_DOUBLE_EQ(loaded.scenario.providers.attachment_weeks, 104.0);
}

TEST(LoadScenario, ProvidersRejectAnUnknownGroup) {
  const auto problems = problems_of([] {
    load_scenario_text("name: x\ngroups: {a: {inflow_per_week: 1}}\nproviders:\n  referral_after_weeks: {default: 40, c: 13}\n",
                       "inline.yaml", {});
  });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems.front().find("unknown key 'c'"), std::string::npos) << problems.front();
}

TEST(LoadScenario, ProvidersReadStaffingCostAndPerception) {
  const LoadedScenario loaded = load_scenario_text(
      "name: x\ngroups: {a: {inflow_per_week: 1}}\nproviders:\n  per_office: 1\n  caseload_per_caseworker: 45\n"
      "  forecast_off_flow_per_week: {to_26_weeks: 0.04, after_52_weeks: 0.01}\n  caseworker_cost_per_year: 30000\n"
      "  overhead_share: 0.5\n  difficulty_perception_sd: 1.2\n",
      "inline.yaml", {});
  const auto& providers = loaded.scenario.providers;
  EXPECT_EQ(providers.caseworkers_per_provider, 0) << "sized unless a headcount is given";
  EXPECT_DOUBLE_EQ(providers.caseload_per_caseworker, 45.0);
  EXPECT_DOUBLE_EQ(providers.forecast.to_26_weeks, 0.04);
  EXPECT_DOUBLE_EQ(providers.forecast.to_52_weeks, 0.035);
  EXPECT_DOUBLE_EQ(providers.forecast.after_52_weeks, 0.01);
  EXPECT_DOUBLE_EQ(providers.caseworker_cost_per_year, 30000.0);
  EXPECT_DOUBLE_EQ(providers.overhead_share, 0.5);
  EXPECT_DOUBLE_EQ(providers.difficulty_perception_sd, 1.2);
}

TEST(LoadScenario, ProvidersRejectTheOldHourlyRateAndABadRatio) {
  const auto problems = problems_of([] {
    load_scenario_text("name: x\ngroups: {a: {inflow_per_week: 1}}\nproviders:\n  staff_cost_per_hour: 20\n"
                       "  caseload_per_caseworker: 0\n  forecast_off_flow_per_week: {to_26: 0.05}\n",
                       "inline.yaml", {});
  });
  ASSERT_EQ(problems.size(), 3u);
  const auto mentions = [&](const std::string& text) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& p) { return p.find(text) != std::string::npos; });
  };
  EXPECT_TRUE(mentions("inline.yaml:4:3")) << "the hourly rate, located";
  EXPECT_TRUE(mentions("unknown key 'staff_cost_per_hour'"));
  EXPECT_TRUE(mentions("caseload_per_caseworker"));
  EXPECT_TRUE(mentions("unknown key 'to_26'"));
}

TEST(LoadScenario, ReclaimByTenureIsReadAndChecked) {
  const LoadedScenario loaded = load_scenario_text(
      "name: x\ngroups: {a: {inflow_per_week: 1}}\njobs: {recycle_long_tenure: 0.3, recycle_decay_weeks: 52}\n",
      "inline.yaml", {});
  EXPECT_EQ(loaded.scenario.jobs.recycle_long_tenure, 0.3);
  EXPECT_DOUBLE_EQ(loaded.scenario.jobs.recycle_decay_weeks, 52.0);
  EXPECT_FALSE(load_scenario_text("name: x\ngroups: {a: {inflow_per_week: 1}}\n", "inline.yaml", {})
                   .scenario.jobs.recycle_long_tenure.has_value())
      << "unset, the long-tenure chance follows recycle_probability";
  EXPECT_EQ(problems_of([] {
              load_scenario_text("name: x\ngroups: {a: {inflow_per_week: 1}}\n"
                                 "jobs:\n  recycle_long_tenure: 1.5\n  recycle_decay_weeks: 0\n",
                                 "inline.yaml", {});
            }),
            (std::vector<std::string>{
                "inline.yaml:4:24: 'jobs.recycle_long_tenure' must be a number in [0, 1], got 1.5",
                "inline.yaml:5:24: 'jobs.recycle_decay_weeks' must be a number > 0, got 0"}));
}

TEST(LoadScenario, OverridesApplyBeforeValidation) {
  const LoadedScenario loaded = load_scenario_text("name: x\nrun:\n  weeks: -3\ngroups: {all: {inflow_per_week: 1}}\n",
                                                   "inline.yaml",
                                                   {"run.weeks=10", "description=\"set\""});
  EXPECT_DOUBLE_EQ(loaded.scenario.run.weeks, 10.0);
  EXPECT_EQ(loaded.scenario.description, "set");
}

TEST(LoadScenario, OverrideProblemsPointAtTheSetAndComeAfterFileProblems) {
  EXPECT_EQ(
      problems_of([] {
        load_scenario_text("name: x\nrun:\n  weeks: lots\ngroups: {all: {inflow_per_week: 1}}\n", "inline.yaml",
                           {"run.sed=1", "run.warmup_weeks=-1"});
      }),
      (std::vector<std::string>{"inline.yaml:3:10: 'run.weeks' must be a number, got 'lots'",
                                "--set:1:5: unknown key 'sed' in 'run' (did you mean 'seed'?)",
                                "--set:2:18: 'run.warmup_weeks' must be a number in [0, 5200], got -1"}));
}

// Issue 16 D11: sizes past these bounds reached a double-to-count cast (undefined behaviour)
// or an endless run; now they are refused at their key, before anything is sized from them.
TEST(LoadScenario, SizesPastTheirBoundsAreRefusedAtTheirKey) {
  EXPECT_EQ(
      problems_of([] {
        load_scenario_text("name: x\nrun:\n  weeks: 1e300\ngroups: {all: {inflow_per_week: 1e300}}\n"
                           "network:\n  variation: {size_sd: 1000}\n",
                           "inline.yaml", {"run.warmup_weeks=1e9"});
      }),
      (std::vector<std::string>{"inline.yaml:3:10: 'run.weeks' must be a number in (0, 5200], got 1e300",
                                "inline.yaml:4:33: 'groups.all.inflow_per_week' must be a number in [0, 100000], got 1e300",
                                "inline.yaml:6:24: 'network.variation.size_sd' must be a number in [0, 5], got 1000",
                                "--set:1:18: 'run.warmup_weeks' must be a number in [0, 5200], got 1e9"}));
}

TEST(LoadScenario, SeedArgumentWinsOverFileAndSet) {
  const LoadedScenario loaded = load_scenario(
      std::filesystem::path(CASELOAD_SOURCE_DIR) / "scenarios" / "smoke.yaml", {"run.seed=5"}, 77);
  EXPECT_EQ(loaded.scenario.run.seed, 77u);
}

TEST(LoadScenario, IncludesAreMergedBeforeReading) {
  const LoadedScenario loaded = load_scenario(config_data("include_override.yaml"), {});
  EXPECT_EQ(loaded.scenario.name, "derived");
  EXPECT_EQ(loaded.scenario.description, "from the base");
  EXPECT_EQ(loaded.scenario.run.seed, 11u);
  EXPECT_DOUBLE_EQ(loaded.scenario.run.weeks, 20.0);
  EXPECT_DOUBLE_EQ(loaded.scenario.run.warmup_weeks, 2.0);
}

TEST(LoadScenario, ResolvedYamlHasEveryDefault) {
  const LoadedScenario loaded = load_scenario_text("name: minimal\ngroups: {all: {inflow_per_week: 1}}\n", "inline.yaml");
  EXPECT_NE(loaded.resolved_yaml.find("name: minimal"), std::string::npos) << loaded.resolved_yaml;
  EXPECT_NE(loaded.resolved_yaml.find("seed: 1"), std::string::npos) << loaded.resolved_yaml;
  EXPECT_NE(loaded.resolved_yaml.find("weeks: 104"), std::string::npos) << loaded.resolved_yaml;
  EXPECT_NE(loaded.resolved_yaml.find("warmup_weeks: 52"), std::string::npos)
      << loaded.resolved_yaml;
}

TEST(LoadScenario, ResolvedYamlLoadsToTheSameScenario) {
  const LoadedScenario first = load_scenario(config_data("include_override.yaml"), {"run.seed=9"});
  const LoadedScenario second = load_scenario_text(first.resolved_yaml, "resolved.yaml");
  EXPECT_EQ(second.scenario.name, first.scenario.name);
  EXPECT_EQ(second.scenario.description, first.scenario.description);
  EXPECT_EQ(second.scenario.run.seed, first.scenario.run.seed);
  EXPECT_DOUBLE_EQ(second.scenario.run.weeks, first.scenario.run.weeks);
  EXPECT_DOUBLE_EQ(second.scenario.run.warmup_weeks, first.scenario.run.warmup_weeks);
  // The same text, less the comment naming the includes.
  EXPECT_EQ(second.resolved_yaml, first.resolved_yaml.substr(first.resolved_yaml.find('\n') + 1));
}

TEST(LoadScenario, ResolvedYamlNamesIncludesInACommentNotAKey) {
  const LoadedScenario loaded = load_scenario(config_data("include_override.yaml"), {});
  EXPECT_EQ(loaded.resolved_yaml.rfind("# included (already merged in): include_base.yaml\n", 0),
            0u)
      << loaded.resolved_yaml;
  EXPECT_EQ(loaded.resolved_yaml.find("\ninclude:"), std::string::npos) << loaded.resolved_yaml;
}

TEST(LoadScenario, ParseProblemsStopBeforeTheSchema) {
  const auto file = config_data("binary_garbage.yaml");
  const auto problems = problems_of([&] { load_scenario(file, {"run.sede=1"}); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("file is not text"), std::string::npos);
}

}  // namespace
}  // namespace caseload::io
