#pragma once
// A trial inside one market (scenario.trial) against the truth: the cohort of first claims in
// the trial's window, followed for `follow_weeks` from assignment (only those the run follows
// that long), employment weeks per person in each arm, compared within the run (what a trial
// reports) and with the same people in the counterfactual (what the programme did to them).
// NaN without a trial, or (for the last two) without the counterfactual.

#include <span>
#include <vector>

#include "sim/metrics/statistics.hpp"
#include "sim/model/scenario.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics {

/// Months since assignment the cohort curves run to.
inline constexpr int trial_curve_months = 36;

/// A cohort curve: by month since assignment (1 to 36, a month 365.25 / 12 days), the share of
/// an arm's people in work, or claiming, at that point; NaN once the run no longer follows any.
struct CohortCurves {
  std::vector<double> in_work;
  std::vector<double> on_benefit;
};

struct TrialResults {
  double cohort = not_defined;        ///< people assigned and followed the whole time
  /// Programme minus control, employment weeks per person over the follow-up: the trial's
  /// estimate of the programme's effect.
  double estimate = not_defined;
  /// Programme clients here minus the same people in the counterfactual: the programme's true
  /// effect on those who got it. With `share: 1` (rolled out) this is the rollout effect.
  double effect_on_programme = not_defined;
  /// Controls here minus the same people in the counterfactual: what the programme's clients
  /// took from them (negative when they compete for the same vacancies).
  double spillover_on_controls = not_defined;
  /// By arm: the programme and control here, then the same people in the counterfactual.
  CohortCurves programme, control, programme_counterfactual, control_counterfactual;
};

TrialResults trial_results(const model::Scenario& scenario, const model::SimulationResult& result);

/// Employment weeks of `row` in [from, from + weeks·7) days, from the job log.
std::vector<double> employment_weeks_after(const model::VariantResult& v, std::span<const double> from_day,
                                           double follow_days);

}  // namespace caseload::metrics
