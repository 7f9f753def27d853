#pragma once
// One office's own market, size and customer mix, and the spread a scenario draws them from.
// Plain data: sim/model/office_profiles.hpp resolves one profile per office.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace caseload::model {

/// One office's own market, size and group mix; docs/ODD.md "Offices". With no variation and
/// no table every office has the scenario-wide values, exactly.
struct OfficeProfile {
  std::string name;                        ///< as the table gives it, or "office N"
  int advisers = 10;
  double inflow_scale = 1.0;               ///< multiplies every group's inflow (office size)
  std::vector<double> group_inflow_scale;  ///< by group: multiplies its inflow (mix); empty = all 1
  int employers = 40;
  double vacancies_per_week = 1.5;         ///< per employer (the local vacancy rate)
  double quality_alpha = 2.0;              ///< job quality q ~ Beta(alpha, beta)
  double quality_beta = 2.0;
  double tightness_half_vacancies = 10.0;  ///< open vacancies at which tightness = 1/2
  int cluster = -1;                        ///< comparable offices; -1 = derive from the others
  int district = -1;                       ///< the district it is managed in; -1 = from network.districts
  double quality_mean() const { return quality_alpha / (quality_alpha + quality_beta); }
  double group_scale(std::size_t group) const {
    return group_inflow_scale.empty() ? 1.0 : group_inflow_scale[group];
  }
  /// New claims per week of a group whose scenario-wide inflow is `group_inflow`, here.
  double inflow_per_week(double group_inflow, std::size_t group) const {
    return group_inflow * inflow_scale * group_scale(group);
  }
};

/// Spread of office profiles around the scenario-wide values, drawn per office from the
/// office's own stream under `seed`, so every replication and both variants share one network.
struct OfficeVariation {
  double size_sd = 0.0;          ///< log-sd of size: advisers, inflow and employers together
  double vacancy_rate_sd = 0.0;  ///< log-sd of vacancies per employer per week
  double quality_sd = 0.0;       ///< sd of the mean job quality, on the logit scale
  double mix_sd = 0.0;           ///< log-sd of each group's inflow, office total kept
  std::uint64_t seed = 1;
  bool any() const { return size_sd > 0.0 || vacancy_rate_sd > 0.0 || quality_sd > 0.0 || mix_sd > 0.0; }
};

}  // namespace caseload::model
