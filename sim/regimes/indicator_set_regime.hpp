#pragma once
// A regime assembled from data: indicators, the level at which they are counted, and the
// reward rule. Points with pressure: management pressure on a unit rises with its shortfall
// against target to date (or, benchmarked, against the mean of comparable units). A team or
// office count spreads each outcome's credit over the unit, which dilutes what any one
// adviser's action is worth to that adviser.

#include <memory>
#include <string>
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

/// What credit means to those it is paid to: points (with pressure), or money to a provider,
/// whose caseworkers act for its profit: fees less the staff time and programme money an
/// action costs. A caseworker weighs the whole fee (not a share): the firm, not the person,
/// is paid, and the firm wants every fee it can earn at a profit.
enum class Reward : std::uint8_t { Points, Profit };

inline const std::vector<std::string> reward_names = {"points", "profit"};

struct RegimeRules {
  Level level = Level::Adviser;
  Reward reward = Reward::Points;
  double value_scale = 1.0;            ///< adviser value units per unit of credit
  double staff_cost_per_minute = 0.0; ///< a caseworker minute, in credit units (profit only)
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
  bool nets_money_cost(model::AdviserId adviser) const override { return for_profit(adviser); }
  double take_validation_minutes(model::AdviserId adviser) override;
  void record(const model::Outcome& outcome) override;
  void end_week(const model::World& world, int week) override;
  double measured(model::AdviserId adviser) const override;

 private:
  void review(int week);
  bool for_profit(model::AdviserId adviser) const {
    return rules_.reward == Reward::Profit && organisation_.is_caseworker(adviser);
  }

  RegimeRules rules_;
  Organisation organisation_;
  CreditLedger ledger_;
  std::vector<std::unique_ptr<Indicator>> indicators_;
  std::vector<double> pressure_;  ///< by unit
  double contact_minutes_ = 0.0;  ///< one employer contact
};

}  // namespace caseload::regimes
