#include "sim/experiment/breakdown_figures.hpp"

#include <cmath>
#include <cstddef>
#include <string>

#include <fmt/format.h>

#include "sim/metrics/metric.hpp"

namespace caseload::experiment {

namespace {

// A breakdown figure: its metric name (the summary's where the concept is the same), its unit
// (as the registry's) and its values, one per part.
struct Column {
  std::string_view metric;
  std::string_view unit;
  std::vector<double> values;
};

std::vector<double> off_benefit_by(const metrics::MetricsReport& report, double weeks) {
  std::vector<double> out;
  for (const auto& curve : report.offflow.by_group)
    out.push_back(metrics::OffFlowCurves::at(curve, weeks));
  return out;
}

std::vector<Column> group_columns(const metrics::MetricsReport& report) {
  const metrics::Quality& quality = report.quality;
  std::vector<Column> columns = {
      {"claims", "claims", report.offflow.claims_by_group},
      {"off_benefit_13w", "share", off_benefit_by(report, 13)},
      {"off_benefit_26w", "share", off_benefit_by(report, 26)},
      {"off_benefit_52w", "share", off_benefit_by(report, 52)},
      {"parked_share", "share", report.parking.parked_share_by_group},
      {"entries_per_100_client_weeks", "entries", quality.entries_per_100_client_weeks_by_group},
      {"mean_job_quality", "quality", quality.mean_job_quality_by_group},
      {"sustained_13w_share", "share", quality.sustained_13w_share_by_group},
      {"sustained_26w_share", "share", quality.sustained_26w_share_by_group},
      {"sanctions_per_100_client_weeks", "sanctions",
       report.sanctions.per_100_client_weeks_by_group},
  };
  if (report.net_impact) {
    const metrics::NetImpact& net = *report.net_impact;
    columns.push_back(
        {"net_employment_weeks_per_person", "weeks", net.employment_weeks_per_person_by_group});
    columns.push_back({"deadweight_share", "share", net.deadweight_share_by_group});
  }
  return columns;
}

std::vector<Column> cluster_columns(const metrics::MetricsReport& report) {
  const metrics::OfficeFigures& clusters = report.offices.by_cluster;
  return {
      {"into_work_rate_monthly", "share", clusters.into_work_rate},
      {"off_flow_rate_monthly", "share", clusters.off_flow_rate},
      {"caseload_per_adviser", "people", clusters.caseload_per_adviser},
      {"measured_per_adviser", "points", clusters.measured_per_adviser},
  };
}

std::vector<Column> provider_columns(const metrics::MetricsReport& report) {
  std::vector<Column> columns = {{"referrals", "people", {}},
                                 {"provider_fees", "GBP", {}},
                                 {"provider_margin", "GBP", {}},
                                 {"provider_profit_per_referral", "GBP", {}},
                                 {"provider_parked_share", "share", {}}};
  for (const metrics::ProviderBooks& books : report.providers.by_provider) {
    columns[0].values.push_back(books.referrals);
    columns[1].values.push_back(books.fees);
    columns[2].values.push_back(books.margin);
    columns[3].values.push_back(books.referrals > 0.0 ? books.margin / books.referrals : NAN);
    columns[4].values.push_back(books.parked_share);
  }
  return columns;
}

// "office 0 provider 1": providers are numbered within their office.
std::vector<std::string> provider_labels(const metrics::Providers& providers) {
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < providers.by_provider.size(); ++i) {
    std::size_t within = 0;
    for (std::size_t j = 0; j < i; ++j) within += providers.office[j] == providers.office[i];
    labels.push_back(fmt::format("office {} provider {}", providers.office[i], within));
  }
  return labels;
}

void append(std::vector<MetricValue>& out, std::string_view by,
            const std::vector<std::string>& labels, const std::vector<Column>& columns) {
  for (const Column& column : columns) {
    for (std::size_t part = 0; part < labels.size(); ++part) {
      const double value = part < column.values.size() ? column.values[part] : NAN;
      out.push_back({breakdown_name(column.metric, by, labels[part]), value});
    }
  }
}

std::string_view breakdown_unit(std::string_view metric) {
  // Any report will do: the columns' names and units do not depend on its contents.
  static const metrics::MetricsReport empty_report{};
  for (const auto& columns : {group_columns(empty_report), cluster_columns(empty_report),
                              provider_columns(empty_report)}) {
    for (const Column& column : columns) {
      if (column.metric == metric) return column.unit;
    }
  }
  return {};
}

}  // namespace

std::vector<MetricValue> breakdown_figures(const metrics::MetricsReport& report) {
  std::vector<MetricValue> out;
  append(out, "group", report.group_names, group_columns(report));
  std::vector<std::string> clusters;
  for (const double cluster : report.offices.by_cluster.cluster)
    clusters.push_back(fmt::format("{}", cluster));
  if (clusters.size() > 1) append(out, "cluster", clusters, cluster_columns(report));
  append(out, "provider", provider_labels(report.providers), provider_columns(report));
  return out;
}

std::vector<MetricValue> run_figures(const SingleRun& run) {
  std::vector<MetricValue> out;
  for (const auto& figure : run.summary.summary) out.push_back({figure.name, figure.value});
  const std::vector<MetricValue> parts = breakdown_figures(run.report);
  out.insert(out.end(), parts.begin(), parts.end());
  return out;
}

Scale scale_of(std::string_view metric) {
  std::string_view unit = breakdown_unit(metric);
  for (const auto& registered : metrics::registered_metrics()) {
    if (registered.name == metric) unit = registered.unit;
  }
  if (unit == "share" || unit == "quality") return Scale::Share;
  if (unit == "correlation" || unit == "index") return Scale::Correlation;
  return Scale::Linear;
}

}  // namespace caseload::experiment
