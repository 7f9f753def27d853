// The group attribute and action tables are the one registration of their keys: the loader
// reads exactly them, the resolved YAML shows their defaults, and docs/SCENARIOS.md's tables
// are rendered from them.

#include "sim/io/config/scenario_schema_docs.hpp"

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "sim/io/config/scenario_loader.hpp"
#include "sim/model/action.hpp"
#include "sim/model/group_attributes.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::io {
namespace {

using caseload::testing::problems_of;

std::string scenarios_doc() {
  std::ifstream in(std::string(CASELOAD_SOURCE_DIR) + "/docs/SCENARIOS.md");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A value inside `bounds`, different from `avoid`, so reading it shows the key was read.
double inside(const core::Bounds& bounds, double avoid, bool whole = false) {
  for (double candidate : {0.25, 0.5, 3.0, 7.0, 42.0}) {
    if (whole && candidate != std::floor(candidate)) continue;
    if (bounds.contains(candidate) && candidate != avoid) return candidate;
  }
  ADD_FAILURE() << "no test value fits " << bounds.describe();
  return avoid;
}

TEST(ScenarioSchemaDocs, GroupTableIsRenderedFromTheAttributes) {
  const std::string table = group_table_markdown();
  EXPECT_NE(scenarios_doc().find(table), std::string::npos)
      << "docs/SCENARIOS.md's group table differs from model::group_attributes; it should read:\n" << table;
}

TEST(ScenarioSchemaDocs, ActionTableIsRenderedFromTheActions) {
  const std::string table = action_table_markdown();
  EXPECT_NE(scenarios_doc().find(table), std::string::npos)
      << "docs/SCENARIOS.md's action table differs from model::action_table; it should read:\n" << table;
}

TEST(GroupAttributes, EveryAttributeIsReadIntoItsMember) {
  std::string yaml = "name: x\ngroups:\n  g:\n";
  model::CustomerGroup defaults;
  std::vector<double> expected;
  for (const auto& field : model::group_attributes) {
    // A yes/no is written as the opposite of its default, so reading it must change it.
    const double value = field.flag != nullptr ? !field.flag(defaults) : inside(field.bounds, field.number(defaults));
    expected.push_back(value);
    yaml += field.flag != nullptr ? fmt::format("    {}: {}\n", field.key, value != 0.0)
                                  : fmt::format("    {}: {}\n", field.key, value);
  }
  model::Scenario scenario = load_scenario_text(yaml, "inline.yaml").scenario;
  ASSERT_EQ(scenario.groups.size(), 1u);
  for (std::size_t i = 0; i < std::size(model::group_attributes); ++i) {
    const auto& field = model::group_attributes[i];
    const double read = field.flag != nullptr ? field.flag(scenario.groups[0]) : field.number(scenario.groups[0]);
    EXPECT_EQ(read, expected[i]) << field.key;
  }
}

TEST(GroupAttributes, AValueOutOfRangeNamesTheKeyAndTheRange) {
  for (const auto& field : model::group_attributes) {
    if (!std::isfinite(field.bounds.min)) continue;
    std::string yaml = "name: x\ngroups:\n  g:\n";
    if (!field.required) yaml += "    inflow_per_week: 1\n";  // the one required key
    yaml += fmt::format("    {}: {}\n", field.key, field.bounds.min - 1.0);
    const auto problems = problems_of([&] { load_scenario_text(yaml, "inline.yaml"); });
    ASSERT_EQ(problems.size(), 1u) << field.key;
    EXPECT_NE(problems[0].find(fmt::format("'groups.g.{}' must be {}", field.key, field.bounds.describe())),
              std::string::npos) << problems[0];
  }
}

TEST(GroupAttributes, DefaultsAppearInTheResolvedYaml) {
  const std::string resolved = load_scenario_text("name: x\ngroups: {g: {inflow_per_week: 1}}\n", "inline.yaml").resolved_yaml;
  for (const auto& field : model::group_attributes) {
    EXPECT_NE(resolved.find(std::string(field.key) + ":"), std::string::npos) << field.key;
  }
}

// A parameter's value, whole or real, as a double.
double value_of(const model::Field<model::ActionCatalogue>& field, model::ActionCatalogue& actions) {
  return field.integer != nullptr ? field.integer(actions) : field.number(actions);
}

TEST(ActionTable, EveryParameterIsReadIntoItsMember) {
  std::string yaml = "name: x\ngroups: {g: {inflow_per_week: 1}}\nactions:\n";
  model::ActionCatalogue defaults;
  std::vector<double> expected;
  for (const auto& action : model::action_table) {
    yaml += fmt::format("  {}:\n", action.name);
    for (const auto& field : action.parameters) {
      expected.push_back(inside(field.bounds, value_of(field, defaults), field.integer != nullptr));
      yaml += fmt::format("    {}: {}\n", field.key, expected.back());
    }
  }
  model::Scenario scenario = load_scenario_text(yaml, "inline.yaml").scenario;
  std::size_t i = 0;
  for (const auto& action : model::action_table) {
    for (const auto& field : action.parameters) {
      EXPECT_EQ(value_of(field, scenario.actions), expected[i++]) << action.name << "." << field.key;
    }
  }
}

TEST(ActionTable, MinutesAreTheFirstParameter) {
  model::ActionCatalogue catalogue;
  catalogue.interview.minutes = 41.0;
  catalogue.sanction.minutes = 11.0;
  EXPECT_EQ(model::minutes_of(catalogue, model::ActionKind::Interview), 41.0);
  EXPECT_EQ(model::minutes_of(catalogue, model::ActionKind::Sanction), 11.0);
  EXPECT_EQ(model::minutes_of(catalogue, model::ActionKind::Validation), catalogue.validation.minutes);
}

TEST(ActionTable, NamesAndEvidenceComeFromTheRows) {
  for (const auto& action : model::action_table) {
    EXPECT_EQ(model::name_of(action.kind), action.name);
    EXPECT_EQ(model::is_evidence(action.kind), action.is_evidence);
  }
  EXPECT_TRUE(model::is_evidence(model::ActionKind::DiscretionFund));
  EXPECT_FALSE(model::is_evidence(model::ActionKind::EmployerContact));
}

}  // namespace
}  // namespace caseload::io
