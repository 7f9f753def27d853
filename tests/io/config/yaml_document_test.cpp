#include "sim/io/config/yaml_document.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tests/io/config/test_data.hpp"

namespace caseload::io {
namespace {

using caseload::testing::config_data;
using caseload::testing::ScratchFolder;

using caseload::testing::problems_of;

std::vector<std::string> text_problems(std::string_view text) {
  return problems_of([&] { parse_scenario_text(text, "test.yaml"); });
}

core::ConfigNode parse(std::string_view text) { return parse_scenario_text(text, "test.yaml"); }

TEST(ParseScenario, RecordsLineAndColumnOfKeysAndValues) {
  const core::ConfigNode root = parse("name: smoke\nrun:\n  seed: 42\n  groups: [a, b]\n");
  ASSERT_TRUE(root.is_map());
  const core::ConfigNode* run = root.find("run");
  ASSERT_NE(run, nullptr);
  const core::MapEntry& seed = run->entries().front();
  EXPECT_EQ(seed.key, "seed");
  EXPECT_EQ(seed.key_location.file, "test.yaml");
  EXPECT_EQ(seed.key_location.line, 3);
  EXPECT_EQ(seed.key_location.column, 3);
  EXPECT_EQ(seed.value.location().line, 3);
  EXPECT_EQ(seed.value.location().column, 9);
  const core::ConfigNode& b = run->find("groups")->items().at(1);
  EXPECT_EQ(b.text(), "b");
  EXPECT_EQ(b.location().line, 4);
  EXPECT_EQ(b.location().column, 15);
}

TEST(ParseScenario, KeepsKeysInSourceOrder) {
  const core::ConfigNode root = parse("zeta: 1\nalpha: 2\nmid: 3\n");
  std::vector<std::string> keys;
  for (const auto& entry : root.entries()) keys.push_back(entry.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"zeta", "alpha", "mid"}));
}

TEST(ParseScenario, RemembersWhichScalarsWereQuoted) {
  const core::ConfigNode root =
      parse("plain: 3\ndouble: \"3\"\nsingle: '3'\nblock: |\n  3\nexplicit: !!str 3\n");
  EXPECT_FALSE(root.find("plain")->quoted());
  EXPECT_TRUE(root.find("double")->quoted());
  EXPECT_TRUE(root.find("single")->quoted());
  EXPECT_TRUE(root.find("block")->quoted());
  EXPECT_TRUE(root.find("explicit")->quoted());
  EXPECT_EQ(root.find("double")->text(), "3");
}

TEST(ParseScenario, EmptyValueIsNullAndPointsAtItsKey) {
  const core::ConfigNode root = parse("name: x\nweeks:\nother: 1\n");
  const core::ConfigNode* weeks = root.find("weeks");
  ASSERT_NE(weeks, nullptr);
  EXPECT_TRUE(weeks->is_null());
  EXPECT_EQ(weeks->location().line, 2);
  EXPECT_EQ(weeks->location().column, 1);
}

TEST(ParseScenario, DuplicateKeyIsAnErrorAtTheSecondKey) {
  EXPECT_EQ(
      text_problems("name: x\nrun:\n  seed: 1\n  seed: 2\n"),
      std::vector<std::string>{"test.yaml:4:3: duplicate key 'seed' (first at line 3, column 3)"});
}

TEST(ParseScenario, EmptyFileIsAnError) {
  const std::string expected =
      "test.yaml:1:1: scenario file is empty; a scenario needs at least 'name'";
  EXPECT_EQ(text_problems(""), std::vector<std::string>{expected});
  EXPECT_EQ(text_problems("# just a comment\n\n   \n"), std::vector<std::string>{expected});
  EXPECT_EQ(text_problems("---\n"), std::vector<std::string>{expected});
}

TEST(ParseScenario, TopLevelMustBeAMap) {
  EXPECT_EQ(text_problems("- a\n- b\n"),
            std::vector<std::string>{"test.yaml:1:1: the top level of a scenario file must be a "
                                     "map of keys (name: ..., run: ...), got a list"});
  EXPECT_EQ(text_problems("just text\n").size(), 1u);
}

TEST(ParseScenario, SecondDocumentIsRejectedWhereItStarts) {
  const auto problems = text_problems("name: a\n---\nname: b\n");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].rfind("test.yaml:2:1: a second YAML document starts here", 0), 0u)
      << problems[0];
}

TEST(ParseScenario, MalformedYamlReportsLineAndColumn) {
  EXPECT_EQ(
      text_problems("name: a\nrun: [1, 2\n"),
      std::vector<std::string>{"test.yaml:3:1: malformed YAML: end of sequence flow not found"});
  const auto problems = text_problems("name: a\n  bad: indent\n");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].rfind("test.yaml:2:", 0), 0u) << problems[0];
}

// Issue 16 D20: a key past yaml-cpp's 1,024 characters was "illegal map value" or "a map key
// must be a plain name, got empty"; now one line says what is wrong, with the key's length.
TEST(ParseScenario, AKeyTooLongForTheParserIsNamedWithItsLength) {
  const std::string key(100'000, 'k');  // the report's 10 MB, scaled down
  EXPECT_EQ(text_problems("name: a\n" + key + ": 1\n"),
            std::vector<std::string>{
                "test.yaml:2:1: a map key is too long: 100000 characters, and YAML reads a key of at most 1024"});
  EXPECT_EQ(text_problems("name: a\ngroups: {all: {x: 1, " + key + ": 1}}\n"),
            std::vector<std::string>{
                "test.yaml:2:22: a map key is too long: 100000 characters, and YAML reads a key of at most 1024"});
  EXPECT_EQ(text_problems("name: a\ngroups:\n  - " + std::string(1025, 'k') + ":\n      a: 1\n"),
            std::vector<std::string>{
                "test.yaml:3:5: a map key is too long: 1025 characters, and YAML reads a key of at most 1024"});
  // At the limit the key is read, and refused later only if the schema does not know it.
  EXPECT_NO_THROW(parse("name: a\n" + std::string(1024, 'k') + ": 1\n"));
}

TEST(ParseScenario, NulByteIsReportedWhereItIs) {
  EXPECT_EQ(text_problems(std::string("name: a\nrun:\0x", 14)),
            std::vector<std::string>{"test.yaml:2:5: file is not text (byte 0x00 at offset 12); "
                                     "scenario files are UTF-8 YAML"});
}

TEST(ParseScenario, InvalidUtf8IsReportedWhereItIs) {
  const auto problems = text_problems("name: caf\xe9\n");  // Latin-1, not UTF-8
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].rfind("test.yaml:1:10: file is not text (byte 0xe9 at offset 9)", 0), 0u)
      << problems[0];
}

TEST(ParseScenario, Utf8TextIsAccepted) {
  const core::ConfigNode root = parse("name: caf\xc3\xa9 \xf0\x9f\x9a\x80\n");
  EXPECT_EQ(root.find("name")->text(), "caf\xc3\xa9 \xf0\x9f\x9a\x80");
}

TEST(ParseScenario, BinaryGarbageFileIsNotText) {
  const auto file = config_data("binary_garbage.yaml");
  const auto problems = problems_of([&] { parse_scenario_file(file); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], file.string() +
                             ":1:1: file is not text (byte 0x89 at offset 0); "
                             "scenario files are UTF-8 YAML");
}

TEST(ParseScenario, MissingFileIsOneLineNamingThePath) {
  const auto problems = problems_of([] { parse_scenario_file("no/such/scenario.yaml"); });
  EXPECT_EQ(problems,
            std::vector<std::string>{
                "no/such/scenario.yaml: cannot open scenario file (No such file or directory)"});
}

TEST(ParseScenario, FolderIsNotAScenarioFile) {
  ScratchFolder folder;
  const auto problems = problems_of([&] { parse_scenario_file(folder.path()); });
  EXPECT_EQ(problems, std::vector<std::string>{folder.path().string() +
                                               ": cannot open scenario file (Is a directory)"});
}

TEST(ParseScenario, DeepNestingIsRefusedNotACrash) {
  const auto problems = text_problems("name: " + std::string(10'000, '['));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("nested deeper than 64 levels"), std::string::npos) << problems[0];
}

TEST(ParseScenario, AliasesCopyTheAnchoredValue) {
  const core::ConfigNode root = parse("base: &common {seed: 3, weeks: 10}\nrun: *common\n");
  const core::ConfigNode* run = root.find("run");
  ASSERT_TRUE(run->is_map());
  EXPECT_EQ(run->find("seed")->text(), "3");
  EXPECT_EQ(run->location().line, 2);  // the copy says where it is used
}

TEST(ParseScenario, AliasExpansionIsBounded) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char level = 'b'; level <= 'i'; ++level) {
    const char previous = static_cast<char>(level - 1);
    text += fmt::format("{}: &{} [", level, level);
    for (int i = 0; i < 10; ++i) text += fmt::format("{}*{}", i == 0 ? "" : ", ", previous);
    text += "]\n";
  }
  const auto problems = text_problems(text);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("more than 100000 values"), std::string::npos) << problems[0];
}

TEST(ParseScenario, UndefinedOrSelfContainingAliasIsAnError) {
  EXPECT_EQ(text_problems("name: *nowhere\n").size(), 1u);
  EXPECT_EQ(
      text_problems("a: &loop [*loop]\n"),
      std::vector<std::string>{"test.yaml:1:11: alias refers to a map or list that contains it"});
}

TEST(ParseScenario, UnsupportedTagsMergeKeysAndComplexKeysAreErrors) {
  EXPECT_EQ(text_problems("name: !custom x\n"),
            std::vector<std::string>{
                "test.yaml:1:7: YAML tag '!custom' is not supported in scenario files"});
  EXPECT_EQ(text_problems("base: &b {seed: 1}\nrun:\n  <<: *b\n"),
            std::vector<std::string>{"test.yaml:3:3: YAML merge keys ('<<') are not supported; "
                                     "use 'include:' instead"});
  EXPECT_EQ(text_problems("? [a, b]\n: 1\n"),
            std::vector<std::string>{"test.yaml:1:3: a map key must be a plain name, got a list"});
}

TEST(ParseScenario, HugeNumbersStayTextForTheSchemaToJudge) {
  const core::ConfigNode root = parse("weeks: 1e999\nseed: 123456789012345678901234567890\n");
  EXPECT_EQ(root.find("weeks")->text(), "1e999");
  EXPECT_EQ(root.find("seed")->text(), "123456789012345678901234567890");
}

// --- includes ---------------------------------------------------------------------------

TEST(ParseScenarioIncludes, IncludingFileOverridesTheBase) {
  const core::ConfigNode root = parse_scenario_file(config_data("include_override.yaml"));
  EXPECT_EQ(root.find("name")->text(), "derived");
  EXPECT_EQ(root.find("description")->text(), "from the base");
  const core::ConfigNode* run = root.find("run");
  EXPECT_EQ(run->find("weeks")->text(), "20");        // overridden
  EXPECT_EQ(run->find("seed")->text(), "11");         // kept from the base
  EXPECT_EQ(run->find("warmup_weeks")->text(), "2");  // kept from the base
  // Locations still say which file each value came from.
  EXPECT_EQ(run->find("weeks")->location().file, config_data("include_override.yaml").string());
  EXPECT_EQ(run->find("seed")->location().file, config_data("include_base.yaml").string());
}

TEST(ParseScenarioIncludes, ListsAreReplacedAndMapsMerged) {
  const core::ConfigNode root = parse_scenario_file(config_data("lists_override.yaml"));
  const core::ConfigNode* groups = root.find("groups");
  ASSERT_TRUE(groups->is_sequence());
  ASSERT_EQ(groups->items().size(), 1u);
  EXPECT_EQ(groups->items()[0].text(), "d");
  EXPECT_EQ(root.find("weights")->find("a")->text(), "1");
  EXPECT_EQ(root.find("weights")->find("b")->text(), "5");
}

TEST(ParseScenarioIncludes, PathsAreRelativeToTheIncludingFile) {
  const core::ConfigNode root = parse_scenario_file(config_data("include_nested.yaml"));
  EXPECT_EQ(root.find("name")->text(), "nested");
  EXPECT_EQ(root.find("run")->find("seed")->text(), "12");   // from nested/middle.yaml
  EXPECT_EQ(root.find("run")->find("weeks")->text(), "30");  // from ../include_base.yaml
}

TEST(ParseScenarioIncludes, IncludeKeyStaysInTheTree) {
  const core::ConfigNode root = parse_scenario_file(config_data("include_override.yaml"));
  const core::ConfigNode* include = root.find("include");
  ASSERT_NE(include, nullptr);
  EXPECT_EQ(include->text(), "include_base.yaml");
}

TEST(ParseScenarioIncludes, CycleIsReportedAtTheIncludeEntryWithTheChain) {
  const auto a = config_data("include_cycle_a.yaml").string();
  const auto b = config_data("include_cycle_b.yaml").string();
  const auto problems = problems_of([&] { parse_scenario_file(a); });
  EXPECT_EQ(problems, std::vector<std::string>{
                          fmt::format("{}:2:10: include cycle: {} -> {} -> {}", b, a, b, a)});
}

TEST(ParseScenarioIncludes, MissingIncludeIsReportedAtItsEntry) {
  const auto file = config_data("include_missing.yaml");
  const auto problems = problems_of([&] { parse_scenario_file(file); });
  EXPECT_EQ(problems, std::vector<std::string>{fmt::format(
                          "{}:3:5: cannot open included file '{}' (No such file or directory)",
                          file.string(), config_data("no_such_file.yaml").string())});
}

TEST(ParseScenarioIncludes, EntriesMustBeFileNames) {
  ScratchFolder folder;
  const auto file = folder.write("bad_include.yaml", "include: {a: 1}\nname: x\n");
  const auto problems = problems_of([&] { parse_scenario_file(file); });
  EXPECT_EQ(problems,
            std::vector<std::string>{
                file.string() + ":1:10: 'include' entries must be file names, got a map of keys"});
}

TEST(ParseScenarioIncludes, EmptyIncludedFileIsAnError) {
  ScratchFolder folder;
  folder.write("empty_base.yaml", "# nothing\n");
  const auto file = folder.write("top.yaml", "include: empty_base.yaml\nname: x\n");
  const auto problems = problems_of([&] { parse_scenario_file(file); });
  EXPECT_EQ(problems, std::vector<std::string>{(folder.path() / "empty_base.yaml").string() +
                                               ":1:1: included file is empty"});
}

TEST(ParseScenarioIncludes, SameBaseTwiceIsNotACycle) {
  ScratchFolder folder;
  folder.write("base.yaml", "run: {seed: 1}\n");
  folder.write("left.yaml", "include: base.yaml\n");
  folder.write("right.yaml", "include: base.yaml\n");
  const auto file = folder.write("top.yaml", "include: [left.yaml, right.yaml]\nname: x\n");
  const core::ConfigNode root = parse_scenario_file(file);
  EXPECT_EQ(root.find("run")->find("seed")->text(), "1");
}

}  // namespace
}  // namespace caseload::io
