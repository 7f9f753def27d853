#pragma once
// A simple reward for job entries, for the model's own tests (the real regimes are indicator
// sets in sim/regimes, which the model does not depend on). It values an action at the change
// in entry probability it causes (marginal), or, with whole-probability attribution, at the
// whole probability of an entry when the action is the client's first qualifying help (as
// evidenced attribution does).

#include <memory>
#include <vector>

#include "sim/model/regime.hpp"
#include "sim/model/scenario.hpp"

namespace caseload::model {

struct EntryRewardSettings {
  double points_per_entry = 1.0;
  double pressure = 1.0;
  bool whole_probability = false;
  double evidence_window_weeks = 13.0;
};

class EntryRewardRegime final : public Regime {
 public:
  EntryRewardRegime(const EntryRewardSettings& settings, double measure_from_day)
      : settings_(settings), measure_from_day_(measure_from_day) {}
  double pressure(AdviserId) const override { return settings_.pressure; }
  void value(AdviserId, std::span<const ActionCandidate> candidates, std::span<double> reward) const override;
  double value_employer_contact(AdviserId) const override { return 0.0; }
  double take_validation_minutes(AdviserId) override { return 0.0; }
  void record(const Outcome& outcome) override;
  void end_week(const RegimeView&, int) override {}
  double measured(AdviserId adviser) const override;

 private:
  EntryRewardSettings settings_;
  double measure_from_day_;
  std::vector<double> credited_;  ///< points by adviser, in the measured period
};



inline void EntryRewardRegime::value(AdviserId, std::span<const ActionCandidate> candidates,
                              std::span<double> reward) const {
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const ActionCandidate& c = candidates[i];
    const bool first_help = is_evidence(c.action) && c.days_since_help > settings_.evidence_window_weeks * 7.0;
    const double counted = settings_.whole_probability && first_help
                               ? c.after.entry
                               : c.after.entry - c.before.entry;
    reward[i] = settings_.points_per_entry * counted;
  }
}

inline void EntryRewardRegime::record(const Outcome& outcome) {
  if (outcome.kind != OutcomeKind::JobEntry || index(outcome.adviser) == no_row) return;
  const bool evidenced = outcome.days_since_help <= settings_.evidence_window_weeks * 7.0;
  if (settings_.whole_probability && !evidenced) return;  // no qualifying help on record
  const auto row = index(outcome.adviser);
  if (credited_.size() <= row) credited_.resize(row + 1, 0.0);
  if (outcome.time >= measure_from_day_) credited_[row] += settings_.points_per_entry;
}

inline double EntryRewardRegime::measured(AdviserId adviser) const {
  const auto row = index(adviser);
  return row < credited_.size() ? credited_[row] : 0.0;
}

}  // namespace caseload::model
