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
                                        const std::vector<RunOutcome>& outcomes,
                                        Scale (*scale)(std::string_view metric)) {
  std::size_t replications = 0;
  for (const auto& run : plan) replications = std::max(replications, run.replication + 1);
  std::vector<std::string> names = metric_names(outcomes);
  for (auto& name : breakdown_names(outcomes)) names.push_back(std::move(name));
  std::vector<ComparisonRow> rows;
  for (const std::string& name : names) {
    // values[a][r]: the figure in replication r of arm a, NaN where that run is not done.
    std::vector<std::vector<double>> values(arms, std::vector<double>(replications, kNaN));
    for (std::size_t i = 0; i < plan.size(); ++i) {
      values[plan[i].point][plan[i].replication] = metric_value(outcomes[i], name);
    }
    ComparisonRow common;
    common.metric = name;
    if (const auto key = parse_breakdown_name(name)) {
      common.metric = key->metric;
      common.by = key->by;
      common.group = key->group;
    }
    common.scale = scale(common.metric);
    for (std::size_t a = 0; a < arms; ++a) {
      ComparisonRow row = common;
      row.arm = a;
      row.mean = mean(values[a]);
      row.runs = static_cast<std::size_t>(std::count_if(values[a].begin(), values[a].end(),
                                                        [](double v) { return std::isfinite(v); }));
      row.mean_interval = interval_of_mean(values[a], row.scale);
      if (a > 0) row.difference = paired_difference(values[a], values[0], row.scale);
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

namespace {

// The columns every comparison table ends with, filled one row at a time.
class ComparisonColumns {
 public:
  explicit ComparisonColumns(ResultTable& table)
      : arm_(values_of<std::string>(table.add_texts("arm", "arm label"))),
        mean_(
            values_of<double>(table.add_numbers("mean", "mean over the arm's done replications"))),
        runs_(values_of<std::int64_t>(table.add_integers("runs", "replications in the mean"))),
        difference_(values_of<double>(
            table.add_numbers("difference", "mean paired difference, this arm minus the first"))),
        lower_(values_of<double>(table.add_numbers(
            "ci_lower", "95% interval of the difference, Student t, pairs - 1 df, on `scale`"))),
        upper_(values_of<double>(table.add_numbers(
            "ci_upper", "95% interval of the difference, Student t, pairs - 1 df, on `scale`"))),
        pairs_(
            values_of<std::int64_t>(table.add_integers("pairs", "replications done in both arms"))),
        mean_lower_(values_of<double>(
            table.add_numbers("mean_lower", "95% interval of the mean, on `scale`"))),
        mean_upper_(values_of<double>(
            table.add_numbers("mean_upper", "95% interval of the mean, on `scale`"))),
        scale_(values_of<std::string>(table.add_texts(
            "scale", "where intervals are computed: linear, logit (shares) or fisher_z"))) {}

  void add(const ComparisonRow& row, const std::vector<std::string>& arm_names) {
    arm_.push_back(arm_names[row.arm]);
    mean_.push_back(row.mean);
    runs_.push_back(static_cast<std::int64_t>(row.runs));
    difference_.push_back(row.arm == 0 ? kNaN : row.difference.mean);
    lower_.push_back(row.difference.interval ? row.difference.interval->lower : kNaN);
    upper_.push_back(row.difference.interval ? row.difference.interval->upper : kNaN);
    pairs_.push_back(static_cast<std::int64_t>(row.difference.pairs));
    mean_lower_.push_back(row.mean_interval ? row.mean_interval->lower : kNaN);
    mean_upper_.push_back(row.mean_interval ? row.mean_interval->upper : kNaN);
    scale_.emplace_back(scale_name(row.scale));
  }

 private:
  std::vector<std::string>& arm_;
  std::vector<double>& mean_;
  std::vector<std::int64_t>& runs_;
  std::vector<double>& difference_;
  std::vector<double>& lower_;
  std::vector<double>& upper_;
  std::vector<std::int64_t>& pairs_;
  std::vector<double>& mean_lower_;
  std::vector<double>& mean_upper_;
  std::vector<std::string>& scale_;
};

}  // namespace

ResultTable comparison_table(const std::vector<ComparisonRow>& rows,
                             const std::vector<std::string>& arm_names) {
  ResultTable table;
  auto& metric = values_of<std::string>(table.add_texts("metric", "summary figure"));
  ComparisonColumns columns(table);
  for (const auto& row : rows) {
    if (row.by != "all") continue;
    metric.push_back(row.metric);
    columns.add(row, arm_names);
  }
  return table;
}

ResultTable comparison_by_group_table(const std::vector<ComparisonRow>& rows,
                                      const std::vector<std::string>& arm_names) {
  ResultTable table;
  auto& metric = values_of<std::string>(table.add_texts("metric", "figure"));
  auto& by = values_of<std::string>(table.add_texts("by", "group, cluster or provider"));
  auto& group = values_of<std::string>(
      table.add_texts("group", "customer group, office cluster or provider"));
  ComparisonColumns columns(table);
  for (const auto& row : rows) {
    if (row.by == "all") continue;
    metric.push_back(row.metric);
    by.push_back(row.by);
    group.push_back(row.group);
    columns.add(row, arm_names);
  }
  return table;
}

ResultTable comparison_runs_table(const std::vector<std::string>& arm_names,
                                  const std::vector<PlannedRun>& plan,
                                  const std::vector<RunOutcome>& outcomes) {
  ResultTable table;
  auto& arm = values_of<std::string>(table.add_texts("arm", "arm label"));
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
