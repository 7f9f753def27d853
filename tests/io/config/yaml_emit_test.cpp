#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/io/config/yaml_document.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::io {
namespace {

// Same kinds, keys in the same order, same scalar text and quoting, recursively.
void expect_same_tree(const core::ConfigNode& expected, const core::ConfigNode& actual,
                      const std::string& path = "root") {
  ASSERT_EQ(expected.kind(), actual.kind()) << path;
  if (expected.is_scalar()) {
    EXPECT_EQ(expected.text(), actual.text()) << path;
    EXPECT_EQ(expected.quoted(), actual.quoted()) << path << " '" << expected.text() << "'";
  }
  ASSERT_EQ(expected.entries().size(), actual.entries().size()) << path;
  auto actual_entry = actual.entries().begin();
  for (const auto& entry : expected.entries()) {
    EXPECT_EQ(entry.key, actual_entry->key) << path;
    expect_same_tree(entry.value, actual_entry->value, path + "." + entry.key);
    ++actual_entry;
  }
  ASSERT_EQ(expected.items().size(), actual.items().size()) << path;
  for (std::size_t i = 0; i < expected.items().size(); ++i) {
    expect_same_tree(expected.items()[i], actual.items()[i], path + "[" + std::to_string(i) + "]");
  }
}

core::ConfigNode round_trip(const core::ConfigNode& tree) {
  return parse_scenario_text(emit_yaml(tree), "emitted.yaml");
}

TEST(EmitYaml, RoundTripKeepsStructureScalarsAndQuoting) {
  const core::ConfigNode tree = parse_scenario_text(
      "name: \"round trip\"\n"
      "zeta: 1\n"
      "alpha: {b: [1, '2', \"three\", ~, [x, {y: z}]], a: {}}\n"
      "empty_list: []\n"
      "nothing:\n"
      "text: |\n  two\n  lines\n"
      "colon: 'a: b'\n"
      "hash: '#not a comment'\n"
      "unicode: caf\xc3\xa9\n"
      "yes_word: yes\n"
      "quoted_true: \"true\"\n",
      "source.yaml");
  expect_same_tree(tree, round_trip(tree));
}

TEST(EmitYaml, QuotedNumbersStayText) {
  const core::ConfigNode tree = parse_scenario_text("code: \"3\"\ncount: 3\n", "source.yaml");
  const std::string yaml = emit_yaml(tree);
  EXPECT_NE(yaml.find("code: \"3\""), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("count: 3"), std::string::npos) << yaml;
}

TEST(EmitYaml, KeepsKeyOrder) {
  const core::ConfigNode tree = parse_scenario_text("b: 1\na: 2\nc: 3\n", "source.yaml");
  EXPECT_EQ(emit_yaml(tree), "b: 1\na: 2\nc: 3\n");
}

TEST(EmitYaml, PlainTextThatYamlWouldMisreadSurvives) {
  // Defaults written by the schema reader are plain scalars holding arbitrary text.
  core::ConfigNode tree = core::ConfigNode::map({"built", 1, 1});
  const std::vector<std::string> awkward = {"",     "null", "~",    "a: b", "- x", "#c",
                                            "[x]",  "{y}",  "*a",   "&b",   "!t",  "|",
                                            " pad", "pad ", "a\nb", "@x",   "`x",  "%x"};
  for (std::size_t i = 0; i < awkward.size(); ++i) {
    tree.set("key" + std::to_string(i), core::ConfigNode::scalar(awkward[i], {"built", 1, 1}),
             {"built", 1, 1});
  }
  const core::ConfigNode back = round_trip(tree);
  for (std::size_t i = 0; i < awkward.size(); ++i) {
    const core::ConfigNode* value = back.find("key" + std::to_string(i));
    ASSERT_NE(value, nullptr);
    ASSERT_TRUE(value->is_scalar()) << "'" << awkward[i] << "'";
    EXPECT_EQ(value->text(), awkward[i]);
  }
}

TEST(EmitYaml, ResolvedIncludesRoundTrip) {
  core::ConfigNode tree =
      parse_scenario_file(caseload::testing::config_data("include_override.yaml"));
  tree.erase("include");  // already merged in; kept, it would be included again
  expect_same_tree(tree, round_trip(tree));
}

}  // namespace
}  // namespace caseload::io
