#pragma once
// The one definition of the tables a run's trace holds: each variant table's columns in the
// order written, with element type, units and description. The writer (variant_tables.cpp)
// follows it column by column, `caseload info --schema` prints it, docs/TRACE_FORMAT.md's
// tables are generated from it, and the Python tests compare a written trace with it.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/io/trace/column_writer.hpp"

namespace caseload::io {

/// Names of vacancies/outcome codes (`/vacancy_outcomes`).
inline constexpr std::array<std::string_view, 5> vacancy_outcome_names = {
    "open", "submission", "own_search", "external", "expired"};

/// How much of a run a trace keeps; each level holds everything the one before it does.
enum class TraceLevel : std::uint8_t {
  Summary,  ///< root attributes, scenario, label lists, panels, metrics
  Agents,   ///< + jobseekers, advisers, spells, jobs
  Events,   ///< + the event log (the run must record it: model::RunOptions::record_events)
};

std::string_view name_of(TraceLevel level);
/// "summary", "agents" or "events"; nullopt for anything else.
std::optional<TraceLevel> trace_level_named(std::string_view name);

/// A column written once, or once per label of a list (`minutes_{}` for every adviser action).
enum class Repeat : std::uint8_t { Once, PerAction, PerExitReason };

struct ColumnSpec {
  std::string_view name;  ///< `{}` marks where a repeated column's label goes
  ColumnType type;
  std::string_view units;        ///< empty for codes and dimensionless numbers
  std::string_view description;  ///< Markdown; `{}` takes a repeated column's label
  Repeat repeat = Repeat::Once;
};

struct TableSpec {
  std::string_view name;  ///< the group under a variant: "panel"
  TraceLevel level;       ///< the lowest trace level that writes it
  std::string_view rows;  ///< what one row is, for the docs
  std::span<const ColumnSpec> columns;
};

/// One concrete column, a repeated one expanded with its label.
struct SchemaColumn {
  std::string name;
  ColumnType type;
  std::string units;
  std::string description;
};

/// The variant tables, in the order the writer creates them.
std::span<const TableSpec> trace_tables();
/// The table named `name`; a bug (assertion) if there is none.
const TableSpec& trace_table(std::string_view name);
/// The table's columns in file order, repeats expanded.
std::vector<SchemaColumn> expand_columns(const TableSpec& table);

/// "float64", "int64", "int32", "uint32", "uint8": numpy's names for the stored types.
std::string_view name_of(ColumnType type);

/// The "Datasets written by a run" tables of docs/TRACE_FORMAT.md, one section per table.
std::string trace_tables_markdown();

}  // namespace caseload::io
