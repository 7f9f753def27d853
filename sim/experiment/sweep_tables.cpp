#include "sim/experiment/sweep_tables.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

namespace caseload::experiment {

namespace {

std::optional<double> as_number(const std::string& text) {
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, value);
  if (text.empty() || result.ec != std::errc{} || result.ptr != end) return std::nullopt;
  return value;
}

bool is_numeric(const DesignMatrix& design, std::size_t parameter) {
  for (const auto& point : design.points) {
    if (!as_number(point[parameter])) return false;
  }
  return true;
}

// Appends the point's role in a structured design (Morris, Sobol), if it has one, then one
// column per parameter, holding the value of each row's point.
void add_parameter_columns(ResultTable& table, const DesignMatrix& design,
                           const std::vector<std::size_t>& point_of_row) {
  if (!design.roles.empty()) {
    auto& role = std::get<std::vector<std::string>>(
        table.add_texts("role", "A, B, AB_j (Sobol) or start, step_j (Morris)").values);
    auto& sample = std::get<std::vector<std::int64_t>>(
        table.add_integers("sample", "Sobol base sample or Morris trajectory, 0-based").values);
    auto& unit_step = std::get<std::vector<double>>(
        table.add_numbers("unit_step", "Morris: signed move of parameter j, unit scale").values);
    for (const std::size_t p : point_of_row) {
      role.push_back(design.roles[p].role);
      sample.push_back(static_cast<std::int64_t>(design.roles[p].sample));
      unit_step.push_back(design.roles[p].unit_step);
    }
  }
  for (std::size_t j = 0; j < design.parameters.size(); ++j) {
    const std::string description = "swept parameter (YAML path)";
    if (is_numeric(design, j)) {
      auto& column = std::get<std::vector<double>>(
          table.add_numbers(design.parameters[j], description).values);
      for (const std::size_t p : point_of_row) column.push_back(*as_number(design.points[p][j]));
    } else {
      auto& column = std::get<std::vector<std::string>>(
          table.add_texts(design.parameters[j], description).values);
      for (const std::size_t p : point_of_row) column.push_back(design.points[p][j]);
    }
  }
}

}  // namespace

ResultTable design_table(const DesignMatrix& design) {
  ResultTable table;
  auto& point = std::get<std::vector<std::int64_t>>(table.add_integers("point", "0-based").values);
  std::vector<std::size_t> rows;
  for (std::size_t p = 0; p < design.points.size(); ++p) {
    point.push_back(static_cast<std::int64_t>(p));
    rows.push_back(p);
  }
  add_parameter_columns(table, design, rows);
  return table;
}

ResultTable sweep_runs_table(const DesignMatrix& design, const std::vector<PlannedRun>& plan,
                             const std::vector<RunOutcome>& outcomes) {
  ResultTable table;
  auto& index = std::get<std::vector<std::int64_t>>(
      table.add_integers("index", "run number, 0-based").values);
  auto& point = std::get<std::vector<std::int64_t>>(
      table.add_integers("point", "design point, 0-based").values);
  auto& replication =
      std::get<std::vector<std::int64_t>>(table.add_integers("replication", "0-based").values);
  auto& seed = std::get<std::vector<std::int64_t>>(
      table.add_integers("seed", "derived from (sweep seed, point, replication)").values);
  auto& status = std::get<std::vector<std::string>>(
      table.add_texts("status", "done, failed or pending").values);
  std::vector<std::size_t> point_of_row;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    index.push_back(static_cast<std::int64_t>(i));
    point.push_back(static_cast<std::int64_t>(plan[i].point));
    replication.push_back(static_cast<std::int64_t>(plan[i].replication));
    seed.push_back(static_cast<std::int64_t>(plan[i].seed));
    status.emplace_back(status_name(outcomes[i].status));
    point_of_row.push_back(plan[i].point);
  }
  add_parameter_columns(table, design, point_of_row);
  for (const auto& name : metric_names(outcomes)) {
    auto& column = std::get<std::vector<double>>(table.add_numbers(name).values);
    for (const auto& outcome : outcomes) column.push_back(metric_value(outcome, name));
  }
  auto& message =
      std::get<std::vector<std::string>>(table.add_texts("message", "why a run failed").values);
  for (const auto& outcome : outcomes) message.push_back(outcome.message);
  return table;
}

ResultTable sweep_points_table(const DesignMatrix& design, const std::vector<PlannedRun>& plan,
                               const std::vector<RunOutcome>& outcomes,
                               Scale (*scale)(std::string_view metric)) {
  std::vector<std::string> names = metric_names(outcomes);
  for (auto& name : breakdown_names(outcomes)) names.push_back(std::move(name));
  ResultTable table;
  auto& point = std::get<std::vector<std::int64_t>>(table.add_integers("point", "0-based").values);
  ResultTable figures;  // the columns after the parameters', joined below
  auto& metric = std::get<std::vector<std::string>>(figures.add_texts("metric").values);
  auto& by = std::get<std::vector<std::string>>(
      figures.add_texts("by", "all, group, cluster or provider").values);
  auto& group = std::get<std::vector<std::string>>(
      figures.add_texts("group", "customer group, office cluster or provider; all").values);
  auto& mean_value = std::get<std::vector<double>>(
      figures.add_numbers("mean", "mean over the point's done replications").values);
  auto& runs = std::get<std::vector<std::int64_t>>(
      figures.add_integers("runs", "replications in the mean").values);
  auto& lower = std::get<std::vector<double>>(
      figures.add_numbers("mean_lower", "95% interval of the mean, on `scale`").values);
  auto& upper = std::get<std::vector<double>>(
      figures.add_numbers("mean_upper", "95% interval of the mean, on `scale`").values);
  auto& scale_names = std::get<std::vector<std::string>>(
      figures.add_texts("scale", "linear, logit (shares) or fisher_z (correlations)").values);
  std::vector<std::size_t> point_of_row;
  for (std::size_t p = 0; p < design.points.size(); ++p) {
    for (const auto& name : names) {
      std::vector<double> values;
      for (std::size_t i = 0; i < plan.size(); ++i) {
        if (plan[i].point == p) values.push_back(metric_value(outcomes[i], name));
      }
      const auto key = parse_breakdown_name(name);
      const std::string figure = key ? key->metric : name;
      const Scale figure_scale = scale(figure);
      const auto interval = interval_of_mean(values, figure_scale);
      point.push_back(static_cast<std::int64_t>(p));
      point_of_row.push_back(p);
      metric.push_back(figure);
      by.push_back(key ? key->by : "all");
      group.push_back(key ? key->group : "all");
      mean_value.push_back(mean(values));
      runs.push_back(
          std::count_if(values.begin(), values.end(), [](double v) { return std::isfinite(v); }));
      lower.push_back(interval ? interval->lower : std::nan(""));
      upper.push_back(interval ? interval->upper : std::nan(""));
      scale_names.emplace_back(scale_name(figure_scale));
    }
  }
  add_parameter_columns(table, design, point_of_row);
  for (auto& column : figures.columns) table.columns.push_back(std::move(column));
  return table;
}

}  // namespace caseload::experiment
