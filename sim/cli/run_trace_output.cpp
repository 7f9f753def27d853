#include "sim/cli/run_trace_output.hpp"

#include <algorithm>
#include <exception>

#include <fmt/format.h>

#include "sim/core/diagnostics.hpp"
#include "sim/metrics/metric.hpp"
#include "sim/metrics/summary.hpp"

namespace caseload::cli {

namespace {

io::TraceLevel level_named(std::string_view name) {
  if (const auto level = io::trace_level_named(name)) return *level;
  throw core::ConfigError(
      core::SourceLocation{"--trace", 0, 0},
      fmt::format("unknown trace level '{}'; known: summary, agents, events", name));
}

io::RunProvenance provenance_of(const io::RunnableScenario& runnable,
                                std::chrono::system_clock::time_point created) {
  const model::Scenario& scenario = runnable.loaded.scenario;
  io::RunProvenance provenance;
  provenance.scenario_name = scenario.name;
  provenance.seed = scenario.run.seed;
  provenance.scenario_yaml = runnable.loaded.resolved_yaml;
  for (const auto& group : scenario.groups) provenance.group_names.push_back(group.name);
  provenance.created = io::utc_timestamp(created);
  return provenance;
}

// A provider's books as columns, in metric_series_schema.cpp's `book_arrays` order (its units
// and descriptions); write_metrics checks these names.
struct BookColumn {
  const char* name;
  double (*read)(const metrics::ProviderBooks&);
};
template <model::PaymentKind Kind>
double fee_of(const metrics::ProviderBooks& books) {
  return books.fees_by_kind[static_cast<std::size_t>(Kind)];
}
constexpr BookColumn book_columns[] = {
    {"referrals", [](const metrics::ProviderBooks& b) { return b.referrals; }},
    {"fees_attachment", fee_of<model::PaymentKind::Attachment>},
    {"fees_job_outcome", fee_of<model::PaymentKind::JobOutcome>},
    {"fees_sustainment", fee_of<model::PaymentKind::Sustainment>},
    {"fees_other", fee_of<model::PaymentKind::Other>},
    {"fees", [](const metrics::ProviderBooks& b) { return b.fees; }},
    {"staff_minutes", [](const metrics::ProviderBooks& b) { return b.staff_minutes; }},
    {"staff_cost", [](const metrics::ProviderBooks& b) { return b.staff_cost; }},
    {"overhead", [](const metrics::ProviderBooks& b) { return b.overhead; }},
    {"programme_spend", [](const metrics::ProviderBooks& b) { return b.programme_spend; }},
    {"margin", [](const metrics::ProviderBooks& b) { return b.margin; }},
    {"spend_per_participant", [](const metrics::ProviderBooks& b) { return b.spend_per_participant; }},
    {"client_weeks", [](const metrics::ProviderBooks& b) { return b.client_weeks; }},
    {"parked_share", [](const metrics::ProviderBooks& b) { return b.parked_share; }},
};

void add_book_columns(io::MetricSeries& series, const std::vector<metrics::ProviderBooks>& rows) {
  for (const BookColumn& column : book_columns) {
    std::vector<double> values;
    for (const auto& books : rows) values.push_back(column.read(books));
    series.arrays.push_back({column.name, std::move(values)});
  }
}

io::MetricSeries provider_series(const metrics::Providers& providers) {
  io::MetricSeries series{"by_provider", {}, {}};
  std::vector<double> caseworkers;
  for (std::size_t p = 0; p < providers.by_provider.size(); ++p) {
    series.labels.push_back(std::to_string(p));
    caseworkers.push_back(providers.by_provider[p].caseworkers);
  }
  series.arrays.push_back({"office", {providers.office.begin(), providers.office.end()}});
  series.arrays.push_back({"caseworkers", std::move(caseworkers)});
  add_book_columns(series, providers.by_provider);
  return series;
}

io::MetricSeries provider_group_series(const metrics::Providers& providers,
                                       const std::vector<std::string>& group_names) {
  io::MetricSeries series{"by_provider_group", {}, {}};
  std::vector<double> provider;
  std::vector<double> group;
  for (std::size_t p = 0; p < providers.by_provider.size(); ++p) {
    for (std::size_t g = 0; g < group_names.size(); ++g) {
      series.labels.push_back(fmt::format("{}/{}", p, group_names[g]));
      provider.push_back(static_cast<double>(p));
      group.push_back(static_cast<double>(g));
    }
  }
  series.arrays.push_back({"provider", std::move(provider)});
  series.arrays.push_back({"group", std::move(group)});
  add_book_columns(series, providers.by_provider_group);
  return series;
}

std::vector<double> metrics_by_group(const metrics::Providers& providers, double metrics::ProviderBooks::*field) {
  std::vector<double> values;
  for (const auto& books : providers.by_group) values.push_back(books.*field);
  return values;
}

// 0, 1, ... n-1: labels of a series indexed by position (deciles, advisers).
std::vector<std::string> index_labels(std::size_t count) {
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < count; ++i) labels.push_back(std::to_string(i));
  return labels;
}

}  // namespace

io::RunMetrics trace_metrics(const experiment::SingleRun& run) {
  const metrics::MetricsReport& report = run.report;
  io::RunMetrics out;
  out.scalars = run.summary.summary;
  // The summary is made from the registry in its order, so units line up by position; a
  // summary from elsewhere (another list, another order) gets none rather than wrong ones.
  const auto registered = metrics::registered_metrics();
  const bool aligned = std::equal(out.scalars.begin(), out.scalars.end(), registered.begin(),
                                  registered.end(), [](const auto& figure, const auto& metric) {
                                    return figure.name == metric.name;
                                  });
  if (aligned) {
    for (const metrics::Metric& metric : registered) out.scalar_units.emplace_back(metric.unit);
  }

  io::MetricSeries by_group{"by_group", report.group_names, {}};
  by_group.arrays.push_back({"parked_share", report.parking.parked_share_by_group});
  by_group.arrays.push_back({"claim_weeks", report.parking.claim_weeks_by_group});
  for (const int weeks : {13, 26, 52, 104}) {
    std::vector<double> off;
    for (const auto& curve : report.offflow.by_group) off.push_back(metrics::OffFlowCurves::at(curve, weeks));
    by_group.arrays.push_back({fmt::format("off_benefit_{}w", weeks), std::move(off)});
  }
  by_group.arrays.push_back({"entries_per_100_client_weeks", report.quality.entries_per_100_client_weeks_by_group});
  by_group.arrays.push_back({"mean_job_quality", report.quality.mean_job_quality_by_group});
  by_group.arrays.push_back({"sustained_13w_share", report.quality.sustained_13w_share_by_group});
  by_group.arrays.push_back({"sustained_26w_share", report.quality.sustained_26w_share_by_group});
  by_group.arrays.push_back({"earnings_index_26w", report.quality.earnings_index_26w_by_group});
  by_group.arrays.push_back({"offflow_target_weeks", report.offflow.target_weeks_by_group});
  by_group.arrays.push_back({"offflow_target_share", report.offflow.target_share_by_group});
  by_group.arrays.push_back({"off_benefit_at_target", report.offflow.at_target_by_group});
  by_group.arrays.push_back({"sanctions", report.sanctions.count_by_group});
  by_group.arrays.push_back({"sanctions_per_100_client_weeks", report.sanctions.per_100_client_weeks_by_group});
  // Evidence and audit by group: NaN for every group where the regime keeps no such tally.
  const auto or_undefined = [&](const std::vector<double>& tally) {
    return tally.empty() ? std::vector<double>(report.group_names.size(), metrics::not_defined) : tally;
  };
  by_group.arrays.push_back({"claims_weak", or_undefined(report.evidence.claims_weak_by_group)});
  by_group.arrays.push_back({"claims_rejected", or_undefined(report.evidence.claims_rejected_by_group)});
  by_group.arrays.push_back(
      {"credit_audit_would_remove", or_undefined(report.evidence.credit_audit_would_remove_by_group)});
  by_group.arrays.push_back({"unmatched_entries", or_undefined(report.evidence.unmatched_entries_by_group)});
  if (report.net_impact) {
    const metrics::NetImpact& net = *report.net_impact;
    by_group.arrays.push_back(
        {"net_employment_weeks_per_person", net.employment_weeks_per_person_by_group});
    by_group.arrays.push_back({"deadweight_share", net.deadweight_share_by_group});
    by_group.arrays.push_back({"equity_gap", net.equity_gap_by_group});
  }
  const metrics::Providers& providers = report.providers;
  if (!providers.by_provider.empty()) {
    using Books = metrics::ProviderBooks;
    by_group.arrays.push_back({"provider_client_weeks", metrics_by_group(providers, &Books::client_weeks)});
    by_group.arrays.push_back({"provider_parked_share", metrics_by_group(providers, &Books::parked_share)});
    by_group.arrays.push_back({"provider_referrals", metrics_by_group(providers, &Books::referrals)});
    by_group.arrays.push_back({"provider_fees", metrics_by_group(providers, &Books::fees)});
    by_group.arrays.push_back({"provider_staff_cost", metrics_by_group(providers, &Books::staff_cost)});
    by_group.arrays.push_back({"provider_overhead", metrics_by_group(providers, &Books::overhead)});
    by_group.arrays.push_back({"provider_programme_spend", metrics_by_group(providers, &Books::programme_spend)});
    by_group.arrays.push_back({"provider_margin", metrics_by_group(providers, &Books::margin)});
    by_group.arrays.push_back(
        {"provider_spend_per_participant", metrics_by_group(providers, &Books::spend_per_participant)});
  }
  out.series.push_back(std::move(by_group));
  if (!providers.by_provider.empty()) {
    out.series.push_back(provider_series(providers));
    out.series.push_back(provider_group_series(providers, report.group_names));
  }

  const auto& curve = report.creaming_by_employability;
  const auto& minutes = curve.minutes_per_client_week_by_decile;
  const auto& client_weeks = curve.client_weeks_by_decile;
  out.series.push_back({"by_employability_decile",
                        index_labels(minutes.size()),
                        {{"help_minutes_per_client_week", {minutes.begin(), minutes.end()}},
                         {"client_weeks", {client_weeks.begin(), client_weeks.end()}}}});
  const metrics::Bunching& bunching = report.bunching;
  std::vector<std::string> weeks_to_mark = index_labels(bunching.help_by_weeks_to_mark.size() + 1);
  weeks_to_mark.erase(weeks_to_mark.begin());  // 1 to 13
  out.series.push_back({"bunching_by_weeks_to_mark",
                        std::move(weeks_to_mark),
                        {{"help", bunching.help_by_weeks_to_mark},
                         {"client_weeks", bunching.client_weeks_by_weeks_to_mark},
                         {"help_per_client_week", bunching.help_rate_by_weeks_to_mark}}});
  out.series.push_back({"bunching_by_year_week",
                        index_labels(bunching.entries_by_year_week.size()),
                        {{"entries", bunching.entries_by_year_week}, {"weeks", bunching.weeks_by_year_week}}});
  for (const auto& [name, figures] : {std::pair{"by_office", &report.offices.by_office},
                                      std::pair{"by_cluster", &report.offices.by_cluster}}) {
    out.series.push_back({name,
                          index_labels(figures->cluster.size()),
                          {{"cluster", figures->cluster},
                           {"offices", figures->offices},
                           {"advisers", figures->advisers},
                           {"claim_weeks", figures->claim_weeks},
                           {"into_work_rate", figures->into_work_rate},
                           {"off_flow_rate", figures->off_flow_rate},
                           {"caseload_per_adviser", figures->caseload_per_adviser},
                           {"measured_per_adviser", figures->measured_per_adviser}}});
  }

  if (report.paradox) {
    out.series.push_back({"by_adviser",
                          index_labels(report.paradox->measured_by_adviser.size()),
                          {{"measured_performance", report.paradox->measured_by_adviser},
                           {"net_employment_weeks", report.paradox->net_weeks_by_adviser}}});
  }
  const metrics::TrialResults& trial = report.trial;
  std::vector<std::string> months = index_labels(metrics::trial_curve_months + 1);
  months.erase(months.begin());  // 1 to 36
  out.series.push_back({"trial_by_month",
                        std::move(months),
                        {{"in_work_programme", trial.programme.in_work},
                         {"in_work_control", trial.control.in_work},
                         {"on_benefit_programme", trial.programme.on_benefit},
                         {"on_benefit_control", trial.control.on_benefit},
                         {"in_work_programme_counterfactual", trial.programme_counterfactual.in_work},
                         {"in_work_control_counterfactual", trial.control_counterfactual.in_work},
                         {"on_benefit_programme_counterfactual", trial.programme_counterfactual.on_benefit},
                         {"on_benefit_control_counterfactual", trial.control_counterfactual.on_benefit}}});
  return out;
}

RunTraceOutput::RunTraceOutput(const std::string& path, std::string_view level, bool force,
                               const io::RunnableScenario& runnable,
                               std::chrono::system_clock::time_point created)
    : level_(level_named(level)), output_(path, io::OutputOptions{force}) {
  io::write_run_header(output_.file(), provenance_of(runnable, created), level_);
  // Readers of a .partial see the header even if the run is killed before it ends.
  output_.file().flush();
}

void RunTraceOutput::write_variants(const experiment::SingleRun& run) {
  io::write_scoreboard_indicators(output_.file(), run.simulation.treatment);
  io::write_variant(output_.file(), run.simulation.treatment, level_);
  if (run.simulation.counterfactual) {
    io::write_variant(output_.file(), *run.simulation.counterfactual, level_);
  }
}

void RunTraceOutput::commit(const experiment::SingleRun& run) {
  write_variants(run);
  io::write_metrics(output_.file(), trace_metrics(run));
  output_.commit();
}

void RunTraceOutput::abandon(const experiment::SingleRun& run, std::ostream& err) noexcept {
  std::string problem;
  try {
    write_variants(run);
  } catch (const std::exception& error) {
    problem = error.what();
  }
  output_.abandon();
  try {
    err << fmt::format("caseload run: the trace so far is in '{}' (complete=0)\n",
                       output_.partial_path().string());
    if (!problem.empty()) err << fmt::format("caseload run: it may lack rows: {}\n", problem);
  } catch (...) {
    // Nothing more can be reported.
  }
}

}  // namespace caseload::cli
