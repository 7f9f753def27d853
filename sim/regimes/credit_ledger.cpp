#include "sim/regimes/credit_ledger.hpp"

#include <algorithm>

namespace caseload::regimes {

CreditLedger::CreditLedger(const Organisation& organisation, double measure_from_day,
                           std::size_t groups, std::size_t indicators)
    : organisation_(organisation),
      measure_from_day_(measure_from_day),
      to_date_(organisation.units(), 0.0),
      group_to_date_(groups + 1, 0.0),
      unit_group_to_date_(organisation.units() * (groups + 1), 0.0),
      measured_(organisation.units(), 0.0),
      measured_by_kind_(organisation.units() * (groups + 1) * model::payment_kind_count, 0.0),
      validation_(organisation.advisers(), 0.0),
      indicators_(std::max<std::size_t>(indicators, 1)),
      this_week_(organisation.units() * indicators_, 0.0),
      adviser_to_date_(organisation.advisers(), 0.0),
      adviser_this_week_(organisation.advisers() * indicators_, 0.0) {}

void CreditLedger::count(const Held& held) {
  to_date_[held.unit] += held.amount;
  group_to_date_[held.group] += held.amount;
  this_week_[held.unit * indicators_ + held.indicator] += held.amount;
  adviser_to_date_[held.adviser] += held.amount;
  adviser_this_week_[held.adviser * indicators_ + held.indicator] += held.amount;
  unit_group_to_date_[held.unit * group_to_date_.size() + held.group] += held.amount;
  if (held.day >= measure_from_day_) {
    measured_[held.unit] += held.amount;
    measured_by_kind_[(held.unit * group_to_date_.size() + held.group) * model::payment_kind_count +
                      static_cast<std::size_t>(held.kind)] += held.amount;
  }
}

void CreditLedger::credit(const model::Outcome& earned_by, double amount, double count_day,
                          model::PaymentKind kind) {
  if (model::index(earned_by.adviser) >= organisation_.advisers()) return;  // no adviser to credit
  const auto group = model::index(earned_by.client) == model::no_row
                         ? static_cast<std::uint32_t>(groups())
                         : static_cast<std::uint32_t>(model::index(earned_by.group));
  held_.push_back({count_day, organisation_.unit_of(earned_by.adviser), group, indicator_,
                   static_cast<std::uint32_t>(model::index(earned_by.adviser)), amount, kind});
}

void CreditLedger::owe_validation(model::AdviserId adviser, double minutes) {
  if (model::index(adviser) < validation_.size()) validation_[model::index(adviser)] += minutes;
}

double CreditLedger::take_validation(model::AdviserId adviser) {
  double& owed = validation_[model::index(adviser)];
  const double minutes = owed;
  owed = 0.0;
  return minutes;
}

void CreditLedger::release_until(double day) {
  // Held credits are few (a lag's worth); a stable partition keeps their order.
  auto due = std::stable_partition(held_.begin(), held_.end(),
                                   [day](const Held& h) { return h.day <= day; });
  for (auto it = held_.begin(); it != due; ++it) count(*it);
  held_.erase(held_.begin(), due);
}

void CreditLedger::reset_to_date() {
  std::fill(to_date_.begin(), to_date_.end(), 0.0);
  std::fill(group_to_date_.begin(), group_to_date_.end(), 0.0);
  std::fill(unit_group_to_date_.begin(), unit_group_to_date_.end(), 0.0);
  std::fill(adviser_to_date_.begin(), adviser_to_date_.end(), 0.0);
}

void CreditLedger::start_week() {
  std::fill(this_week_.begin(), this_week_.end(), 0.0);
  std::fill(adviser_this_week_.begin(), adviser_this_week_.end(), 0.0);
}

double CreditLedger::measured(model::AdviserId adviser) const {
  return measured_[organisation_.unit_of(adviser)] * organisation_.share(adviser);
}

double CreditLedger::measured(model::AdviserId adviser, std::size_t group, model::PaymentKind kind) const {
  const std::size_t unit = organisation_.unit_of(adviser);
  return measured_by_kind_[(unit * group_to_date_.size() + group) * model::payment_kind_count +
                           static_cast<std::size_t>(kind)] *
         organisation_.share(adviser);
}

}  // namespace caseload::regimes
