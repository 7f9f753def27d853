#pragma once
// The port through which a target regime reaches advisers. The model asks a regime what an
// action is worth to the adviser (in the regime's own reward units) and how much management
// pressure the adviser is under; it tells the regime what happened, so the regime can count.
// Regimes live in sim/regimes; the model only knows this interface and a neutral default.

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/model/action.hpp"
#include "sim/model/forecast.hpp"
#include "sim/model/ids.hpp"

namespace caseload::model {

struct Scenario;
struct AdviserTable;
struct JobseekerTable;

/// All a regime may see of the model at the end of a week: who is on each adviser's caseload
/// and each client's group. Read-only, so no regime can change the model's state.
class RegimeView {
 public:
  RegimeView(const AdviserTable& advisers, const JobseekerTable& jobseekers)
      : advisers_(advisers), jobseekers_(jobseekers) {}

  std::uint32_t adviser_count() const;
  std::span<const JobseekerId> caseload(AdviserId adviser) const;
  GroupId group_of(JobseekerId client) const;

 private:
  const AdviserTable& advisers_;
  const JobseekerTable& jobseekers_;
};

/// One (client, action) pair an adviser is weighing this week.
struct ActionCandidate {
  JobseekerId client{};
  GroupId group{};
  OfficeId office{};        ///< the client's office
  ActionKind action = ActionKind::Interview;
  bool matched = false;     ///< a matched submission (better job, more minutes), else quick
  double goodwill_change = 0.0;  ///< expected change in the employer's goodwill (submissions)
  double minutes = 0.0;
  double money = 0.0;
  Forecast before;          ///< projection without the action
  Forecast after;           ///< projection with it
  double claim_weeks = 0.0;
  double days_since_help = std::numeric_limits<double>::infinity();  ///< last qualifying help
  bool attached = false;    ///< the client is attached to a provider (valued by its caseworker)
};

enum class OutcomeKind : std::uint8_t {
  JobEntry,     // a: client; via_submission says how
  Sustained,    // a: client; weeks = a job mark: 13, 26, 52 or one the regime asked for
  Exit,         // a: client; reason = why the claim ended
  ActionTaken,  // a: client (or no_row), action, minutes, money
  Attached,     // a: client referred to a provider; adviser = the caseworker taking them on
  ClaimStart,   // a: client; a claim beginning, first or repeat (time < 0 for the initial stock)
};

/// What a credit paid for, so a provider's books can show its fees by kind.
enum class PaymentKind : std::uint8_t {
  Attachment,   // on referral (the Work Programme's attachment fee)
  JobOutcome,   // for a job entry or a job reaching the outcome mark
  Sustainment,  // each further payment while the job lasts
  Other,        // anything else a regime credits (points for actions, off-flows, contacts)
};
inline constexpr std::size_t payment_kind_count = 4;

/// Something a regime may count. Times are in days.
struct Outcome {
  OutcomeKind kind = OutcomeKind::JobEntry;
  double time = 0.0;
  JobseekerId client{};
  AdviserId adviser{};
  GroupId group{};
  OfficeId office{};             ///< the client's (job entries, sustained jobs, exits, claim starts)
  ActionKind action = ActionKind::Interview;
  std::uint8_t exit_reason = 0;  ///< an ExitReason
  bool via_submission = false;
  double weeks = 0.0;
  double minutes = 0.0;
  double money = 0.0;
  double claim_weeks = 0.0;      ///< on benefit when it happened
  double days_since_help = std::numeric_limits<double>::infinity();
};

/// What an evidence rule did to job-entry claims in the measured period, by customer group
/// (empty when the regime checks no evidence): weak claims made and rejected on audit, the
/// credit of weak claims no check sampled, and entries record matching did not find.
struct EvidenceTally {
  std::vector<double> claims_weak;
  std::vector<double> claims_rejected;
  std::vector<double> credit_unaudited;
  std::vector<double> unmatched_entries;
};

/// Units that set their own targets (a cascade's local level), summed over the reviews of the
/// measured period: the target each chose, the one the level above split to it, and its credit
/// to date at each review. Empty without local targets.
struct LocalTargetTally {
  std::vector<double> own_target;
  std::vector<double> split_target;
  std::vector<double> credit;
};

/// The kinds of unit a regime counts for: `ScoreRow::level` indexes this list.
inline constexpr std::array<std::string_view, 6> unit_level_names = {"adviser",  "team",     "office",
                                                                     "provider", "district", "nation"};

/// One unit's standing on one indicator at the close of a week: the regime's scoreboard.
/// Per-unit figures (target, pressure, stars) repeat on each of the unit's indicator rows.
struct ScoreRow {
  std::uint32_t week = 0;
  std::uint8_t level = 0;      ///< index into unit_level_names
  std::uint32_t unit = 0;      ///< adviser, team, office, provider or district index at that level (nation: 0)
  std::uint8_t indicator = 0;  ///< index into Regime::indicator_names()
  double credit = 0.0;         ///< counted for the unit from this indicator at this week's close
  double target = std::numeric_limits<double>::quiet_NaN();  ///< to date, at the last review
  double pressure = 1.0;
  std::uint8_t stars = 0;
};

class Regime {
 public:
  virtual ~Regime() = default;

  /// Management pressure on this adviser (1 when the regime puts none).
  virtual double pressure(AdviserId adviser) const = 0;

  /// Star rating (1-5) of the adviser's unit at its last benchmarking review; 0 when the
  /// regime rates no one.
  virtual int stars(AdviserId) const { return 0; }

  /// Fills reward[i] with the expected change in this adviser's regime reward from
  /// candidates[i]. Called per adviser per week with the whole batch, then for single
  /// candidates re-valued after an earlier action on the same client.
  virtual void value(AdviserId adviser, std::span<const ActionCandidate> candidates,
                     std::span<double> reward) const = 0;

  /// Reward an adviser expects from one employer contact (process targets count them).
  virtual double value_employer_contact(AdviserId adviser) const = 0;

  /// True when value() already nets off what an action costs in money (a provider's profit
  /// pays its own programme spend), so the plan does not charge the money a second time.
  virtual bool nets_money_cost(AdviserId) const { return false; }

  /// Minutes of validation paperwork the adviser owes; taken (and cleared) when planning.
  virtual double take_validation_minutes(AdviserId adviser) = 0;

  /// Weeks in work at which the regime needs to see a job (a `Sustained` outcome), beyond
  /// the 13, 26 and 52 the model always marks; asked once, when the run is set up.
  virtual std::span<const double> job_marks() const { return {}; }

  virtual void record(const Outcome& outcome) = 0;

  /// Called at the end of each week (after the panel row is written).
  virtual void end_week(const RegimeView& view, int week) = 0;

  /// Appends the scoreboard of the week end_week has just closed: one row per unit and
  /// indicator. A regime that counts nothing appends none.
  virtual void score_week(int /*week*/, std::vector<ScoreRow>& /*rows*/) const {}

  /// What each indicator is (its primitive's kind), in the order ScoreRow::indicator numbers.
  virtual std::vector<std::string> indicator_names() const { return {}; }

  /// What its evidence rules did to job-entry claims; empty when it checks none.
  virtual EvidenceTally evidence() const { return {}; }
  /// What units that set their own targets chose and achieved (none by default).
  virtual LocalTargetTally local_targets() const { return {}; }

  /// What the regime credited to this adviser over the measured period: points, or money
  /// for payment by results. Team or office counts are shared equally among members.
  virtual double measured(AdviserId adviser) const = 0;

  /// The part of measured(adviser) that came from clients of `group` and paid for `kind`.
  virtual double measured(AdviserId, GroupId, PaymentKind) const { return 0.0; }
};

/// The weeks in work at which the model marks every job: 13, 26 and 52 (which the metrics
/// count) with the regime's own job_marks(), ascending, each once.
std::vector<double> all_job_marks(std::span<const double> regime_marks);

/// Rewards nothing: advisers act on public-service motivation alone.
class NeutralRegime final : public Regime {
 public:
  double pressure(AdviserId) const override { return 1.0; }
  void value(AdviserId, std::span<const ActionCandidate>, std::span<double> reward) const override;
  double value_employer_contact(AdviserId) const override { return 0.0; }
  double take_validation_minutes(AdviserId) override { return 0.0; }
  void record(const Outcome&) override {}
  void end_week(const RegimeView&, int) override {}
  double measured(AdviserId) const override { return 0.0; }
  double measured(AdviserId, GroupId, PaymentKind) const override { return 0.0; }
};

}  // namespace caseload::model
