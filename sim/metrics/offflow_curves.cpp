#include "sim/metrics/offflow_curves.hpp"

#include <algorithm>
#include <cmath>

#include "sim/core/time.hpp"
#include "sim/metrics/statistics.hpp"

namespace caseload::metrics {

namespace {

struct Observation {
  double weeks = 0.0;  ///< from the claim's start to its end, or to the run's end if open
  bool ended = false;
};

// Kaplan-Meier: S drops by 1/at-risk at each ending; an open claim leaves the risk set
// without a drop. Endings sort before censorings at the same time, as is usual.
std::vector<double> kaplan_meier(std::vector<Observation> observations, int weeks) {
  std::sort(observations.begin(), observations.end(), [](const Observation& a, const Observation& b) {
    return a.weeks != b.weeks ? a.weeks < b.weeks : a.ended > b.ended;
  });
  std::vector<double> off(static_cast<std::size_t>(weeks) + 1, not_defined);
  double at_risk = static_cast<double>(observations.size());
  const double longest = observations.empty() ? -1.0 : observations.back().weeks;
  double survival = 1.0;
  std::size_t next = 0;
  for (int w = 0; w <= weeks; ++w) {
    while (next < observations.size() && observations[next].weeks <= w) {
      if (observations[next].ended) survival *= 1.0 - 1.0 / at_risk;
      at_risk -= 1.0;
      ++next;
    }
    if (w <= longest) off[static_cast<std::size_t>(w)] = 1.0 - survival;
  }
  return off;
}

}  // namespace

double OffFlowCurves::at(const std::vector<double>& curve, double weeks) {
  if (!(weeks >= 0.0)) return not_defined;
  const auto w = static_cast<std::size_t>(std::floor(weeks));
  return w < curve.size() ? curve[w] : not_defined;
}

OffFlowCurves offflow_curves(const model::VariantResult& variant, std::size_t groups, int weeks) {
  std::vector<std::vector<Observation>> by_group(groups);
  std::vector<Observation> all;
  for (const auto& spell : variant.spells) {
    if (spell.start < variant.measure_start) continue;
    const double end = spell.is_open ? variant.end : spell.end;
    const Observation observation{(end - spell.start) / core::days_per_week, !spell.is_open};
    by_group[model::index(spell.group)].push_back(observation);
    all.push_back(observation);
  }
  OffFlowCurves out;
  out.all = kaplan_meier(std::move(all), weeks);
  for (auto& observations : by_group) {
    out.claims_by_group.push_back(static_cast<double>(observations.size()));
    out.by_group.push_back(kaplan_meier(std::move(observations), weeks));
  }
  return out;
}

}  // namespace caseload::metrics

namespace caseload::metrics {

OffFlowCurves offflow_curves(const model::Scenario& scenario, const model::VariantResult& variant, int weeks) {
  OffFlowCurves out = offflow_curves(variant, scenario.groups.size(), weeks);
  for (std::size_t g = 0; g < scenario.groups.size(); ++g) {
    const auto& group = scenario.groups[g];
    const bool has_target = group.offflow_target_weeks > 0.0;
    out.target_weeks_by_group.push_back(has_target ? group.offflow_target_weeks : not_defined);
    out.target_share_by_group.push_back(has_target ? group.offflow_target_share : not_defined);
    out.at_target_by_group.push_back(has_target ? OffFlowCurves::at(out.by_group[g], group.offflow_target_weeks)
                                                : not_defined);
  }
  return out;
}

}  // namespace caseload::metrics
