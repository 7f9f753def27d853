#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/io/config/yaml_document.hpp"

namespace caseload::io {
namespace {

core::ConfigNode scenario() {
  return parse_scenario_text("name: base\nrun:\n  seed: 1\ngroups: [a, b, c]\n", "base.yaml");
}

// Applies one override as the first --set and returns the problems, one formatted line each.
std::vector<std::string> set(core::ConfigNode& root, std::string_view assignment) {
  core::Diagnostics diagnostics;
  apply_override(root, assignment, 1, diagnostics);
  std::vector<std::string> lines;
  for (const auto& problem : diagnostics.items()) lines.push_back(core::format_diagnostic(problem));
  return lines;
}

TEST(ApplyOverride, ReplacesANestedValueAndPointsItAtTheSet) {
  core::ConfigNode root = scenario();
  EXPECT_TRUE(set(root, "run.seed=7").empty());
  const core::ConfigNode* seed = root.find("run")->find("seed");
  EXPECT_EQ(seed->text(), "7");
  EXPECT_FALSE(seed->quoted());
  EXPECT_EQ(seed->location().file, "--set");
  EXPECT_EQ(seed->location().line, 1);
  EXPECT_EQ(seed->location().column, 10);
}

TEST(ApplyOverride, IndexIsTheLineOfItsLocations) {
  core::ConfigNode root = scenario();
  core::Diagnostics diagnostics;
  apply_override(root, "run.weeks=3", 4, diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(root.find("run")->find("weeks")->location().line, 4);
}

TEST(ApplyOverride, CreatesMissingKeysLocatedAtTheirColumn) {
  core::ConfigNode root = scenario();
  EXPECT_TRUE(set(root, "extra.deeper=1").empty());
  const core::MapEntry& extra = root.entries().back();
  EXPECT_EQ(extra.key, "extra");
  EXPECT_EQ(core::format_location(extra.key_location), "--set:1:1");
  EXPECT_EQ(core::format_location(extra.value.entries().front().key_location), "--set:1:7");
}

TEST(ApplyOverride, ValuesAreYaml) {
  core::ConfigNode root = scenario();
  EXPECT_TRUE(set(root, "groups=[x, y]").empty());
  EXPECT_TRUE(set(root, "name=\"x y\"").empty());
  EXPECT_TRUE(set(root, "run={seed: 9}").empty());
  EXPECT_TRUE(set(root, "description=").empty());
  ASSERT_EQ(root.find("groups")->items().size(), 2u);
  EXPECT_EQ(root.find("groups")->items()[1].text(), "y");
  EXPECT_EQ(root.find("name")->text(), "x y");
  EXPECT_TRUE(root.find("name")->quoted());
  EXPECT_EQ(root.find("run")->find("seed")->text(), "9");
  EXPECT_TRUE(root.find("description")->is_null());
}

TEST(ApplyOverride, IndexesListsWithBracketsOrDots) {
  core::ConfigNode root = scenario();
  EXPECT_TRUE(set(root, "groups[1]=B").empty());
  EXPECT_TRUE(set(root, "groups.2=C").empty());
  EXPECT_EQ(root.find("groups")->items()[1].text(), "B");
  EXPECT_EQ(root.find("groups")->items()[2].text(), "C");
}

TEST(ApplyOverride, MissingEqualsIsAnError) {
  core::ConfigNode root = scenario();
  EXPECT_EQ(
      set(root, "run.seed"),
      std::vector<std::string>{"--set:1:1: expected path=value (like run.seed=7), got 'run.seed'"});
}

TEST(ApplyOverride, EmptyPathIsAnError) {
  core::ConfigNode root = scenario();
  EXPECT_EQ(set(root, "=7"),
            std::vector<std::string>{"--set:1:1: nothing before '=' in '=7'; expected path=value"});
}

TEST(ApplyOverride, EmptyKeysAreErrors) {
  core::ConfigNode root = scenario();
  EXPECT_EQ(set(root, "run..seed=1"),
            std::vector<std::string>{"--set:1:5: empty key in path 'run..seed'"});
  EXPECT_EQ(set(root, ".seed=1"), std::vector<std::string>{"--set:1:1: empty key in path '.seed'"});
  EXPECT_EQ(
      set(root, "run.=1"),
      std::vector<std::string>{"--set:1:5: path 'run.' ends with '.'; expected a key after it"});
}

TEST(ApplyOverride, MalformedIndexIsAnError) {
  core::ConfigNode root = scenario();
  EXPECT_EQ(
      set(root, "groups[x]=1"),
      std::vector<std::string>{"--set:1:7: expected a list index like [0] in path 'groups[x]'"});
  EXPECT_EQ(set(root, "groups]=1"),
            std::vector<std::string>{"--set:1:7: unexpected ']' in path 'groups]'"});
}

TEST(ApplyOverride, IndexingIntoAScalarIsAnError) {
  core::ConfigNode root = scenario();
  EXPECT_EQ(set(root, "name[0]=x"),
            std::vector<std::string>{
                "--set:1:5: cannot index 'name' with [0]: it is a single value, not a list"});
  EXPECT_EQ(set(root, "run.seed.low=1"),
            std::vector<std::string>{
                "--set:1:10: cannot set 'run.seed.low': 'run.seed' is a single value, not a map"});
}

TEST(ApplyOverride, IndexOutOfRangeIsAnError) {
  core::ConfigNode root = scenario();
  EXPECT_EQ(
      set(root, "groups[3]=x"),
      std::vector<std::string>{"--set:1:7: index 3 is out of range for 'groups' (it has 3 items)"});
}

TEST(ApplyOverride, KeyIntoAListIsAnError) {
  core::ConfigNode root = scenario();
  EXPECT_EQ(set(root, "groups.first=x"),
            std::vector<std::string>{"--set:1:8: 'groups' is a list; name an item with groups[N]"});
}

TEST(ApplyOverride, MalformedValueIsReportedInTheSet) {
  core::ConfigNode root = scenario();
  const auto problems = set(root, "groups=[a, b");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].rfind("--set:1:", 0), 0u) << problems[0];
  EXPECT_NE(problems[0].find("malformed YAML"), std::string::npos) << problems[0];
  EXPECT_EQ(root.find("groups")->items().size(), 3u);  // left as it was
}

TEST(ApplyOverride, NonTextIsAnError) {
  core::ConfigNode root = scenario();
  EXPECT_EQ(set(root, "name=caf\xe9"),
            std::vector<std::string>{"--set:1:9: not text (byte 0xe9 at column 9)"});
}

TEST(ApplyOverride, SourceCanBeNamed) {
  core::ConfigNode root = scenario();
  core::Diagnostics diagnostics;
  apply_override(root, "run.seed=5", "--seed", 1, diagnostics);
  EXPECT_EQ(root.find("run")->find("seed")->location().file, "--seed");
}

}  // namespace
}  // namespace caseload::io
