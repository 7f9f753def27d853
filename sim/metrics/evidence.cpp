#include "sim/metrics/evidence.hpp"

#include <numeric>

namespace caseload::metrics {

namespace {

// The total of a tally by group, NaN when the regime kept none.
double total(const std::vector<double>& by_group) {
  return by_group.empty() ? not_defined : std::accumulate(by_group.begin(), by_group.end(), 0.0);
}

}  // namespace

Evidence evidence(const model::VariantResult& variant) {
  const model::EvidenceTally& tally = variant.evidence;
  Evidence out;
  out.claims_weak_by_group = tally.claims_weak;
  out.claims_rejected_by_group = tally.claims_rejected;
  out.credit_audit_would_remove_by_group = tally.credit_unaudited;
  out.unmatched_entries_by_group = tally.unmatched_entries;
  out.claims_weak = total(tally.claims_weak);
  out.claims_rejected = total(tally.claims_rejected);
  out.credit_audit_would_remove = total(tally.credit_unaudited);
  out.unmatched_entries = total(tally.unmatched_entries);
  return out;
}

}  // namespace caseload::metrics
