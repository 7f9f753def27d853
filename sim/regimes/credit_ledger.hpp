#pragma once
// What a regime has credited, to whom and when. Credit can be counted later than it was earned
// (JOT's data lag): it is held until its count date passes. Credit earned by an adviser goes
// to the adviser's unit; each member's measured performance is its share of the unit's.
// Credit to date is also kept by the customer group of the client it came from (benchmarking),
// and the credit counted in the current week by unit and indicator (the scoreboard). Both are
// also kept by the adviser who earned it, so a cascade can add them up at any level.

#include <cstdint>
#include <vector>

#include "sim/model/regime.hpp"
#include "sim/regimes/organisation.hpp"

namespace caseload::regimes {

class CreditLedger {
 public:
  CreditLedger(const Organisation& organisation, double measure_from_day, std::size_t groups,
               std::size_t indicators = 1);

  /// Credits that follow come from this indicator (the regime names each before it records).
  void credit_from(std::size_t indicator) { indicator_ = static_cast<std::uint32_t>(indicator); }

  /// Credit earned by the outcome's adviser, counted on `count_day` (which may lie in the
  /// future), under the outcome's client's group (or `groups()` when there is no client).
  void credit(const model::Outcome& earned_by, double amount, double count_day,
              model::PaymentKind kind = model::PaymentKind::Other);
  /// Minutes of validation paperwork `adviser` owes for a claimed outcome.
  void owe_validation(model::AdviserId adviser, double minutes);
  double take_validation(model::AdviserId adviser);

  /// Counts every held credit whose day has come.
  void release_until(double day);
  /// Credit counted for a unit since `reset_to_date` was last called.
  double unit_to_date(std::uint32_t unit) const { return to_date_[unit]; }
  /// Credit counted to date from clients of `group`, all units; group `groups()` is credit
  /// with no client (employer contacts).
  double group_to_date(std::size_t group) const { return group_to_date_[group]; }
  std::size_t groups() const { return group_to_date_.size() - 1; }
  /// As group_to_date, from one unit's clients only (benchmarking within a cluster).
  double unit_group_to_date(std::uint32_t unit, std::size_t group) const {
    return unit_group_to_date_[unit * group_to_date_.size() + group];
  }
  void reset_to_date();
  /// As unit_to_date and unit_this_week, for the adviser who earned the credit (whatever the
  /// regime's level).
  double adviser_to_date(std::uint32_t adviser) const { return adviser_to_date_[adviser]; }
  double adviser_this_week(std::uint32_t adviser, std::size_t indicator) const {
    return adviser_this_week_[adviser * indicators_ + indicator];
  }
  /// Credit counted for a unit from one indicator since `start_week` was last called.
  double unit_this_week(std::uint32_t unit, std::size_t indicator) const {
    return this_week_[unit * indicators_ + indicator];
  }
  /// Clears this week's counts; called before the week's credit is released.
  void start_week();
  std::size_t indicators() const { return indicators_; }
  /// Credit counted over the measured period, as this adviser's share of its unit's.
  double measured(model::AdviserId adviser) const;
  /// The part of measured(adviser) from clients of `group` (`groups()`: no client) paid as `kind`.
  double measured(model::AdviserId adviser, std::size_t group, model::PaymentKind kind) const;

 private:
  struct Held {
    double day;
    std::uint32_t unit;
    std::uint32_t group;
    std::uint32_t indicator;
    std::uint32_t adviser;
    double amount;
    model::PaymentKind kind;
  };
  void count(const Held& held);

  const Organisation& organisation_;
  double measure_from_day_;
  std::vector<Held> held_;
  std::vector<double> to_date_;
  std::vector<double> group_to_date_;  ///< by group, then one slot for credit with no client
  std::vector<double> unit_group_to_date_;  ///< unit * (groups + 1) + group
  std::vector<double> measured_;    ///< by unit
  std::vector<double> measured_by_kind_;  ///< by (unit * (groups + 1) + group) * kinds + kind
  std::vector<double> validation_;  ///< by adviser
  std::size_t indicators_;
  std::uint32_t indicator_ = 0;     ///< whose credits `credit` is taking now
  std::vector<double> this_week_;   ///< unit * indicators_ + indicator
  std::vector<double> adviser_to_date_;    ///< by adviser
  std::vector<double> adviser_this_week_;  ///< adviser * indicators_ + indicator
};

}  // namespace caseload::regimes
