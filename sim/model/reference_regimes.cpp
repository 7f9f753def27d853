#include "sim/model/reference_regimes.hpp"

namespace caseload::model {

void EntryRewardRegime::value(AdviserId, std::span<const ActionCandidate> candidates,
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

void EntryRewardRegime::record(const Outcome& outcome) {
  if (outcome.kind != OutcomeKind::JobEntry || index(outcome.adviser) == no_row) return;
  const bool evidenced = outcome.days_since_help <= settings_.evidence_window_weeks * 7.0;
  if (settings_.whole_probability && !evidenced) return;  // no qualifying help on record
  const auto row = index(outcome.adviser);
  if (credited_.size() <= row) credited_.resize(row + 1, 0.0);
  if (outcome.time >= measure_from_day_) credited_[row] += settings_.points_per_entry;
}

double EntryRewardRegime::measured(AdviserId adviser) const {
  const auto row = index(adviser);
  return row < credited_.size() ? credited_[row] : 0.0;
}

std::unique_ptr<Regime> make_reference_regime(const Scenario& scenario) {
  if (scenario.regime.kind == "entry_reward") return std::make_unique<EntryRewardRegime>(scenario.regime, scenario.run.warmup_weeks * 7.0);
  return std::make_unique<NeutralRegime>();
}

}  // namespace caseload::model
