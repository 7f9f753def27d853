#pragma once
// The regimes the model ships before indicator sets (sim/regimes) exist: neutral, and a simple
// reward for job entries used by the model's own tests. An entry reward values an action at
// the change in entry probability it causes (marginal), or, with whole-probability
// attribution, at the whole probability of an entry when the action is the client's first
// qualifying help (as evidenced attribution does).

#include <memory>
#include <vector>

#include "sim/model/regime.hpp"
#include "sim/model/scenario.hpp"

namespace caseload::model {

class EntryRewardRegime final : public Regime {
 public:
  EntryRewardRegime(const RegimeSettings& settings, double measure_from_day)
      : settings_(settings), measure_from_day_(measure_from_day) {}
  double pressure(AdviserId) const override { return settings_.pressure; }
  void value(AdviserId, std::span<const ActionCandidate> candidates, std::span<double> reward) const override;
  double value_employer_contact(AdviserId) const override { return 0.0; }
  double validation_minutes_due(AdviserId) const override { return 0.0; }
  void record(const Outcome& outcome) override;
  void end_week(const World&, int) override {}
  double measured(AdviserId adviser) const override;

 private:
  RegimeSettings settings_;
  double measure_from_day_;
  std::vector<double> credited_;  ///< points by adviser, in the measured period
};

/// Builds the regime named by the scenario's `regime.kind`.
std::unique_ptr<Regime> make_reference_regime(const Scenario& scenario);

}  // namespace caseload::model
