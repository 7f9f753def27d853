#pragma once
// Every number a customer group sets, listed once: add a member to CustomerGroup
// (scenario.hpp) and a row here, and the loader, the resolved YAML and the group table of
// docs/SCENARIOS.md follow.

#include "sim/model/field.hpp"
#include "sim/model/scenario.hpp"

namespace caseload::model {

namespace group_attribute {
inline constexpr bool required = true;
}  // namespace group_attribute

/// The keys of `groups.<name>`, in docs order; the default is CustomerGroup's.
inline constexpr Field<CustomerGroup> group_attributes[] = {
    // At most 100,000 claims per office per week: a whole country's weekly claims in one office,
    // so the jobseekers a run sizes from it stay countable (docs/RELIABILITY.md, "Inputs").
    {"inflow_per_week", &at<CustomerGroup, &CustomerGroup::inflow_per_week>, range::between(0.0, 1e5),
     "first claims per office per week (Poisson)", group_attribute::required},
    {"employability_mean", &at<CustomerGroup, &CustomerGroup::employability_mean>, range::any,
     "mean employability, logit"},
    {"employability_sd", &at<CustomerGroup, &CustomerGroup::employability_sd>, range::non_negative,
     "spread of employability within the group, logit"},
    {"motivation_alpha", &at<CustomerGroup, &CustomerGroup::motivation_alpha>, range::positive,
     "motivation ~ Beta(alpha, beta)"},
    {"motivation_beta", &at<CustomerGroup, &CustomerGroup::motivation_beta>, range::positive,
     "motivation ~ Beta(alpha, beta)"},
    {"search_base", &at<CustomerGroup, &CustomerGroup::search_base>, range::probability,
     "ceiling of the own-search success probability per review interval"},
    {"search_intercept_shift", &at<CustomerGroup, &CustomerGroup::search_intercept_shift>, range::any,
     "added to `search.intercept` for this group's own search, logit"},
    {"inactivity_per_week", &at<CustomerGroup, &CustomerGroup::inactivity_per_week>, range::non_negative,
     "hazard of leaving benefit for inactivity (no benefit, no work), per week"},
    {"other_benefit_per_week", &at<CustomerGroup, &CustomerGroup::other_benefit_per_week>, range::non_negative,
     "hazard of leaving this claim for another benefit (exit `other_benefit`), per week"},
    {"separation_multiplier", &at<CustomerGroup, &CustomerGroup::separation_multiplier>, range::non_negative,
     "multiplies `jobs.separation_per_week` for this group's jobs"},
    {"health_limited_share", &at<CustomerGroup, &CustomerGroup::health_limited_share>, range::probability,
     "share of the group who cannot take demanding jobs (`employers.demanding_share`)"},
    {"review_interval_days", &at<CustomerGroup, &CustomerGroup::review_interval_days>, range::between(0.0, 365.0),
     "days between reviews; 0 = `advisers.review_interval_days`"},
    {"sanctions_apply", &at<CustomerGroup, &CustomerGroup::sanctions_apply>,
     "`false`: a missed review is no ground for a sanction (conditionality)"},
    {"prior_benefit_weeks_mean", &at<CustomerGroup, &CustomerGroup::prior_benefit_weeks_mean>,
     range::non_negative, "mean weeks on benefit before a person's first claim (exponential); counts toward scarring"},
    {"discretion_fund_eligible_weeks", &at<CustomerGroup, &CustomerGroup::discretion_fund_eligible_weeks>,
     range::non_negative, "weeks of claim before the discretion fund may be used"},
    {"needs_specialist", &at<CustomerGroup, &CustomerGroup::needs_specialist>,
     "`true`: under `advisers.assignment: specialist` its claims go to a specialist adviser"},
    {"offflow_target_weeks", &at<CustomerGroup, &CustomerGroup::offflow_target_weeks>, range::non_negative,
     "calibration target, documentation only: weeks by which `offflow_target_share` of new claims end (0 = none)"},
    {"offflow_target_share", &at<CustomerGroup, &CustomerGroup::offflow_target_share>, range::probability,
     "calibration target, documentation only: share of new claims off benefit by `offflow_target_weeks`"},
};

}  // namespace caseload::model
