// job_entry: a move from the caseload into work. Attribution decides what an action is worth:
//  - evidenced (JET): counts only if qualifying help was recorded within the window, and the
//    adviser then spends validation minutes. An action that creates the first evidence is
//    worth the whole chance of an entry (help on someone who would have found work anyway
//    still earns the points); once evidence exists, only the change in that chance counts.
//  - matched (JOT): every entry found in benefit and tax records counts, after a data lag and
//    with false negatives (missed entries) and false positives (other exits read as work), so
//    an action is worth only the change in the chance of an entry.

#include <algorithm>

#include "sim/model/action.hpp"
#include "sim/model/jobseeker_table.hpp"
#include "sim/model/streams.hpp"
#include "sim/regimes/indicator.hpp"

namespace caseload::regimes {

namespace {

class JobEntry final : public Indicator {
 public:
  enum class Attribution { Evidenced, Matched, Attached };

  JobEntry(core::ConfigReader& reader, const IndicatorContext& context)
      : seed_(context.scenario->run.seed), context_(context) {
    const std::string attribution =
        reader.choice("attribution", "matched", {"evidenced", "matched", "attached"});
    attribution_ = attribution == "evidenced" ? Attribution::Evidenced
                   : attribution == "attached" ? Attribution::Attached
                                               : Attribution::Matched;
    points_ = read_group_weights(reader, "points", 1.0, context);
    long_term_weeks_ = reader.number("long_term_after_weeks", 0.0, core::Bounds::at_least(0.0));
    long_term_points_ = reader.number("long_term_points", 0.0, core::Bounds::at_least(0.0));
    window_days_ = 7.0 * reader.number("window_weeks", 13.0, core::Bounds::at_least(0.0));
    validation_minutes_ = reader.number("validation_minutes", context.scenario->actions.validation.minutes,
                                        core::Bounds::at_least(0.0));
    lag_days_ = 7.0 * reader.number("lag_weeks", 0.0, core::Bounds::at_least(0.0));
    false_negative_ = reader.number("false_negative", 0.0, core::Bounds::probability());
    false_positive_ = reader.number("false_positive", 0.0, core::Bounds::probability());
  }

  double value(const model::ActionCandidate& c) const override {
    const double worth = points(c.group, c.claim_weeks);
    const double gain = c.after.entry - c.before.entry;
    if (attribution_ == Attribution::Attached && !c.attached) return 0.0;
    if (attribution_ != Attribution::Evidenced) return worth * (1.0 - false_negative_) * gain;
    const bool evidenced = c.days_since_help <= window_days_;
    if (!evidenced && model::is_evidence(c.action)) return worth * c.after.entry;
    return evidenced ? worth * gain : 0.0;
  }

  void record(const model::Outcome& outcome, CreditLedger& ledger) override {
    // attached: matched records, counted only for people on a provider's caseload at the time.
    if (attribution_ == Attribution::Attached && !context_.is_provider(outcome.adviser)) return;
    if (outcome.kind == model::OutcomeKind::JobEntry) {
      const double worth = points(outcome.group, outcome.claim_weeks);
      if (attribution_ == Attribution::Evidenced) {
        if (outcome.days_since_help > window_days_) return;  // nothing on record to claim it
        ledger.credit(outcome, worth, outcome.time);
        ledger.owe_validation(outcome.adviser, validation_minutes_);
        return;
      }
      if (draw(outcome) < false_negative_) return;
      ledger.credit(outcome, worth, outcome.time + lag_days_);
      return;
    }
    // Record matching can also read a non-work exit as a job start.
    if (outcome.kind == model::OutcomeKind::Exit && attribution_ != Attribution::Evidenced &&
        outcome.exit_reason != static_cast<std::uint8_t>(model::ExitReason::Work) &&
        false_positive_ > 0.0 && draw(outcome) < false_positive_) {
      ledger.credit(outcome, points(outcome.group, outcome.claim_weeks), outcome.time + lag_days_);
    }
  }

 private:
  double points(model::GroupId group, double claim_weeks) const {
    if (long_term_weeks_ > 0.0 && claim_weeks >= long_term_weeks_) {
      return std::max(long_term_points_, points_[model::index(group)]);
    }
    return points_[model::index(group)];
  }
  double draw(const model::Outcome& outcome) const {
    auto luck = model::stream(seed_, model::EntityKind::Jobseeker, model::index(outcome.client),
                              model::Purpose::MatchNoise, static_cast<std::uint32_t>(outcome.time));
    return luck.uniform01();
  }

  std::uint64_t seed_;
  IndicatorContext context_;
  Attribution attribution_ = Attribution::Matched;
  std::vector<double> points_;
  double long_term_weeks_ = 0.0;
  double long_term_points_ = 0.0;
  double window_days_ = 0.0;
  double validation_minutes_ = 0.0;
  double lag_days_ = 0.0;
  double false_negative_ = 0.0;
  double false_positive_ = 0.0;
};

}  // namespace

std::unique_ptr<Indicator> make_job_entry(core::ConfigReader& reader, const IndicatorContext& context) {
  return std::make_unique<JobEntry>(reader, context);
}

}  // namespace caseload::regimes
