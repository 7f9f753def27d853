// sustained_job: a job that lasts N weeks (13 or 26), found by matching records (every job
// counts, whoever helped), as payment-by-results outcome fees are. Sustainment payments follow
// every `sustainment_every_weeks` after the outcome, up to a cap; each is paid on its own date
// if the job is still going then (the regime asks the model to mark jobs at each date).

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
  int max_payments = 0;
};

class SustainedJob final : public Indicator {
 public:
  SustainedJob(const SustainedJobSettings& settings, const IndicatorContext& context)
      : settings_(settings), context_(context) {
    for (int k = 1; k <= settings.max_payments; ++k) {
      payment_weeks_.push_back(settings.weeks + k * settings.every_weeks);
    }
  }

  void add_job_marks(std::vector<double>& marks) const override {
    marks.push_back(settings_.weeks);
    marks.insert(marks.end(), payment_weeks_.begin(), payment_weeks_.end());
  }

  double value(const model::ActionCandidate& c) const override {
    const double gain = settings_.weeks == 13.0 ? c.after.sustained_13 - c.before.sustained_13
                                       : c.after.sustained_26 - c.before.sustained_26;
    if (settings_.attached && !c.attached) return 0.0;
    const auto group = model::index(c.group);
    return (settings_.price[group] + settings_.sustainment[group] * expected_payments(c.after)) * gain;
  }

  void record(const model::Outcome& outcome, CreditLedger& ledger) override {
    if (outcome.kind != model::OutcomeKind::Sustained) return;
    // attached: only jobs entered while on a provider's caseload, credited to that provider.
    if (settings_.attached && !context_.is_provider(outcome.adviser)) return;
    const auto group = model::index(outcome.group);
    // The model marks the job at exactly the weeks add_job_marks gave it, so equality is safe;
    // payments fall after the outcome mark, so one mark is never both.
    if (outcome.weeks == settings_.weeks && settings_.price[group] > 0.0) {
      ledger.credit(outcome, settings_.price[group], outcome.time, model::PaymentKind::JobOutcome);
    } else if (settings_.sustainment[group] > 0.0 &&
               std::binary_search(payment_weeks_.begin(), payment_weeks_.end(), outcome.weeks)) {
      ledger.credit(outcome, settings_.sustainment[group], outcome.time, model::PaymentKind::Sustainment);
    }
  }

 private:
  // Sustainment payments a job that reached `weeks` can expect over the whole schedule: each
  // payment times the chance the job lasts to its date. The forecast knows the 13- and 26-week
  // chances; the ratio of the two is taken as the survival over every further 13 weeks (a
  // constant hazard after the first quarter, an approximation), so each payment period of
  // `sustainment_every_weeks` keeps the job with the same chance.
  double expected_payments(const model::Forecast& f) const {
    if (payment_weeks_.empty() || f.sustained_13 <= 0.0) return 0.0;
    const double per_period = std::pow(f.sustained_26 / f.sustained_13, settings_.every_weeks / 13.0);
    double lasting = 1.0;
    double expected = 0.0;
    for (std::size_t k = 0; k < payment_weeks_.size(); ++k) {
      lasting *= per_period;
      expected += lasting;
    }
    return expected;
  }

  SustainedJobSettings settings_;  ///< the keys as read
  IndicatorContext context_;
  std::vector<double> payment_weeks_;  ///< weeks in work at which each payment falls, ascending
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
  // At most two years of weekly payments: each is a mark the model schedules for every job.
  settings->max_payments = static_cast<int>(reader.integer("sustainment_max", 0, core::Bounds::between(0.0, 104.0)));
  return settings;
}

std::unique_ptr<Indicator> build_sustained_job(const IndicatorSettings& settings, const IndicatorContext& context) {
  return std::make_unique<SustainedJob>(dynamic_cast<const SustainedJobSettings&>(settings), context);
}

}  // namespace caseload::regimes
