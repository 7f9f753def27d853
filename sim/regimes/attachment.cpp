// attachment: a fee per client referred to a provider, paid when the attachment begins (the
// Work Programme's attachment fee, P28). Nothing a caseworker does changes it, so it is worth
// nothing in the plan; it only adds to what a provider earns.

#include "sim/regimes/indicator.hpp"

namespace caseload::regimes {

namespace {

class Attachment final : public Indicator {
 public:
  Attachment(core::ConfigReader& reader, const IndicatorContext& context)
      : fee_(read_group_weights(reader, "points", 0.0, context)) {}

  double value(const model::ActionCandidate&) const override { return 0.0; }

  void record(const model::Outcome& outcome, CreditLedger& ledger) override {
    if (outcome.kind != model::OutcomeKind::Attached) return;
    const double fee = fee_[model::index(outcome.group)];
    if (fee > 0.0) ledger.credit(outcome, fee, outcome.time);
  }

 private:
  std::vector<double> fee_;
};

}  // namespace

std::unique_ptr<Indicator> make_attachment(core::ConfigReader& reader, const IndicatorContext& context) {
  return std::make_unique<Attachment>(reader, context);
}

}  // namespace caseload::regimes
