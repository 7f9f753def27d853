#pragma once
// How many caseworkers a contracted provider employs, and what their time costs. A provider
// hires for the caseload it expects when it bids, a deterministic estimate from the scenario
// alone, so the regime's organisation and the world agree on every provider's headcount.

#include <cstdint>
#include <vector>

#include "sim/model/scenario.hpp"

namespace caseload::model {

/// Share of claims still going `weeks` into the claim, under the provider's off-flow forecast.
double forecast_survival(const OffFlowForecast& forecast, double weeks);

/// Expected weeks a claim referred at `referral_weeks` stays attached: until the attachment
/// ends or the claim does, whichever comes first, under the forecast.
double forecast_attached_weeks(const OffFlowForecast& forecast, double referral_weeks, double attachment_weeks);

/// Attached clients one provider of `office` expects to hold at once: for each group, its first
/// claims per week shared among the office's providers × the chance a claim reaches the group's
/// referral duration × the weeks it then stays attached (Little's law).
double expected_caseload(const Scenario& scenario, int office);

/// Caseworkers of each provider, indexed office * per_office + provider: the fixed headcount
/// when the scenario sets one, else ceil(expected caseload / caseload_per_caseworker), at least 1.
std::vector<std::uint32_t> provider_staffing(const Scenario& scenario);

/// £ a caseworker minute costs its provider: the salary over the minutes a caseworker can plan
/// in a year (hours less other duties). What a profit regime weighs an action's minutes at.
double caseworker_cost_per_minute(const Scenario& scenario);

}  // namespace caseload::model
