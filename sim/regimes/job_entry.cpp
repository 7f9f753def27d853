// job_entry: a move from the caseload into work. Attribution decides what an action is worth:
//  - evidenced (JET): counts only if qualifying help was recorded within the window, and the
//    adviser then spends validation minutes. An action that creates the first evidence is
//    worth the whole chance of an entry (help on someone who would have found work anyway
//    still earns the points); once evidence exists, only the change in that chance counts.
//  - matched (JOT): every entry found in benefit and tax records counts, after a data lag and
//    with false negatives (missed entries) and false positives (other exits read as work), so
//    an action is worth only the change in the chance of an entry.
// JET's extras: a bonus for a counted entry whose client starts no new claim within
// bonus_after_weeks, and an uplift for clients of listed offices (JET's deprived areas).
// Evidence and audit: under evidenced attribution an entry the office did not bring about (the
// client's own search or the open market, with help on record) is a weak claim, made only if
// it is worth making against the audit (audit.hpp); records find a matched entry with the
// chance match_rate of its client's group.

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>

#include <fmt/format.h>

#include "sim/core/assert.hpp"
#include "sim/model/action.hpp"
#include "sim/model/jobseeker_table.hpp"
#include "sim/model/outcome_model.hpp"
#include "sim/model/streams.hpp"
#include "sim/regimes/audit.hpp"
#include "sim/regimes/indicator.hpp"

namespace caseload::regimes {

namespace {

enum class Attribution { Evidenced, Matched, Attached };

// Its keys as read: durations in weeks, as written; the indicator counts in days.
struct JobEntrySettings final : IndicatorSettings {
  Attribution attribution = Attribution::Matched;
  std::vector<double> points;  ///< by group
  double long_term_weeks = 0.0;
  double long_term_points = 0.0;
  double window_weeks = 13.0;
  double validation_minutes = 0.0;
  double lag_weeks = 0.0;
  double false_negative = 0.0;
  double false_positive = 0.0;
  double bonus_points = 0.0;
  double bonus_after_weeks = 4.0;
  std::vector<bool> bonus_groups;    ///< by group
  std::vector<bool> uplift_offices;  ///< by office
  double uplift_share = 0.5;
  double uplift_min_points = 2.0;
  AuditRule audit;                  ///< evidenced only
  std::vector<double> match_rate;   ///< by group: the chance records find an entry
};

std::vector<bool> read_offices(core::ConfigReader& reader, std::string_view key, int offices) {
  std::vector<bool> listed(static_cast<std::size_t>(std::max(offices, 0)), false);
  const std::vector<double> numbers = reader.numbers(key, {}, core::Bounds::at_least(0.0));
  const core::ConfigNode* list = reader.node().is_map() ? reader.node().find(key) : nullptr;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    if (numbers[i] == std::floor(numbers[i]) && numbers[i] < static_cast<double>(offices)) {
      listed[static_cast<std::size_t>(numbers[i])] = true;
      continue;
    }
    const bool is_item = list != nullptr && list->is_sequence() && i < list->items().size();
    reader.diagnostics().error(
        is_item ? list->items()[i].location() : reader.location_of(key),
        fmt::format("'{}' lists office {}; offices are numbered 0 to {} (network.offices = {})",
                    reader.path_of(key), numbers[i], offices - 1, offices));
  }
  return listed;
}

// audit (evidenced only) and match_rate (matched and attached only): a key that cannot act
// under the indicator's attribution is an error, not silently ignored.
void read_evidence_keys(core::ConfigReader& reader, const IndicatorContext& context,
                        JobEntrySettings& settings) {
  const bool is_evidenced = settings.attribution == Attribution::Evidenced;
  const bool has_audit = reader.has("audit");
  core::ConfigReader audit = reader.section("audit");
  settings.audit = read_audit(audit);
  if (has_audit && !is_evidenced) {
    reader.error("audit", fmt::format("'{}' checks evidenced claims; it needs '{}: evidenced'",
                                      reader.path_of("audit"), reader.path_of("attribution")));
  }
  const bool has_match_rate = reader.has("match_rate");
  settings.match_rate = read_group_weights(reader, "match_rate", 1.0, context);
  for (std::size_t g = 0; g < settings.match_rate.size(); ++g) {
    if (settings.match_rate[g] <= 1.0) continue;
    // At the group's own entry when the rates are a map by group, else at the key.
    const std::string& group = context.group_names[g];
    const core::ConfigNode* rates = reader.node().find("match_rate");
    const core::ConfigNode* entry = rates != nullptr && rates->is_map() ? rates->find(group) : nullptr;
    reader.diagnostics().error(
        entry != nullptr ? entry->location() : reader.location_of("match_rate"),
        fmt::format("'{}' is a chance in [0, 1]; got {} for {}", reader.path_of("match_rate"),
                    settings.match_rate[g], group));
    break;
  }
  if (has_match_rate && is_evidenced) {
    reader.error("match_rate",
                 fmt::format("'{}' is the chance records find an entry; it needs '{}: matched' or "
                             "'attached'",
                             reader.path_of("match_rate"), reader.path_of("attribution")));
  }
}

class JobEntry final : public Indicator {
 public:
  JobEntry(const JobEntrySettings& settings, const IndicatorContext& context)
      : settings_(settings),
        seed_(context.scenario->run.seed),
        context_(context),
        measure_from_day_(7.0 * context.scenario->run.warmup_weeks),
        window_days_(7.0 * settings.window_weeks),
        lag_days_(7.0 * settings.lag_weeks),
        bonus_after_days_(7.0 * settings.bonus_after_weeks),
        // Valuing the bonus: a new claim within the period needs the job to end at least
        // reclaim_delay_weeks before its close, and then a claim (model::reclaim_probability).
        jobs_(&context.scenario->jobs),
        tenure_weeks_needed_(std::max(0.0, settings.bonus_after_weeks - context.scenario->jobs.reclaim_delay_weeks)) {}

  double value(const model::ActionCandidate& c) const override {
    const double worth = points(c.group, c.claim_weeks, c.office);
    const double gain = c.after.entry - c.before.entry;
    if (settings_.attribution == Attribution::Attached && !c.attached) return 0.0;
    const bool has_bonus = earns_bonus(c.group);
    if (settings_.attribution != Attribution::Evidenced) {
      // Times a match rate of 1 leaves the figure bit-identical to one without it.
      const double found =
          (1.0 - settings_.false_negative) * settings_.match_rate[model::index(c.group)];
      const double entry = worth * found * gain;
      if (!has_bonus) return entry;
      return entry + found * (expected_bonus(c.after) - expected_bonus(c.before));
    }
    const bool evidenced = c.days_since_help <= window_days_;
    if (!evidenced && model::is_evidence(c.action)) {
      return has_bonus ? worth * c.after.entry + expected_bonus(c.after) : worth * c.after.entry;
    }
    if (!evidenced) return 0.0;
    return has_bonus ? worth * gain + expected_bonus(c.after) - expected_bonus(c.before) : worth * gain;
  }

  void record(const model::Outcome& outcome, CreditLedger& ledger) override {
    if (outcome.kind == model::OutcomeKind::ClaimStart) {
      cancel_bonus(outcome);
      return;
    }
    // attached: matched records, counted only for people on a provider's caseload at the time.
    if (settings_.attribution == Attribution::Attached && !context_.is_provider(outcome.adviser)) return;
    if (outcome.kind == model::OutcomeKind::JobEntry) {
      const double worth = points(outcome.group, outcome.claim_weeks, outcome.office);
      if (settings_.attribution == Attribution::Evidenced) {
        if (outcome.days_since_help > window_days_) return;  // nothing on record to claim it
        if (!outcome.via_submission) {
          claim_weakly(outcome, worth, ledger);
          return;
        }
        ledger.credit(outcome, worth, outcome.time, model::PaymentKind::JobOutcome);
        ledger.owe_validation(outcome.adviser, settings_.validation_minutes);
        hold_bonus(outcome, 0.0);
        return;
      }
      if (!is_found(outcome)) {
        if (is_measured(outcome)) tally_.unmatched_entries[model::index(outcome.group)] += 1.0;
        return;
      }
      ledger.credit(outcome, worth, outcome.time + lag_days_, model::PaymentKind::JobOutcome);
      hold_bonus(outcome, lag_days_);
      return;
    }
    // Record matching can also read a non-work exit as a job start (and, if no claim follows,
    // as one that lasted).
    if (outcome.kind == model::OutcomeKind::Exit && settings_.attribution != Attribution::Evidenced &&
        outcome.exit_reason != static_cast<std::uint8_t>(model::ExitReason::Work) &&
        settings_.false_positive > 0.0 && draw(outcome) < settings_.false_positive) {
      ledger.credit(outcome, points(outcome.group, outcome.claim_weeks, outcome.office),
                    outcome.time + lag_days_, model::PaymentKind::JobOutcome);
      hold_bonus(outcome, lag_days_);
    }
  }

  void add_evidence(model::EvidenceTally& tally) const override {
    const auto add = [](std::vector<double>& sum, const std::vector<double>& mine) {
      if (sum.empty()) sum.assign(mine.size(), 0.0);
      for (std::size_t g = 0; g < mine.size() && g < sum.size(); ++g) sum[g] += mine[g];
    };
    add(tally.claims_weak, tally_.claims_weak);
    add(tally.claims_rejected, tally_.claims_rejected);
    add(tally.credit_unaudited, tally_.credit_unaudited);
    add(tally.unmatched_entries, tally_.unmatched_entries);
  }

  void end_week(double day, CreditLedger& ledger) override {
    while (!pending_.empty() && pending_.front().due_day <= day) {
      const PendingBonus& bonus = pending_.front();
      if (!bonus.is_cancelled) ledger.credit(bonus.earned_by, bonus.points, bonus.due_day + bonus.lag_days);
      pending_.pop_front();
      ++popped_;
    }
  }

 private:
  // A bonus waiting for its client to stay off benefit until due_day. Entries arrive in time
  // order, so the queue is in due order; sequence numbers (popped_ + position) locate one.
  struct PendingBonus {
    double due_day;
    double lag_days;
    model::Outcome earned_by;  ///< the entry: its adviser is credited, its group counted
    double points;
    bool is_cancelled;
  };

  double points(model::GroupId group, double claim_weeks, model::OfficeId office) const {
    double base = settings_.points[model::index(group)];
    if (settings_.long_term_weeks > 0.0 && claim_weeks >= settings_.long_term_weeks) base = std::max(settings_.long_term_points, base);
    const auto o = static_cast<std::size_t>(model::index(office));
    if (o < settings_.uplift_offices.size() && settings_.uplift_offices[o] && base > 0.0) {
      return base + std::max(settings_.uplift_share * base, settings_.uplift_min_points);
    }
    return base;
  }

  bool earns_bonus(model::GroupId group) const {
    return settings_.bonus_points > 0.0 && settings_.bonus_groups[model::index(group)];
  }

  // bonus_points x P(entry and no new claim within bonus_after_weeks). Tenure is exponential
  // with one hazard per job (forecast.cpp: sustained_13 = entry x exp(-13 h)), so h follows
  // from sustained_13 / entry; a claim follows an end at tenure t with model::reclaim_probability(t).
  double expected_bonus(const model::Forecast& f) const {
    if (f.entry <= 0.0) return 0.0;
    const double lasts_13 = std::clamp(f.sustained_13 / f.entry, 0.0, 1.0);
    const double hazard = lasts_13 > 0.0 ? -std::log(lasts_13) / 13.0 : std::numeric_limits<double>::infinity();
    const double reclaims = std::isfinite(hazard) ? model::reclaim_within(*jobs_, hazard, tenure_weeks_needed_)
                                                  : model::reclaim_probability(*jobs_, 0.0);
    return settings_.bonus_points * f.entry * (1.0 - reclaims);
  }

  void hold_bonus(const model::Outcome& outcome, double lag_days) {
    if (!earns_bonus(outcome.group)) return;
    const double due_day = outcome.time + bonus_after_days_;
    CASELOAD_ASSERT(pending_.empty() || pending_.back().due_day <= due_day, "outcomes out of time order");
    const auto person = static_cast<std::size_t>(model::index(outcome.client));
    if (person >= latest_.size()) latest_.resize(person + 1, 0);
    latest_[person] = popped_ + pending_.size() + 1;
    pending_.push_back({due_day, lag_days, outcome, settings_.bonus_points, false});
  }

  // Only a person's latest bonus can still be cancelled: an earlier one was either cancelled
  // by the claim that preceded the later entry, or fell due before it.
  void cancel_bonus(const model::Outcome& outcome) {
    const auto person = static_cast<std::size_t>(model::index(outcome.client));
    if (person >= latest_.size() || latest_[person] <= popped_) return;
    PendingBonus& bonus = pending_[latest_[person] - 1 - popped_];
    if (outcome.time <= bonus.due_day) bonus.is_cancelled = true;
  }

  // A weak claim, if worth making: validation minutes are owed either way; a sampled claim is
  // rejected (and penalised), an unsampled one counts as a founded one would.
  void claim_weakly(const model::Outcome& outcome, double worth, CreditLedger& ledger) {
    if (!is_weak_claim_worth_making(worth, settings_.audit)) return;
    const auto group = model::index(outcome.group);
    const bool measured = is_measured(outcome);
    if (measured) tally_.claims_weak[group] += 1.0;
    if (is_sampled(settings_.audit, seed_, outcome)) {
      if (measured) tally_.claims_rejected[group] += 1.0;
      if (settings_.audit.penalty_points > 0.0) {
        ledger.credit(outcome, -settings_.audit.penalty_points, outcome.time,
                      model::PaymentKind::JobOutcome);
      }
      ledger.owe_validation(outcome.adviser, settings_.validation_minutes);
      return;
    }
    if (measured) tally_.credit_unaudited[group] += worth;
    ledger.credit(outcome, worth, outcome.time, model::PaymentKind::JobOutcome);
    ledger.owe_validation(outcome.adviser, settings_.validation_minutes);
    hold_bonus(outcome, 0.0);
  }

  bool is_measured(const model::Outcome& outcome) const {
    return outcome.time >= measure_from_day_;
  }

  model::EvidenceTally empty_tally() const {
    const std::vector<double> zeros(settings_.points.size(), 0.0);
    return {zeros, zeros, zeros, zeros};
  }

  core::RandomStream match_luck(const model::Outcome& outcome) const {
    return model::stream(seed_, model::EntityKind::Jobseeker, model::index(outcome.client),
                         model::Purpose::MatchNoise, static_cast<std::uint32_t>(outcome.time));
  }

  double draw(const model::Outcome& outcome) const { return match_luck(outcome).uniform01(); }

  // Records miss a false_negative share of entries, and find the rest with the chance
  // match_rate of the client's group (a second draw, taken only when that chance is below 1).
  bool is_found(const model::Outcome& outcome) const {
    auto luck = match_luck(outcome);
    if (luck.uniform01() < settings_.false_negative) return false;
    const double rate = settings_.match_rate[model::index(outcome.group)];
    return rate >= 1.0 || luck.uniform01() < rate;
  }

  JobEntrySettings settings_;  ///< the keys as read; durations below in days
  std::uint64_t seed_;
  IndicatorContext context_;
  double measure_from_day_ = 0.0;
  double window_days_ = 0.0;
  double lag_days_ = 0.0;
  double bonus_after_days_ = 0.0;
  const model::JobModel* jobs_ = nullptr;
  double tenure_weeks_needed_ = 0.0;
  std::deque<PendingBonus> pending_;
  std::uint64_t popped_ = 0;          ///< bonuses taken off the front of pending_ so far
  std::vector<std::uint64_t> latest_; ///< by person: 1 + sequence number of the latest bonus, 0 none
  model::EvidenceTally tally_ = empty_tally();  ///< measured period, by group
};

}  // namespace

std::unique_ptr<const IndicatorSettings> read_job_entry(core::ConfigReader& reader, const IndicatorContext& context) {
  auto settings = std::make_unique<JobEntrySettings>();
  const std::string attribution = reader.choice("attribution", "matched", {"evidenced", "matched", "attached"});
  settings->attribution = attribution == "evidenced"  ? Attribution::Evidenced
                          : attribution == "attached" ? Attribution::Attached
                                                      : Attribution::Matched;
  settings->points = read_group_weights(reader, "points", 1.0, context);
  settings->long_term_weeks = reader.number("long_term_after_weeks", 0.0, core::Bounds::at_least(0.0));
  settings->long_term_points = reader.number("long_term_points", 0.0, core::Bounds::at_least(0.0));
  settings->window_weeks = reader.number("window_weeks", 13.0, core::Bounds::at_least(0.0));
  settings->validation_minutes = reader.number(
      "validation_minutes", context.scenario->actions.validation.minutes, core::Bounds::at_least(0.0));
  settings->lag_weeks = reader.number("lag_weeks", 0.0, core::Bounds::at_least(0.0));
  settings->false_negative = reader.number("false_negative", 0.0, core::Bounds::probability());
  settings->false_positive = reader.number("false_positive", 0.0, core::Bounds::probability());
  settings->bonus_points = reader.number("bonus_points", 0.0, core::Bounds::at_least(0.0));
  settings->bonus_after_weeks = reader.number("bonus_after_weeks", 4.0, core::Bounds::at_least(0.0));
  settings->bonus_groups = read_group_set(reader, "bonus_groups", context);
  settings->uplift_offices = read_offices(reader, "uplift_offices", context.scenario->network.offices);
  settings->uplift_share = reader.number("uplift_share", 0.5, core::Bounds::at_least(0.0));
  settings->uplift_min_points = reader.number("uplift_min_points", 2.0, core::Bounds::at_least(0.0));
  read_evidence_keys(reader, context, *settings);
  return settings;
}

std::unique_ptr<Indicator> build_job_entry(const IndicatorSettings& settings, const IndicatorContext& context) {
  return std::make_unique<JobEntry>(dynamic_cast<const JobEntrySettings&>(settings), context);
}

}  // namespace caseload::regimes
