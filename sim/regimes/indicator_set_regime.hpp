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
#include "sim/regimes/cascade.hpp"
#include "sim/regimes/credit_ledger.hpp"
#include "sim/regimes/indicator.hpp"
#include "sim/regimes/organisation.hpp"

namespace caseload::regimes {

/// What a benchmarked unit is expected to earn: the mean per adviser times its size; the
/// national credit per client-week of each customer group times its client-weeks of that
/// group; or a regression across units of credit per adviser on its office's market (log
/// vacancies per new claim) and its caseload mix (the caseload_mix value per adviser), the
/// Danish residual method (EVIDENCE.md 5.1, P38).
enum class Expected : std::uint8_t { Size, CaseloadMix, Regression };

inline const std::vector<std::string> expected_names = {"size", "caseload_mix", "regression"};

/// Whom a benchmarked unit is compared with: every unit, or the units of offices in its
/// cluster of comparable offices (Denmark's klynger, EVIDENCE.md 5.1).
enum class Compare : std::uint8_t { All, Cluster };

inline const std::vector<std::string> compare_names = {"all", "cluster"};

struct PressureRule {
  double k = 0.0;                      ///< pressure = 1 + k * shortfall share
  double target_per_adviser_week = 0;  ///< credit expected per adviser per week
  double review_weeks = 4.0;
  bool relative = false;               ///< target is the expected value (benchmarking)
  Expected expected = Expected::Size;
  Compare compare = Compare::All;
  bool has_stars = false;              ///< pressure by star band instead of the linear rule
  std::array<double, 5> stars{};       ///< pressure at 1 to 5 stars
  /// Weeks in the target year; 0 (off): targets still restart every 52 weeks, but no unit
  /// looks to the year's end. On: each week a unit weighs its chance of meeting the year's
  /// target (target_year.hpp), and a unit of credit adds `target_met_reward` times the change
  /// it makes to that chance to the pressure.
  int target_year_weeks = 0;
  double target_met_reward = 0.0;      ///< meeting the year's target, in credit units
  /// A ratchet (needs a target year): a unit's next weekly target is (1 − ratchet) × this
  /// year's plus ratchet × its result this year per adviser-week, so credit now also raises
  /// next year's target, and the year-end term weighs that cost (target_year.hpp).
  double ratchet = 0.0;
  /// Targets split from the top level down and pressure passed down by managers
  /// (cascade.hpp); when on, it sets every pressure and the rule above only its k and target.
  CascadeRule cascade;
  int year_weeks() const { return target_year_weeks > 0 ? target_year_weeks : 52; }
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
  /// Each indicator's primitive kind, in order, for the scoreboard; `indicator_<i>` if unnamed.
  std::vector<std::string> indicator_names;
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
  std::span<const double> job_marks() const override { return job_marks_; }
  void record(const model::Outcome& outcome) override;
  void end_week(const model::RegimeView& view, int week) override;
  void score_week(int week, std::vector<model::ScoreRow>& rows) const override;
  std::vector<std::string> indicator_names() const override;
  model::EvidenceTally evidence() const override;
  model::LocalTargetTally local_targets() const override { return local_tally_; }
  double measured(model::AdviserId adviser) const override;
  double measured(model::AdviserId adviser, model::GroupId group, model::PaymentKind kind) const override;

  /// The unit's star rating (1-5) at its last review (3 before any); 0 without star bands.
  int stars(model::AdviserId adviser) const override {
    return rules_.pressure.has_stars ? stars_[organisation_.unit_of(adviser)] : 0;
  }

 private:
  void count_client_weeks(const model::RegimeView& view);
  void total_caseload_mix();
  double expected(std::uint32_t unit, double mean_per_adviser) const;
  std::vector<double> mean_per_adviser() const;
  void total_peer_mix(std::size_t set);
  void review(int week);
  void weigh_year_end(int week);
  void ratchet_targets();
  void review_cascade(int week);
  void tally_local_targets();
  std::vector<double> cascade_weights() const;
  void regression_expected(std::vector<double>& expected) const;
  void score_cascade(int week, std::vector<model::ScoreRow>& rows) const;
  bool for_profit(model::AdviserId adviser) const {
    return rules_.reward == Reward::Profit && organisation_.is_caseworker(adviser);
  }

  RegimeRules rules_;
  Organisation organisation_;
  CreditLedger ledger_;
  std::vector<std::unique_ptr<Indicator>> indicators_;
  std::vector<double> job_marks_;  ///< what the indicators need, ascending, each once
  std::vector<double> pressure_;  ///< by unit, from its last review
  std::vector<double> year_pressure_;  ///< by unit, added each week for the year's end (0 when off)
  double contact_minutes_ = 0.0;  ///< one employer contact
  std::vector<int> stars_;        ///< by unit
  std::vector<double> target_;    ///< by unit: to date at its last review; NaN before one
  std::vector<double> weekly_target_;  ///< by unit, per adviser-week: the rule's, moved by a ratchet
  // Benchmarking compares a unit with its peers: all units (one set) or its cluster's.
  std::vector<std::uint32_t> peer_set_;        ///< by unit
  std::vector<double> peer_advisers_;          ///< by peer set
  // Caseload mix, kept only when expected is caseload_mix; reset with the target year.
  std::size_t groups_;
  std::vector<double> client_weeks_;           ///< unit * groups_ + group, to date
  std::vector<double> national_client_weeks_;  ///< peer set * groups_ + group, filled at each review
  std::vector<double> national_credit_;        ///< peer set * groups_ + group, filled at each review
  std::vector<double> unexplained_credit_;     ///< by peer set; spread by unit size
  std::vector<double> office_market_;          ///< by office: log vacancies per new claim (regression)
  std::unique_ptr<Cascade> cascade_;           ///< when the rule has one
  std::vector<double> adviser_client_weeks_;   ///< adviser * groups_ + group, to date (cascade splits)
  std::vector<double> adviser_market_;         ///< by adviser: its office's market (an expected split)
  double measure_from_day_ = 0.0;
  model::LocalTargetTally local_tally_;        ///< summed over measured reviews, by local unit
};

}  // namespace caseload::regimes
