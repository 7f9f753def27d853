#include "sim/experiment/stress_figures.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace caseload::experiment {

namespace {

// Credit the regime counted in the measured period. A cascade scores every level, each the sum
// of the same advisers' credit, so only the lowest level present is added up.
double measured_credit(const model::VariantResult& variant) {
  const auto& rows = variant.scoreboard.rows;
  if (rows.empty()) return 0.0;
  const auto lowest = std::min_element(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
                        return a.level < b.level;
                      })->level;
  double credit = 0.0;
  for (const model::ScoreRow& row : rows) {
    // The week test the model uses for its measured totals (docs/METRICS.md, "Conventions").
    if (row.level == lowest && 7.0 * row.week >= variant.measure_start) credit += row.credit;
  }
  return credit;
}

}  // namespace

std::vector<MetricValue> stress_figures(const SingleRun& run) {
  const model::VariantResult& treatment = run.simulation.treatment;
  const auto& weeks = treatment.advisers.measured_weeks;
  const double adviser_weeks = std::accumulate(weeks.begin(), weeks.end(), 0.0);
  double measured = NAN;
  double selection = NAN;
  double displacement = NAN;
  double real = NAN;
  double gaming = NAN;
  if (run.report.net_impact && adviser_weeks > 0.0) {
    const metrics::NetImpact& net = *run.report.net_impact;
    const double credit = measured_credit(treatment);
    const double weak = std::isnan(run.report.evidence.credit_audit_would_remove)
                            ? 0.0
                            : run.report.evidence.credit_audit_would_remove;
    const double entries_t = net.treatment_entries;
    const double entries_c = entries_t - net.entries_gained;
    measured = credit / adviser_weeks;
    gaming = weak / adviser_weeks;
    if (entries_t > 0.0) {
      const double per_entry = (credit - weak) / entries_t;
      selection = per_entry * net.deadweight_entries / adviser_weeks;
      displacement = per_entry * (entries_c - net.deadweight_entries) / adviser_weeks;
      real = per_entry * (entries_t - entries_c) / adviser_weeks;
    }
  }
  return {{std::string(kStressMeasured), measured},
          {std::string(kStressSelection), selection},
          {std::string(kStressDisplacement), displacement},
          {std::string(kStressReal), real},
          {std::string(kStressGamingEvidence), gaming}};
}

}  // namespace caseload::experiment
