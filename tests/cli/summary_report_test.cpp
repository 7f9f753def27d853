#include "sim/cli/summary_report.hpp"

#include <limits>
#include <string>

#include <gtest/gtest.h>

namespace caseload::cli {
namespace {

model::RunResult example() {
  model::RunResult result;
  result.scenario_name = "demo";
  result.seed = 3;
  result.events_handled = 120;
  result.summary.push_back({"job_entries", 42, "job entries counted"});
  result.summary.push_back({"net_impact_rate", 0.125, "share of entries due to help"});
  return result;
}

TEST(SummaryReport, TextAlignsNamesAndValues) {
  EXPECT_EQ(format_summary_text(example()),
            "scenario: demo  seed: 3  events: 120\n"
            "name             value  description\n"
            "job_entries         42  job entries counted\n"
            "net_impact_rate  0.125  share of entries due to help\n");
}

TEST(SummaryReport, JsonIsOneObject) {
  EXPECT_EQ(format_summary_json(example()),
            "{\"scenario\": \"demo\", \"seed\": 3, \"events\": 120, \"summary\": "
            "{\"job_entries\": 42, \"net_impact_rate\": 0.125}}\n");
}

TEST(SummaryReport, JsonWritesNonFiniteValuesAsNull) {
  model::RunResult result = example();
  result.summary[0].value = std::numeric_limits<double>::quiet_NaN();
  result.summary[1].value = std::numeric_limits<double>::infinity();
  const std::string json = format_summary_json(result);
  EXPECT_NE(json.find("\"job_entries\": null, \"net_impact_rate\": null"), std::string::npos)
      << json;
}

TEST(SummaryReport, JsonStringsAreEscaped) {
  EXPECT_EQ(json_string("plain"), "\"plain\"");
  EXPECT_EQ(json_string("say \"hi\"\\"), R"("say \"hi\"\\")");
  EXPECT_EQ(json_string("tab\tline\ncr\r"), R"("tab\tline\ncr\r")");
  EXPECT_EQ(json_string(std::string("nul\0bell\x07", 9)), R"("nul\u0000bell\u0007")");
  EXPECT_EQ(json_string("caf\xc3\xa9"), "\"caf\xc3\xa9\"");  // UTF-8 passes through
}

TEST(SummaryReport, ScenarioNamesAreEscapedInJson) {
  model::RunResult result = example();
  result.scenario_name = "a \"quoted\" name";
  EXPECT_EQ(format_summary_json(result).rfind(R"({"scenario": "a \"quoted\" name", )", 0), 0u);
}

}  // namespace
}  // namespace caseload::cli
