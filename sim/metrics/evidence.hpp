#pragma once
// Evidence as a gaming channel: weakly evidenced job-entry claims, those an audit rejected, the
// credit a full audit would remove, and entries record matching missed. Read from what the
// regime's evidence rules tallied over the measured period; NaN when the regime checks none.

#include <vector>

#include "sim/metrics/statistics.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics {

struct Evidence {
  double claims_weak = not_defined;                ///< entries claimed on weak evidence
  double claims_rejected = not_defined;            ///< of those, rejected by the audit's check
  double credit_audit_would_remove = not_defined;  ///< credit of weak claims no check sampled
  double unmatched_entries = not_defined;          ///< entries records did not find (JOT)
  std::vector<double> claims_weak_by_group;        ///< indexed by GroupId; empty when NaN above
  std::vector<double> claims_rejected_by_group;
  std::vector<double> credit_audit_would_remove_by_group;
  std::vector<double> unmatched_entries_by_group;
};

Evidence evidence(const model::VariantResult& variant);

}  // namespace caseload::metrics
