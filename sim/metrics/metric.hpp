#pragma once
// A headline metric: its stable name, unit and description, and how its value comes from a
// run. Each is registered once, in metric_registry.cpp; the summary, the trace's
// /metrics/scalars and docs/METRICS.md's summary table are all made from that list.

#include <span>
#include <string>
#include <string_view>

#include "sim/metrics/summary.hpp"
#include "sim/model/scenario.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics {

/// What a metric may read: the run, its scenario, and the parts the report has computed.
struct MetricInputs {
  const model::Scenario& scenario;
  const model::SimulationResult& result;
  const MetricsReport& report;
};

struct Metric {
  std::string_view name;         ///< snake_case, stable: scripts and the goldens key on it
  std::string_view unit;         ///< "share", "weeks", "GBP", ...: the trace's `units`
  std::string_view description;  ///< one line for people, as the summary and trace show it
  /// NaN when not defined (no counterfactual, nothing to divide by), never left out.
  double (*value)(const MetricInputs&);
};

/// Every metric, in summary order.
std::span<const Metric> registered_metrics();

/// docs/METRICS.md's "The summary, in order" table.
std::string metrics_markdown();

}  // namespace caseload::metrics
