// sustained_job: a job that lasts N weeks (13 or 26), found by matching records (every job
// counts, whoever helped), as payment-by-results outcome fees are. Sustainment payments follow
// every `sustainment_every_weeks` after the outcome, up to a cap; the model marks jobs at 13,
// 26 and 52 weeks, so payments due by each mark are made at that mark.

#include <algorithm>
#include <cmath>

#include "sim/regimes/indicator.hpp"

namespace caseload::regimes {

namespace {

struct SustainedJobSettings final : IndicatorSettings {
  bool attached = false;
  double weeks = 26.0;
  std::vector<double> price;        ///< by group
  std::vector<double> sustainment;  ///< by group
  double every_weeks = 4.0;
  double max_payments = 0.0;
};

class SustainedJob final : public Indicator {
 public:
  SustainedJob(const SustainedJobSettings& settings, const IndicatorContext& context)
      : context_(context),
        attached_(settings.attached),
        weeks_(settings.weeks),
        price_(settings.price),
        sustainment_(settings.sustainment),
        every_weeks_(settings.every_weeks),
        max_payments_(settings.max_payments) {}

  double value(const model::ActionCandidate& c) const override {
    const double gain = weeks_ == 13.0 ? c.after.sustained_13 - c.before.sustained_13
                                       : c.after.sustained_26 - c.before.sustained_26;
    if (attached_ && !c.attached) return 0.0;
    const auto group = model::index(c.group);
    return (price_[group] + sustainment_[group] * expected_payments(c.after)) * gain;
  }

  void record(const model::Outcome& outcome, CreditLedger& ledger) override {
    if (outcome.kind != model::OutcomeKind::Sustained) return;
    // attached: only jobs entered while on a provider's caseload, credited to that provider.
    if (attached_ && !context_.is_provider(outcome.adviser)) return;
    const auto group = model::index(outcome.group);
    double amount = 0.0;
    if (outcome.weeks == weeks_) amount += price_[group];
    // Sustainment payments due by this mark and not yet paid at an earlier one.
    const double paid_before = payments_by(previous_mark(outcome.weeks));
    const double due = payments_by(outcome.weeks) - paid_before;
    amount += due * sustainment_[group];
    if (amount > 0.0) ledger.credit(outcome, amount, outcome.time);
  }

 private:
  // Sustainment payments a job that reached `weeks_` can expect by the model's last mark (52
  // weeks): each mark's payments times the chance the job lasts to it. The forecast knows the
  // 13- and 26-week chances; the ratio of the two is taken as the survival over every further
  // 13 weeks (a constant hazard after the first quarter, an approximation).
  double expected_payments(const model::Forecast& f) const {
    if (max_payments_ <= 0.0 || f.sustained_13 <= 0.0) return 0.0;
    const double per_quarter = f.sustained_26 / f.sustained_13;
    double expected = 0.0;
    for (const double mark : {26.0, 52.0}) {
      if (mark <= weeks_) continue;
      const double due = payments_by(mark) - payments_by(previous_mark(mark));
      expected += due * std::pow(per_quarter, (mark - weeks_) / 13.0);
    }
    return expected;
  }
  static double previous_mark(double mark) { return mark == 52.0 ? 26.0 : mark == 26.0 ? 13.0 : 0.0; }
  double payments_by(double mark) const {
    if (mark <= weeks_) return 0.0;
    return std::min(max_payments_, std::floor((mark - weeks_) / every_weeks_));
  }

  IndicatorContext context_;
  bool attached_ = false;
  double weeks_ = 26.0;
  std::vector<double> price_;
  std::vector<double> sustainment_;
  double every_weeks_ = 4.0;
  double max_payments_ = 0.0;
};

}  // namespace

std::unique_ptr<const IndicatorSettings> read_sustained_job(core::ConfigReader& reader,
                                                            const IndicatorContext& context) {
  auto settings = std::make_unique<SustainedJobSettings>();
  settings->attached = reader.choice("attribution", "matched", {"matched", "attached"}) == "attached";
  settings->weeks = reader.choice("weeks", "26", {"13", "26"}) == "13" ? 13.0 : 26.0;
  settings->price = read_group_weights(reader, "points", 1.0, context);
  settings->sustainment = read_group_weights(reader, "sustainment_points", 0.0, context);
  settings->every_weeks = reader.number("sustainment_every_weeks", 4.0, core::Bounds::above(0.0));
  settings->max_payments = reader.number("sustainment_max", 0.0, core::Bounds::at_least(0.0));
  return settings;
}

std::unique_ptr<Indicator> build_sustained_job(const IndicatorSettings& settings, const IndicatorContext& context) {
  return std::make_unique<SustainedJob>(dynamic_cast<const SustainedJobSettings&>(settings), context);
}

}  // namespace caseload::regimes
