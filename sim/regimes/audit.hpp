#pragma once
// Validation of evidenced job-entry claims (JET): a check samples claims at the regime's rate
// and rejects the unfounded ones, with a penalty. An adviser weighs a weakly evidenced claim by
// what it is expected to earn, so a higher sampling rate deters weak claims through their value.

#include <cstdint>

#include "sim/core/config_reader.hpp"
#include "sim/model/regime.hpp"

namespace caseload::regimes {

struct AuditRule {
  double sample_rate = 0.0;     ///< chance a claim is checked; 0 = no audit
  double penalty_points = 0.0;  ///< taken from the unit for each claim the check rejects
};

/// What a weakly evidenced claim worth `points` is expected to earn its claimant:
/// points x (1 - sample_rate) - penalty_points x sample_rate.
double weak_claim_value(double points, const AuditRule& audit);

/// An adviser claims unless the claim is expected to cost more than it earns; with no audit
/// every claim is made, as evidence rules without a check allowed.
bool is_weak_claim_worth_making(double points, const AuditRule& audit);

/// Whether the check samples this claim (stream AuditSample, keyed by the client and the day,
/// so a treatment and its counterfactual audit the same entries).
bool is_sampled(const AuditRule& audit, std::uint64_t seed, const model::Outcome& claim);

/// Reads the `audit:` map of an indicator: `sample_rate` (0) and `penalty_points` (0).
AuditRule read_audit(core::ConfigReader& audit);

}  // namespace caseload::regimes
