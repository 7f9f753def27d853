#pragma once
// A regime assembled from data: indicators, the level at which they are counted, and the
// reward rule. Points with pressure: management pressure on a unit rises with its shortfall
// against target to date (or, benchmarked, against the value expected from its size or its
// caseload mix, linearly or by star band). A team or office count spreads each outcome's
// credit over the unit, which dilutes what any one adviser's action is worth to that adviser.

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "sim/model/regime.hpp"
#include "sim/regimes/credit_ledger.hpp"
#include "sim/regimes/indicator.hpp"
#include "sim/regimes/organisation.hpp"

namespace caseload::regimes {

/// What a benchmarked unit is expected to earn: the mean per adviser times its size, or the
/// national credit per client-week of each customer group times its client-weeks of that group.
enum class Expected : std::uint8_t { Size, CaseloadMix };

inline const std::vector<std::string> expected_names = {"size", "caseload_mix"};

struct PressureRule {
  double k = 0.0;                      ///< pressure = 1 + k * shortfall share
  double target_per_adviser_week = 0;  ///< credit expected per adviser per week
  double review_weeks = 4.0;
  bool relative = false;               ///< target is the expected value (benchmarking)
  Expected expected = Expected::Size;
  bool has_stars = false;              ///< pressure by star band instead of the linear rule
  std::array<double, 5> stars{};       ///< pressure at 1 to 5 stars
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

  /// The unit's star rating (1-5) at its last review: 3 before any, or without star bands.
  int stars(model::AdviserId adviser) const { return stars_[organisation_.unit_of(adviser)]; }

 private:
  void count_client_weeks(const model::World& world);
  void total_caseload_mix();
  double expected(std::uint32_t unit, double mean_per_adviser) const;
  void review(int week);

  RegimeRules rules_;
  Organisation organisation_;
  CreditLedger ledger_;
  std::vector<std::unique_ptr<Indicator>> indicators_;
  std::vector<double> pressure_;  ///< by unit
  std::vector<int> stars_;        ///< by unit
  // Caseload mix, kept only when expected is caseload_mix; reset with the target year.
  std::size_t groups_;
  std::vector<double> client_weeks_;           ///< unit * groups_ + group, to date
  std::vector<double> national_client_weeks_;  ///< by group, filled at each review
  std::vector<double> national_credit_;        ///< by group, filled at each review
  double unexplained_credit_ = 0.0;            ///< spread by unit size
};

}  // namespace caseload::regimes
