#include "sim/core/config_reader.hpp"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace caseload::core {
namespace {

using ::testing::HasSubstr;

SourceLocation at(int line, int column = 1) { return {"scenario.yaml", line, column}; }

/// Adds `key: text` on `line` (key at column 1, value at column 10).
ConfigNode& put(ConfigNode& map, const std::string& key, const std::string& text, int line,
                bool quoted = false) {
  return map.set(key, ConfigNode::scalar(text, at(line, 10), quoted), at(line, 1));
}

ConfigNode& put_map(ConfigNode& map, const std::string& key, int line) {
  return map.set(key, ConfigNode::map(at(line, 3)), at(line, 1));
}

ConfigNode& put_list(ConfigNode& map, const std::string& key, int line,
                     const std::vector<std::string>& texts) {
  ConfigNode list = ConfigNode::sequence(at(line, 10));
  int column = 11;
  for (const auto& text : texts) {
    list.append(ConfigNode::scalar(text, at(line, column)));
    column += static_cast<int>(text.size()) + 2;
  }
  return map.set(key, std::move(list), at(line, 1));
}

std::vector<std::string> messages(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& problem : diagnostics.items()) out.push_back(format_diagnostic(problem));
  return out;
}

class ConfigReaderTest : public ::testing::Test {
 protected:
  ConfigNode root_ = ConfigNode::map(at(1));
  Diagnostics diagnostics_;
  ConfigReader reader() { return ConfigReader(root_, "", diagnostics_); }
};

// --- unknown keys ---------------------------------------------------------------------------

TEST_F(ConfigReaderTest, UnknownKeyIsReportedAtItsLineWithDidYouMean) {
  put(root_, "weeks", "52", 2);
  put(root_, "pressur", "0.5", 3);
  ConfigReader top = reader();
  top.number("weeks", 104);
  top.number("pressure", 0.0);
  EXPECT_TRUE(diagnostics_.empty());
  top.finish();
  ASSERT_EQ(diagnostics_.size(), 1u);
  EXPECT_EQ(messages(diagnostics_)[0],
            "scenario.yaml:3:1: unknown key 'pressur' (did you mean 'pressure'?)");
}

TEST_F(ConfigReaderTest, UnknownKeyInASectionNamesTheSection) {
  ConfigNode& run = put_map(root_, "run", 2);
  put(run, "sede", "42", 3);
  ConfigReader top = reader();
  ConfigReader section = top.section("run");
  section.integer("seed", 1);
  section.finish();
  top.finish();
  ASSERT_EQ(diagnostics_.size(), 1u);
  EXPECT_EQ(messages(diagnostics_)[0],
            "scenario.yaml:3:1: unknown key 'sede' in 'run' (did you mean 'seed'?)");
}

TEST_F(ConfigReaderTest, UnknownKeyFarFromAnyKnownOneListsTheKnownKeys) {
  put(root_, "colour", "blue", 4);
  ConfigReader top = reader();
  top.number("weeks", 104);
  top.text("name", "x");
  top.finish();
  ASSERT_EQ(diagnostics_.size(), 1u);
  EXPECT_EQ(messages(diagnostics_)[0],
            "scenario.yaml:4:1: unknown key 'colour'; known keys: weeks, name");
}

TEST_F(ConfigReaderTest, AcceptedKeysAreNotUnknown) {
  put(root_, "include", "base.yaml", 2);
  ConfigReader top = reader();
  top.accept("include");
  top.finish();
  EXPECT_TRUE(diagnostics_.empty());
}

// --- wrong types ----------------------------------------------------------------------------

TEST_F(ConfigReaderTest, TextWhereANumberBelongsIsReportedAtTheValue) {
  put(root_, "weeks", "many", 5);
  ConfigReader top = reader();
  EXPECT_EQ(top.number("weeks", 104), 104);  // the fallback, so reading goes on
  ASSERT_EQ(diagnostics_.size(), 1u);
  EXPECT_EQ(messages(diagnostics_)[0], "scenario.yaml:5:10: 'weeks' must be a number, got 'many'");
}

TEST_F(ConfigReaderTest, QuotedNumberIsTextNotANumber) {
  put(root_, "weeks", "3", 2, /*quoted=*/true);
  put(root_, "seed", "7", 3, /*quoted=*/true);
  ConfigReader top = reader();
  top.number("weeks", 104);
  top.integer("seed", 1);
  EXPECT_EQ(
      messages(diagnostics_),
      (std::vector<std::string>{"scenario.yaml:2:10: 'weeks' must be a number, got '3'",
                                "scenario.yaml:3:10: 'seed' must be a whole number, got '7'"}));
}

TEST_F(ConfigReaderTest, NumbersInOrdinaryNotationsAreRead) {
  put(root_, "a", "1e3", 2);
  put(root_, "b", "-0.25", 3);
  put(root_, "c", "+4", 4);
  put(root_, "d", ".5", 5);
  ConfigReader top = reader();
  EXPECT_EQ(top.number("a", 0), 1000.0);
  EXPECT_EQ(top.number("b", 0), -0.25);
  EXPECT_EQ(top.number("c", 0), 4.0);
  EXPECT_EQ(top.number("d", 0), 0.5);
  EXPECT_TRUE(diagnostics_.empty()) << messages(diagnostics_)[0];
}

TEST_F(ConfigReaderTest, MalformedNumbersAreRejected) {
  const std::vector<std::string> bad{"+-3", "-+3", "++3",   "+", "1.5x", "0x10",
                                     "inf", "nan", "1e999", "",  "1,5"};
  int line = 2;
  for (const auto& text : bad) put(root_, "k" + std::to_string(line), text, line), ++line;
  ConfigReader top = reader();
  for (int key_line = 2; key_line < line; ++key_line) {
    EXPECT_EQ(top.number("k" + std::to_string(key_line), -7.0), -7.0);
  }
  EXPECT_EQ(diagnostics_.size(), bad.size()) << ::testing::PrintToString(messages(diagnostics_));
}

TEST_F(ConfigReaderTest, FractionWhereAWholeNumberBelongsIsAnError) {
  put(root_, "seed", "2.5", 2);
  ConfigReader top = reader();
  EXPECT_EQ(top.integer("seed", 1), 1);
  EXPECT_EQ(
      messages(diagnostics_),
      std::vector<std::string>{"scenario.yaml:2:10: 'seed' must be a whole number, got '2.5'"});
}

TEST_F(ConfigReaderTest, AWholeNumberTooLargeForADoubleNamesTheRange) {
  // 9000000000000001 reads as the double 9000000000000000: not "not whole", but out of range.
  put(root_, "seed", "9000000000000001", 2);
  ConfigReader top = reader();
  EXPECT_EQ(top.integer("seed", 1), 1);
  EXPECT_EQ(messages(diagnostics_),
            std::vector<std::string>{"scenario.yaml:2:10: 'seed' must be a whole number from "
                                     "-9e15 to 9e15, got '9000000000000001'"});
}

TEST_F(ConfigReaderTest, FlagAcceptsOnlyTrueOrFalse) {
  put(root_, "a", "true", 2);
  put(root_, "b", "false", 3);
  put(root_, "c", "yes", 4);
  put(root_, "d", "true", 5, /*quoted=*/true);
  ConfigReader top = reader();
  EXPECT_TRUE(top.flag("a", false));
  EXPECT_FALSE(top.flag("b", true));
  EXPECT_FALSE(top.flag("c", false));
  EXPECT_FALSE(top.flag("d", false));
  EXPECT_EQ(
      messages(diagnostics_),
      (std::vector<std::string>{"scenario.yaml:4:10: 'c' must be true or false, got 'yes'",
                                "scenario.yaml:5:10: 'd' must be true or false, got 'true'"}));
}

TEST_F(ConfigReaderTest, MapWhereTextBelongsIsAnError) {
  put_map(root_, "name", 2);
  ConfigReader top = reader();
  EXPECT_EQ(top.text("name", "fallback"), "fallback");
  EXPECT_EQ(messages(diagnostics_),
            std::vector<std::string>{"scenario.yaml:2:3: 'name' must be text, got a map of keys"});
}

// --- ranges ---------------------------------------------------------------------------------

TEST_F(ConfigReaderTest, NegativeWhereAtLeastZeroIsRequiredIsOutOfRange) {
  ConfigNode& run = put_map(root_, "run", 2);
  put(run, "warmup_weeks", "-1", 3);
  ConfigReader top = reader();
  ConfigReader section = top.section("run");
  EXPECT_EQ(section.number("warmup_weeks", 52, Bounds::at_least(0)), 52);
  EXPECT_EQ(messages(diagnostics_),
            std::vector<std::string>{
                "scenario.yaml:3:10: 'run.warmup_weeks' must be a number >= 0, got -1"});
}

TEST_F(ConfigReaderTest, BoundsAreDescribedInMessages) {
  put(root_, "weeks", "0", 2);
  put(root_, "share", "1.5", 3);
  put(root_, "offices", "-2", 4);
  put(root_, "years", "0", 5);
  ConfigReader top = reader();
  top.number("weeks", 1, Bounds::above(0));
  top.number("share", 0.5, Bounds::probability());
  top.integer("offices", 1, Bounds::at_least(1));
  top.number("years", 1, Bounds{0.0, 100.0, true});
  EXPECT_EQ(
      messages(diagnostics_),
      (std::vector<std::string>{"scenario.yaml:2:10: 'weeks' must be a number > 0, got 0",
                                "scenario.yaml:3:10: 'share' must be a number in [0, 1], got 1.5",
                                "scenario.yaml:4:10: 'offices' must be a number >= 1, got -2",
                                "scenario.yaml:5:10: 'years' must be a number in (0, 100], got 0"}));
}

TEST_F(ConfigReaderTest, ValuesOnTheBoundaryAreInRange) {
  put(root_, "share", "1", 2);
  put(root_, "weeks", "0", 3);
  ConfigReader top = reader();
  EXPECT_EQ(top.number("share", 0.5, Bounds::probability()), 1.0);
  EXPECT_EQ(top.number("weeks", 5, Bounds::at_least(0)), 0.0);
  EXPECT_TRUE(diagnostics_.empty());
}

// --- required keys --------------------------------------------------------------------------

TEST_F(ConfigReaderTest, MissingRequiredKeysAreReportedAtTheMap) {
  ConfigReader top = reader();
  top.required_text("name");
  top.required_number("weeks", Bounds::above(0));
  top.required_integer("seed");
  top.required_section("run");
  top.finish();
  EXPECT_EQ(
      messages(diagnostics_),
      (std::vector<std::string>{"scenario.yaml:1:1: missing required key 'name' (text)",
                                "scenario.yaml:1:1: missing required key 'weeks' (a number > 0)",
                                "scenario.yaml:1:1: missing required key 'seed' (a whole number)",
                                "scenario.yaml:1:1: missing required section 'run'"}));
}

TEST_F(ConfigReaderTest, PresentRequiredKeysAreRead) {
  put(root_, "name", "smoke", 2);
  put(root_, "weeks", "52", 3);
  ConfigReader top = reader();
  EXPECT_EQ(top.required_text("name"), "smoke");
  EXPECT_EQ(top.required_number("weeks"), 52.0);
  EXPECT_TRUE(diagnostics_.empty());
}

// --- defaults -------------------------------------------------------------------------------

TEST_F(ConfigReaderTest, DefaultsAreWrittenBackIntoTheTree) {
  ConfigReader top = reader();
  top.number("share", 0.25);
  top.integer("seed", 42);
  top.flag("trace", true);
  top.text("label", "baseline");
  top.choice("regime", "jet", {"jet", "jot"});
  top.numbers("weights", {1.0, 0.5});
  top.texts("groups", {"jsa_18_24", "lone_parent"});
  ConfigReader run = top.section("run");
  run.number("weeks", 104);
  run.finish();
  top.finish();
  EXPECT_TRUE(diagnostics_.empty());

  auto text_of = [&](const ConfigNode& map, const char* key) {
    const ConfigNode* node = map.find(key);
    EXPECT_NE(node, nullptr) << key;
    return node == nullptr ? std::string("<absent>") : node->text();
  };
  EXPECT_EQ(text_of(root_, "share"), "0.25");
  EXPECT_EQ(text_of(root_, "seed"), "42");
  EXPECT_EQ(text_of(root_, "trace"), "true");
  EXPECT_EQ(text_of(root_, "label"), "baseline");
  EXPECT_EQ(text_of(root_, "regime"), "jet");
  ASSERT_NE(root_.find("weights"), nullptr);
  ASSERT_EQ(root_.find("weights")->items().size(), 2u);
  EXPECT_EQ(root_.find("weights")->items()[1].text(), "0.5");
  ASSERT_NE(root_.find("groups"), nullptr);
  EXPECT_EQ(root_.find("groups")->items()[0].text(), "jsa_18_24");
  ASSERT_NE(root_.find("run"), nullptr);
  ASSERT_TRUE(root_.find("run")->is_map());
  EXPECT_EQ(text_of(*root_.find("run"), "weeks"), "104");
}

TEST_F(ConfigReaderTest, WrittenBackDefaultsReadBackWithoutProblems) {
  {
    ConfigReader first = reader();
    first.number("share", 0.1);
    first.number("tiny", 1e-7);
    first.integer("seed", 123456789012);
    first.finish();
  }
  ConfigReader second = reader();
  EXPECT_EQ(second.number("share", 0.0), 0.1);
  EXPECT_EQ(second.number("tiny", 0.0), 1e-7);
  EXPECT_EQ(second.integer("seed", 0), 123456789012);
  second.finish();
  EXPECT_TRUE(diagnostics_.empty());
}

TEST_F(ConfigReaderTest, PresentValuesAreNotOverwrittenByDefaults) {
  put(root_, "share", "0.75", 2);
  ConfigReader top = reader();
  EXPECT_EQ(top.number("share", 0.25), 0.75);
  EXPECT_EQ(root_.find("share")->text(), "0.75");
}

TEST_F(ConfigReaderTest, EmptySectionBecomesAMapAndReceivesDefaults) {
  root_.set("run", ConfigNode::null(at(2, 5)), at(2, 1));
  ConfigReader top = reader();
  ConfigReader run = top.section("run");
  run.number("weeks", 104);
  EXPECT_TRUE(diagnostics_.empty());
  ASSERT_TRUE(root_.find("run")->is_map());
  EXPECT_EQ(root_.find("run")->find("weeks")->text(), "104");
}

// --- choice ---------------------------------------------------------------------------------

TEST_F(ConfigReaderTest, ChoiceOutsideTheAllowedWordsSuggestsTheNearestOne) {
  put(root_, "attribution", "tem", 6);
  ConfigReader top = reader();
  EXPECT_EQ(top.choice("attribution", "adviser", {"adviser", "team", "office"}), "adviser");
  EXPECT_EQ(messages(diagnostics_),
            std::vector<std::string>{
                "scenario.yaml:6:10: 'attribution' must be one of adviser, team, office, got "
                "'tem' (did you mean 'team'?)"});
}

TEST_F(ConfigReaderTest, ChoiceFarFromEveryAllowedWordListsThemWithoutASuggestion) {
  put(root_, "attribution", "everyone", 6);
  ConfigReader top = reader();
  top.choice("attribution", "adviser", {"adviser", "team", "office"});
  EXPECT_EQ(messages(diagnostics_),
            std::vector<std::string>{"scenario.yaml:6:10: 'attribution' must be one of adviser, "
                                     "team, office, got 'everyone'"});
}

TEST_F(ConfigReaderTest, ChoiceWithAnAllowedWordIsReturned) {
  put(root_, "attribution", "office", 6);
  ConfigReader top = reader();
  EXPECT_EQ(top.choice("attribution", "adviser", {"adviser", "team", "office"}), "office");
  EXPECT_TRUE(diagnostics_.empty());
}

// --- collecting -----------------------------------------------------------------------------

TEST_F(ConfigReaderTest, SeveralProblemsAreCollectedInOnePass) {
  put(root_, "name", "3", 2);  // fine: text may look like a number
  put(root_, "weeks", "-5", 3);
  put(root_, "seed", "x", 4);
  put(root_, "regime", "jott", 5);
  put(root_, "pressure", "high", 6);
  put(root_, "warmup_wekes", "4", 7);
  ConfigReader top = reader();
  top.text("name", "");
  top.number("weeks", 104, Bounds::above(0));
  top.integer("seed", 1);
  top.choice("regime", "jet", {"jet", "jot"});
  top.number("pressure", 0.5, Bounds::probability());
  top.number("warmup_weeks", 52);
  top.required_text("description");
  top.finish();
  const auto found = messages(diagnostics_);
  ASSERT_EQ(found.size(), 6u) << ::testing::PrintToString(found);
  EXPECT_THAT(found[0], HasSubstr("scenario.yaml:3:10: 'weeks'"));
  EXPECT_THAT(found[1], HasSubstr("scenario.yaml:4:10: 'seed'"));
  EXPECT_THAT(found[2], HasSubstr("scenario.yaml:5:10: 'regime'"));
  EXPECT_THAT(found[3], HasSubstr("scenario.yaml:6:10: 'pressure'"));
  EXPECT_THAT(found[4], HasSubstr("missing required key 'description'"));
  EXPECT_THAT(found[5], HasSubstr("unknown key 'warmup_wekes' (did you mean 'warmup_weeks'?)"));

  try {
    diagnostics_.throw_if_any();
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& error) {
    EXPECT_EQ(error.problems().size(), 6u);
    EXPECT_THAT(std::string(error.what()), HasSubstr(found[0] + "\n" + found[1]));
  }
}

TEST(Diagnostics, ThrowIfAnyDoesNothingWhenEmpty) {
  Diagnostics diagnostics;
  EXPECT_NO_THROW(diagnostics.throw_if_any());
  diagnostics.error(at(3, 4), "bad");
  EXPECT_THROW(diagnostics.throw_if_any(), ConfigError);
}

TEST(Diagnostics, LocationWithoutALineNamesTheFileAlone) {
  EXPECT_EQ(format_diagnostic({{"scenario.yaml", 0, 0}, "empty file"}),
            "scenario.yaml: empty file");
  EXPECT_EQ(format_diagnostic({at(3, 4), "bad"}), "scenario.yaml:3:4: bad");
}

// --- sections -------------------------------------------------------------------------------

TEST_F(ConfigReaderTest, ScalarWhereASectionBelongsIsReportedAndReadingContinues) {
  put(root_, "run", "5", 2);
  put(root_, "weeks", "x", 3);
  ConfigReader top = reader();
  ConfigReader run = top.section("run");
  EXPECT_EQ(run.number("weeks", 104), 104);  // reads from an empty stand-in
  EXPECT_EQ(run.integer("seed", 1), 1);
  run.finish();
  top.number("weeks", 1);
  top.finish();
  EXPECT_EQ(messages(diagnostics_),
            (std::vector<std::string>{
                "scenario.yaml:2:10: 'run' must be a map of keys, got a single value",
                "scenario.yaml:3:10: 'weeks' must be a number, got 'x'"}));
  // The malformed value is left as the user wrote it, not overwritten by defaults.
  EXPECT_TRUE(root_.find("run")->is_scalar());
  EXPECT_EQ(root_.find("run")->text(), "5");
}

TEST_F(ConfigReaderTest, ListWhereASectionBelongsIsReported) {
  put_list(root_, "run", 2, {"a"});
  ConfigReader top = reader();
  top.section("run").finish();
  EXPECT_EQ(
      messages(diagnostics_),
      std::vector<std::string>{"scenario.yaml:2:10: 'run' must be a map of keys, got a list"});
}

TEST_F(ConfigReaderTest, NamedSectionsGiveOneReaderPerNameInSourceOrder) {
  ConfigNode& groups = put_map(root_, "groups", 2);
  ConfigNode& young = put_map(groups, "jsa_18_24", 3);
  put(young, "share", "0.3", 4);
  put_map(groups, "lone_parent", 5);
  put(groups, "disabled", "7", 6);  // a scalar: reported, the others still read
  ConfigReader top = reader();
  auto sections = top.named_sections("groups");
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].first, "jsa_18_24");
  EXPECT_EQ(sections[1].first, "lone_parent");
  EXPECT_EQ(sections[0].second.number("share", 0.0), 0.3);
  EXPECT_EQ(sections[1].second.number("share", 0.1), 0.1);
  EXPECT_EQ(sections[0].second.path(), "groups.jsa_18_24");
  for (auto& [name, section] : sections) section.finish();
  top.finish();
  EXPECT_EQ(messages(diagnostics_),
            std::vector<std::string>{
                "scenario.yaml:6:10: 'groups.disabled' must be a map of keys, got a single value"});
  EXPECT_EQ(root_.find("groups")->find("lone_parent")->find("share")->text(), "0.1");
}

TEST_F(ConfigReaderTest, NamedSectionsAbsentGiveNoneAndNoError) {
  ConfigReader top = reader();
  EXPECT_TRUE(top.named_sections("groups").empty());
  top.finish();
  EXPECT_TRUE(diagnostics_.empty());
}

TEST_F(ConfigReaderTest, UnknownKeyInANamedSectionIsReportedWithItsPath) {
  ConfigNode& groups = put_map(root_, "groups", 2);
  ConfigNode& young = put_map(groups, "jsa_18_24", 3);
  put(young, "shrae", "0.3", 4);
  ConfigReader top = reader();
  for (auto& [name, section] : top.named_sections("groups")) {
    section.number("share", 0.0);
    section.finish();
  }
  EXPECT_EQ(messages(diagnostics_),
            std::vector<std::string>{"scenario.yaml:4:1: unknown key 'shrae' in "
                                     "'groups.jsa_18_24' (did you mean 'share'?)"});
}

TEST_F(ConfigReaderTest, SectionListGivesOneReaderPerItemAndReportsNonMaps) {
  ConfigNode list = ConfigNode::sequence(at(2, 10));
  ConfigNode first = ConfigNode::map(at(3, 5));
  first.set("name", ConfigNode::scalar("north", at(3, 11)), at(3, 5));
  list.append(std::move(first));
  list.append(ConfigNode::scalar("south", at(4, 5)));
  ConfigNode third = ConfigNode::map(at(5, 5));
  third.set("name", ConfigNode::scalar("east", at(5, 11)), at(5, 5));
  list.append(std::move(third));
  root_.set("offices", std::move(list), at(2, 1));

  ConfigReader top = reader();
  auto offices = top.section_list("offices");
  ASSERT_EQ(offices.size(), 2u);
  EXPECT_EQ(offices[0].required_text("name"), "north");
  EXPECT_EQ(offices[1].required_text("name"), "east");
  EXPECT_EQ(offices[1].path(), "offices[2]");
  top.finish();
  EXPECT_EQ(messages(diagnostics_),
            std::vector<std::string>{
                "scenario.yaml:4:5: 'offices[1]' must be a map of keys, got a single value"});
}

TEST_F(ConfigReaderTest, SectionListOfAScalarIsReported) {
  put(root_, "offices", "north", 2);
  ConfigReader top = reader();
  EXPECT_TRUE(top.section_list("offices").empty());
  EXPECT_EQ(
      messages(diagnostics_),
      std::vector<std::string>{"scenario.yaml:2:10: 'offices' must be a list, got a single value"});
}

TEST_F(ConfigReaderTest, SectionListAbsentIsWrittenBackAsAnEmptyList) {
  ConfigReader top = reader();
  EXPECT_TRUE(top.section_list("offices").empty());
  top.finish();
  EXPECT_TRUE(diagnostics_.empty());
  ASSERT_NE(root_.find("offices"), nullptr);
  EXPECT_TRUE(root_.find("offices")->is_sequence());
  EXPECT_TRUE(root_.find("offices")->items().empty());
}

// --- lists of values ------------------------------------------------------------------------

TEST_F(ConfigReaderTest, NumbersReadsAListOfNumbers) {
  put_list(root_, "weights", 2, {"1", "0.5", "2e-1"});
  ConfigReader top = reader();
  EXPECT_EQ(top.numbers("weights", {}), (std::vector<double>{1.0, 0.5, 0.2}));
  EXPECT_TRUE(diagnostics_.empty());
}

TEST_F(ConfigReaderTest, NumbersReportsABadItemAtTheItem) {
  put_list(root_, "weights", 2, {"1", "lots", "2"});
  ConfigReader top = reader();
  EXPECT_EQ(top.numbers("weights", {9.0}), std::vector<double>{9.0});
  EXPECT_EQ(messages(diagnostics_),
            std::vector<std::string>{"scenario.yaml:2:14: 'weights' must be a number, got 'lots'"});
}

TEST_F(ConfigReaderTest, NumbersChecksTheBoundsOfEachItem) {
  put_list(root_, "weights", 2, {"1", "-1"});
  ConfigReader top = reader();
  top.numbers("weights", {}, Bounds::at_least(0));
  EXPECT_EQ(
      messages(diagnostics_),
      std::vector<std::string>{"scenario.yaml:2:14: 'weights' must be a number >= 0, got -1"});
}

TEST_F(ConfigReaderTest, NumbersOfAScalarIsReported) {
  put(root_, "weights", "1", 2);
  ConfigReader top = reader();
  top.numbers("weights", {});
  EXPECT_EQ(messages(diagnostics_),
            std::vector<std::string>{
                "scenario.yaml:2:10: 'weights' must be a list of numbers, got a single value"});
}

TEST_F(ConfigReaderTest, TextsReadsAListOrASingleName) {
  put_list(root_, "groups", 2, {"jsa_18_24", "disabled"});
  put(root_, "offices", "north", 3);
  ConfigReader top = reader();
  EXPECT_EQ(top.texts("groups", {}), (std::vector<std::string>{"jsa_18_24", "disabled"}));
  EXPECT_EQ(top.texts("offices", {}), std::vector<std::string>{"north"});
  EXPECT_TRUE(diagnostics_.empty());
}

TEST_F(ConfigReaderTest, TextsOfAMapIsReported) {
  put_map(root_, "groups", 2);
  ConfigReader top = reader();
  EXPECT_EQ(top.texts("groups", {"x"}), std::vector<std::string>{"x"});
  EXPECT_EQ(messages(diagnostics_),
            std::vector<std::string>{
                "scenario.yaml:2:3: 'groups' must be a list of names, got a map of keys"});
}

// --- the tree -------------------------------------------------------------------------------

TEST(ConfigNode, MergeIntoOverlaysMapsKeyByKey) {
  ConfigNode base = ConfigNode::map(at(1));
  ConfigNode& base_run = put_map(base, "run", 2);
  put(base_run, "weeks", "104", 3);
  put(base_run, "seed", "1", 4);
  put(base, "name", "base", 5);
  ConfigNode overlay = ConfigNode::map({"over.yaml", 1, 1});
  ConfigNode& overlay_run = put_map(overlay, "run", 2);
  put(overlay_run, "seed", "9", 3);
  put(overlay, "description", "d", 4);
  merge_into(base, overlay);
  EXPECT_EQ(base.find("run")->find("weeks")->text(), "104");
  EXPECT_EQ(base.find("run")->find("seed")->text(), "9");
  EXPECT_EQ(base.find("name")->text(), "base");
  EXPECT_EQ(base.find("description")->text(), "d");
}

}  // namespace
}  // namespace caseload::core
