#include "sim/metrics/offices.hpp"

#include <algorithm>
#include <limits>

#include "sim/core/time.hpp"
#include "sim/model/office_profiles.hpp"

namespace caseload::metrics {

namespace {

constexpr double weeks_per_month = 52.0 / 12.0;

// Sums over the measured period, for one office or one cluster; rates come from these.
struct Tally {
  double offices = 0.0;
  double advisers = 0.0;
  double claim_weeks = 0.0;
  double work_exits = 0.0;
  double exits = 0.0;
  double weeks = 0.0;
  double measured = 0.0;
};

void append(OfficeFigures& out, double cluster, const Tally& t) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  out.cluster.push_back(cluster);
  out.offices.push_back(t.offices);
  out.advisers.push_back(t.advisers);
  out.claim_weeks.push_back(t.claim_weeks);
  out.into_work_rate.push_back(t.claim_weeks > 0.0 ? t.work_exits / t.claim_weeks * weeks_per_month : nan);
  out.off_flow_rate.push_back(t.claim_weeks > 0.0 ? t.exits / t.claim_weeks * weeks_per_month : nan);
  out.caseload_per_adviser.push_back(t.advisers > 0.0 && t.weeks > 0.0 ? t.claim_weeks / t.weeks / t.advisers : nan);
  out.measured_per_adviser.push_back(t.advisers > 0.0 ? t.measured / t.advisers : nan);
}

}  // namespace

OfficeResults office_results(const model::Scenario& scenario, const model::VariantResult& variant) {
  const std::vector<model::OfficeProfile> profiles = model::office_profiles(scenario);
  std::vector<Tally> by_office(profiles.size());
  for (auto& t : by_office) t.offices = 1.0;
  const auto& advisers = variant.advisers;
  for (std::uint32_t a = 0; a < advisers.size(); ++a) {
    if (advisers.is_provider[a]) continue;
    Tally& t = by_office[model::index(advisers.office[a])];
    t.advisers += 1.0;
    if (a < variant.measured_by_adviser.size()) t.measured += variant.measured_by_adviser[a];
  }
  const double measured_weeks = (variant.end - variant.measure_start) / core::days_per_week;
  for (auto& t : by_office) t.weeks = measured_weeks;
  for (const auto& row : variant.panel) {
    if (row.week * core::days_per_week < variant.measure_start) continue;
    Tally& t = by_office[model::index(row.office)];
    t.claim_weeks += row.counts.stock;
    t.work_exits += row.counts.exits[static_cast<std::size_t>(model::ExitReason::Work)];
    for (const auto exits : row.counts.exits) t.exits += exits;
  }

  OfficeResults out;
  std::vector<Tally> by_cluster(static_cast<std::size_t>(model::cluster_count(profiles)));
  Tally network;
  for (std::size_t o = 0; o < by_office.size(); ++o) {
    const Tally& t = by_office[o];
    append(out.by_office, profiles[o].cluster, t);
    for (Tally* pooled : {&by_cluster[static_cast<std::size_t>(profiles[o].cluster)], &network}) {
      pooled->offices += t.offices;
      pooled->advisers += t.advisers;
      pooled->claim_weeks += t.claim_weeks;
      pooled->work_exits += t.work_exits;
      pooled->exits += t.exits;
      pooled->weeks = t.weeks;
      pooled->measured += t.measured;
    }
  }
  for (std::size_t c = 0; c < by_cluster.size(); ++c) append(out.by_cluster, static_cast<double>(c), by_cluster[c]);
  out.into_work_rate = network.claim_weeks > 0.0 ? network.work_exits / network.claim_weeks * weeks_per_month
                                                 : std::numeric_limits<double>::quiet_NaN();
  const auto& rates = out.by_office.into_work_rate;
  const auto [low, high] = std::minmax_element(rates.begin(), rates.end());
  out.into_work_ratio = rates.empty() || !(*low > 0.0) ? std::numeric_limits<double>::quiet_NaN() : *high / *low;
  return out;
}

}  // namespace caseload::metrics
