#include "sim/io/config/yaml_events.hpp"

#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "sim/io/config/yaml_document.hpp"

namespace caseload::io {
namespace {

TEST(TextCheck, AcceptsUtf8TabsAndLineEnds) {
  EXPECT_EQ(first_non_text_byte("plain ascii\tand\r\nlines"), std::nullopt);
  EXPECT_EQ(first_non_text_byte("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x9a\x80"), std::nullopt);
  EXPECT_EQ(first_non_text_byte("\xef\xbb\xbfname: x"), std::nullopt);  // a UTF-8 byte order mark
}

TEST(TextCheck, FindsTheFirstByteThatIsNotText) {
  EXPECT_EQ(first_non_text_byte(std::string("ab\0c", 4)), 2u);
  EXPECT_EQ(first_non_text_byte("ab\x07"), 2u);             // control character
  EXPECT_EQ(first_non_text_byte("ab\x7f"), 2u);             // DEL
  EXPECT_EQ(first_non_text_byte("a\x80"), 1u);              // stray continuation byte
  EXPECT_EQ(first_non_text_byte("a\xc3"), 1u);              // truncated sequence
  EXPECT_EQ(first_non_text_byte("a\xc0\xaf"), 1u);          // overlong form
  EXPECT_EQ(first_non_text_byte("a\xed\xa0\x80"), 1u);      // UTF-16 surrogate
  EXPECT_EQ(first_non_text_byte("a\xf4\x90\x80\x80"), 1u);  // above U+10FFFF
  EXPECT_EQ(first_non_text_byte(std::string_view("\xff\xfeU\0T\0", 6)), 0u);  // UTF-16, BOM
}

TEST(TextCheck, PositionsAreOneBasedLinesAndByteColumns) {
  const std::string text = "ab\ncd\n\nx";
  EXPECT_EQ(position_of(text, 0).line, 1);
  EXPECT_EQ(position_of(text, 0).column, 1);
  EXPECT_EQ(position_of(text, 4).line, 2);
  EXPECT_EQ(position_of(text, 4).column, 2);
  EXPECT_EQ(position_of(text, 7).line, 4);
  EXPECT_EQ(position_of(text, 7).column, 1);
}

// A tiny counter-based generator for fuzz input: the test needs bytes, not a distribution.
std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Either a tree or a ConfigError whose every problem names the file with a line: never
// another exception, a crash or a sanitizer report.
void expect_tree_or_located_error(const std::string& text) {
  try {
    parse_scenario_text(text, "fuzz.yaml");
  } catch (const core::ConfigError& error) {
    ASSERT_FALSE(error.problems().empty());
    for (const auto& problem : error.problems()) {
      EXPECT_EQ(problem.location.file, "fuzz.yaml");
      EXPECT_GE(problem.location.line, 1) << problem.message;
      EXPECT_GE(problem.location.column, 1) << problem.message;
      EXPECT_EQ(problem.message.find('\n'), std::string::npos) << problem.message;
    }
  }
}

TEST(ParseFuzz, RandomBytesGiveLocatedErrorsNeverCrashes) {
  std::uint64_t state = 20240601;
  for (int round = 0; round < 2000; ++round) {
    const std::size_t length = splitmix(state) % 200;
    std::string text;
    for (std::size_t i = 0; i < length; ++i) text += static_cast<char>(splitmix(state) & 0xFF);
    expect_tree_or_located_error(text);
  }
}

TEST(ParseFuzz, RandomYamlPunctuationGivesLocatedErrorsNeverCrashes) {
  // Random text drawn from YAML's own syntax finds parser corners that random bytes (mostly
  // rejected as not text) never reach.
  const std::string alphabet = "ab1 :-[]{},&*!|>'\"#?\n\n  \t%@`.~";
  std::uint64_t state = 7;
  for (int round = 0; round < 4000; ++round) {
    const std::size_t length = splitmix(state) % 120;
    std::string text;
    for (std::size_t i = 0; i < length; ++i) text += alphabet[splitmix(state) % alphabet.size()];
    expect_tree_or_located_error(text);
  }
}

TEST(ParseFuzz, EveryTruncationOfAScenarioIsHandled) {
  const std::string scenario =
      "# header\nname: \"trunc\"\ndescription: >\n  folded text\nrun:\n  seed: 42\n"
      "  weeks: [1, 2, {a: b}]\n  anchors: &x {k: 'v'}\n  again: *x\n";
  for (std::size_t length = 0; length <= scenario.size(); ++length) {
    expect_tree_or_located_error(scenario.substr(0, length));
  }
}

}  // namespace
}  // namespace caseload::io
