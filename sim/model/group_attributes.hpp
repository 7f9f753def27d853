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
    {"inflow_per_week", &at<CustomerGroup, &CustomerGroup::inflow_per_week>, range::non_negative,
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
    {"inactivity_per_week", &at<CustomerGroup, &CustomerGroup::inactivity_per_week>, range::non_negative,
     "hazard of leaving benefit for non-work, per week"},
    {"discretion_fund_eligible_weeks", &at<CustomerGroup, &CustomerGroup::discretion_fund_eligible_weeks>,
     range::non_negative, "weeks of claim before the discretion fund may be used"},
    {"needs_specialist", &at<CustomerGroup, &CustomerGroup::needs_specialist>,
     "`true`: under `advisers.assignment: specialist` its claims go to a specialist adviser"},
};

}  // namespace caseload::model
