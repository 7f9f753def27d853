#pragma once
// Everything a run needs, as plain data, with the model's defaults. io/config fills it from
// YAML and validates every value, so the model can trust it. Units are in the names; the
// source of each default is cited in docs/ODD.md and in scenarios/baseline-uk.yaml.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/config_node.hpp"
#include "sim/model/office_profile.hpp"

namespace caseload::model {

struct RunSettings {
  std::uint64_t seed = 1;
  double weeks = 104.0;        ///< measured period, after warm-up
  double warmup_weeks = 52.0;  ///< simulated first, excluded from metrics
};

/// A customer group (a benefit type): coarse, so employability still varies widely inside it.
/// Groups differ in these parameters only, never in the rules applied to them.
struct CustomerGroup {
  std::string name;
  double inflow_per_week = 10.0;  ///< new claims per office per week (Poisson)
  double employability_mean = 0.0;
  double employability_sd = 0.6;
  double motivation_alpha = 4.0;  ///< Beta(alpha, beta)
  double motivation_beta = 2.0;
  double search_base = 0.5;       ///< ceiling of the own-search success probability per review interval
  double search_intercept_shift = 0.0;  ///< added to search.intercept for this group's own search
  double inactivity_per_week = 0.019;  ///< hazard of leaving benefit for non-work
  double other_benefit_per_week = 0.0;  ///< hazard of moving to another benefit
  double separation_multiplier = 1.0;   ///< scales jobs.separation_per_week in work
  double health_limited_share = 0.0;    ///< of the group, who cannot take demanding jobs
  double review_interval_days = 0.0;    ///< days between reviews; 0 = advisers.review_interval_days
  bool sanctions_apply = true;          ///< a missed review is grounds for a sanction
  double prior_benefit_weeks_mean = 0.0;  ///< mean weeks on benefit before a first claim (exponential)
  double discretion_fund_eligible_weeks = 0.0;  ///< claim duration before the fund may be used
  bool needs_specialist = false;  ///< claims go to a specialist adviser under `specialist` assignment
  // Documentation only (they change nothing in a run): the calibration target, read by the
  // calibration test and analysis/report.py from the scenario or the trace's resolved copy.
  double offflow_target_weeks = 0.0;  ///< 0 = no target
  double offflow_target_share = 0.0;  ///< of new claims off benefit by offflow_target_weeks
};

struct OfficeNetwork {
  int offices = 4;
  int advisers_per_office = 10;
  int advisers_per_team = 5;
  OfficeVariation variation;
  std::string office_table;             ///< file the table came from, as written; "" = none
  std::vector<OfficeProfile> table;     ///< rows of the office table, read at load
  int clusters = 1;                     ///< clusters of comparable offices (table clusters win)
  /// Districts the offices are managed in (a level between office and nation): offices split
  /// into this many runs of consecutive offices, or the office table's `district` column.
  /// 0: no district level (regimes may not name it).
  int districts = 0;
  /// One per office, resolved at load (resolve_offices, office_profiles.hpp); empty in
  /// scenarios built in code without variation, meaning every office has the defaults.
  std::vector<OfficeProfile> profiles;
  /// The district an office is managed in (-1 without districts).
  int district_of(int office) const {
    if (!profiles.empty()) return profiles[static_cast<std::size_t>(office)].district;
    return districts > 0 ? office * districts / std::max(offices, 1) : -1;
  }
  int advisers_at(int office) const {
    return profiles.empty() ? advisers_per_office : profiles[static_cast<std::size_t>(office)].advisers;
  }
  int total_advisers() const {
    int total = 0;
    for (int o = 0; o < offices; ++o) total += advisers_at(o);
    return total;
  }
};

/// Own job search: p = search_base * logistic(intercept + e + motivation_weight * m +
/// boost_weight * boost) * tightness, resolved at every review (fortnightly by default).
struct SearchModel {
  double intercept = -2.6;
  double motivation_weight = 1.5;
  double boost_weight = 1.0;
  double boost_half_life_weeks = 4.0;
  double scarring_per_year = 0.4;   ///< loss of employability per year on benefit, all claims counted
  double scarring_cap_weeks = 104.0;
  double tightness_half_vacancies = 10.0;  ///< open vacancies per office at which tightness = 1/2
  /// How far back the steady-state pre-pass starts people (steady_state.hpp); 0 = no initial stock.
  double steady_state_history_weeks = 520.0;
};

struct EmployerModel {
  int employers_per_office = 40;
  double vacancies_per_week = 1.5;   ///< per employer
  double open_period_weeks = 6.0;
  double external_fill_per_week = 0.35;  ///< hazard that the open market fills a vacancy
  double quality_alpha = 2.0;        ///< job quality q ~ Beta(alpha, beta)
  double quality_beta = 2.0;
  double threshold_mean = 0.2;       ///< employer's hiring threshold on employability
  double threshold_sd = 0.6;
  double hire_noise_sd = 0.7;        ///< noise in the employer's view of a candidate
  double competition_margin = 1.5;   ///< open-market applicants raise the bar for a submission
  double notify_base = 0.2;          ///< probability a vacancy is notified at zero goodwill
  double notify_goodwill = 0.6;      ///< added at full goodwill
  double goodwill_initial = 0.5;
  double goodwill_contact_gain = 0.03;
  double goodwill_sustained_gain = 0.05;
  double goodwill_early_leaver_loss = 0.04;
  double goodwill_unsuitable_loss = 0.02;
  double unsuitable_margin = 1.0;    ///< a candidate this far below the threshold is unsuitable
  double demanding_share = 0.0;      ///< of vacancies, physically demanding: no health-limited hires
};

/// Job tenure: exponential with hazard base * exp(-quality_effect*(q-0.5) - ...).
struct JobModel {
  double separation_per_week = 0.034;
  double quality_effect = 1.0;
  double employability_effect = 0.3;
  double motivation_effect = 0.5;
  double matched_effect = 0.3;       ///< an interview shortly before the hire improves the match
  /// A job that ends leads to a new claim with recycle_probability soon after the hire, falling
  /// towards recycle_long_tenure with tenure (recycle_decay_weeks): see reclaim_probability.
  double recycle_probability = 0.95;
  std::optional<double> recycle_long_tenure;  ///< unset: recycle_probability at every tenure
  double recycle_decay_weeks = 26.0;
  double reclaim_delay_weeks = 1.0;
  /// [A] A client turns down a job found by own search (or a matched submission) whose
  /// quality is below reservation_quality * 2^(-claim weeks / reservation_half_life_weeks):
  /// choosy at first, less so as benefit pressure grows (search theory's falling reservation
  /// wage). Off (0) by default: issue 11's off-flow calibration was fitted without refusals,
  /// and 0.3 (a fifth of Beta(2,2) jobs turned down at a claim's start) moves it.
  double reservation_quality = 0.0;
  double reservation_half_life_weeks = 13.0;  ///< [A] a quarter-year halves the reservation
};

struct InterviewAction {
  double minutes = 40.0;
  double boost = 0.3;             ///< added to search boost
  double match_weeks = 8.0;       ///< a hire within this many weeks counts as well matched
};
struct SubmissionAction {
  double minutes = 5.0;
  double speculative_below = 0.2; ///< perceived hire chance under which it is speculative
  double candidates_per_vacancy = 2.0;  ///< submissions an office makes per notified vacancy
  int max_per_client_per_week = 1;
  /// [A] A matched submission: finding a notified vacancy above the office's median quality
  /// and talking it through with client and employer takes about half an interview.
  double matched_minutes = 20.0;
};
struct ReferralAction {
  double minutes = 20.0;
  double programme_weeks = 8.0;
  double training_gain = 0.3;
  double lock_in = 0.5;           ///< own-search multiplier while in provision
  double min_claim_weeks = 13.0;  ///< referrals only after this long on benefit
};
struct FundAction {
  double minutes = 10.0;
  double amount = 75.0;           ///< money per award
  double hire_bonus = 0.5;        ///< added to the employer's view and to own search
  double effect_weeks = 4.0;
  double client_cap_per_year = 300.0;
  double adviser_budget_per_year = 2500.0;
};
struct EmployerContactAction {
  double minutes = 30.0;
  double client_value = 0.5;      ///< intrinsic worth, in employment weeks, of one contact
  int max_per_week = 4;
};
/// [A] Support for a client in the first weeks of a job (ERA-style retention help): lowers the
/// job's separation hazard by exp(-hazard_effect) for effect_weeks. No UK estimate in
/// EVIDENCE.md; 0.3 is a modest effect, near the interview's well-matched effect.
struct InWorkSupportAction {
  double minutes = 30.0;
  /// Only for a job started this recently. Off (0) by default: the reclaim facts the baseline is
  /// calibrated to (NAO 2007) are of a service with no routine in-work support; 8 switches it on.
  double within_weeks = 0.0;
  double hazard_effect = 0.3;  ///< log separation hazard lowered by this
  double effect_weeks = 13.0;
};
struct ValidationAction {
  double minutes = 15.0;
};
struct SanctionAction {
  double minutes = 10.0;
  double weeks = 4.0;
  double return_probability = 0.6;  ///< a sanctioned client claims again afterwards
  double harm = 2.0;                ///< client gain lost, in employment-week units
};

struct ActionCatalogue {
  InterviewAction interview;
  SubmissionAction submission;
  ReferralAction referral;
  FundAction discretion_fund;
  EmployerContactAction employer_contact;
  ValidationAction validation;
  SanctionAction sanction;
  InWorkSupportAction in_work_support;
};

/// Who takes a new claim: the least-loaded adviser, one drawn at random, or the least-loaded
/// on the client's side of the specialist split.
enum class AssignmentRule : std::uint8_t { Balance, Random, Specialist };

/// Advisers: time, review rules, motivation, perception and who serves whom.
struct AdviserModel {
  double hours_per_week = 37.0;
  double other_duties_share = 0.4;     ///< time for duties outside the caseload
  double review_minutes = 7.5;
  double review_interval_days = 14.0;
  double missed_review_rate = 0.14;
  double w_client_alpha = 4.0;         ///< public-service motivation ~ Beta(alpha, beta)
  double w_client_beta = 4.0;
  double w_target = 5.0;               ///< weight on the regime's reward (sized so it rivals w_client)
  double need_weight = 1.0;            ///< need = exp(-need_weight * perceived employability)
  double time_cost_per_minute = 0.002; ///< value a minute must beat to be spent
  double money_cost_per_unit = 0.02;   ///< value given up per unit of fund money
  /// [A] Worth of one unit of an employer's goodwill, in the score's units (employment weeks),
  /// so a submission's expected goodwill change counts: an employer contact's client_value 0.5
  /// for goodwill_contact_gain 0.03 values a unit at about 17.
  double goodwill_value_per_unit = 15.0;
  double horizon_weeks = 13.0;         ///< how far ahead advisers judge outcomes
  double perception_sd_employability = 0.8;
  double perception_sd_motivation = 0.25;
  double perception_minutes_scale = 60.0;  ///< minutes with a client that halve noise variance
  double effectiveness_sd = 0.5;       ///< lognormal spread of how much an interview helps
  AssignmentRule assignment = AssignmentRule::Balance;
  double specialist_share = 0.0;       ///< of each office's advisers, the first ceil(share * n)
};

/// What the policy lets advisers do: the treatment has discretionary help; the default
/// counterfactual has mandatory reviews only.
struct Policy {
  bool discretionary_help = true;
  std::vector<std::string> help_groups;       ///< groups that may get help; empty means all
  std::vector<std::string> disabled_actions;  ///< action names advisers may not use
};


/// Contracted providers for payment by results: long-term claimants are referred to a
/// provider drawn at random among the office's, and attached for a fixed period. Off when
/// per_office is 0 (then no provider caseworkers exist and runs are as before). A provider
/// employs a fixed staff, sized from the caseload it expects (provider_staffing.hpp), and pays
/// it whether busy or not.
/// The off-flow a provider sizes its staff by, per week (EVIDENCE.md P12-P14): a contract
/// forecast from published rates, not the model's own hazards, so it can be wrong as bids were.
struct OffFlowForecast {
  double to_26_weeks = 0.052;
  double to_52_weeks = 0.035;
  double after_52_weeks = 0.02;
};

struct ProviderModel {
  int per_office = 0;
  int caseworkers_per_provider = 0;          ///< fixed headcount; 0 = sized from the expected caseload
  double caseload_per_caseworker = 60.0;     ///< attached clients a caseworker is hired to hold
  OffFlowForecast forecast;                  ///< how long it expects referred claims to last
  std::vector<double> referral_after_weeks;  ///< by customer group (filled at load)
  double attachment_weeks = 104.0;
  double min_interview_every_weeks = 0.0;    ///< 0 = no minimum service level
  double caseworker_cost_per_year = 25600.0; ///< £ salary per caseworker, paid busy or not
  double overhead_share = 0.3;               ///< overhead (premises, management, on-costs) per £ of salary
  double difficulty_perception_sd = 0.8;     ///< noise, logit, in what contact shows of a client
  double programme_budget_per_caseworker = 2500.0;  ///< £ per year; the provider's budget is × caseworkers
  bool enabled() const { return per_office > 0; }
};

struct CounterfactualSettings {
  bool enabled = true;
  Policy policy{false, {}, {}};
};

/// A programme run as a randomised trial inside one market (or rolled out): new claims that
/// begin in a window of the measured period are assigned to the programme with probability
/// `share`, the rest to control, and only the programme's clients get discretionary help, for
/// `attachment_weeks` from assignment. Treated and controls share the same vacancies, so a
/// trial's comparison of the two includes what treated clients take from controls. Off unless
/// the scenario has a `trial` section; `share: 1` is the programme rolled out to the cohort.
struct TrialDesign {
  bool enabled = false;
  double share = 0.5;
  double from_week = 0.0;          ///< measured week the window opens
  double weeks = 13.0;             ///< window length
  double attachment_weeks = 52.0;  ///< help lasts this long from assignment
  double follow_weeks = 52.0;      ///< outcomes counted over this long from assignment
  double window_start_day(double warmup_weeks) const { return (warmup_weeks + from_week) * 7.0; }
  double window_end_day(double warmup_weeks) const { return (warmup_weeks + from_week + weeks) * 7.0; }
};

struct Scenario {
  std::string name;
  std::string description;
  RunSettings run;
  OfficeNetwork network;
  ProviderModel providers;
  std::vector<CustomerGroup> groups;
  SearchModel search;
  EmployerModel employers;
  JobModel jobs;
  AdviserModel advisers;
  ActionCatalogue actions;
  Policy policy;
  /// The regime as written in the scenario; sim/regimes compiles and validates it at load.
  core::ConfigNode regime;
  CounterfactualSettings counterfactual;
  TrialDesign trial;
};

/// Days between a client's reviews: the group's own interval, else the advisers' default.
inline double review_interval_days(const Scenario& scenario, const CustomerGroup& group) {
  return group.review_interval_days > 0.0 ? group.review_interval_days : scenario.advisers.review_interval_days;
}

}  // namespace caseload::model
