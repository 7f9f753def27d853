#pragma once
// Contracted providers' books and service over the measured period (docs/METRICS.md,
// "Providers"): who was referred to each, what the regime paid it, what its caseworkers' time
// and programme spend cost, the profit left, and how much of its clients' time was parked.

#include <cstdint>
#include <vector>

#include "sim/model/scenario.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics {

struct ProviderBooks {
  double referrals = 0.0;        ///< clients attached in the measured period
  double fees = 0.0;             ///< what the regime credited (pounds in a money regime)
  double staff_minutes = 0.0;    ///< caseworker minutes used on clients and employers
  double staff_cost = 0.0;       ///< staff_minutes at providers.staff_cost_per_hour
  double programme_spend = 0.0;  ///< discretion-fund money from the programme budget
  double profit = 0.0;           ///< fees - staff_cost - programme_spend
  double client_weeks = 0.0;     ///< attached claiming client-weeks
  double parked_weeks = 0.0;     ///< of those, parked (counted from the attachment)
  double parked_share = 0.0;     ///< NaN without client-weeks
};

struct Providers {
  std::vector<ProviderBooks> by_provider;  ///< indexed office * per_office + provider
  std::vector<std::uint32_t> office;       ///< each provider's office
  ProviderBooks total;                     ///< summed over providers (shares recomputed)
  double profit_per_referral = 0.0;        ///< total profit / total referrals (NaN if none)
  std::vector<double> referrals_by_group;
  std::vector<double> client_weeks_by_group;
  std::vector<double> parked_weeks_by_group;
  std::vector<double> parked_share_by_group;  ///< NaN for a group with no attached weeks
};

/// Empty (`by_provider` empty, figures NaN) when the scenario has no providers.
Providers providers(const model::Scenario& scenario, const model::VariantResult& variant);

}  // namespace caseload::metrics
