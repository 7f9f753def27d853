#pragma once
// A stress run's own figures: the regime's measured performance (credit per adviser-week in the
// measured period) and its split into channels that add up to it exactly, so a gain between
// incentive strengths splits the same way (docs/EXPERIMENTS.md, "Stress tests").

#include <string_view>
#include <vector>

#include "sim/experiment/run_record.hpp"
#include "sim/experiment/single_run.hpp"

namespace caseload::experiment {

/// Names of the figures stress_figures returns, in its order: measured, then the channels
/// whose sum it is (selection, displacement, real, gaming_evidence).
inline constexpr std::string_view kStressMeasured = "stress_measured_per_adviser_week";
inline constexpr std::string_view kStressSelection = "stress_selection";
inline constexpr std::string_view kStressDisplacement = "stress_displacement";
inline constexpr std::string_view kStressReal = "stress_real";
inline constexpr std::string_view kStressGamingEvidence = "stress_gaming_evidence";

/// The channels, in the order stress.csv and the report stack them.
inline constexpr std::string_view kStressChannels[] = {kStressSelection, kStressDisplacement,
                                                       kStressReal, kStressGamingEvidence};

/// Measured performance M = C / A, C the regime's credit in the measured period (scoreboard
/// rows of weeks starting at or after measure_start, at its lowest unit level, so a cascade is
/// not counted once per level) and A the advisers' measured weeks. Its channels, with W the
/// credit of weak claims no audit sampled (`credit_audit_would_remove`, 0 when the regime keeps
/// none), E_t and E_c the treatment's and counterfactual's job entries, D the deadweight
/// entries (sum over people of min(entries_t, entries_c)) and p = (C - W) / E_t the credit per
/// entry of the rest:
///   selection = p D / A, displacement = p (E_c - D) / A, real = p (E_t - E_c) / A,
///   gaming_evidence = W / A,
/// which add up to M because D + (E_c - D) + (E_t - E_c) = E_t. All NaN without a complete
/// counterfactual, no measured adviser-weeks, or (the entry channels) no treatment entries.
std::vector<MetricValue> stress_figures(const SingleRun& run);

}  // namespace caseload::experiment
