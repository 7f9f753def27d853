#pragma once
// Results by office and by cluster of comparable offices, over the measured period: how often
// claimants leave for work, how full caseloads are and what the regime credited, so offices
// that differ in market and mix can be compared (EVIDENCE.md 9.3) and judged within cluster.

#include <vector>

#include "sim/model/scenario.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics {

/// One element per office, or per cluster (offices pooled). Rates are monthly (x 52/12).
struct OfficeFigures {
  std::vector<double> cluster;               ///< by office: its cluster; by cluster: its number
  std::vector<double> offices;               ///< offices pooled (1 by office)
  std::vector<double> advisers;              ///< jobcentre advisers (not provider caseworkers)
  std::vector<double> claim_weeks;           ///< claiming client-weeks
  std::vector<double> into_work_rate;        ///< job entries from claims per claim-month
  std::vector<double> off_flow_rate;         ///< claim endings of any kind per claim-month
  std::vector<double> caseload_per_adviser;  ///< mean claimants per adviser
  std::vector<double> measured_per_adviser;  ///< regime credit per adviser (0 under no regime)
};

struct OfficeResults {
  OfficeFigures by_office;
  OfficeFigures by_cluster;
  double into_work_rate = 0.0;   ///< whole network, monthly
  double into_work_ratio = 0.0;  ///< highest office's into-work rate over the lowest's
};

OfficeResults office_results(const model::Scenario& scenario, const model::VariantResult& variant);

}  // namespace caseload::metrics
