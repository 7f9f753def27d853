// `caseload info`: what a trace file holds: provenance, whether it is complete, each
// variant's tables with row counts, and the /metrics figures. It first reads every dataset in
// full, so a damaged chunk (a failed checksum) is an error, not a file described as whole.
// `caseload info --schema json` prints what any trace holds instead: the trace schema (tables,
// metric series, attributes) and the metric registry, which is how the Python tests learn what
// the writer declares.

#include <algorithm>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sim/cli/child_process.hpp"
#include "sim/cli/cli.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/result_file_info.hpp"
#include "sim/cli/scoreboard_summary.hpp"
#include "sim/cli/summary_report.hpp"
#include "sim/io/trace/atomic_output.hpp"
#include "sim/io/trace/attribute_schema.hpp"
#include "sim/io/trace/dataset_check.hpp"
#include "sim/io/trace/metric_series_schema.hpp"
#include "sim/io/trace/result_file_reader.hpp"
#include "sim/io/trace/trace_error.hpp"
#include "sim/io/trace/trace_reader.hpp"
#include "sim/io/trace/trace_schema.hpp"
#include "sim/metrics/metric.hpp"

namespace caseload::cli {

namespace {

std::string or_missing(const std::string& text) { return text.empty() ? "(missing)" : text; }

std::string describe_complete(const std::optional<bool>& is_complete) {
  if (!is_complete) return "unknown (no 'complete' attribute: not written by caseload?)";
  return *is_complete ? "yes"
                      : "no (complete=0: the run was interrupted or failed; tables hold what "
                        "was written)";
}

// The order the writer uses (trace_schema.hpp); tables it does not know come last.
std::size_t table_rank(const std::string& name) {
  const auto tables = io::trace_tables();
  const auto at = std::find_if(tables.begin(), tables.end(),
                               [&](const io::TableSpec& table) { return table.name == name; });
  return static_cast<std::size_t>(at - tables.begin());
}

std::string format_info(const std::filesystem::path& path, io::TraceSummary trace) {
  for (auto& variant : trace.variants) {
    std::stable_sort(variant.tables.begin(), variant.tables.end(),
                     [](const io::TableSummary& a, const io::TableSummary& b) {
                       return table_rank(a.name) < table_rank(b.name);
                     });
  }
  std::string text = fmt::format("trace: {}\n", path.string());
  text += fmt::format("complete: {}\n", describe_complete(trace.is_complete));
  text += fmt::format("format version: {}\n",
                      trace.format_version ? std::to_string(*trace.format_version) : "(missing)");
  text += fmt::format("caseload: {} (commit {})\n", or_missing(trace.version),
                      or_missing(trace.commit));
  text += fmt::format("scenario: {}  seed: {}\n", or_missing(trace.scenario_name),
                      trace.seed ? std::to_string(*trace.seed) : "(missing)");
  text += fmt::format("created: {}\n", or_missing(trace.created));
  text += fmt::format("trace level: {}\n", or_missing(trace.trace_level));
  text += fmt::format("resolved scenario: {}\n", trace.has_scenario ? "/scenario" : "(missing)");

  std::size_t name_width = 0;
  std::size_t rows_width = 0;
  for (const auto& variant : trace.variants) {
    for (const auto& table : variant.tables) {
      name_width = std::max(name_width, table.name.size());
      rows_width = std::max(rows_width, std::to_string(table.rows).size());
    }
  }
  text += trace.variants.empty() ? "variants: none\n" : "variants:\n";
  for (const auto& variant : trace.variants) {
    text += fmt::format("  {}{}\n", variant.name,
                        variant.is_interrupted ? " (interrupted: stopped early)" : "");
    for (const auto& table : variant.tables) {
      text += fmt::format("    {:<{}}  {:>{}} rows  {} columns{}\n", table.name, name_width,
                          table.rows, rows_width, table.columns,
                          table.is_ragged ? "  (columns differ in length)" : "");
    }
    if (variant.scoreboard) text += format_scoreboard(*variant.scoreboard);
  }
  if (trace.metrics.empty() && trace.metric_series.empty()) {
    text += "metrics: none\n";
    return text;
  }
  text += "metrics:\n";
  if (!trace.metrics.empty()) text += format_figures_text(trace.metrics);
  for (const auto& series : trace.metric_series) {
    text += fmt::format("series /metrics/{}: {} labels; {}\n", series.name, series.labels,
                        fmt::join(series.arrays, ", "));
  }
  return text;
}

// Why `trace` is not a file this caseload can describe; empty when it is.
std::string format_problem(const io::TraceSummary& trace) {
  if (!trace.format_version) {
    return "not a caseload trace (no trace_format_version attribute: written by another "
           "program?)";
  }
  if (*trace.format_version != io::kTraceFormatVersion) {
    return fmt::format("trace format version {}, but this caseload reads version {}{}",
                       *trace.format_version, io::kTraceFormatVersion,
                       *trace.format_version > io::kTraceFormatVersion
                           ? " (written by a newer caseload?)"
                           : "");
  }
  // A finished run always writes its scenario and metrics; a file claiming to be one without
  // them was cut short or made by something else, and describing it would mislead.
  const bool is_run_trace =
      std::any_of(trace.variants.begin(), trace.variants.end(),
                  [](const auto& variant) { return variant.name == "treatment"; });
  if (trace.is_complete.value_or(false) && is_run_trace &&
      (!trace.has_scenario || trace.metrics.empty())) {
    return fmt::format("marked complete, but it lacks {} that every finished run writes",
                       !trace.has_scenario ? "the resolved scenario (/scenario)"
                                           : "the metrics (/metrics/scalars)");
  }
  return {};
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    } else {
      out += c;
    }
  }
  return out + '"';
}

// [{"name", "indexed_by", "written", "arrays": [{"name", "type", "units", "description",
// "written"}]}], in the order a run writes them.
std::string series_json() {
  std::vector<std::string> series;
  for (const io::SeriesSpec& spec : io::metric_series_specs()) {
    std::vector<std::string> arrays;
    for (const io::SeriesArraySpec& array : spec.arrays) {
      arrays.push_back(fmt::format(
          "{{\"name\": {}, \"type\": {}, \"units\": {}, \"description\": {}, \"written\": {}}}",
          json_string(array.name), json_string(io::name_of(io::metric_array_type)),
          json_string(array.units), json_string(array.description),
          json_string(io::name_of(array.presence))));
    }
    series.push_back(
        fmt::format("{{\"name\": {}, \"indexed_by\": {}, \"written\": {}, \"arrays\": [\n    {}]}}",
                    json_string(spec.name), json_string(spec.indexed_by),
                    json_string(io::name_of(spec.presence)), fmt::join(arrays, ",\n    ")));
  }
  return fmt::format("[\n  {}]", fmt::join(series, ",\n  "));
}

// [{"name", "type", "units", "description"}], in the order written.
std::string attributes_json(std::span<const io::AttributeSpec> attributes) {
  std::vector<std::string> specs;
  for (const io::AttributeSpec& spec : attributes) {
    specs.push_back(
        fmt::format("{{\"name\": {}, \"type\": {}, \"units\": {}, \"description\": {}}}",
                    json_string(spec.name), json_string(io::name_of(spec.type)),
                    json_string(spec.units), json_string(spec.description)));
  }
  return fmt::format("[\n  {}]", fmt::join(specs, ",\n  "));
}

// {"tables": [{"name", "level", "columns": [{"name", "type", "units", "description"}]}],
//  "series": series_json(), "root_attributes" and "variant_attributes": attributes_json(),
//  "metrics": [{"name", "unit", "description"}]}, repeated columns expanded, in file order.
std::string schema_json() {
  std::vector<std::string> tables;
  for (const io::TableSpec& table : io::trace_tables()) {
    std::vector<std::string> columns;
    for (const io::SchemaColumn& column : io::expand_columns(table)) {
      columns.push_back(
          fmt::format("{{\"name\": {}, \"type\": {}, \"units\": {}, \"description\": {}}}",
                      json_string(column.name), json_string(io::name_of(column.type)),
                      json_string(column.units), json_string(column.description)));
    }
    tables.push_back(fmt::format("{{\"name\": {}, \"level\": {}, \"columns\": [\n    {}]}}",
                                 json_string(table.name), json_string(io::name_of(table.level)),
                                 fmt::join(columns, ",\n    ")));
  }
  std::vector<std::string> figures;
  for (const metrics::Metric& metric : metrics::registered_metrics()) {
    figures.push_back(fmt::format("{{\"name\": {}, \"unit\": {}, \"description\": {}}}",
                                  json_string(metric.name), json_string(metric.unit),
                                  json_string(metric.description)));
  }
  return fmt::format(
      "{{\"tables\": [\n  {}],\n \"series\": {},\n \"root_attributes\": {},\n "
      "\"variant_attributes\": {},\n \"metrics\": [\n  {}]}}\n",
      fmt::join(tables, ",\n  "), series_json(), attributes_json(io::root_attributes()),
      attributes_json(io::variant_attributes()), fmt::join(figures, ",\n  "));
}

// The generated tables of docs/TRACE_FORMAT.md and docs/METRICS.md.
std::string schema_markdown() {
  return fmt::format("{}\n{}\n{}\n{}\n{}", io::attributes_markdown(io::root_attributes()),
                     io::attributes_markdown(io::variant_attributes()), io::trace_tables_markdown(),
                     io::metric_series_markdown(), metrics::metrics_markdown());
}

}  // namespace

int execute_info(const InfoOptions& options, std::ostream& out, std::ostream& err) {
  if (!options.schema.empty()) {
    out << (options.schema == "json" ? schema_json() : schema_markdown());
    return kExitOk;
  }
  if (options.trace.empty()) {
    err << "caseload info: give a trace file (TRACE.h5), or --schema json|markdown\n";
    return kExitBadInput;
  }
  const std::filesystem::path path(options.trace);
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    err << fmt::format("caseload info: '{}': no such file\n", path.string());
    return kExitBadInput;
  }
  if (!io::is_hdf5_file(path)) {
    err << fmt::format("caseload info: '{}': not an HDF5 file (a caseload trace is one)\n",
                       path.string());
    return kExitBadInput;
  }
  // In a child process: HDF5 can crash on a damaged file (a corrupt global heap, say), and a
  // damaged file is bad input, to be reported like any other.
  const ChildEnding ending = run_in_child([&path]() -> ChildReport {
    try {
      // compare.h5 and sweep.h5 are described by result_file_info.cpp.
      // Every dataset is read in full once the file is known for what it is: shapes and
      // attributes alone would describe a file whose chunks fail their checksums as whole.
      if (const auto result = io::read_result_file(path)) {
        io::check_every_dataset(path);
        return {kExitOk, format_result_file_info(path, *result)};
      }
      const io::TraceSummary trace = io::read_trace_summary(path);
      if (const std::string problem = format_problem(trace); !problem.empty()) {
        return {kExitBadInput, fmt::format("caseload info: '{}': {}", path.string(), problem)};
      }
      io::check_every_dataset(path);
      return {kExitOk, format_info(path, trace)};
    } catch (const io::TraceError& failure) {
      return {kExitBadInput, fmt::format("caseload info: {}", failure.what())};
    }
  });
  if (!ending.has_finished) {
    err << fmt::format(
        "caseload info: '{}': the file is damaged: reading it crashed the HDF5 library ({})\n",
        path.string(), ending.how_it_ended);
    return kExitBadInput;
  }
  (ending.report.exit_code == kExitOk ? out : err)
      << ending.report.text << (ending.report.exit_code == kExitOk ? "" : "\n");
  return ending.report.exit_code;
}

}  // namespace caseload::cli
