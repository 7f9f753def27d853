#include "sim/regimes/audit.hpp"

#include "sim/model/streams.hpp"

namespace caseload::regimes {

double weak_claim_value(double points, const AuditRule& audit) {
  return points * (1.0 - audit.sample_rate) - audit.penalty_points * audit.sample_rate;
}

bool is_weak_claim_worth_making(double points, const AuditRule& audit) {
  return weak_claim_value(points, audit) >= 0.0;
}

bool is_sampled(const AuditRule& audit, std::uint64_t seed, const model::Outcome& claim) {
  if (audit.sample_rate <= 0.0) return false;
  auto luck = model::stream(seed, model::EntityKind::Jobseeker, model::index(claim.client),
                            model::Purpose::AuditSample, static_cast<std::uint32_t>(claim.time));
  return luck.uniform01() < audit.sample_rate;
}

AuditRule read_audit(core::ConfigReader& audit) {
  AuditRule rule;
  rule.sample_rate = audit.number("sample_rate", 0.0, core::Bounds::probability());
  rule.penalty_points = audit.number("penalty_points", 0.0, core::Bounds::at_least(0.0));
  audit.finish();
  return rule;
}

}  // namespace caseload::regimes
