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

std::unique_ptr<Regime> make_reference_regime(const Scenario& scenario) {
  if (scenario.regime.kind == "entry_reward") return std::make_unique<EntryRewardRegime>(scenario.regime);
  return std::make_unique<NeutralRegime>();
}

}  // namespace caseload::model
