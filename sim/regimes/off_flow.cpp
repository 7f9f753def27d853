// off_flow: a claim that ends within N weeks of its start, whatever the reason: work,
// inactivity, a sanction or an unknown destination all count (the JSA off-flow measure).
// An action is worth the change in the chance of leaving benefit.

#include "sim/regimes/indicator.hpp"

namespace caseload::regimes {

namespace {

struct OffFlowSettings final : IndicatorSettings {
  double weeks = 13.0;
  std::vector<double> points;  ///< by group
};

class OffFlow final : public Indicator {
 public:
  explicit OffFlow(const OffFlowSettings& settings) : weeks_(settings.weeks), points_(settings.points) {}

  double value(const model::ActionCandidate& c) const override {
    if (c.claim_weeks > weeks_) return 0.0;  // too late to count for this claim
    return points_[model::index(c.group)] * (c.after.off_flow - c.before.off_flow);
  }

  void record(const model::Outcome& outcome, CreditLedger& ledger) override {
    if (outcome.kind != model::OutcomeKind::Exit || outcome.claim_weeks > weeks_) return;
    ledger.credit(outcome, points_[model::index(outcome.group)], outcome.time);
  }

 private:
  double weeks_ = 13.0;
  std::vector<double> points_;
};

}  // namespace

std::unique_ptr<const IndicatorSettings> read_off_flow(core::ConfigReader& reader, const IndicatorContext& context) {
  auto settings = std::make_unique<OffFlowSettings>();
  settings->weeks = reader.number("weeks", 13.0, core::Bounds::above(0.0));
  settings->points = read_group_weights(reader, "points", 1.0, context);
  return settings;
}

std::unique_ptr<Indicator> build_off_flow(const IndicatorSettings& settings, const IndicatorContext& /*context*/) {
  return std::make_unique<OffFlow>(dynamic_cast<const OffFlowSettings&>(settings));
}

}  // namespace caseload::regimes
