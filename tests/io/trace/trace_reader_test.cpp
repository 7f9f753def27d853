// The reader behind `caseload info`: what it reports for complete, partial, foreign and
// broken files.

#include "sim/io/trace/trace_reader.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/io/trace/atomic_output.hpp"
#include "sim/io/trace/column_writer.hpp"
#include "sim/io/trace/run_trace.hpp"
#include "sim/io/trace/trace_error.hpp"
#include "tests/io/trace/read_back.hpp"

namespace caseload::io {
namespace {

namespace fs = std::filesystem;
using testing::ScratchDirectory;

// /metrics/by_group with every array the schema writes always, for one group "g".
MetricSeries one_group_series() {
  return {"by_group", {"g"}, {{"parked_share", {0.5}},
                              {"claim_weeks", {2.0}},
                              {"off_benefit_13w", {0.6}},
                              {"off_benefit_26w", {0.8}},
                              {"off_benefit_52w", {0.9}},
                              {"off_benefit_104w", {0.95}},
                              {"entries_per_100_client_weeks", {4.0}},
                              {"mean_job_quality", {0.5}},
                              {"sustained_13w_share", {0.7}},
                              {"sustained_26w_share", {0.5}},
                              {"earnings_index_26w", {9.0}},
                              {"offflow_target_weeks", {52.0}},
                              {"offflow_target_share", {0.85}},
                              {"off_benefit_at_target", {0.9}},
                              {"sanctions", {1.0}},
                              {"sanctions_per_100_client_weeks", {50.0}},
                              {"claims_weak", {3.0}},
                              {"claims_rejected", {1.0}},
                              {"credit_audit_would_remove", {6.0}},
                              {"unmatched_entries", {0.0}}}};
}

// A treatment with a 3-row panel and a 2-row jobseeker table, and two metrics.
void write_small_run(AtomicOutput& output) {
  RunProvenance provenance;
  provenance.scenario_name = "small";
  provenance.seed = 5;
  provenance.scenario_yaml = "name: small\n";
  provenance.group_names = {"g"};
  provenance.created = "2024-01-02T03:04:05Z";
  write_run_header(output.file(), provenance, TraceLevel::Agents);
  model::VariantResult treatment;
  treatment.name = "treatment";
  treatment.panel.resize(3);
  treatment.jobseekers.add({});
  treatment.jobseekers.add({});
  write_variant(output.file(), treatment, TraceLevel::Agents);
  RunMetrics metrics;
  metrics.scalars = {{"a", 1.5, "first"}, {"b", -2.0, "second"}};
  metrics.series.push_back(one_group_series());
  write_metrics(output.file(), metrics);
}

TEST(TraceReader, ReportsProvenanceTablesAndMetrics) {
  ScratchDirectory scratch;
  AtomicOutput output(scratch / "run.h5");
  write_small_run(output);
  output.commit();

  const TraceSummary trace = read_trace_summary(scratch / "run.h5");
  EXPECT_EQ(trace.is_complete, true);
  EXPECT_EQ(trace.format_version, 1);
  EXPECT_EQ(trace.scenario_name, "small");
  EXPECT_EQ(trace.seed, 5u);
  EXPECT_EQ(trace.created, "2024-01-02T03:04:05Z");
  EXPECT_EQ(trace.trace_level, "agents");
  EXPECT_TRUE(trace.has_scenario);
  EXPECT_FALSE(trace.version.empty());
  ASSERT_EQ(trace.variants.size(), 1u);
  EXPECT_EQ(trace.variants[0].name, "treatment");
  EXPECT_FALSE(trace.variants[0].is_interrupted);
  std::vector<std::string> names;
  for (const auto& table : trace.variants[0].tables) {
    names.push_back(table.name);
    EXPECT_FALSE(table.is_ragged) << table.name;
    const std::uint64_t expected = table.name == "panel"        ? 3u
                                   : table.name == "jobseekers" ? 2u
                                                                : 0u;
    EXPECT_EQ(table.rows, expected) << table.name;
  }
  EXPECT_EQ(names, (std::vector<std::string>{"advisers", "employers", "jobs", "jobseekers", "offices", "panel", "scoreboard",
                                             "spells", "vacancies"}));
  // Written without write_run, so without /scoreboard_indicators: not read.
  EXPECT_FALSE(trace.variants[0].scoreboard.has_value());
  ASSERT_EQ(trace.metrics.size(), 2u);
  EXPECT_EQ(trace.metrics[1].name, "b");
  EXPECT_EQ(trace.metrics[1].value, -2.0);
  EXPECT_EQ(trace.metrics[1].description, "second");
  ASSERT_EQ(trace.metric_series.size(), 1u);
  EXPECT_EQ(trace.metric_series[0].name, "by_group");
  EXPECT_EQ(trace.metric_series[0].labels, 1u);
  // The reader lists by name, not in the order written.
  EXPECT_EQ(trace.metric_series[0].arrays,
            (std::vector<std::string>{"claim_weeks", "claims_rejected", "claims_weak", "credit_audit_would_remove",
                                      "earnings_index_26w", "entries_per_100_client_weeks", "mean_job_quality",
                                      "off_benefit_104w", "off_benefit_13w", "off_benefit_26w", "off_benefit_52w",
                                      "off_benefit_at_target", "offflow_target_share", "offflow_target_weeks",
                                      "parked_share", "sanctions", "sanctions_per_100_client_weeks",
                                      "sustained_13w_share", "sustained_26w_share", "unmatched_entries"}));
}

TEST(TraceReader, AnAbandonedTraceIsIncompleteButReadable) {
  ScratchDirectory scratch;
  AtomicOutput output(scratch / "run.h5");
  write_small_run(output);
  output.abandon();
  const TraceSummary trace = read_trace_summary(output.partial_path());
  EXPECT_EQ(trace.is_complete, false);
  ASSERT_EQ(trace.variants.size(), 1u);
  EXPECT_EQ(trace.variants[0].tables.size(), 9u);
}

TEST(TraceReader, ReadsTheScoreboardWhole) {
  ScratchDirectory scratch;
  AtomicOutput output(scratch / "run.h5");
  RunProvenance provenance;
  provenance.group_names = {"g"};
  model::SimulationResult result;
  result.treatment.name = "treatment";
  result.treatment.scoreboard.indicators = {"job_entry"};
  result.treatment.scoreboard.rows = {{0, 2, 1, 0, 3.5, 10.0, 1.5, 4}, {1, 2, 1, 0, 0.25, 10.0, 1.0, 5}};
  RunMetrics metrics;
  metrics.series.push_back(one_group_series());
  write_run(output.file(), provenance, result, metrics, TraceLevel::Summary);
  output.commit();
  const TraceSummary trace = read_trace_summary(scratch / "run.h5");
  ASSERT_EQ(trace.variants.size(), 1u);
  ASSERT_TRUE(trace.variants[0].scoreboard.has_value());
  const ScoreboardColumns& board = *trace.variants[0].scoreboard;
  EXPECT_EQ(board.indicators, (std::vector<std::string>{"job_entry"}));
  EXPECT_EQ(board.week, (std::vector<double>{0.0, 1.0}));
  EXPECT_EQ(board.level, (std::vector<double>{2.0, 2.0}));
  EXPECT_EQ(board.unit, (std::vector<double>{1.0, 1.0}));
  EXPECT_EQ(board.credit, (std::vector<double>{3.5, 0.25}));
  EXPECT_EQ(board.target, (std::vector<double>{10.0, 10.0}));
  EXPECT_EQ(board.pressure, (std::vector<double>{1.5, 1.0}));
  EXPECT_EQ(board.stars, (std::vector<double>{4.0, 5.0}));
}

TEST(TraceReader, AForeignHdf5FileReadsWithEverythingMissing) {
  ScratchDirectory scratch;
  {
    TraceFile file(scratch / "other.h5");
    file.write_array("/numbers", std::vector<double>{1.0});
    file.close();
  }
  const TraceSummary trace = read_trace_summary(scratch / "other.h5");
  EXPECT_EQ(trace.is_complete, std::nullopt);
  EXPECT_EQ(trace.format_version, std::nullopt);
  EXPECT_TRUE(trace.scenario_name.empty());
  EXPECT_TRUE(trace.variants.empty());
  EXPECT_TRUE(trace.metrics.empty());
}

TEST(TraceReader, TextIsNotHdf5) {
  ScratchDirectory scratch;
  std::ofstream(scratch / "notes.h5") << "not a trace\n";
  EXPECT_FALSE(is_hdf5_file(scratch / "notes.h5"));
  EXPECT_FALSE(is_hdf5_file(scratch / "missing.h5"));
  EXPECT_FALSE(is_hdf5_file(scratch.path()));
  EXPECT_THROW(read_trace_summary(scratch / "notes.h5"), TraceError);
  EXPECT_THROW(read_trace_summary(scratch / "missing.h5"), TraceError);
}

TEST(TraceReader, RaggedColumnsAreReported) {
  ScratchDirectory scratch;
  AtomicOutput output(scratch / "run.h5");
  Table& table = output.file().add_table("/treatment/panel");
  table.add_column<double>("a").append(1.0);
  table.add_column<double>("b");
  output.abandon();
  const TraceSummary trace = read_trace_summary(output.partial_path());
  ASSERT_EQ(trace.variants.size(), 1u);
  ASSERT_EQ(trace.variants[0].tables.size(), 1u);
  EXPECT_TRUE(trace.variants[0].tables[0].is_ragged);
  EXPECT_EQ(trace.variants[0].tables[0].rows, 0u);
}

}  // namespace
}  // namespace caseload::io
