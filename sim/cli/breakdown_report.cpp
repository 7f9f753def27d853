#include "sim/cli/breakdown_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "sim/cli/summary_report.hpp"

namespace caseload::cli {

namespace {

enum class Shown : std::uint8_t { Count, Share, Weeks };

struct Column {
  std::string_view heading;
  std::vector<double> values;  ///< by group
  Shown shown = Shown::Share;
};

std::vector<double> off_by(const metrics::MetricsReport& report, double weeks) {
  std::vector<double> out;
  for (const auto& curve : report.offflow.by_group) out.push_back(metrics::OffFlowCurves::at(curve, weeks));
  return out;
}

std::vector<Column> group_columns(const metrics::MetricsReport& report) {
  std::vector<Column> columns = {
      {"claims", report.offflow.claims_by_group, Shown::Count},
      {"off_13w", off_by(report, 13), Shown::Share},
      {"off_26w", off_by(report, 26), Shown::Share},
      {"off_52w", off_by(report, 52), Shown::Share},
      {"target_weeks", report.offflow.target_weeks_by_group, Shown::Count},
      {"target", report.offflow.target_share_by_group, Shown::Share},
      {"at_target", report.offflow.at_target_by_group, Shown::Share},
      {"parked", report.parking.parked_share_by_group, Shown::Share},
  };
  if (report.net_impact) {
    columns.push_back({"net_weeks_per_person", report.net_impact->employment_weeks_per_person_by_group, Shown::Weeks});
  }
  return columns;
}

std::string cell(const Column& column, std::size_t row) {
  const double value = row < column.values.size() ? column.values[row] : std::nan("");
  if (!std::isfinite(value)) return "-";
  switch (column.shown) {
    case Shown::Count:
      return fmt::format("{:.0f}", value);
    case Shown::Share:
      return fmt::format("{:.1f}%", 100.0 * value);
    case Shown::Weeks:
      break;
  }
  return fmt::format("{:.1f}", value);
}

// Rows labelled in a first column headed `row_heading`, then a column per figure; each
// column at least 9 wide, right-aligned.
std::string format_table(std::string_view row_heading, const std::vector<std::string>& labels,
                         const std::vector<Column>& columns) {
  std::size_t label_width = row_heading.size();
  for (const auto& label : labels) label_width = std::max(label_width, label.size());
  std::string text = fmt::format("{:<{}}", row_heading, label_width);
  for (const Column& column : columns) text += fmt::format("  {:>9}", column.heading);
  text += '\n';
  for (std::size_t row = 0; row < labels.size(); ++row) {
    text += fmt::format("{:<{}}", labels[row], label_width);
    for (const Column& column : columns) {
      text += fmt::format("  {:>{}}", cell(column, row), std::max<std::size_t>(9, column.heading.size()));
    }
    text += '\n';
  }
  return text;
}

}  // namespace

std::string format_group_table(const model::Scenario& scenario, const metrics::MetricsReport& report) {
  std::vector<std::string> names;
  for (const auto& group : scenario.groups) names.push_back(group.name);
  return format_table("group", names, group_columns(report));
}

std::string format_cluster_table(const metrics::MetricsReport& report) {
  const metrics::OfficeFigures& clusters = report.offices.by_cluster;
  const std::vector<Column> columns = {
      {"offices", clusters.offices, Shown::Count},
      {"advisers", clusters.advisers, Shown::Count},
      {"into_work_pm", clusters.into_work_rate, Shown::Share},
      {"off_flow_pm", clusters.off_flow_rate, Shown::Share},
      {"caseload", clusters.caseload_per_adviser, Shown::Weeks},
      {"measured_per_adviser", clusters.measured_per_adviser, Shown::Weeks},
  };
  std::vector<std::string> numbers;
  for (std::size_t c = 0; c < clusters.cluster.size(); ++c) numbers.push_back(std::to_string(c));
  return format_table("cluster", numbers, columns);
}

std::string format_group_json(const model::Scenario& scenario, const metrics::MetricsReport& report) {
  const std::vector<Column> columns = group_columns(report);
  std::string text = "{";
  for (std::size_t g = 0; g < scenario.groups.size(); ++g) {
    text += fmt::format("{}{}: {{", g == 0 ? "" : ", ", json_string(scenario.groups[g].name));
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const double value = g < columns[c].values.size() ? columns[c].values[g] : std::nan("");
      text += fmt::format("{}{}: {}", c == 0 ? "" : ", ", json_string(columns[c].heading),
                          std::isfinite(value) ? fmt::format("{}", value) : "null");
    }
    text += "}";
  }
  return text + "}";
}

}  // namespace caseload::cli
