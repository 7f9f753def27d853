// The scenario keys of job choice, in-work support and goodwill in the plan (issue 12): read
// when valid, and every bad value reported at its file:line:col with the key and what is allowed.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/io/config/scenario_loader.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::io {
namespace {

using caseload::testing::problems_of;

constexpr const char* groups = "name: x\ngroups: {a: {inflow_per_week: 1}}\n";

TEST(JobChoiceKeys, AreRead) {
  const LoadedScenario loaded = load_scenario_text(
      std::string(groups) +
          "jobs: {reservation_quality: 0.4, reservation_half_life_weeks: 26}\n"
          "advisers: {goodwill_value_per_unit: 7}\n"
          "actions:\n  submission: {matched_minutes: 30}\n"
          "  in_work_support: {minutes: 45, within_weeks: 4, hazard_effect: 0.5, effect_weeks: 26}\n",
      "inline.yaml", {});
  const auto& s = loaded.scenario;
  EXPECT_DOUBLE_EQ(s.jobs.reservation_quality, 0.4);
  EXPECT_DOUBLE_EQ(s.jobs.reservation_half_life_weeks, 26.0);
  EXPECT_DOUBLE_EQ(s.advisers.goodwill_value_per_unit, 7.0);
  EXPECT_DOUBLE_EQ(s.actions.submission.matched_minutes, 30.0);
  EXPECT_DOUBLE_EQ(s.actions.in_work_support.minutes, 45.0);
  EXPECT_DOUBLE_EQ(s.actions.in_work_support.within_weeks, 4.0);
  EXPECT_DOUBLE_EQ(s.actions.in_work_support.hazard_effect, 0.5);
  EXPECT_DOUBLE_EQ(s.actions.in_work_support.effect_weeks, 26.0);
}

TEST(JobChoiceKeys, BadValuesNameTheKeyAndWhereItIs) {
  const auto problems = problems_of([] {
    load_scenario_text(std::string(groups) +
                           "jobs:\n  reservation_quality: 1.5\n  reservation_half_life_weeks: 0\n"
                           "advisers:\n  goodwill_value_per_unit: -1\n"
                           "actions:\n  submission:\n    matched_minutes: 0\n"
                           "  in_work_support:\n    hazard_effect: -0.2\n    within_weks: 4\n",
                       "inline.yaml", {});
  });
  EXPECT_EQ(problems, (std::vector<std::string>{
                          "inline.yaml:4:24: 'jobs.reservation_quality' must be a number in [0, 1], got 1.5",
                          "inline.yaml:5:32: 'jobs.reservation_half_life_weeks' must be a number > 0, got 0",
                          "inline.yaml:7:28: 'advisers.goodwill_value_per_unit' must be a number >= 0, got -1",
                          "inline.yaml:10:22: 'actions.submission.matched_minutes' must be a number > 0, got 0",
                          "inline.yaml:12:20: 'actions.in_work_support.hazard_effect' must be a number >= 0, got -0.2",
                          "inline.yaml:13:5: unknown key 'within_weks' in 'actions.in_work_support' (did you mean "
                          "'within_weeks'?)",
                      }));
}

}  // namespace
}  // namespace caseload::io
