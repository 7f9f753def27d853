#pragma once
// A regime assembled from data: indicators, the level at which they are counted, and the
// reward rule. Points with pressure: management pressure on a unit rises with its shortfall
// against target to date (or, benchmarked, against the mean of comparable units). A team or
// office count spreads each outcome's credit over the unit, which dilutes what any one
// adviser's action is worth to that adviser.

#include <memory>
#include <vector>

#include "sim/model/regime.hpp"
#include "sim/regimes/credit_ledger.hpp"
#include "sim/regimes/indicator.hpp"
#include "sim/regimes/organisation.hpp"

namespace caseload::regimes {

struct PressureRule {
  double k = 0.0;                      ///< pressure = 1 + k * shortfall share
  double target_per_adviser_week = 0;  ///< credit expected per adviser per week
  double review_weeks = 4.0;
  bool relative = false;               ///< target is the mean of all units (benchmarking)
};

struct RegimeRules {
  Level level = Level::Adviser;
  double value_scale = 1.0;            ///< adviser value units per unit of credit
  PressureRule pressure;
};

class IndicatorSetRegime final : public model::Regime {
 public:
  IndicatorSetRegime(const model::Scenario& scenario, RegimeRules rules,
                     std::vector<std::unique_ptr<Indicator>> indicators);

  double pressure(model::AdviserId adviser) const override;
  void value(model::AdviserId adviser, std::span<const model::ActionCandidate> candidates,
             std::span<double> reward) const override;
  double value_employer_contact(model::AdviserId adviser) const override;
  double take_validation_minutes(model::AdviserId adviser) override;
  void record(const model::Outcome& outcome) override;
  void end_week(const model::World& world, int week) override;
  double measured(model::AdviserId adviser) const override;

 private:
  void review(int week);

  RegimeRules rules_;
  Organisation organisation_;
  CreditLedger ledger_;
  std::vector<std::unique_ptr<Indicator>> indicators_;
  std::vector<double> pressure_;  ///< by unit
};

}  // namespace caseload::regimes
