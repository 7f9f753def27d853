#pragma once
// Contracted providers' books and service over the measured period (docs/METRICS.md,
// "Providers"), by provider and by customer group: who was referred, what the regime paid for
// them by kind of payment, what the provider's salaried staff, overhead and programme money
// cost, the margin left, and how much of its clients' time was parked. A provider pays its
// caseworkers whether busy or not, so using fewer minutes does not lower its staff cost.

#include <array>
#include <cstdint>
#include <vector>

#include "sim/model/regime.hpp"
#include "sim/model/scenario.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics {

struct ProviderBooks {
  double caseworkers = 0.0;      ///< headcount paid (a provider's; summed in totals, 0 by group)
  double referrals = 0.0;        ///< participants: clients attached in the measured period
  std::array<double, model::payment_kind_count> fees_by_kind{};  ///< indexed by model::PaymentKind
  double fees = 0.0;             ///< what the regime credited (pounds in a money regime)
  double staff_minutes = 0.0;    ///< caseworker minutes used on clients
  double staff_cost = 0.0;       ///< salaries for the measured period; a group's share by its staff_minutes
  double overhead = 0.0;         ///< providers.overhead_share of salaries; a group's share by its client-weeks
  double programme_spend = 0.0;  ///< discretion-fund money from the programme budget
  double margin = 0.0;           ///< fees - staff_cost - overhead - programme_spend
  double spend_per_participant = 0.0;  ///< (staff_cost + programme_spend) / referrals; NaN without referrals
  double client_weeks = 0.0;     ///< attached claiming client-weeks
  double parked_weeks = 0.0;     ///< of those, parked (counted from the attachment)
  double parked_share = 0.0;     ///< NaN without client-weeks
};

struct Providers {
  std::vector<ProviderBooks> by_provider;        ///< indexed office * per_office + provider
  std::vector<std::uint32_t> office;             ///< each provider's office
  std::vector<ProviderBooks> by_provider_group;  ///< provider * groups + group
  std::vector<ProviderBooks> by_group;           ///< summed over providers (ratios recomputed)
  ProviderBooks total;                           ///< summed over providers (ratios recomputed)
  double profit_per_referral = 0.0;              ///< total margin / total referrals (NaN if none)
};

/// Empty (`by_provider` empty, by-group books zero with NaN ratios) when the scenario has no providers.
Providers providers(const model::Scenario& scenario, const model::VariantResult& variant);

}  // namespace caseload::metrics
