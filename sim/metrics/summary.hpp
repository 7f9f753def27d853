#pragma once
// Every metric of one run in one place: the report a trace stores under /metrics, and its
// headline figures (metric_registry.cpp) as a flat list in a fixed order with stable names.

#include <optional>
#include <string>
#include <vector>

#include "sim/metrics/bunching.hpp"
#include "sim/metrics/calibration.hpp"
#include "sim/metrics/creaming.hpp"
#include "sim/metrics/evidence.hpp"
#include "sim/metrics/local_targets.hpp"
#include "sim/metrics/net_impact.hpp"
#include "sim/metrics/offflow_curves.hpp"
#include "sim/metrics/offices.hpp"
#include "sim/metrics/paradox.hpp"
#include "sim/metrics/parking.hpp"
#include "sim/metrics/providers.hpp"
#include "sim/metrics/quality.hpp"
#include "sim/metrics/sanctions.hpp"
#include "sim/metrics/trial.hpp"
#include "sim/model/run_result.hpp"
#include "sim/model/scenario.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics {

/// Gross figures are of the treatment; the optional parts need a complete counterfactual.
struct MetricsReport {
  std::vector<std::string> group_names;  ///< labels for every *_by_group vector
  Calibration calibration;
  OffFlowCurves offflow;  ///< to offflow_curve_weeks
  OfficeResults offices;  ///< by office and by cluster of comparable offices
  Creaming creaming_by_employability;
  Creaming creaming_by_motivation;
  Parking parking;
  Quality quality;
  Sanctions sanctions;
  Evidence evidence;
  Bunching bunching;  ///< help by weeks to a claim mark, entries by week of the target year
  Providers providers;
  LocalTargets local_targets;  ///< units' own targets against what they achieved
  TrialResults trial;          ///< a trial inside one market against the truth
  std::optional<NetImpact> net_impact;
  std::optional<CostEffectiveness> cost_effectiveness;
  std::optional<Paradox> paradox;
};

/// How far the off-flow curves reach: two years covers every group's calibration target.
inline constexpr int offflow_curve_weeks = 104;

MetricsReport make_report(const model::Scenario& scenario, const model::SimulationResult& result);

/// The headline figures, one per metric_registry.cpp entry in its order; one that needs a
/// missing counterfactual is NaN, never left out, so every run lists the same names.
std::vector<model::SummaryFigure> summarise(const model::Scenario& scenario,
                                            const model::SimulationResult& result);
/// The same from a report already made of `result`.
std::vector<model::SummaryFigure> summarise(const model::Scenario& scenario,
                                            const model::SimulationResult& result,
                                            const MetricsReport& report);

}  // namespace caseload::metrics
