#include "sim/regimes/cascade.hpp"

#include <cmath>
#include <limits>

#include <boost/random/normal_distribution.hpp>

#include "sim/model/provider_staffing.hpp"
#include "sim/model/streams.hpp"

namespace caseload::regimes {

namespace {

// A unit's ambition: lognormal with the rule's mean and log-sd, never below the floor.
double draw_ambition(const LocalTargets& local, std::uint32_t unit) {
  if (local.ambition_sd <= 0.0) return std::max(local.floor, local.ambition_mean);
  core::RandomStream stream = model::stream(local.seed, model::EntityKind::ManagedUnit, unit,
                                            model::Purpose::LocalTarget, static_cast<std::uint32_t>(local.level));
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  const double sd = local.ambition_sd;
  return std::max(local.floor, local.ambition_mean * std::exp(sd * normal(stream) - 0.5 * sd * sd));
}

}  // namespace

Cascade::Cascade(const model::Scenario& scenario, const CascadeRule& rule, double k) : rule_(rule), k_(k) {
  const std::vector<std::uint32_t> caseworkers = model::provider_staffing(scenario);
  for (const Level level : rule.levels) {
    Tier tier{level, Organisation(scenario.network, caseworkers, level), {}, {}, {}, {}, {}, {}, {}, {}};
    const std::uint32_t units = tier.organisation.units();
    tier.managed.assign(units, true);
    for (std::uint32_t u = 0; u < units; ++u) {
      tier.managed[u] = level == Level::Adviser
                            ? u < first_caseworker(scenario.network)
                            : tier.organisation.level_of(u) != Level::Provider;
    }
    tier.parent.assign(units, 0);
    tier.target.assign(units, std::numeric_limits<double>::quiet_NaN());
    tier.pressure.assign(units, 1.0);
    tier.ambition.assign(units, 1.0);
    tier.credit.assign(units, 0.0);
    tier.received.assign(units, 0.0);
    tier.children.resize(units);
    if (rule.local.enabled && rule.local.level == level) {
      for (std::uint32_t u = 0; u < units; ++u) {
        if (tier.managed[u]) tier.ambition[u] = draw_ambition(rule.local, u);
      }
    }
    tiers_.push_back(std::move(tier));
  }
  // Levels nest (teams within offices within districts), so any member names the parent.
  for (std::size_t t = 1; t < tiers_.size(); ++t) {
    Tier& above = tiers_[t - 1];
    Tier& tier = tiers_[t];
    std::vector<bool> seen(tier.organisation.units(), false);
    for (std::uint32_t a = 0; a < tier.organisation.advisers(); ++a) {
      const std::uint32_t unit = tier.organisation.unit_of(static_cast<model::AdviserId>(a));
      if (seen[unit]) continue;
      seen[unit] = true;
      tier.parent[unit] = above.organisation.unit_of(static_cast<model::AdviserId>(a));
      if (tier.managed[unit]) above.children[tier.parent[unit]].push_back(unit);
    }
  }
  if (!tiers_.empty()) {
    for (std::uint32_t u = 0; u < tiers_[0].organisation.units(); ++u) tiers_[0].parent[u] = u;
  }
}

std::vector<double> Cascade::unit_totals(std::size_t tier, std::span<const double> by_adviser) const {
  const Organisation& organisation = tiers_[tier].organisation;
  std::vector<double> totals(organisation.units(), 0.0);
  const auto advisers = std::min<std::size_t>(organisation.advisers(), by_adviser.size());
  for (std::size_t a = 0; a < advisers; ++a) {
    totals[organisation.unit_of(static_cast<model::AdviserId>(a))] += by_adviser[a];
  }
  return totals;
}

void Cascade::review(double weekly_target, double weeks_in_year, std::span<const double> adviser_credit,
                     std::span<const double> adviser_weight) {
  for (std::size_t t = 0; t < tiers_.size(); ++t) tiers_[t].credit = unit_totals(t, adviser_credit);
  Tier& top = tiers_[0];
  for (std::uint32_t u = 0; u < top.organisation.units(); ++u) {
    if (!top.managed[u]) continue;
    top.target[u] = weekly_target * top.organisation.unit_size(u) * weeks_in_year * top.ambition[u];
    top.received[u] = 0.0;
  }
  for (std::size_t t = 0; t < tiers_.size(); ++t) {
    Tier& tier = tiers_[t];
    for (std::uint32_t u = 0; u < tier.organisation.units(); ++u) {
      if (!tier.managed[u]) continue;
      tier.pressure[u] = 1.0 + tier.received[u] + k_ * shortfall_share(tier.target[u], tier.credit[u]);
    }
    if (t + 1 < tiers_.size()) split_down(t, adviser_weight);
  }
}

// Each manager on tier `t` splits its unit's target over its units below (a local level then
// scales its share by its ambition) and passes its pressure on by the managerial rule.
void Cascade::split_down(std::size_t t, std::span<const double> adviser_weight) {
  Tier& tier = tiers_[t];
  Tier& below = tiers_[t + 1];
  std::vector<double> weight_below;
  if (rule_.split != Split::Equal) weight_below = unit_totals(t + 1, adviser_weight);
  for (std::uint32_t u = 0; u < tier.organisation.units(); ++u) {
    const std::vector<std::uint32_t>& children = tier.children[u];
    if (!tier.managed[u] || children.empty()) continue;
    std::vector<double> weights(children.size(), 1.0);
    for (std::size_t i = 0; i < children.size(); ++i) {
      if (t == 0 && !rule_.shares.empty()) {
        weights[i] = rule_.shares[below.organisation.index_in_level(children[i])];
      } else if (rule_.split != Split::Equal) {
        weights[i] = weight_below[children[i]];
      }
    }
    const std::vector<double> split = split_target(tier.target[u], weights);
    std::vector<double> shortfall(children.size(), 0.0);
    for (std::size_t i = 0; i < children.size(); ++i) {
      const std::uint32_t c = children[i];
      below.target[c] = split[i] * below.ambition[c];
      shortfall[i] = shortfall_share(below.target[c], below.credit[c]);
    }
    const double passed = tier.received[u] + k_ * shortfall_share(tier.target[u], tier.credit[u]);
    const std::vector<double> received = pass_down(passed, shortfall, rule_.manager);
    for (std::size_t i = 0; i < children.size(); ++i) below.received[children[i]] = received[i];
  }
}

double Cascade::pressure(model::AdviserId adviser) const {
  const Tier& bottom = tiers_.back();
  if (model::index(adviser) >= bottom.organisation.advisers()) return 1.0;
  return bottom.pressure[bottom.organisation.unit_of(adviser)];
}

}  // namespace caseload::regimes
