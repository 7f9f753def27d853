#pragma once
// The tables `caseload run` prints under its summary: the same figures split by customer group
// (and, with offices that differ, by office cluster), because creaming and parking are about
// who is served, and a whole-population mean hides them.

#include <string>

#include "sim/metrics/summary.hpp"
#include "sim/model/scenario.hpp"

namespace caseload::cli {

/// One row per customer group: claims, off-flow by 13/26/52 weeks, parked share and (with a
/// counterfactual) net employment weeks per person.
std::string format_group_table(const model::Scenario& scenario, const metrics::MetricsReport& report);

/// One row per cluster of comparable offices: offices, advisers, monthly into-work and
/// off-flow rates, caseload and measured performance per adviser.
std::string format_cluster_table(const metrics::MetricsReport& report);

/// The same rows as a JSON object keyed by group name.
std::string format_group_json(const model::Scenario& scenario, const metrics::MetricsReport& report);

}  // namespace caseload::cli
