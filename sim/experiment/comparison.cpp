#include "sim/experiment/comparison.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace caseload::experiment {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <class T>
std::vector<T>& values_of(ResultColumn& column) {
  return std::get<std::vector<T>>(column.values);
}

}  // namespace

std::vector<ComparisonRow> compare_arms(std::size_t arms, const std::vector<PlannedRun>& plan,
                                        const std::vector<RunOutcome>& outcomes) {
  std::size_t replications = 0;
  for (const auto& run : plan) replications = std::max(replications, run.replication + 1);
  std::vector<ComparisonRow> rows;
  for (const std::string& metric : metric_names(outcomes)) {
    // values[a][r]: the metric in replication r of arm a, NaN where that run is not done.
    std::vector<std::vector<double>> values(arms, std::vector<double>(replications, kNaN));
    for (std::size_t i = 0; i < plan.size(); ++i) {
      values[plan[i].point][plan[i].replication] = metric_value(outcomes[i], metric);
    }
    for (std::size_t a = 0; a < arms; ++a) {
      ComparisonRow row{metric, a, mean(values[a]), 0, {}};
      row.runs = static_cast<std::size_t>(std::count_if(values[a].begin(), values[a].end(),
                                                        [](double v) { return std::isfinite(v); }));
      if (a > 0) row.difference = paired_difference(values[a], values[0]);
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

ResultTable comparison_table(const std::vector<ComparisonRow>& rows,
                             const std::vector<std::string>& arm_names) {
  ResultTable table;
  auto& metric = values_of<std::string>(table.add_texts("metric", "summary figure"));
  auto& arm = values_of<std::string>(table.add_texts("arm", "scenario name"));
  auto& mean_value =
      values_of<double>(table.add_numbers("mean", "mean over the arm's done replications"));
  auto& runs = values_of<std::int64_t>(table.add_integers("runs", "replications in the mean"));
  auto& difference = values_of<double>(
      table.add_numbers("difference", "mean paired difference, this arm minus the first"));
  auto& lower =
      values_of<double>(table.add_numbers("ci_lower", "95% interval, Student t, pairs - 1 df"));
  auto& upper =
      values_of<double>(table.add_numbers("ci_upper", "95% interval, Student t, pairs - 1 df"));
  auto& pairs =
      values_of<std::int64_t>(table.add_integers("pairs", "replications done in both arms"));
  for (const auto& row : rows) {
    metric.push_back(row.metric);
    arm.push_back(arm_names[row.arm]);
    mean_value.push_back(row.mean);
    runs.push_back(static_cast<std::int64_t>(row.runs));
    const bool is_first = row.arm == 0;
    difference.push_back(is_first ? kNaN : row.difference.mean);
    lower.push_back(row.difference.interval ? row.difference.interval->lower : kNaN);
    upper.push_back(row.difference.interval ? row.difference.interval->upper : kNaN);
    pairs.push_back(static_cast<std::int64_t>(row.difference.pairs));
  }
  return table;
}

ResultTable comparison_runs_table(const std::vector<std::string>& arm_names,
                                  const std::vector<PlannedRun>& plan,
                                  const std::vector<RunOutcome>& outcomes) {
  ResultTable table;
  auto& arm = values_of<std::string>(table.add_texts("arm", "scenario name"));
  auto& replication = values_of<std::int64_t>(table.add_integers("replication", "0-based"));
  auto& seed = values_of<std::int64_t>(
      table.add_integers("seed", "the run's seed, shared by every arm's replication"));
  auto& status = values_of<std::string>(table.add_texts("status", "done, failed or pending"));
  const std::vector<std::string> names = metric_names(outcomes);
  std::vector<std::vector<double>*> metric_columns;
  for (const auto& name : names)
    metric_columns.push_back(&values_of<double>(table.add_numbers(name)));
  auto& message = values_of<std::string>(table.add_texts("message", "why a run failed"));
  for (std::size_t i = 0; i < plan.size(); ++i) {
    arm.push_back(arm_names[plan[i].point]);
    replication.push_back(static_cast<std::int64_t>(plan[i].replication));
    seed.push_back(static_cast<std::int64_t>(plan[i].seed));
    status.emplace_back(status_name(outcomes[i].status));
    for (std::size_t m = 0; m < names.size(); ++m) {
      metric_columns[m]->push_back(metric_value(outcomes[i], names[m]));
    }
    message.push_back(outcomes[i].message);
  }
  return table;
}

}  // namespace caseload::experiment
