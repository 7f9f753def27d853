// The run writer's layout (docs/TRACE_FORMAT.md "Datasets written by a run"), checked through
// HDF5's C API on a small hand-made run, so every value written is known.

#include "sim/io/trace/run_trace.hpp"

#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/core/version.hpp"
#include "sim/io/trace/atomic_output.hpp"
#include "sim/io/trace/attribute_schema.hpp"
#include "sim/io/trace/trace_error.hpp"
#include "sim/io/trace/trace_schema.hpp"
#include "sim/model/action.hpp"
#include "sim/model/labels.hpp"
#include "tests/io/trace/doc_block.hpp"
#include "tests/io/trace/read_back.hpp"

namespace caseload::io {
namespace {

namespace fs = std::filesystem;
using testing::has_object;
using testing::read_attribute;
using testing::read_dataset;
using testing::read_string_attribute;
using testing::read_strings;
using testing::ScratchDirectory;

RunProvenance provenance() {
  RunProvenance p;
  p.scenario_name = "tiny";
  p.seed = 77;
  p.scenario_yaml = "name: tiny\nrun:\n  seed: 77\n";
  p.group_names = {"jsa_25_plus", "disabled"};
  p.created = "2024-05-01T09:30:00Z";
  return p;
}

// Three jobseekers, two advisers, two panel weeks, one spell, one job, three events.
model::VariantResult variant(std::string name) {
  model::VariantResult v;
  v.name = std::move(name);
  v.measure_start = 7.0;
  v.end = 21.0;
  v.events_handled = 3;
  for (std::uint8_t g = 0; g < 3; ++g) {
    model::NewJobseeker person;
    person.group = static_cast<model::GroupId>(g % 2);
    person.employability = 0.1f * static_cast<float>(g) - 0.35f;
    person.motivation = 0.7f;
    v.jobseekers.add(person);
  }
  v.jobseekers.help_minutes[1][static_cast<std::size_t>(model::ActionKind::Interview)] = 40.0f;
  v.jobseekers.claim_weeks[1] = 2;
  v.jobseekers.parked_weeks[2] = 9;
  v.jobseekers.state[0] = model::JobseekerState::Employed;
  v.jobseekers.adviser[1] = static_cast<model::AdviserId>(1);
  for (std::uint16_t a = 0; a < 2; ++a) {
    model::NewAdviser adviser;
    adviser.team = a;
    adviser.w_client = 0.25 * (a + 1);
    v.advisers.add(adviser);
  }
  v.advisers.measured[1].action_minutes[static_cast<std::size_t>(model::ActionKind::Interview)] =
      40.0;
  v.advisers.measured_weeks = {2.0, 2.0};
  v.advisers.caseload[1] = {static_cast<model::JobseekerId>(1)};
  v.advisers.measured_caseload = {0.0, 3.0};  // 1 then 2 clients at the two week ends
  v.measured_by_adviser = {0.0, 3.5};
  for (std::uint32_t week = 0; week < 2; ++week) {
    model::PanelRow row;
    row.week = week;
    row.group = static_cast<model::GroupId>(week);
    row.counts.stock = 10 + week;
    row.counts.exits = {1, 2, 3};
    row.counts.minutes[static_cast<std::size_t>(model::ActionKind::Sanction)] = 12.5f;
    row.counts.fund_spend = 75.0f;
    v.panel.push_back(row);
  }
  model::SpellRecord spell;
  spell.person = static_cast<model::JobseekerId>(2);
  spell.start = -3.0;
  spell.end = 21.0;
  v.spells.push_back(spell);
  model::JobRecord job;
  job.person = static_cast<model::JobseekerId>(0);
  job.quality = 0.625f;
  job.start = 8.0;
  job.end = 200.0;
  job.reclaim = std::numeric_limits<double>::infinity();
  v.jobs.push_back(job);
  for (std::uint32_t e = 0; e < 3; ++e) v.events.push_back({1.5 * e, e, 10 + e, 20 + e});
  // Two employers; three vacancies: one filled through a submission by person 1, one filled
  // from the open market, one still open.
  v.employers.add(static_cast<model::OfficeId>(0), 0.75f, 0.5f, 0.25f, 1.5);
  v.employers.add(static_cast<model::OfficeId>(1), 0.5f, 0.0f, 1.0f, 1.5);
  v.employers.vacancies_opened = {2, 1};
  v.vacancies.add(static_cast<model::EmployerId>(0), true, false, 2.0);
  v.vacancies.add(static_cast<model::EmployerId>(0), false, false, 3.0);
  v.vacancies.add(static_cast<model::EmployerId>(1), true, false, 4.0);
  v.vacancies.state = {model::VacancyState::FilledByClaimant, model::VacancyState::FilledExternally,
                       model::VacancyState::Open};
  v.vacancies.closed[0] = 8.0;
  v.vacancies.closed[1] = 9.5;
  v.vacancies.hired[0] = static_cast<model::JobseekerId>(1);
  v.vacancies.via_submission[0] = 1;
  v.events[1].client = 2;  // an action: client 2, by adviser 1, a submission
  v.events[1].adviser = 1;
  v.events[1].action = static_cast<std::uint8_t>(model::ActionKind::Submission);
  // Two weeks of one team on two indicators, reviewed after the second.
  const double no_target = std::numeric_limits<double>::quiet_NaN();
  v.scoreboard.indicators = {"job_entry", "off_flow"};
  v.scoreboard.rows = {{0, 1, 0, 0, 4.0, no_target, 1.0, 0},
                       {0, 1, 0, 1, 0.5, no_target, 1.0, 0},
                       {1, 1, 0, 0, 8.0, 20.0, 1.25, 2},
                       {1, 1, 0, 1, 0.0, 20.0, 1.25, 2}};
  return v;
}

model::SimulationResult result(bool with_counterfactual) {
  model::SimulationResult r;
  r.treatment = variant("treatment");
  if (with_counterfactual) r.counterfactual = variant("counterfactual");
  return r;
}

RunMetrics metrics() {
  RunMetrics m;
  m.scalars = {{"parked_share", 0.25, "share of client-weeks parked"},
               {"net_entries", std::nan(""), "needs a counterfactual"}};
  MetricSeries by_group;
  by_group.name = "by_group";
  by_group.labels = {"jsa_25_plus", "disabled"};
  by_group.arrays.push_back({"parked_share", {0.1, 0.5}});
  by_group.arrays.push_back({"claim_weeks", {40.0, 12.0}});
  by_group.arrays.push_back({"off_benefit_13w", {0.6, 0.3}});
  by_group.arrays.push_back({"off_benefit_26w", {0.8, 0.5}});
  by_group.arrays.push_back({"off_benefit_52w", {0.9, 0.7}});
  by_group.arrays.push_back({"off_benefit_104w", {0.95, 0.8}});
  by_group.arrays.push_back({"entries_per_100_client_weeks", {4.0, 1.0}});
  by_group.arrays.push_back({"mean_job_quality", {0.5, 0.45}});
  by_group.arrays.push_back({"sustained_13w_share", {0.7, 0.6}});
  by_group.arrays.push_back({"sustained_26w_share", {0.5, 0.4}});
  by_group.arrays.push_back({"earnings_index_26w", {9.0, 6.5}});
  by_group.arrays.push_back({"offflow_target_weeks", {52.0, 65.0}});
  by_group.arrays.push_back({"offflow_target_share", {0.85, 0.47}});
  by_group.arrays.push_back({"off_benefit_at_target", {0.9, 0.7}});
  by_group.arrays.push_back({"sanctions", {3.0, 1.0}});
  by_group.arrays.push_back({"sanctions_per_100_client_weeks", {7.5, 8.25}});
  by_group.arrays.push_back({"claims_weak", {4.0, 2.0}});
  by_group.arrays.push_back({"claims_rejected", {1.0, 0.0}});
  by_group.arrays.push_back({"credit_audit_would_remove", {6.0, 8.0}});
  by_group.arrays.push_back({"unmatched_entries", {0.0, 1.0}});
  m.series.push_back(by_group);
  return m;
}

fs::path write(const ScratchDirectory& scratch, TraceLevel level, bool with_counterfactual = true) {
  const fs::path out = scratch / "run.h5";
  AtomicOutput output(out);
  write_run(output.file(), provenance(), result(with_counterfactual), metrics(), level);
  output.commit();
  return out;
}

TEST(RunTrace, RootHoldsProvenanceScenarioAndLabelLists) {
  ScratchDirectory scratch;
  const fs::path out = write(scratch, TraceLevel::Summary);
  EXPECT_EQ(read_string_attribute(out, "/", "version"), std::string(core::version()));
  EXPECT_EQ(read_string_attribute(out, "/", "commit"), std::string(core::git_commit()));
  EXPECT_EQ(read_attribute<std::uint64_t>(out, "/", "seed"), 77u);
  EXPECT_EQ(read_string_attribute(out, "/", "scenario_name"), "tiny");
  EXPECT_EQ(read_string_attribute(out, "/", "created"), "2024-05-01T09:30:00Z");
  EXPECT_EQ(read_string_attribute(out, "/", "trace_level"), "summary");
  EXPECT_EQ(read_attribute<std::uint8_t>(out, "/", "complete"), 1u);
  EXPECT_EQ(read_attribute<std::int64_t>(out, "/", "trace_format_version"), 1);
  EXPECT_EQ(testing::inspect(out, "/scenario").rank, 0);
  EXPECT_EQ(read_strings(out, "/groups"), (std::vector<std::string>{"jsa_25_plus", "disabled"}));
  EXPECT_EQ(read_strings(out, "/actions"),
            std::vector<std::string>(model::action_names.begin(), model::action_names.end()));
  EXPECT_EQ(read_strings(out, "/jobseeker_states").size(), model::jobseeker_state_names.size());
  EXPECT_EQ(read_strings(out, "/exit_reasons"),
            (std::vector<std::string>{"work", "inactivity", "sanction", "other_benefit"}));
  EXPECT_EQ(read_strings(out, "/event_kinds").front(), "claim");
}

TEST(RunTrace, VariantAttributesSayWhatWasMeasured) {
  ScratchDirectory scratch;
  const fs::path out = write(scratch, TraceLevel::Summary);
  EXPECT_EQ(read_attribute<double>(out, "/treatment", "measure_start_days"), 7.0);
  EXPECT_EQ(read_attribute<double>(out, "/treatment", "end_days"), 21.0);
  EXPECT_EQ(read_attribute<std::uint64_t>(out, "/treatment", "events_handled"), 3u);
  EXPECT_EQ(read_attribute<std::uint8_t>(out, "/treatment", "interrupted"), 0u);
}

// The stored type a schema column promises, as HDF5 reports it.
void expect_stored_as(const testing::Storage& storage, ColumnType type, const std::string& path) {
  const bool is_float = type == ColumnType::Float64;
  EXPECT_EQ(storage.type_class, is_float ? H5T_FLOAT : H5T_INTEGER) << path;
  const std::size_t size = type == ColumnType::UInt8                                 ? 1
                           : type == ColumnType::UInt32 || type == ColumnType::Int32 ? 4
                                                                                     : 8;
  EXPECT_EQ(storage.type_size, size) << path;
  EXPECT_EQ(storage.type_order, H5T_ORDER_LE) << path;
  if (!is_float) {
    const bool is_signed = type == ColumnType::Int64 || type == ColumnType::Int32;
    EXPECT_EQ(storage.type_sign, is_signed ? H5T_SGN_2 : H5T_SGN_NONE) << path;
  }
}

// Every table the level asks for, in schema order, with exactly the schema's columns in order,
// each with its type, units (absent when it has none) and description.
void expect_tables_follow_the_schema(const fs::path& out, TraceLevel level) {
  std::vector<std::string> tables;
  for (const TableSpec& table : trace_tables()) {
    if (table.level <= level) tables.emplace_back(table.name);
  }
  for (const std::string variant : {"/treatment", "/counterfactual"}) {
    ASSERT_EQ(testing::names_in_creation_order(out, variant), tables) << variant;
    for (const std::string& table : tables) {
      const std::string group = variant + "/" + table;
      const std::vector<SchemaColumn> columns = expand_columns(trace_table(table));
      std::vector<std::string> names;
      for (const auto& column : columns) names.push_back(column.name);
      ASSERT_EQ(testing::names_in_creation_order(out, group), names) << group;
      for (const auto& column : columns) {
        const std::string path = group + "/" + column.name;
        const testing::Storage storage = testing::inspect(out, path);
        EXPECT_TRUE(storage.is_chunked && storage.is_unlimited) << path;
        expect_stored_as(storage, column.type, path);
        EXPECT_EQ(read_string_attribute(out, path, "description"), column.description) << path;
        if (column.units.empty()) {
          EXPECT_FALSE(testing::has_attribute(out, path, "units")) << path;
        } else {
          EXPECT_EQ(read_string_attribute(out, path, "units"), column.units) << path;
        }
      }
    }
  }
}

TEST(RunTrace, EveryLevelWritesItsSchemaTablesInSchemaOrder) {
  for (const auto level : {TraceLevel::Summary, TraceLevel::Agents, TraceLevel::Events}) {
    SCOPED_TRACE(std::string(name_of(level)));
    ScratchDirectory scratch;
    expect_tables_follow_the_schema(write(scratch, level), level);
  }
}

TEST(RunTrace, PanelHoldsTheRunsValues) {
  ScratchDirectory scratch;
  const fs::path out = write(scratch, TraceLevel::Summary);
  EXPECT_EQ(read_dataset<std::uint32_t>(out, "/treatment/panel/stock"),
            (std::vector<std::uint32_t>{10, 11}));
  EXPECT_EQ(read_dataset<std::uint32_t>(out, "/treatment/panel/exits_inactivity"),
            (std::vector<std::uint32_t>{2, 2}));
  EXPECT_EQ(read_dataset<double>(out, "/treatment/panel/minutes_sanction"),
            (std::vector<double>{12.5, 12.5}));
  EXPECT_EQ(read_dataset<std::uint8_t>(out, "/treatment/panel/group"),
            (std::vector<std::uint8_t>{0, 1}));
  EXPECT_EQ(read_string_attribute(out, "/treatment/panel/minutes_interview", "units"), "minutes");
  EXPECT_EQ(read_string_attribute(out, "/treatment/panel/fund_spend", "units"), "money");
}

TEST(RunTrace, SummaryLevelLeavesOutAgentTablesAndEvents) {
  ScratchDirectory scratch;
  const fs::path out = write(scratch, TraceLevel::Summary);
  EXPECT_TRUE(has_object(out, "/treatment/panel"));
  EXPECT_TRUE(has_object(out, "/counterfactual/panel"));
  EXPECT_TRUE(has_object(out, "/metrics/scalars/value"));
  for (const char* table : {"jobseekers", "advisers", "spells", "jobs", "employers", "vacancies", "events"}) {
    EXPECT_FALSE(has_object(out, std::string("/treatment/") + table)) << table;
  }
}

TEST(RunTrace, AgentsLevelAddsAgentTablesAndLogsButNoEvents) {
  ScratchDirectory scratch;
  const fs::path out = write(scratch, TraceLevel::Agents);
  EXPECT_EQ(read_dataset<std::uint8_t>(out, "/treatment/jobseekers/group"),
            (std::vector<std::uint8_t>{0, 1, 0}));
  // Stored as float64, but exactly the model's float32 values.
  const auto employability = read_dataset<double>(out, "/treatment/jobseekers/employability");
  ASSERT_EQ(employability.size(), 3u);
  EXPECT_EQ(employability[2], static_cast<double>(0.1f * 2.0f - 0.35f));
  EXPECT_EQ(read_dataset<double>(out, "/treatment/jobseekers/help_minutes_interview"),
            (std::vector<double>{0.0, 40.0, 0.0}));
  EXPECT_EQ(read_dataset<std::uint32_t>(out, "/treatment/jobseekers/parked_weeks"),
            (std::vector<std::uint32_t>{0, 0, 9}));
  EXPECT_EQ(read_dataset<std::uint32_t>(out, "/treatment/jobseekers/adviser"),
            (std::vector<std::uint32_t>{4294967295u, 1, 4294967295u}));
  EXPECT_EQ(read_dataset<std::uint8_t>(out, "/treatment/jobseekers/state"),
            (std::vector<std::uint8_t>{2, 5, 5}));
  EXPECT_EQ(read_dataset<double>(out, "/treatment/advisers/measured_performance"),
            (std::vector<double>{0.0, 3.5}));
  EXPECT_EQ(read_dataset<double>(out, "/treatment/advisers/minutes_interview"),
            (std::vector<double>{0.0, 40.0}));
  EXPECT_EQ(read_dataset<std::uint32_t>(out, "/treatment/advisers/caseload"),
            (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(read_dataset<double>(out, "/treatment/advisers/mean_caseload"), (std::vector<double>{0.0, 1.5}));
  EXPECT_EQ(read_dataset<double>(out, "/treatment/spells/start"), (std::vector<double>{-3.0}));
  EXPECT_EQ(read_dataset<std::uint8_t>(out, "/treatment/spells/is_open"),
            (std::vector<std::uint8_t>{1}));
  EXPECT_EQ(read_dataset<double>(out, "/treatment/jobs/quality"), (std::vector<double>{0.625}));
  EXPECT_TRUE(std::isinf(read_dataset<double>(out, "/treatment/jobs/reclaim").at(0)));
  EXPECT_TRUE(has_object(out, "/counterfactual/jobseekers/claim_weeks"));
  EXPECT_FALSE(has_object(out, "/treatment/events"));
}

TEST(RunTrace, AgentsLevelAddsEmployersAndVacancies) {
  ScratchDirectory scratch;
  const fs::path out = write(scratch, TraceLevel::Agents);
  constexpr std::uint32_t none = 4294967295u;
  EXPECT_EQ(read_strings(out, "/vacancy_outcomes"),
            (std::vector<std::string>{"open", "submission", "own_search", "external", "expired"}));
  EXPECT_EQ(read_dataset<std::uint32_t>(out, "/treatment/employers/office"), (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(read_dataset<double>(out, "/treatment/employers/goodwill"), (std::vector<double>{0.25, 1.0}));
  EXPECT_EQ(read_dataset<std::uint32_t>(out, "/treatment/employers/vacancies_opened"),
            (std::vector<std::uint32_t>{2, 1}));
  EXPECT_EQ(read_dataset<std::uint32_t>(out, "/treatment/employers/vacancies_notified"),
            (std::vector<std::uint32_t>{1, 1}));
  EXPECT_EQ(read_dataset<std::uint32_t>(out, "/treatment/employers/vacancies_filled"),
            (std::vector<std::uint32_t>{1, 0}));
  EXPECT_EQ(read_dataset<std::uint32_t>(out, "/treatment/vacancies/employer"), (std::vector<std::uint32_t>{0, 0, 1}));
  EXPECT_EQ(read_dataset<double>(out, "/treatment/vacancies/opened"), (std::vector<double>{2.0, 3.0, 4.0}));
  const auto closed = read_dataset<double>(out, "/treatment/vacancies/closed");
  ASSERT_EQ(closed.size(), 3u);
  EXPECT_EQ(closed[1], 9.5);
  EXPECT_TRUE(std::isinf(closed[2]));
  EXPECT_EQ(read_dataset<double>(out, "/treatment/vacancies/quality"), (std::vector<double>{0.75, 0.75, 0.5}));
  EXPECT_EQ(read_dataset<std::uint8_t>(out, "/treatment/vacancies/outcome"), (std::vector<std::uint8_t>{1, 3, 0}));
  EXPECT_EQ(read_dataset<std::uint32_t>(out, "/treatment/vacancies/hired"),
            (std::vector<std::uint32_t>{1, none, none}));
}

TEST(RunTrace, EventsLevelAddsTheEventLog) {
  ScratchDirectory scratch;
  const fs::path out = write(scratch, TraceLevel::Events);
  EXPECT_EQ(read_dataset<double>(out, "/treatment/events/time"),
            (std::vector<double>{0.0, 1.5, 3.0}));
  EXPECT_EQ(read_dataset<std::uint32_t>(out, "/treatment/events/kind"),
            (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(read_dataset<std::uint32_t>(out, "/treatment/events/detail"),
            (std::vector<std::uint32_t>{20, 21, 22}));
  EXPECT_EQ(read_string_attribute(out, "/treatment/events/time", "units"), "days");
}

TEST(RunTrace, EventLogNamesTheClientAdviserAndActionOfActions) {
  ScratchDirectory scratch;
  const fs::path out = write(scratch, TraceLevel::Events);
  constexpr std::uint32_t none = 4294967295u;
  EXPECT_EQ(read_dataset<std::uint32_t>(out, "/treatment/events/client"),
            (std::vector<std::uint32_t>{none, 2, none}));
  EXPECT_EQ(read_dataset<std::uint32_t>(out, "/treatment/events/adviser"),
            (std::vector<std::uint32_t>{none, 1, none}));
  EXPECT_EQ(read_dataset<std::uint8_t>(out, "/treatment/events/action"),
            (std::vector<std::uint8_t>{255, static_cast<std::uint8_t>(model::ActionKind::Submission), 255}));
}

TEST(RunTrace, SummaryLevelHoldsTheScoreboardAndItsLabels) {
  ScratchDirectory scratch;
  const fs::path out = write(scratch, TraceLevel::Summary);
  EXPECT_EQ(read_strings(out, "/scoreboard_indicators"), (std::vector<std::string>{"job_entry", "off_flow"}));
  EXPECT_EQ(read_strings(out, "/unit_levels"),
            (std::vector<std::string>{"adviser", "team", "office", "provider", "district", "nation"}));
  EXPECT_EQ(read_dataset<std::uint32_t>(out, "/treatment/scoreboard/week"),
            (std::vector<std::uint32_t>{0, 0, 1, 1}));
  EXPECT_EQ(read_dataset<std::uint8_t>(out, "/treatment/scoreboard/indicator"),
            (std::vector<std::uint8_t>{0, 1, 0, 1}));
  EXPECT_EQ(read_dataset<double>(out, "/treatment/scoreboard/credit"),
            (std::vector<double>{4.0, 0.5, 8.0, 0.0}));
  const auto target = read_dataset<double>(out, "/treatment/scoreboard/target");
  ASSERT_EQ(target.size(), 4u);
  EXPECT_TRUE(std::isnan(target[0]));
  EXPECT_EQ(target[2], 20.0);
  EXPECT_EQ(read_dataset<double>(out, "/treatment/scoreboard/pressure"),
            (std::vector<double>{1.0, 1.0, 1.25, 1.25}));
  EXPECT_EQ(read_dataset<std::uint8_t>(out, "/treatment/scoreboard/stars"),
            (std::vector<std::uint8_t>{0, 0, 2, 2}));
  EXPECT_EQ(read_string_attribute(out, "/treatment/scoreboard/credit", "units"), "points");
}

TEST(RunTrace, NoCounterfactualGroupWithoutACounterfactual) {
  ScratchDirectory scratch;
  const fs::path out = write(scratch, TraceLevel::Agents, /*with_counterfactual=*/false);
  EXPECT_TRUE(has_object(out, "/treatment/jobseekers"));
  EXPECT_FALSE(has_object(out, "/counterfactual"));
}

TEST(RunTrace, MetricsAreScalarsAndLabelledSeries) {
  ScratchDirectory scratch;
  const fs::path out = write(scratch, TraceLevel::Summary);
  EXPECT_EQ(read_strings(out, "/metrics/scalars/name"),
            (std::vector<std::string>{"parked_share", "net_entries"}));
  const auto values = read_dataset<double>(out, "/metrics/scalars/value");
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(values[0], 0.25);
  EXPECT_TRUE(std::isnan(values[1])) << "NaN is kept: not defined is not zero";
  EXPECT_EQ(read_strings(out, "/metrics/scalars/description").at(0),
            "share of client-weeks parked");
  EXPECT_EQ(read_strings(out, "/metrics/by_group/label"),
            (std::vector<std::string>{"jsa_25_plus", "disabled"}));
  EXPECT_EQ(read_dataset<double>(out, "/metrics/by_group/parked_share"),
            (std::vector<double>{0.1, 0.5}));
  EXPECT_EQ(read_string_attribute(out, "/metrics/by_group/parked_share", "units"), "share");
  EXPECT_EQ(read_string_attribute(out, "/metrics/by_group/label", "description"), "customer group");
  EXPECT_FALSE(testing::inspect(out, "/metrics/by_group/parked_share").is_chunked);
}

TEST(RunTrace, ScalarUnitsAreWrittenAlignedWithTheNames) {
  ScratchDirectory scratch;
  AtomicOutput output(scratch / "run.h5");
  RunMetrics with_units = metrics();
  with_units.scalar_units = {"share", "entries"};
  write_metrics(output.file(), with_units);
  output.commit();
  EXPECT_EQ(read_strings(scratch / "run.h5", "/metrics/scalars/units"),
            (std::vector<std::string>{"share", "entries"}));
}

TEST(RunTrace, ScalarUnitsOfTheWrongLengthAreRefused) {
  ScratchDirectory scratch;
  AtomicOutput output(scratch / "run.h5");
  RunMetrics bad = metrics();
  bad.scalar_units = {"share"};
  EXPECT_THROW(write_metrics(output.file(), bad), TraceError);
}

TEST(RunTrace, MetricArrayOfTheWrongLengthIsRefused) {
  ScratchDirectory scratch;
  AtomicOutput output(scratch / "run.h5");
  RunMetrics bad = metrics();
  bad.series[0].arrays[0].values.push_back(1.0);
  EXPECT_THROW(write_metrics(output.file(), bad), TraceError);
}

TEST(RunTrace, SeriesMayNotTakeTheScalarsName) {
  ScratchDirectory scratch;
  AtomicOutput output(scratch / "run.h5");
  RunMetrics bad = metrics();
  bad.series[0].name = "scalars";
  EXPECT_THROW(write_metrics(output.file(), bad), TraceError);
}

TEST(RunTrace, MetricArraysTakeTheSchemasUnitsAndDescription) {
  ScratchDirectory scratch;
  AtomicOutput output(scratch / "run.h5");
  RunMetrics with_office = metrics();
  const auto specs = metric_series_specs();
  const auto providers = std::find_if(specs.begin(), specs.end(), [](const SeriesSpec& spec) {
    return spec.name == "by_provider";
  });
  ASSERT_NE(providers, specs.end());
  with_office.series.push_back({"by_provider", {"0"}, {}});
  for (const SeriesArraySpec& array : providers->arrays) {
    with_office.series.back().arrays.push_back({std::string(array.name), {1.0}});
  }
  write_metrics(output.file(), with_office);
  output.commit();
  const fs::path out = scratch / "run.h5";
  EXPECT_EQ(read_string_attribute(out, "/metrics/by_group/claim_weeks", "description"),
            "claiming client-weeks in the measured period");
  EXPECT_EQ(read_string_attribute(out, "/metrics/by_provider/fees", "units"), "GBP or points");
  EXPECT_FALSE(testing::has_attribute(out, "/metrics/by_provider/office", "units"))
      << "no units in the schema, no attribute";
}

TEST(RunTrace, UndeclaredMetricSeriesIsRefused) {
  ScratchDirectory scratch;
  AtomicOutput output(scratch / "run.h5");
  RunMetrics bad = metrics();
  bad.series[0].name = "by_office";
  EXPECT_THROW(write_metrics(output.file(), bad), TraceError);
}

TEST(RunTrace, MetricSeriesOutOfTheSchemasOrderAreRefused) {
  ScratchDirectory scratch;
  AtomicOutput output(scratch / "run.h5");
  RunMetrics bad = metrics();
  bad.series.insert(bad.series.begin(),
                    {"by_employability_decile",
                     {"0"},
                     {{"help_minutes_per_client_week", {3.0}}, {"client_weeks", {5.0}}}});
  EXPECT_THROW(write_metrics(output.file(), bad), TraceError);
}

TEST(RunTrace, UndeclaredMetricArrayIsRefused) {
  ScratchDirectory scratch;
  AtomicOutput output(scratch / "run.h5");
  RunMetrics bad = metrics();
  bad.series[0].arrays.push_back({"parked_shares", {0.1, 0.5}});
  EXPECT_THROW(write_metrics(output.file(), bad), TraceError);
}

TEST(RunTrace, MetricArraysOutOfTheSchemasOrderAreRefused) {
  ScratchDirectory scratch;
  AtomicOutput output(scratch / "run.h5");
  RunMetrics bad = metrics();
  std::swap(bad.series[0].arrays[0], bad.series[0].arrays[1]);
  EXPECT_THROW(write_metrics(output.file(), bad), TraceError);
}

TEST(RunTrace, MetricArrayDeclaredAlwaysWrittenMayNotBeLeftOut) {
  ScratchDirectory scratch;
  AtomicOutput output(scratch / "run.h5");
  RunMetrics bad = metrics();
  bad.series[0].arrays.pop_back();  // claim_weeks
  EXPECT_THROW(write_metrics(output.file(), bad), TraceError);
}

TEST(RunTrace, MetricArraysTheSchemaWritesConditionallyMayBeLeftOut) {
  ScratchDirectory scratch;
  AtomicOutput output(scratch / "run.h5");
  RunMetrics with_providers = metrics();
  // Providers' arrays without the counterfactual ones between them.
  for (const char* name : {"provider_client_weeks", "provider_parked_share"}) {
    with_providers.series[0].arrays.push_back({name, {1.0, 2.0}});
  }
  EXPECT_NO_THROW(write_metrics(output.file(), with_providers));
}

TEST(RunTrace, TraceLevelsHaveStableNames) {
  for (const auto level : {TraceLevel::Summary, TraceLevel::Agents, TraceLevel::Events}) {
    EXPECT_EQ(trace_level_named(name_of(level)), level);
  }
  EXPECT_EQ(name_of(TraceLevel::Agents), "agents");
  EXPECT_EQ(trace_level_named("everything"), std::nullopt);
}

TEST(RunTrace, TimestampsAreIso8601InUtc) {
  EXPECT_EQ(utc_timestamp(std::chrono::system_clock::time_point{}), "1970-01-01T00:00:00Z");
  const auto later = std::chrono::system_clock::time_point{} + std::chrono::seconds(1714555800);
  EXPECT_EQ(utc_timestamp(later), "2024-05-01T09:30:00Z");
}

TEST(TraceSchema, RepeatedColumnsTakeEachLabelInListOrder) {
  std::vector<std::string> minutes;
  std::string interview_description;
  for (const auto& column : expand_columns(trace_table("panel"))) {
    if (column.name.rfind("minutes_", 0) == 0) minutes.push_back(column.name);
    if (column.name == "minutes_interview") interview_description = column.description;
  }
  std::vector<std::string> expected;
  for (const auto action : model::action_names)
    expected.push_back("minutes_" + std::string(action));
  EXPECT_EQ(minutes, expected);
  EXPECT_EQ(interview_description, "adviser minutes on interview for the cell's clients");
}

TEST(TraceSchema, DocsTablesAreTheSchema) {
  caseload::testing::expect_doc_block("docs/TRACE_FORMAT.md", "trace tables",
                                      trace_tables_markdown());
}

TEST(AttributeSchema, DeclaredTypesAreHowTraceFileStoresEachValue) {
  EXPECT_EQ(attribute_type_of<bool>(), AttributeType::Bool);
  EXPECT_EQ(attribute_type_of<double>(), AttributeType::Float64);
  EXPECT_EQ(attribute_type_of<std::int64_t>(), AttributeType::Int64);
  EXPECT_EQ(attribute_type_of<std::uint32_t>(), AttributeType::UInt64);
  EXPECT_EQ(attribute_type_of<std::string>(), AttributeType::String);
  EXPECT_EQ(attribute_type_of<const char*>(), AttributeType::String);
  EXPECT_EQ(name_of(find_attribute(root_attributes(), "seed")->type), "uint64");
  EXPECT_EQ(find_attribute(variant_attributes(), "seed"), nullptr);
}

TEST(TraceSchema, DocsAttributeTablesAreTheSchema) {
  caseload::testing::expect_doc_block("docs/TRACE_FORMAT.md", "root attributes",
                                      attributes_markdown(root_attributes()));
  caseload::testing::expect_doc_block("docs/TRACE_FORMAT.md", "variant attributes",
                                      attributes_markdown(variant_attributes()));
}

TEST(TraceSchema, DocsMetricSeriesAreTheSchema) {
  caseload::testing::expect_doc_block("docs/TRACE_FORMAT.md", "metric series",
                                      metric_series_markdown());
}

}  // namespace
}  // namespace caseload::io
