// attachment: a fee per client referred to a provider, paid when the attachment begins (the
// Work Programme's attachment fee, P28). Nothing a caseworker does changes it, so it is worth
// nothing in the plan; it only adds to what a provider earns.

#include "sim/regimes/indicator.hpp"

namespace caseload::regimes {

namespace {

struct AttachmentSettings final : IndicatorSettings {
  std::vector<double> fee;  ///< by group
};

class Attachment final : public Indicator {
 public:
  explicit Attachment(const AttachmentSettings& settings) : fee_(settings.fee) {}

  double value(const model::ActionCandidate&) const override { return 0.0; }

  void record(const model::Outcome& outcome, CreditLedger& ledger) override {
    if (outcome.kind != model::OutcomeKind::Attached) return;
    const double fee = fee_[model::index(outcome.group)];
    if (fee > 0.0) ledger.credit(outcome, fee, outcome.time, model::PaymentKind::Attachment);
  }

 private:
  std::vector<double> fee_;
};

}  // namespace

std::unique_ptr<const IndicatorSettings> read_attachment(core::ConfigReader& reader,
                                                         const IndicatorContext& context) {
  auto settings = std::make_unique<AttachmentSettings>();
  settings->fee = read_group_weights(reader, "points", 0.0, context);
  return settings;
}

std::unique_ptr<Indicator> build_attachment(const IndicatorSettings& settings, const IndicatorContext& /*context*/) {
  return std::make_unique<Attachment>(dynamic_cast<const AttachmentSettings&>(settings));
}

}  // namespace caseload::regimes
