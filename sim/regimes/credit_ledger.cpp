#include "sim/regimes/credit_ledger.hpp"

#include <algorithm>

namespace caseload::regimes {

CreditLedger::CreditLedger(const Organisation& organisation, double measure_from_day)
    : organisation_(organisation),
      measure_from_day_(measure_from_day),
      to_date_(organisation.units(), 0.0),
      measured_(organisation.units(), 0.0),
      validation_(organisation.advisers(), 0.0) {}

void CreditLedger::count(std::uint32_t unit, double amount, double day) {
  to_date_[unit] += amount;
  if (day >= measure_from_day_) measured_[unit] += amount;
}

void CreditLedger::credit(model::AdviserId adviser, double amount, double count_day) {
  if (model::index(adviser) >= organisation_.advisers()) return;  // no adviser to credit
  held_.push_back({count_day, organisation_.unit_of(adviser), amount});
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
  for (auto it = held_.begin(); it != due; ++it) count(it->unit, it->amount, it->day);
  held_.erase(held_.begin(), due);
}

void CreditLedger::reset_to_date() { std::fill(to_date_.begin(), to_date_.end(), 0.0); }

double CreditLedger::measured(model::AdviserId adviser) const {
  return measured_[organisation_.unit_of(adviser)] * organisation_.share(adviser);
}

}  // namespace caseload::regimes
