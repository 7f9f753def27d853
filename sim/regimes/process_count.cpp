// process: a count of something an adviser does (interviews, submissions, employer contacts),
// per occurrence or per minute, whatever it achieves: supported-employment style targets.

#include <string>

#include "sim/model/action.hpp"
#include "sim/regimes/indicator.hpp"

namespace caseload::regimes {

namespace {

struct ProcessCountSettings final : IndicatorSettings {
  model::ActionKind action = model::ActionKind::EmployerContact;
  bool per_minute = false;
  double points = 1.0;
};

class ProcessCount final : public Indicator {
 public:
  ProcessCount(const ProcessCountSettings& settings, const IndicatorContext& context)
      : contact_minutes_(context.scenario->actions.employer_contact.minutes),
        action_(settings.action),
        per_minute_(settings.per_minute),
        points_(settings.points) {}

  double value(const model::ActionCandidate& c) const override {
    if (c.action != action_) return 0.0;
    return per_minute_ ? points_ * c.minutes : points_;
  }

  double value_employer_contact() const override {
    // Employer contacts are not client actions; their minutes are fixed by the scenario.
    if (action_ != model::ActionKind::EmployerContact) return 0.0;
    return per_minute_ ? points_ * contact_minutes_ : points_;
  }

  void record(const model::Outcome& outcome, CreditLedger& ledger) override {
    if (outcome.kind != model::OutcomeKind::ActionTaken || outcome.action != action_) return;
    ledger.credit(outcome, per_minute_ ? points_ * outcome.minutes : points_, outcome.time);
  }

 private:
  double contact_minutes_;
  model::ActionKind action_ = model::ActionKind::EmployerContact;
  bool per_minute_ = false;
  double points_ = 1.0;
};

}  // namespace

std::unique_ptr<const IndicatorSettings> read_process_count(core::ConfigReader& reader,
                                                            const IndicatorContext& /*context*/) {
  auto settings = std::make_unique<ProcessCountSettings>();
  std::vector<std::string> actions;
  for (auto name : model::action_names) actions.emplace_back(name);
  const std::string action = reader.choice("action", "employer_contact", actions);
  for (std::size_t k = 0; k < actions.size(); ++k) {
    if (actions[k] == action) settings->action = static_cast<model::ActionKind>(k);
  }
  settings->per_minute = reader.choice("per", "occurrence", {"occurrence", "minute"}) == "minute";
  settings->points = reader.number("points", 1.0, core::Bounds::at_least(0.0));
  return settings;
}

std::unique_ptr<Indicator> build_process_count(const IndicatorSettings& settings, const IndicatorContext& context) {
  return std::make_unique<ProcessCount>(dynamic_cast<const ProcessCountSettings&>(settings), context);
}

}  // namespace caseload::regimes
