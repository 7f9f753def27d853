#pragma once
// Timing: discretionary help by weeks to the client's next claim mark (13, 26, 39 and 52
// weeks, where the JSA off-flow measure looks), and job entries by week of the 52-week target
// year. Help needs the event log (trace level `events`); without it its figures are NaN.

#include <array>
#include <vector>

#include "sim/metrics/statistics.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics {

/// The claim weeks at which help is placed against a mark; the metric's, whatever the regime.
inline constexpr std::array<double, 4> bunching_marks = {13.0, 26.0, 39.0, 52.0};
/// Weeks to the next mark (1 to 13, rounded up) that count as "before a mark".
inline constexpr int weeks_before_mark = 4;
/// The target year the regimes count by, and its closing weeks.
inline constexpr int target_year_weeks = 52;
inline constexpr int year_end_weeks = 8;

struct Bunching {
  /// Index k: claim weeks with k + 1 weeks (rounded up) to the next mark, before the last mark.
  std::vector<double> help_by_weeks_to_mark;          ///< discretionary actions on a client (NaN: no log)
  std::vector<double> client_weeks_by_weeks_to_mark;  ///< claiming client-weeks
  std::vector<double> help_rate_by_weeks_to_mark;     ///< help per client-week (NaN without weeks)
  /// Help per client-week in the last `weeks_before_mark` weeks before a mark over help per
  /// client-week at the other claim weeks before the last mark.
  double help_before_mark_ratio = not_defined;
  /// Index w: week w of the target year (weeks from the run's start, modulo the year).
  std::vector<double> entries_by_year_week;
  std::vector<double> weeks_by_year_week;  ///< measured weeks that fell on week w of the year
  /// Entries per week in the last `year_end_weeks` weeks of the year over entries per week in
  /// its other weeks.
  double entries_year_end_ratio = not_defined;
};

/// Over the measured period: help from the variant's event log (none recorded: NaN help
/// figures), client-weeks from its claim spells, entries from its jobs.
Bunching bunching(const model::VariantResult& variant);

}  // namespace caseload::metrics
