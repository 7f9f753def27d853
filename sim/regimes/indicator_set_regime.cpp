#include "sim/regimes/indicator_set_regime.hpp"

#include <algorithm>
#include <numeric>

namespace caseload::regimes {

IndicatorSetRegime::IndicatorSetRegime(const model::Scenario& scenario, RegimeRules rules,
                                       std::vector<std::unique_ptr<Indicator>> indicators)
    : rules_(rules),
      organisation_(scenario.network, scenario.providers, rules.level),
      ledger_(organisation_, scenario.run.warmup_weeks * 7.0),
      indicators_(std::move(indicators)),
      pressure_(organisation_.units(), 1.0) {}

double IndicatorSetRegime::pressure(model::AdviserId adviser) const {
  return pressure_[organisation_.unit_of(adviser)];
}

void IndicatorSetRegime::value(model::AdviserId adviser,
                               std::span<const model::ActionCandidate> candidates,
                               std::span<double> reward) const {
  const double scale = rules_.value_scale * organisation_.share(adviser);
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    double total = 0.0;
    for (const auto& indicator : indicators_) total += indicator->value(candidates[i]);
    reward[i] = scale * total;
  }
}

double IndicatorSetRegime::value_employer_contact(model::AdviserId adviser) const {
  double total = 0.0;
  for (const auto& indicator : indicators_) total += indicator->value_employer_contact();
  return rules_.value_scale * organisation_.share(adviser) * total;
}

double IndicatorSetRegime::take_validation_minutes(model::AdviserId adviser) {
  return ledger_.take_validation(adviser);
}

void IndicatorSetRegime::record(const model::Outcome& outcome) {
  for (const auto& indicator : indicators_) indicator->record(outcome, ledger_);
}

void IndicatorSetRegime::end_week(const model::World&, int week) {
  const double day = (week + 1) * 7.0;
  for (const auto& indicator : indicators_) indicator->end_week(day, ledger_);
  ledger_.release_until(day);
  if (rules_.pressure.k > 0.0 && (week + 1) % static_cast<int>(rules_.pressure.review_weeks) == 0) {
    review(week);
  }
  if ((week + 1) % 52 == 0) ledger_.reset_to_date();  // targets run by 52-week year
}

void IndicatorSetRegime::review(int week) {
  const PressureRule& rule = rules_.pressure;
  const double weeks_in_year = static_cast<double>(week % 52 + 1);
  double mean_per_adviser = 0.0;
  if (rule.relative) {
    double total = 0.0;
    for (std::uint32_t u = 0; u < organisation_.units(); ++u) total += ledger_.unit_to_date(u);
    mean_per_adviser = total / organisation_.advisers();
  }
  for (std::uint32_t u = 0; u < organisation_.units(); ++u) {
    const double size = organisation_.unit_size(u);
    const double target = rule.relative ? mean_per_adviser * size
                                        : rule.target_per_adviser_week * size * weeks_in_year;
    const double actual = ledger_.unit_to_date(u);
    pressure_[u] = target > 0.0 ? 1.0 + rule.k * std::max(0.0, target - actual) / target : 1.0;
  }
}

double IndicatorSetRegime::measured(model::AdviserId adviser) const {
  return ledger_.measured(adviser);
}

}  // namespace caseload::regimes
