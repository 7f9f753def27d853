#include "sim/core/diagnostics.hpp"

#include <gtest/gtest.h>

#include <string>

namespace caseload::core {
namespace {

TEST(FormatDiagnostic, AValueWithLineBreaksStaysOnOneLine) {
  const std::string line =
      format_diagnostic({{"s.yaml", 4, 10}, "'run.weeks' must be a number, got 'ten\n\nweeks'"});
  EXPECT_EQ(line, "s.yaml:4:10: 'run.weeks' must be a number, got 'ten\\n\\nweeks'");
}

TEST(FormatDiagnostic, AHugeValueIsCutKeepingBothEnds) {
  const std::string value(10'000'000, 'x');
  const std::string line = format_diagnostic(
      {{"s.yaml", 1, 1}, "'name' got '" + value + "'; a name is at most 64 characters"});
  EXPECT_LT(line.size(), 2200u);
  EXPECT_EQ(line.rfind("s.yaml:1:1: 'name' got 'xxx", 0), 0u) << line.substr(0, 80);
  EXPECT_NE(line.find("bytes cut"), std::string::npos);
  EXPECT_TRUE(line.ends_with("xxx'; a name is at most 64 characters"));
}

TEST(FormatDiagnostic, ACutNeverSplitsAUtf8Character) {
  std::string value;
  while (value.size() < 5000) value += "\xc3\xa9";  // é, two bytes
  const std::string line = format_diagnostic({{"s.yaml", 1, 1}, value});
  const std::size_t cut = line.find(" [...");
  ASSERT_NE(cut, std::string::npos);
  // Before the note: a whole number of two-byte characters after "s.yaml:1:1: ".
  EXPECT_EQ((cut - std::string("s.yaml:1:1: ").size()) % 2, 0u);
}

}  // namespace
}  // namespace caseload::core
