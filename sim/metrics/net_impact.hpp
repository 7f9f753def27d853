#pragma once
// Net impact: what the treatment's help achieved over the counterfactual, person by person
// (rows are the same people in both variants), with deadweight and equity gaps by group.

#include <optional>
#include <vector>

#include "sim/metrics/statistics.hpp"
#include "sim/model/scenario.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics {

/// True when a complete counterfactual exists to compare with; metrics that need one are
/// std::nullopt otherwise (and NaN in the summary).
bool has_counterfactual(const model::SimulationResult& result);

struct NetImpact {
  double people = 0.0;  ///< rows claiming or employed in the measured period, in either variant
  double employment_weeks = 0.0;  ///< sum over rows of (days_t - days_c) / 7
  double employment_weeks_per_person = not_defined;
  double entries_gained = 0.0;
  double sustained_13_gained = 0.0;
  double sustained_26_gained = 0.0;
  double treatment_entries = 0.0;
  double deadweight_entries = 0.0;        ///< sum over rows of min(entries_t, entries_c)
  double deadweight_share = not_defined;  ///< deadweight_entries / treatment_entries
  // By customer group, indexed by GroupId as scenario.groups.
  std::vector<double> people_by_group;
  std::vector<double> employment_weeks_by_group;
  std::vector<double> employment_weeks_per_person_by_group;
  std::vector<double> sustained_13_gained_by_group;
  std::vector<double> sustained_26_gained_by_group;
  std::vector<double> deadweight_share_by_group;
  /// Per-person employment weeks gained in the group minus the overall figure.
  std::vector<double> equity_gap_by_group;
};

std::optional<NetImpact> net_impact(const model::Scenario& scenario,
                                    const model::SimulationResult& result);

/// Employment weeks gained by one person, (employed_days_t - employed_days_c) / 7.
double employment_weeks_gained(const model::SimulationResult& result, std::uint32_t row);

}  // namespace caseload::metrics
