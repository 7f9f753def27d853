#include "sim/experiment/stress_table.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "sim/experiment/statistics.hpp"
#include "sim/experiment/stress_figures.hpp"

namespace caseload::experiment {

namespace {

constexpr const char* kNetImpact = "net_employment_weeks_per_person";

// Shortest round-trip text, so a value parses back to the same double.
std::string number_text(double value) { return fmt::format("{}", value); }

// `metric` of every replication of `cell`, by replication (NaN where not done).
std::vector<double> values_of(std::size_t cell, std::string_view metric,
                              const std::vector<PlannedRun>& plan,
                              const std::vector<RunOutcome>& outcomes) {
  std::size_t replications = 0;
  for (const PlannedRun& run : plan) replications = std::max(replications, run.replication + 1);
  std::vector<double> values(replications, NAN);
  for (std::size_t i = 0; i < plan.size(); ++i) {
    if (plan[i].point == cell) values[plan[i].replication] = metric_value(outcomes[i], metric);
  }
  return values;
}

// A value with its interval, as three columns.
struct Estimate {
  ResultColumn* mean;
  ResultColumn* lower;
  ResultColumn* upper;

  void add(double value, const std::optional<Interval>& interval) const {
    std::get<std::vector<double>>(mean->values).push_back(value);
    std::get<std::vector<double>>(lower->values).push_back(interval ? interval->lower : NAN);
    std::get<std::vector<double>>(upper->values).push_back(interval ? interval->upper : NAN);
  }
};

Estimate add_estimate(ResultTable& table, const std::string& name, const std::string& what) {
  return {&table.add_numbers(name, what), &table.add_numbers(name + "_lower", "95% lower, " + what),
          &table.add_numbers(name + "_upper", "95% upper, " + what)};
}

std::vector<double>& numbers(ResultColumn& column) {
  return std::get<std::vector<double>>(column.values);
}

}  // namespace

DesignMatrix stress_cells(const StressDesign& design) {
  DesignMatrix cells{{"advisers.w_client_alpha", "advisers.w_client_beta", "advisers.w_target"},
                     {},
                     {}};
  for (const MotivationMix& mix : design.mixes) {
    for (const double strength : design.strengths) {
      cells.points.push_back(
          {number_text(mix.alpha), number_text(mix.beta), number_text(strength)});
    }
  }
  return cells;
}

ResultTable stress_table(const StressDesign& design, const std::vector<PlannedRun>& plan,
                         const std::vector<RunOutcome>& outcomes) {
  ResultTable table;
  auto& mix = std::get<std::vector<std::string>>(
      table.add_texts("mix", "adviser motivation mix").values);
  auto& alpha = numbers(table.add_numbers("w_client_alpha", "public-service motivation ~ Beta(alpha, beta)"));
  auto& beta = numbers(table.add_numbers("w_client_beta", "public-service motivation ~ Beta(alpha, beta)"));
  auto& strength = numbers(table.add_numbers("w_target", "incentive strength: weight of the regime's reward"));
  auto& runs = std::get<std::vector<std::int64_t>>(
      table.add_integers("runs", "replications with a measured performance").values);
  const Estimate measured =
      add_estimate(table, "measured", "regime credit per adviser-week, measured period");
  const Estimate net = add_estimate(table, "net_impact", "net employment weeks per person");
  const Estimate measured_gain =
      add_estimate(table, "measured_gain", "measured minus at the base strength, paired");
  const Estimate net_gain =
      add_estimate(table, "net_impact_gain", "net impact minus at the base strength, paired");
  std::vector<ResultColumn*> channels;
  for (const std::string_view channel : kStressChannels) {
    const std::string name(channel.substr(std::string_view("stress_").size()));
    channels.push_back(&table.add_numbers(name, "channel's share of measured_gain (credit per adviser-week)"));
  }
  std::vector<ResultColumn*> signals;
  for (const char* signal : kStressSignals) {
    signals.push_back(&table.add_numbers(fmt::format("change_{}", signal),
                                         "paired change over the base strength"));
  }

  const std::size_t strengths = design.strengths.size();
  for (std::size_t m = 0; m < design.mixes.size(); ++m) {
    for (std::size_t s = 0; s < strengths; ++s) {
      const std::size_t cell = m * strengths + s;
      const std::size_t base = m * strengths;
      mix.push_back(design.mixes[m].name);
      alpha.push_back(design.mixes[m].alpha);
      beta.push_back(design.mixes[m].beta);
      strength.push_back(design.strengths[s]);
      const auto cell_measured = values_of(cell, kStressMeasured, plan, outcomes);
      const auto cell_net = values_of(cell, kNetImpact, plan, outcomes);
      runs.push_back(static_cast<std::int64_t>(
          std::count_if(cell_measured.begin(), cell_measured.end(),
                        [](double v) { return std::isfinite(v); })));
      measured.add(experiment::mean(cell_measured), interval_of_mean(cell_measured, Scale::Linear));
      net.add(experiment::mean(cell_net), interval_of_mean(cell_net, Scale::Linear));
      const auto paired = [&](std::string_view metric) {
        return paired_difference(values_of(cell, metric, plan, outcomes),
                                 values_of(base, metric, plan, outcomes));
      };
      const PairedDifference gain = paired(kStressMeasured);
      measured_gain.add(gain.mean, gain.interval);
      const PairedDifference net_change = paired(kNetImpact);
      net_gain.add(net_change.mean, net_change.interval);
      for (std::size_t c = 0; c < channels.size(); ++c)
        numbers(*channels[c]).push_back(paired(kStressChannels[c]).mean);
      for (std::size_t k = 0; k < signals.size(); ++k)
        numbers(*signals[k]).push_back(paired(kStressSignals[k]).mean);
    }
  }
  return table;
}

}  // namespace caseload::experiment
