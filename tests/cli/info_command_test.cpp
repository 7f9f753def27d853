// `caseload info`: provenance, completeness, tables and metrics of a trace; exit 2 for a file
// that is missing or is not HDF5.

#include <csignal>
#include <filesystem>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "sim/cli/interrupt.hpp"
#include "sim/cli/scoreboard_summary.hpp"
#include "sim/io/trace/attribute_schema.hpp"
#include "sim/io/trace/metric_series_schema.hpp"
#include "sim/io/trace/trace_schema.hpp"
#include "sim/metrics/metric.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::cli {
namespace {

namespace fs = std::filesystem;
using caseload::testing::run_caseload;
using caseload::testing::ScratchFolder;

std::string smoke() { return caseload::testing::smoke_scenario(); }

bool has_line_starting(const std::string& text, const std::string& start) {
  return text.rfind(start, 0) == 0 || text.find("\n" + start) != std::string::npos;
}

// The line that starts with `start`, without its newline; empty if there is none.
std::string line_starting(const std::string& text, const std::string& start) {
  std::size_t at = text.rfind(start, 0) == 0 ? 0 : text.find("\n" + start);
  if (at == std::string::npos) return "";
  if (at != 0) at += 1;
  return text.substr(at, text.find('\n', at) - at);
}

TEST(InfoCommand, DescribesACompleteTrace) {
  ScratchFolder folder;
  const fs::path out = folder.path() / "out.h5";
  ASSERT_EQ(run_caseload({"run", smoke(), "-o", out.string(), "--seed", "9"}).exit_code, kExitOk);
  const auto outcome = run_caseload({"info", out.string()});
  ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  EXPECT_EQ(outcome.err, "");
  const std::string& text = outcome.out;
  EXPECT_TRUE(has_line_starting(text, "trace: " + out.string() + "\n")) << text;
  EXPECT_TRUE(has_line_starting(text, "complete: yes\n")) << text;
  EXPECT_TRUE(has_line_starting(text, "format version: 1\n")) << text;
  EXPECT_TRUE(has_line_starting(text, "caseload: ")) << text;
  EXPECT_TRUE(has_line_starting(text, "scenario: smoke  seed: 9\n")) << text;
  EXPECT_TRUE(has_line_starting(text, "created: 20")) << text;
  EXPECT_TRUE(has_line_starting(text, "trace level: agents\n")) << text;
  EXPECT_TRUE(has_line_starting(text, "  treatment\n")) << text;
  EXPECT_TRUE(has_line_starting(text, "  counterfactual\n")) << text;
  const std::string panel = line_starting(text, "    panel ");
  EXPECT_NE(panel.find(" 234 rows  "), std::string::npos) << text;
  EXPECT_TRUE(has_line_starting(text, "    jobseekers  ")) << text;
  EXPECT_TRUE(has_line_starting(text, "metrics:\n")) << text;
  EXPECT_TRUE(has_line_starting(text, "off_benefit_13w ")) << text;
}

TEST(InfoCommand, ShowsTheRegimesScoreboardByQuarter) {
  ScratchFolder folder;
  const fs::path out = folder.path() / "jot.h5";
  const std::string jot = std::string(CASELOAD_SOURCE_DIR) + "/scenarios/regimes/jot.yaml";
  ASSERT_EQ(run_caseload({"run", jot, "-o", out.string(), "--set", "run.weeks=60", "--set", "network.offices=1",
                          "--set", "counterfactual.enabled=false"})
                .exit_code,
            kExitOk);
  const auto outcome = run_caseload({"info", out.string()});
  ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  EXPECT_TRUE(has_line_starting(outcome.out, "    scoreboard by quarter: ")) << outcome.out;
  const std::string header = line_starting(outcome.out, "          weeks");
  EXPECT_NE(header.find("job_entry"), std::string::npos) << outcome.out;
  // 60 weeks: quarters from week 0, 13, 26, 39 and 52.
  EXPECT_TRUE(has_line_starting(outcome.out, "          52-64  ")) << outcome.out;
}

TEST(ScoreboardSummary, QuartersAverageCreditPerUnitWeekAndShareUnderPressure) {
  io::ScoreboardColumns board;
  board.indicators = {"a", "b"};
  // Two units in week 0 (quarter 0) and one in week 13 (quarter 1), two indicators each.
  board.week = {0, 0, 0, 0, 13, 13};
  board.level = {1, 1, 1, 1, 1, 1};
  board.unit = {0, 0, 1, 1, 0, 0};
  board.indicator = {0, 1, 0, 1, 0, 1};
  board.credit = {4, 1, 2, 0, 6, 3};
  board.target = {10, 10, 10, 10, 10, 10};
  board.pressure = {1.5, 1.5, 1.0, 1.0, 2.0, 2.0};
  board.stars = {2, 2, 5, 5, 1, 1};
  const auto quarters = scoreboard_by_quarter(board);
  ASSERT_EQ(quarters.size(), 2u);
  EXPECT_EQ(quarters[0].first_week, 0);
  EXPECT_EQ(quarters[0].unit_weeks, 2.0);
  EXPECT_EQ(quarters[0].mean_credit, (std::vector<double>{3.0, 0.5}));
  EXPECT_EQ(quarters[0].under_pressure_share, 0.5);
  EXPECT_EQ(quarters[0].stars_share, (std::array<double, 5>{0.0, 0.5, 0.0, 0.0, 0.5}));
  EXPECT_EQ(quarters[1].first_week, 13);
  EXPECT_EQ(quarters[1].mean_credit, (std::vector<double>{6.0, 3.0}));
  EXPECT_EQ(quarters[1].under_pressure_share, 1.0);
  const std::string text = format_scoreboard(board);
  EXPECT_NE(text.find("stars 1 / 2 / 3 / 4 / 5"), std::string::npos) << text;
  EXPECT_NE(text.find("13-25"), std::string::npos) << text;
}

TEST(ScoreboardSummary, ACascadeIsSummarisedAtItsLowestLevel) {
  io::ScoreboardColumns board;
  board.indicators = {"a"};
  // Week 0 of a cascade: the nation (level 5) and its two offices (level 2); the nation's
  // credit adds the offices' up again and its pressure is its own.
  board.week = {0, 0, 0};
  board.level = {5, 2, 2};
  board.unit = {0, 0, 1};
  board.indicator = {0, 0, 0};
  board.credit = {6, 4, 2};
  board.target = {10, 5, 5};
  board.pressure = {1.4, 1.0, 1.6};
  board.stars = {0, 0, 0};
  const auto quarters = scoreboard_by_quarter(board);
  ASSERT_EQ(quarters.size(), 1u);
  EXPECT_EQ(quarters[0].unit_weeks, 2.0);
  EXPECT_EQ(quarters[0].mean_credit, (std::vector<double>{3.0}));
  EXPECT_EQ(quarters[0].under_pressure_share, 0.5);
}

TEST(ScoreboardSummary, NoRowsSaysSo) {
  EXPECT_NE(format_scoreboard({}).find("no rows"), std::string::npos);
}

TEST(InfoCommand, SaysWhenATraceIsIncomplete) {
  ScratchFolder folder;
  const fs::path out = folder.path() / "out.h5";
  install_interrupt_handlers();
  std::raise(SIGINT);
  const int exit_code = run_caseload({"run", smoke(), "-o", out.string()}).exit_code;
  clear_interrupt_request();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  ASSERT_EQ(exit_code, kExitInterrupted);
  const auto outcome = run_caseload({"info", out.string() + ".partial"});
  ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  EXPECT_TRUE(has_line_starting(outcome.out, "complete: no ")) << outcome.out;
  EXPECT_TRUE(has_line_starting(outcome.out, "  treatment (interrupted: stopped early)\n"))
      << outcome.out;
  EXPECT_TRUE(has_line_starting(outcome.out, "metrics: none\n")) << outcome.out;
}

TEST(InfoCommand, MissingFileExitsTwo) {
  ScratchFolder folder;
  const fs::path missing = folder.path() / "missing.h5";
  const auto outcome = run_caseload({"info", missing.string()});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_EQ(outcome.out, "");
  EXPECT_EQ(outcome.err, "caseload info: '" + missing.string() + "': no such file\n");
}

TEST(InfoCommand, TextFileExitsTwo) {
  ScratchFolder folder;
  const fs::path text = folder.write("notes.h5", "not HDF5\n");
  const auto outcome = run_caseload({"info", text.string()});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_EQ(outcome.err,
            "caseload info: '" + text.string() + "': not an HDF5 file (a caseload trace is one)\n");
}

TEST(InfoCommand, DirectoryExitsTwo) {
  ScratchFolder folder;
  EXPECT_EQ(run_caseload({"info", folder.path().string()}).exit_code, kExitBadInput);
}

TEST(InfoCommand, SchemaJsonListsEveryTableColumnSeriesAttributeAndMetric) {
  const auto outcome = run_caseload({"info", "--schema", "json"});
  ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  const std::string& json = outcome.out;
  EXPECT_EQ(json.rfind("{\"tables\": [", 0), 0u) << json;
  // Every table and every expanded column, in order.
  std::size_t at = 0;
  for (const io::TableSpec& table : io::trace_tables()) {
    at = json.find("\"name\": \"" + std::string(table.name) + "\", \"level\"", at);
    ASSERT_NE(at, std::string::npos) << table.name;
    for (const io::SchemaColumn& column : io::expand_columns(table)) {
      at = json.find("{\"name\": \"" + column.name + "\", \"type\": \"" +
                         std::string(io::name_of(column.type)) + "\"",
                     at);
      ASSERT_NE(at, std::string::npos) << table.name << "/" << column.name;
    }
  }
  for (const io::SeriesSpec& series : io::metric_series_specs()) {
    at = json.find("{\"name\": \"" + std::string(series.name) + "\", \"indexed_by\": \"" +
                       std::string(series.indexed_by) + "\", \"written\": \"" +
                       std::string(io::name_of(series.presence)) + "\"",
                   at);
    ASSERT_NE(at, std::string::npos) << series.name;
    for (const io::SeriesArraySpec& array : series.arrays) {
      at = json.find("{\"name\": \"" + std::string(array.name) + "\", \"type\": \"float64\"", at);
      ASSERT_NE(at, std::string::npos) << series.name << "/" << array.name;
    }
  }
  for (const auto& [key, attributes] :
       {std::pair{"root_attributes", io::root_attributes()},
        std::pair{"variant_attributes", io::variant_attributes()}}) {
    at = json.find("\"" + std::string(key) + "\": [", at);
    ASSERT_NE(at, std::string::npos) << key;
    for (const io::AttributeSpec& attribute : attributes) {
      at = json.find("{\"name\": \"" + std::string(attribute.name) + "\", \"type\": \"" +
                         std::string(io::name_of(attribute.type)) + "\"",
                     at);
      ASSERT_NE(at, std::string::npos) << key << "/" << attribute.name;
    }
  }
  for (const metrics::Metric& metric : metrics::registered_metrics()) {
    at = json.find("{\"name\": \"" + std::string(metric.name) + "\", \"unit\": \"" +
                       std::string(metric.unit) + "\"",
                   at);
    ASSERT_NE(at, std::string::npos) << metric.name;
  }
  // Markdown in descriptions is escaped where JSON needs it and kept otherwise.
  EXPECT_NE(json.find("customer group (`/groups`)"), std::string::npos);
}

TEST(InfoCommand, SchemaMarkdownIsTheDocsTables) {
  const auto outcome = run_caseload({"info", "--schema", "markdown"});
  ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  EXPECT_EQ(outcome.out, io::attributes_markdown(io::root_attributes()) + "\n" +
                             io::attributes_markdown(io::variant_attributes()) + "\n" +
                             io::trace_tables_markdown() + "\n" + io::metric_series_markdown() +
                             "\n" + metrics::metrics_markdown());
}

TEST(InfoCommand, SchemaAndATraceTogetherExitTwo) {
  EXPECT_EQ(run_caseload({"info", "--schema", "json", "out.h5"}).exit_code, kExitBadInput);
  EXPECT_EQ(run_caseload({"info", "--schema", "yaml"}).exit_code, kExitBadInput);
}

TEST(InfoCommand, NeitherSchemaNorATraceExitsTwo) {
  const auto outcome = run_caseload({"info"});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_NE(outcome.err.find("give a trace file"), std::string::npos) << outcome.err;
}

}  // namespace
}  // namespace caseload::cli
