#include "sim/regimes/indicator_set_regime.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <span>

#include <fmt/format.h>

#include "sim/model/office_profiles.hpp"
#include "sim/regimes/benchmark_regression.hpp"
#include "sim/regimes/benchmark_rule.hpp"
#include "sim/regimes/target_year.hpp"

namespace caseload::regimes {

IndicatorSetRegime::IndicatorSetRegime(const model::Scenario& scenario, RegimeRules rules,
                                       std::vector<std::unique_ptr<Indicator>> indicators)
    : rules_(rules),
      organisation_(scenario, rules.level),
      ledger_(organisation_, scenario.run.warmup_weeks * 7.0, scenario.groups.size(), indicators.size()),
      indicators_(std::move(indicators)),
      pressure_(organisation_.units(), 1.0),
      year_pressure_(organisation_.units(), 0.0),
      contact_minutes_(scenario.actions.employer_contact.minutes),
      stars_(organisation_.units(), 3),
      target_(organisation_.units(), std::numeric_limits<double>::quiet_NaN()),
      weekly_target_(organisation_.units(), rules.pressure.target_per_adviser_week),
      peer_set_(organisation_.units(), 0),
      groups_(scenario.groups.size()),
      measure_from_day_(scenario.run.warmup_weeks * 7.0) {
  if (rules_.pressure.compare == Compare::Cluster) {
    const std::vector<model::OfficeProfile> offices = model::office_profiles(scenario);
    for (std::uint32_t u = 0; u < organisation_.units(); ++u) {
      peer_set_[u] = static_cast<std::uint32_t>(offices[organisation_.office_of(u)].cluster);
    }
  }
  const std::size_t sets = *std::max_element(peer_set_.begin(), peer_set_.end()) + 1;
  peer_advisers_.assign(sets, 0.0);
  for (std::uint32_t u = 0; u < organisation_.units(); ++u) peer_advisers_[peer_set_[u]] += organisation_.unit_size(u);
  unexplained_credit_.assign(sets, 0.0);
  if (rules_.pressure.relative && rules_.pressure.expected != Expected::Size) {
    client_weeks_.assign(organisation_.units() * groups_, 0.0);
    national_client_weeks_.assign(sets * groups_, 0.0);
    national_credit_.assign(sets * groups_, 0.0);
  }
  const bool expected_split = rules_.pressure.cascade.enabled() && rules_.pressure.cascade.split == Split::Expected;
  if ((rules_.pressure.relative && rules_.pressure.expected == Expected::Regression) || expected_split) {
    for (const model::OfficeProfile& office : model::office_profiles(scenario)) {
      office_market_.push_back(model::log_vacancies_per_claim(office, scenario));
    }
  }
  if (rules_.pressure.cascade.enabled()) {
    cascade_ = std::make_unique<Cascade>(scenario, rules_.pressure.cascade, rules_.pressure.k);
    if (rules_.pressure.cascade.split != Split::Equal) {
      adviser_client_weeks_.assign(static_cast<std::size_t>(organisation_.advisers()) * groups_, 0.0);
    }
    if (expected_split) {
      const Organisation offices(scenario, Level::Office);
      for (std::uint32_t a = 0; a < offices.advisers(); ++a) {
        adviser_market_.push_back(office_market_[offices.office_of(offices.unit_of(static_cast<model::AdviserId>(a)))]);
      }
    }
  }
  for (const auto& indicator : indicators_) indicator->add_job_marks(job_marks_);
  std::sort(job_marks_.begin(), job_marks_.end());
  job_marks_.erase(std::unique(job_marks_.begin(), job_marks_.end()), job_marks_.end());
}

double IndicatorSetRegime::pressure(model::AdviserId adviser) const {
  if (cascade_) return cascade_->pressure(adviser);
  const std::uint32_t unit = organisation_.unit_of(adviser);
  return pressure_[unit] + year_pressure_[unit];
}

void IndicatorSetRegime::value(model::AdviserId adviser,
                               std::span<const model::ActionCandidate> candidates,
                               std::span<double> reward) const {
  const bool profit = for_profit(adviser);
  const double scale = rules_.value_scale * (profit ? 1.0 : organisation_.share(adviser));
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const model::ActionCandidate& candidate = candidates[i];
    double total = 0.0;
    for (const auto& indicator : indicators_) total += indicator->value(candidate);
    if (profit) total -= rules_.staff_cost_per_minute * candidate.minutes + candidate.money;
    reward[i] = scale * total;
  }
}

double IndicatorSetRegime::value_employer_contact(model::AdviserId adviser) const {
  double total = 0.0;
  for (const auto& indicator : indicators_) total += indicator->value_employer_contact();
  if (for_profit(adviser)) {
    return rules_.value_scale * (total - rules_.staff_cost_per_minute * contact_minutes_);
  }
  return rules_.value_scale * organisation_.share(adviser) * total;
}

double IndicatorSetRegime::take_validation_minutes(model::AdviserId adviser) {
  return ledger_.take_validation(adviser);
}

void IndicatorSetRegime::record(const model::Outcome& outcome) {
  for (std::size_t i = 0; i < indicators_.size(); ++i) {
    ledger_.credit_from(i);
    indicators_[i]->record(outcome, ledger_);
  }
}

void IndicatorSetRegime::end_week(const model::RegimeView& view, int week) {
  const double day = (week + 1) * 7.0;
  for (std::size_t i = 0; i < indicators_.size(); ++i) {
    ledger_.credit_from(i);
    indicators_[i]->end_week(day, ledger_);
  }
  ledger_.start_week();
  ledger_.release_until(day);
  if (!client_weeks_.empty() || !adviser_client_weeks_.empty()) count_client_weeks(view);
  const bool reviews = rules_.pressure.k > 0.0 || rules_.pressure.has_stars;
  if (reviews && (week + 1) % static_cast<int>(rules_.pressure.review_weeks) == 0) {
    if (cascade_) {
      review_cascade(week);
    } else {
      review(week);
    }
  }
  if ((week + 1) % rules_.pressure.year_weeks() == 0) {  // targets run by the year
    ratchet_targets();
    ledger_.reset_to_date();
    std::fill(client_weeks_.begin(), client_weeks_.end(), 0.0);
    std::fill(adviser_client_weeks_.begin(), adviser_client_weeks_.end(), 0.0);
  }
  if (rules_.pressure.target_year_weeks > 0) weigh_year_end(week + 1);
}

// From the credit to date and the weeks left in the year, what one more unit of credit adds
// to the chance of meeting the year's target, priced at the reward for meeting it.
void IndicatorSetRegime::weigh_year_end(int weeks_closed) {
  const PressureRule& rule = rules_.pressure;
  const double weeks_done = static_cast<double>(weeks_closed % rule.target_year_weeks);
  const double weeks_left = rule.target_year_weeks - weeks_done;
  for (std::uint32_t u = 0; u < organisation_.units(); ++u) {
    const double year_target = weekly_target_[u] * organisation_.unit_size(u) * rule.target_year_weeks;
    const double credit = ledger_.unit_to_date(u);
    const YearStanding standing = year_standing(year_target, credit, weeks_done, weeks_left);
    // Under a ratchet, credit now also makes next year's target harder to meet: once this
    // year's is met (or out of reach), that cost is all that is left, and holding back pays.
    year_pressure_[u] = rule.target_met_reward *
                        (standing.value_of_credit - ratchet_cost(year_target, credit, weeks_done, weeks_left, rule.ratchet));
  }
}

// At a year's end, each unit's next weekly target moves toward what it achieved this year.
void IndicatorSetRegime::ratchet_targets() {
  const PressureRule& rule = rules_.pressure;
  if (rule.ratchet <= 0.0) return;
  for (std::uint32_t u = 0; u < organisation_.units(); ++u) {
    const double year = static_cast<double>(rule.year_weeks());
    const double achieved = ledger_.unit_to_date(u) / (organisation_.unit_size(u) * year);
    weekly_target_[u] = (1.0 - rule.ratchet) * weekly_target_[u] + rule.ratchet * achieved;
  }
}

void IndicatorSetRegime::count_client_weeks(const model::RegimeView& view) {
  const auto advisers = std::min(organisation_.advisers(), view.adviser_count());
  // Counted by unit (benchmarking) or by adviser (a cascade's split), whichever is kept.
  const bool by_unit = !client_weeks_.empty();
  for (std::uint32_t a = 0; a < advisers; ++a) {
    double* weeks = by_unit ? &client_weeks_[organisation_.unit_of(static_cast<model::AdviserId>(a)) * groups_]
                            : &adviser_client_weeks_[a * groups_];
    for (model::JobseekerId client : view.caseload(static_cast<model::AdviserId>(a))) {
      weeks[model::index(view.group_of(client))] += 1.0;
    }
  }
}

double IndicatorSetRegime::expected(std::uint32_t unit, double mean_per_adviser) const {
  const double size = organisation_.unit_size(unit);
  if (rules_.pressure.expected == Expected::Size) return mean_per_adviser * size;
  const std::size_t set = peer_set_[unit];
  const std::span<const double> unit_weeks(&client_weeks_[unit * groups_], groups_);
  const std::span<const double> peer_credit(&national_credit_[set * groups_], groups_);
  const std::span<const double> peer_weeks(&national_client_weeks_[set * groups_], groups_);
  return expected_from_mix(peer_credit, peer_weeks, unit_weeks) + unexplained_credit_[set] * size / peer_advisers_[set];
}

void IndicatorSetRegime::total_caseload_mix() {
  if (peer_advisers_.size() > 1) {
    for (std::size_t set = 0; set < peer_advisers_.size(); ++set) total_peer_mix(set);
    return;
  }
  std::fill(national_client_weeks_.begin(), national_client_weeks_.end(), 0.0);
  for (std::size_t i = 0; i < client_weeks_.size(); ++i) national_client_weeks_[i % groups_] += client_weeks_[i];
  // Credit no caseload mix explains (no client, or a group nobody has had client-weeks of)
  // is expected in proportion to unit size, as under `size`.
  unexplained_credit_[0] = ledger_.group_to_date(groups_);
  for (std::size_t g = 0; g < groups_; ++g) {
    national_credit_[g] = ledger_.group_to_date(g);
    if (national_client_weeks_[g] <= 0.0) unexplained_credit_[0] += national_credit_[g];
  }
}

// As total_caseload_mix, over the units of one peer set only (a cluster's offices).
void IndicatorSetRegime::total_peer_mix(std::size_t set) {
  double* weeks = &national_client_weeks_[set * groups_];
  double* credit = &national_credit_[set * groups_];
  std::fill(weeks, weeks + groups_, 0.0);
  std::fill(credit, credit + groups_, 0.0);
  double& unexplained = unexplained_credit_[set];
  unexplained = 0.0;
  for (std::uint32_t u = 0; u < organisation_.units(); ++u) {
    if (peer_set_[u] != set) continue;
    for (std::size_t g = 0; g < groups_; ++g) {
      weeks[g] += client_weeks_[u * groups_ + g];
      credit[g] += ledger_.unit_group_to_date(u, g);
    }
    unexplained += ledger_.unit_group_to_date(u, groups_);
  }
  for (std::size_t g = 0; g < groups_; ++g) {
    if (weeks[g] <= 0.0) unexplained += credit[g];
  }
}

// Credit to date per adviser among each unit's peers (all units, or its cluster's).
std::vector<double> IndicatorSetRegime::mean_per_adviser() const {
  std::vector<double> total(peer_advisers_.size(), 0.0);
  for (std::uint32_t u = 0; u < organisation_.units(); ++u) total[peer_set_[u]] += ledger_.unit_to_date(u);
  if (peer_advisers_.size() == 1) return {total[0] / organisation_.advisers()};
  for (std::size_t set = 0; set < total.size(); ++set) {
    total[set] = peer_advisers_[set] > 0.0 ? total[set] / peer_advisers_[set] : 0.0;
  }
  return total;
}

void IndicatorSetRegime::review(int week) {
  const PressureRule& rule = rules_.pressure;
  const double weeks_in_year = static_cast<double>(week % rule.year_weeks() + 1);
  std::vector<double> peer_mean(peer_advisers_.size(), 0.0);
  std::vector<double> fitted;
  if (rule.relative) {
    peer_mean = mean_per_adviser();
    if (rule.expected != Expected::Size) total_caseload_mix();
    if (rule.expected == Expected::Regression) regression_expected(fitted);
  }
  for (std::uint32_t u = 0; u < organisation_.units(); ++u) {
    const double size = organisation_.unit_size(u);
    const double target = !rule.relative ? weekly_target_[u] * size * weeks_in_year
                          : fitted.empty() ? expected(u, peer_mean[peer_set_[u]])
                                           : fitted[u];
    const double actual = ledger_.unit_to_date(u);
    target_[u] = target;
    if (rule.has_stars) {
      stars_[u] = star_rating(actual, target);
      pressure_[u] = rule.stars[static_cast<std::size_t>(stars_[u] - 1)];
      continue;
    }
    pressure_[u] = target > 0.0 ? 1.0 + rule.k * std::max(0.0, target - actual) / target : 1.0;
  }
}

// Credit per adviser regressed on the unit's office market and its caseload mix's expected
// credit per adviser, weighted by size; a unit's expected credit is its fitted value times its
// size. Floored at 0: a fitted value below zero would expect the impossible.
void IndicatorSetRegime::regression_expected(std::vector<double>& expected_credit) const {
  const std::uint32_t units = organisation_.units();
  constexpr std::size_t columns = 3;  // intercept, market, mix
  std::vector<double> x(units * columns), y(units), weights(units);
  for (std::uint32_t u = 0; u < units; ++u) {
    const double size = organisation_.unit_size(u);
    x[u * columns] = 1.0;
    x[u * columns + 1] = office_market_[organisation_.office_of(u)];
    x[u * columns + 2] = expected(u, 0.0) / size;
    y[u] = ledger_.unit_to_date(u) / size;
    weights[u] = size;
  }
  expected_credit = least_squares_fit(x, columns, y, weights);
  for (std::uint32_t u = 0; u < units; ++u) {
    expected_credit[u] = std::max(0.0, expected_credit[u]) * organisation_.unit_size(u);
  }
}

// What each adviser weighs in a caseload or expected split: client-weeks to date, or the
// credit expected of it given its caseload mix and its office's market: fitted by a
// regression across advisers of credit to date on the market (log vacancies per new claim)
// and the credit its mix would earn at the national rate per client-week of each group
// (floored at 0), as benchmarking by regression does across units.
std::vector<double> IndicatorSetRegime::cascade_weights() const {
  const std::size_t advisers = organisation_.advisers();
  std::vector<double> weights(advisers, 0.0);
  if (adviser_client_weeks_.empty()) return weights;
  std::vector<double> national_weeks(groups_, 0.0), national_credit(groups_, 0.0);
  for (std::size_t i = 0; i < adviser_client_weeks_.size(); ++i) national_weeks[i % groups_] += adviser_client_weeks_[i];
  for (std::size_t g = 0; g < groups_; ++g) national_credit[g] = ledger_.group_to_date(g);
  for (std::size_t a = 0; a < advisers; ++a) {
    const std::span<const double> weeks(&adviser_client_weeks_[a * groups_], groups_);
    weights[a] = rules_.pressure.cascade.split == Split::Caseload
                     ? std::accumulate(weeks.begin(), weeks.end(), 0.0)
                     : expected_from_mix(national_credit, national_weeks, weeks);
  }
  if (rules_.pressure.cascade.split == Split::Caseload) return weights;
  constexpr std::size_t columns = 3;  // intercept, market, mix
  std::vector<double> x(advisers * columns), credit(advisers), ones(advisers, 1.0);
  for (std::size_t a = 0; a < advisers; ++a) {
    x[a * columns] = 1.0;
    x[a * columns + 1] = adviser_market_[a];
    x[a * columns + 2] = weights[a];
    credit[a] = ledger_.adviser_to_date(static_cast<std::uint32_t>(a));
  }
  weights = least_squares_fit(x, columns, credit, ones);
  for (double& w : weights) w = std::max(0.0, w);
  return weights;
}

void IndicatorSetRegime::review_cascade(int week) {
  const PressureRule& rule = rules_.pressure;
  const double weeks_in_year = static_cast<double>(week % rule.year_weeks() + 1);
  std::vector<double> credit(organisation_.advisers());
  for (std::uint32_t a = 0; a < organisation_.advisers(); ++a) credit[a] = ledger_.adviser_to_date(a);
  cascade_->review(rule.target_per_adviser_week, weeks_in_year, credit, cascade_weights());
  if (rule.cascade.local.enabled && week * 7.0 >= measure_from_day_) tally_local_targets();
}

// Adds each local unit's own target, the target split to it, and its credit at this review.
void IndicatorSetRegime::tally_local_targets() {
  for (const Cascade::Tier& tier : cascade_->tiers()) {
    if (tier.level != rules_.pressure.cascade.local.level) continue;
    std::vector<std::uint32_t> local_units;
    for (std::uint32_t u = 0; u < tier.organisation.units(); ++u) {
      if (tier.managed[u]) local_units.push_back(u);
    }
    model::LocalTargetTally& tally = local_tally_;
    tally.own_target.resize(local_units.size(), 0.0);
    tally.split_target.resize(local_units.size(), 0.0);
    tally.credit.resize(local_units.size(), 0.0);
    for (std::size_t i = 0; i < local_units.size(); ++i) {
      const std::uint32_t u = local_units[i];
      tally.own_target[i] += tier.target[u];
      tally.split_target[i] += tier.target[u] / tier.ambition[u];
      tally.credit[i] += tier.credit[u];
    }
  }
}

// Every level's units, credit counted this week by indicator, target and pressure.
void IndicatorSetRegime::score_cascade(int week, std::vector<model::ScoreRow>& rows) const {
  const auto& tiers = cascade_->tiers();
  for (std::size_t t = 0; t < tiers.size(); ++t) {
    const Cascade::Tier& tier = tiers[t];
    std::vector<std::vector<double>> credit;
    for (std::size_t i = 0; i < indicators_.size(); ++i) {
      std::vector<double> by_adviser(tier.organisation.advisers());
      for (std::uint32_t a = 0; a < tier.organisation.advisers(); ++a) by_adviser[a] = ledger_.adviser_this_week(a, i);
      credit.push_back(cascade_->unit_totals(t, by_adviser));
    }
    for (std::uint32_t u = 0; u < tier.organisation.units(); ++u) {
      for (std::size_t i = 0; i < indicators_.size(); ++i) {
        rows.push_back({static_cast<std::uint32_t>(week), static_cast<std::uint8_t>(tier.organisation.level_of(u)),
                        tier.organisation.index_in_level(u), static_cast<std::uint8_t>(i), credit[i][u],
                        tier.target[u], tier.pressure[u], 0});
      }
    }
  }
}

void IndicatorSetRegime::score_week(int week, std::vector<model::ScoreRow>& rows) const {
  if (cascade_) {
    score_cascade(week, rows);
    return;
  }
  for (std::uint32_t u = 0; u < organisation_.units(); ++u) {
    const bool rated = rules_.pressure.has_stars;
    for (std::size_t i = 0; i < indicators_.size(); ++i) {
      rows.push_back({static_cast<std::uint32_t>(week), static_cast<std::uint8_t>(organisation_.level_of(u)),
                      organisation_.index_in_level(u), static_cast<std::uint8_t>(i),
                      ledger_.unit_this_week(u, i), target_[u], pressure_[u] + year_pressure_[u],
                      static_cast<std::uint8_t>(rated ? stars_[u] : 0)});
    }
  }
}

std::vector<std::string> IndicatorSetRegime::indicator_names() const {
  std::vector<std::string> names = rules_.indicator_names;
  for (std::size_t i = names.size(); i < indicators_.size(); ++i) names.push_back(fmt::format("indicator_{}", i));
  names.resize(indicators_.size());
  return names;
}

model::EvidenceTally IndicatorSetRegime::evidence() const {
  model::EvidenceTally tally;
  for (const auto& indicator : indicators_) indicator->add_evidence(tally);
  return tally;
}

double IndicatorSetRegime::measured(model::AdviserId adviser) const {
  return ledger_.measured(adviser);
}

double IndicatorSetRegime::measured(model::AdviserId adviser, model::GroupId group, model::PaymentKind kind) const {
  return ledger_.measured(adviser, model::index(group), kind);
}

}  // namespace caseload::regimes
