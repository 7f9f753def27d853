#pragma once
// The figures a UK-like baseline is calibrated against (MODEL.md section 8), computed from one
// variant's logs over the measured period.

#include "sim/model/scenario.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics {

struct Calibration {
  double off_benefit_13w = 0.0;   ///< share of claims begun in the measured period ended by 13 weeks
  double off_benefit_26w = 0.0;
  double off_benefit_52w = 0.0;
  double claims_in_cohort = 0.0;  ///< claims the three shares are computed over
  double off_flows_to_work = 0.0; ///< share of claim endings that were job entries
  double reclaim_13w = 0.0;       ///< share of job entrants claiming again within 13 weeks
  double reclaim_26w = 0.0;
  double caseload_per_adviser = 0.0;   ///< mean clients claiming per adviser
  double interview_time_share = 0.0;   ///< share of adviser hours in reviews and interviews
  double repeat_claim_share = 0.0;     ///< share of new claims that are repeat claims
};

Calibration calibrate(const model::Scenario& scenario, const model::VariantResult& variant);

}  // namespace caseload::metrics
