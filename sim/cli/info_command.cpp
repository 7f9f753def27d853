// `caseload info`: what a trace file holds: provenance, whether it is complete, each
// variant's tables with row counts, and the /metrics figures.

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sim/cli/cli.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/summary_report.hpp"
#include "sim/io/trace/trace_error.hpp"
#include "sim/io/trace/trace_reader.hpp"

namespace caseload::cli {

namespace {

std::string or_missing(const std::string& text) { return text.empty() ? "(missing)" : text; }

std::string describe_complete(const std::optional<bool>& is_complete) {
  if (!is_complete) return "unknown (no 'complete' attribute: not written by caseload?)";
  return *is_complete ? "yes"
                      : "no (complete=0: the run was interrupted or failed; tables hold what "
                        "was written)";
}

// The order the writer uses (docs/TRACE_FORMAT.md); tables it does not know come last.
int table_rank(const std::string& name) {
  static const std::vector<std::string> order = {"panel",  "jobseekers", "advisers",
                                                 "spells", "jobs",       "events"};
  const auto at = std::find(order.begin(), order.end(), name);
  return static_cast<int>(at - order.begin());
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

}  // namespace

int execute_info(const InfoOptions& options, std::ostream& out, std::ostream& err) {
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
  try {
    out << format_info(path, io::read_trace_summary(path));
  } catch (const io::TraceError& failure) {
    err << "caseload info: " << failure.what() << '\n';
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace caseload::cli
