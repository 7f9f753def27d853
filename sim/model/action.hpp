#pragma once
// What an adviser can spend discretionary time on, listed once in action_table: its name
// (the `actions.<name>` section and the trace's per-action columns), whether it is evidence,
// its parameters and its docs. Row order is enum order, the column order of every per-action
// table and trace dataset; static_asserts below hold the two together.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "sim/model/field.hpp"
#include "sim/model/scenario.hpp"

namespace caseload::model {

enum class ActionKind : std::uint8_t {
  Interview,
  Submission,
  Referral,
  DiscretionFund,
  EmployerContact,
  Validation,
  Sanction,
  InWorkSupport,
};

struct ActionInfo {
  ActionKind kind;
  std::string_view name;
  bool is_evidence;  ///< qualifying help a job entry can be attributed to (JET evidence)
  std::string_view summary;  ///< docs: what it does
  /// Its keys under `actions.<name>`; every action has `minutes`, its time cost.
  std::span<const Field<ActionCatalogue>> parameters;
};

namespace action_parameters {
using C = ActionCatalogue;
inline constexpr Field<C> interview[] = {
    {"minutes", &at<C, &C::interview, &InterviewAction::minutes>, range::positive, "minutes per interview"},
    {"boost", &at<C, &C::interview, &InterviewAction::boost>, range::non_negative, "logit added to the search boost"},
    {"match_weeks", &at<C, &C::interview, &InterviewAction::match_weeks>, range::non_negative,
     "weeks: a hire this soon after counts as well matched"},
};
inline constexpr Field<C> submission[] = {
    {"minutes", &at<C, &C::submission, &SubmissionAction::minutes>, range::positive, "minutes per submission"},
    {"speculative_below", &at<C, &C::submission, &SubmissionAction::speculative_below>, range::probability,
     "perceived hire chance under which a submission is speculative"},
    {"candidates_per_vacancy", &at<C, &C::submission, &SubmissionAction::candidates_per_vacancy>,
     range::non_negative, "submissions an office makes per notified vacancy per week"},
    {"max_per_client_per_week", &at<C, &C::submission, &SubmissionAction::max_per_client_per_week>,
     range::between(0, 50), "count"},
    {"matched_minutes", &at<C, &C::submission, &SubmissionAction::matched_minutes>, range::positive,
     "minutes per matched submission (only to a vacancy above the office's median quality)"},
};
inline constexpr Field<C> referral[] = {
    {"minutes", &at<C, &C::referral, &ReferralAction::minutes>, range::positive, "minutes per referral"},
    {"programme_weeks", &at<C, &C::referral, &ReferralAction::programme_weeks>, range::positive,
     "weeks in provision"},
    {"training_gain", &at<C, &C::referral, &ReferralAction::training_gain>, range::any,
     "logit added to employability after provision"},
    {"lock_in", &at<C, &C::referral, &ReferralAction::lock_in>, range::probability,
     "own-search multiplier while in provision"},
    {"min_claim_weeks", &at<C, &C::referral, &ReferralAction::min_claim_weeks>, range::non_negative,
     "weeks on benefit before a referral is allowed"},
};
inline constexpr Field<C> discretion_fund[] = {
    {"minutes", &at<C, &C::discretion_fund, &FundAction::minutes>, range::positive, "minutes per award"},
    {"amount", &at<C, &C::discretion_fund, &FundAction::amount>, range::non_negative, "£ per award"},
    {"hire_bonus", &at<C, &C::discretion_fund, &FundAction::hire_bonus>, range::non_negative,
     "logit added to the employer's view and to own search"},
    {"effect_weeks", &at<C, &C::discretion_fund, &FundAction::effect_weeks>, range::non_negative,
     "weeks an award helps"},
    {"client_cap_per_year", &at<C, &C::discretion_fund, &FundAction::client_cap_per_year>, range::non_negative,
     "£ per client per 52 weeks"},
    {"adviser_budget_per_year", &at<C, &C::discretion_fund, &FundAction::adviser_budget_per_year>,
     range::non_negative, "£ per adviser per 52 weeks"},
};
inline constexpr Field<C> employer_contact[] = {
    {"minutes", &at<C, &C::employer_contact, &EmployerContactAction::minutes>, range::positive,
     "minutes per contact"},
    {"client_value", &at<C, &C::employer_contact, &EmployerContactAction::client_value>, range::non_negative,
     "intrinsic worth of one contact, in employment weeks"},
    {"max_per_week", &at<C, &C::employer_contact, &EmployerContactAction::max_per_week>, range::between(0, 100),
     "contacts per adviser per week"},
};
inline constexpr Field<C> validation[] = {
    {"minutes", &at<C, &C::validation, &ValidationAction::minutes>, range::positive,
     "minutes per evidenced entry validated"},
};
inline constexpr Field<C> sanction[] = {
    {"minutes", &at<C, &C::sanction, &SanctionAction::minutes>, range::positive, "minutes per sanction referral"},
    {"weeks", &at<C, &C::sanction, &SanctionAction::weeks>, range::positive, "weeks a sanction lasts"},
    {"return_probability", &at<C, &C::sanction, &SanctionAction::return_probability>, range::probability,
     "chance a sanctioned client claims again afterwards"},
    {"harm", &at<C, &C::sanction, &SanctionAction::harm>, range::non_negative,
     "client gain lost, in employment weeks"},
};
inline constexpr Field<C> in_work_support[] = {
    {"minutes", &at<C, &C::in_work_support, &InWorkSupportAction::minutes>, range::positive,
     "minutes per contact with a client in work"},
    {"within_weeks", &at<C, &C::in_work_support, &InWorkSupportAction::within_weeks>, range::non_negative,
     "weeks: only for a job started this recently"},
    {"hazard_effect", &at<C, &C::in_work_support, &InWorkSupportAction::hazard_effect>, range::non_negative,
     "log separation hazard lowered by this"},
    {"effect_weeks", &at<C, &C::in_work_support, &InWorkSupportAction::effect_weeks>, range::non_negative,
     "weeks the lower hazard lasts"},
};
}  // namespace action_parameters

/// Every action, in enum order: add a row (and its enumerator) to add one.
inline constexpr ActionInfo action_table[] = {
    {ActionKind::Interview, "interview", true, "raises the client's search boost", action_parameters::interview},
    {ActionKind::Submission, "submission", true, "puts the client forward for a notified vacancy",
     action_parameters::submission},
    {ActionKind::Referral, "referral", true, "sends the client to a training programme", action_parameters::referral},
    {ActionKind::DiscretionFund, "discretion_fund", true, "an award that helps the client into work for a while",
     action_parameters::discretion_fund},
    {ActionKind::EmployerContact, "employer_contact", false, "raises an office employer's goodwill (no client)",
     action_parameters::employer_contact},
    {ActionKind::Validation, "validation", false, "checks an evidenced job entry (owed by the regime, not chosen)",
     action_parameters::validation},
    {ActionKind::Sanction, "sanction", false, "ends the claim of a client who missed a review",
     action_parameters::sanction},
    {ActionKind::InWorkSupport, "in_work_support", false,
     "lowers the separation hazard of a client who started a job recently",
     action_parameters::in_work_support},
};

inline constexpr std::size_t action_count = std::size(action_table);

inline constexpr std::array<std::string_view, action_count> action_names = [] {
  std::array<std::string_view, action_count> names{};
  for (std::size_t i = 0; i < action_count; ++i) names[i] = action_table[i].name;
  return names;
}();

constexpr bool rows_follow_the_enum() {
  for (std::size_t i = 0; i < action_count; ++i) {
    if (static_cast<std::size_t>(action_table[i].kind) != i) return false;
    if (action_table[i].parameters.empty() || action_table[i].parameters[0].key != "minutes") return false;
  }
  return true;
}
static_assert(rows_follow_the_enum(), "action_table: row i must be ActionKind i, and its first parameter minutes");
// The planner marks planned actions in a byte (PlanningScratch::planned_mask).
static_assert(action_count <= 8, "more than 8 actions: widen PlanningScratch::planned_mask");

constexpr const ActionInfo& info_of(ActionKind kind) { return action_table[static_cast<std::size_t>(kind)]; }

constexpr std::string_view name_of(ActionKind kind) { return info_of(kind).name; }

/// Actions that count as qualifying help a job entry can be attributed to (JET evidence).
constexpr bool is_evidence(ActionKind kind) { return info_of(kind).is_evidence; }

/// Minutes one `kind` takes, from the scenario's catalogue.
inline double minutes_of(const ActionCatalogue& actions, ActionKind kind) {
  // A Place hands out a mutable reference, for the loader; here it is only read.
  return info_of(kind).parameters[0].number(const_cast<ActionCatalogue&>(actions));
}

}  // namespace caseload::model
