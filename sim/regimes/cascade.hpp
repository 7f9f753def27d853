#pragma once
// Targets at every level: a national goal split down a chain of levels (nation, district,
// office, team, adviser), each level's shortfall passed as pressure to the level below by its
// managers, and units at one level that choose their own targets (Denmark's local goals).
// Credit is counted by the adviser who earned it and added up at each level.

#include <cstdint>
#include <span>
#include <vector>

#include "sim/model/ids.hpp"
#include "sim/model/scenario.hpp"
#include "sim/regimes/cascade_rule.hpp"
#include "sim/regimes/organisation.hpp"

namespace caseload::regimes {

/// Units at one level set their own targets within the national goal: a unit's target is the
/// one split to it times its ambition, drawn once per unit (lognormal with this mean and
/// log-sd, from `seed`, so replications and both variants share the choices) and never below
/// `floor` (the least the nation accepts). Ambition below 1 is a low target.
struct LocalTargets {
  bool enabled = false;
  Level level = Level::Office;
  double ambition_mean = 1.0;
  double ambition_sd = 0.0;
  double floor = 0.0;
  std::uint64_t seed = 1;
};

struct CascadeRule {
  std::vector<Level> levels;    ///< from the top down; empty: no cascade
  Split split = Split::Equal;
  std::vector<double> shares;   ///< the first split, by unit of levels[1]; empty: by `split`
  Manager manager = Manager::Even;
  LocalTargets local;
  bool enabled() const { return !levels.empty(); }
};

class Cascade {
 public:
  /// One level of the chain. Provider caseworkers are outside it (a contract, not a manager,
  /// steers them): their units are not managed, get no target and feel no pressure.
  struct Tier {
    Level level;
    Organisation organisation;
    std::vector<std::uint32_t> parent;  ///< by unit: its unit on the tier above (top: itself)
    std::vector<bool> managed;          ///< by unit: false for a provider's caseworkers
    std::vector<double> target;         ///< by unit, to date at the last review; NaN before one
    std::vector<double> pressure;       ///< by unit: 1 + what it received + k × own shortfall
    std::vector<double> ambition;       ///< by unit: own target ÷ the one split to it (1 off the local level)
    std::vector<double> credit;         ///< by unit, to date at the last review
    std::vector<double> received;       ///< by unit: pressure passed down by its manager
    std::vector<std::vector<std::uint32_t>> children;  ///< by unit: its managed units on the tier below
  };

  /// `k`: pressure per unit of shortfall share, at every level.
  Cascade(const model::Scenario& scenario, const CascadeRule& rule, double k);

  /// Sets every level's targets and pressures from the top: the top level's target to date is
  /// `weekly_target` × its advisers × `weeks_in_year`; `adviser_credit` is credit to date by
  /// adviser; `adviser_weight` weighs each adviser's part of a caseload or expected split
  /// (ignored under equal shares).
  void review(double weekly_target, double weeks_in_year, std::span<const double> adviser_credit,
              std::span<const double> adviser_weight);
  /// The pressure an adviser feels: its unit's on the lowest level.
  double pressure(model::AdviserId adviser) const;
  const std::vector<Tier>& tiers() const { return tiers_; }
  /// Adds a per-adviser value up over each unit of `tier`.
  std::vector<double> unit_totals(std::size_t tier, std::span<const double> by_adviser) const;

 private:
  void split_down(std::size_t tier, std::span<const double> adviser_weight);

  CascadeRule rule_;
  double k_ = 0.0;
  std::vector<Tier> tiers_;
};

}  // namespace caseload::regimes
