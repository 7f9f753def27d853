#include "sim/model/steady_state.hpp"

#include <algorithm>
#include <cmath>

#include <boost/random/beta_distribution.hpp>
#include <boost/random/exponential_distribution.hpp>

#include "sim/core/time.hpp"
#include "sim/model/outcome_model.hpp"
#include "sim/model/streams.hpp"
#include "sim/model/world.hpp"

namespace caseload::model {

double expected_open_vacancies(const EmployerModel& employers) {
  const double open_weeks = employers.open_period_weeks;
  const double fill = employers.external_fill_per_week;
  // Mean of min(Exp(fill), open period): how long a vacancy stays open.
  const double mean_open_weeks = fill > 0.0 ? (1.0 - std::exp(-fill * open_weeks)) / fill : open_weeks;
  return employers.employers_per_office * employers.vacancies_per_week * mean_open_weeks;
}

namespace {

// One person's life from arrival to t = 0 (or until they leave), under the no-help dynamics
// of reviews.cpp and employment.cpp: own search at each review, exits to inactivity or another
// benefit, tenure, recycling. Returns false if they have left by t = 0.
bool live_until_start(const Scenario& scenario, const CustomerGroup& profile, double market_tightness,
                      core::RandomStream& luck, PresentPerson& person) {
  const SearchModel& search = scenario.search;
  const double interval = review_interval_days(scenario, profile);
  const double exit_rate = profile.inactivity_per_week + profile.other_benefit_per_week;
  const double exit_chance = 1.0 - std::exp(-exit_rate * interval / core::days_per_week);
  const double reachable = person.init.is_health_limited ? 1.0 - scenario.employers.demanding_share : 1.0;
  boost::random::beta_distribution<double> quality(scenario.employers.quality_alpha, scenario.employers.quality_beta);
  NewJobseeker& init = person.init;
  for (;;) {
    // A claim from person.claim_start: reviews until a job, an exit, or t = 0.
    double review = person.claim_start + interval;
    for (;;) {
      if (review >= 0.0) {
        person.state = StartState::Claiming;
        person.next_review = review;
        return true;
      }
      const double benefit_days = init.benefit_weeks_before * core::days_per_week + (review - person.claim_start);
      const double employability = effective_employability(search, init.employability, 0.0, benefit_days);
      const double p = reachable * review_search_probability(search, profile.search_base, profile.search_intercept_shift,
                                                             employability, init.motivation, 0.0, 0.0, market_tightness);
      if (luck.uniform01() < p) {
        init.benefit_weeks_before += static_cast<float>((review - person.claim_start) / core::days_per_week);
        const double q = quality(luck);
        const double hazard = separation_hazard_per_week(scenario.jobs, profile.separation_multiplier, q,
                                                         employability, init.motivation, false);
        const double weeks = -std::log1p(-luck.uniform01()) / hazard;
        person.job_start = review;
        person.job_end = review + weeks * core::days_per_week;
        person.job_quality = static_cast<float>(q);
        break;
      }
      if (luck.uniform01() < exit_chance) return false;
      review += interval;
    }
    if (person.job_end >= 0.0) {
      person.state = StartState::Employed;
      return true;
    }
    const double tenure_weeks = (person.job_end - person.job_start) / core::days_per_week;
    if (luck.uniform01() >= reclaim_probability(scenario.jobs, tenure_weeks)) return false;
    const double reclaim = person.job_end + scenario.jobs.reclaim_delay_weeks * core::days_per_week;
    if (reclaim >= 0.0) {
      person.state = StartState::Waiting;
      person.reclaim = reclaim;
      return true;
    }
    person.claim_start = reclaim;
  }
}

}  // namespace

std::vector<PresentPerson> steady_state_people(const Scenario& scenario, GroupId group, OfficeId office,
                                               std::uint32_t source, double inflow_per_week) {
  std::vector<PresentPerson> present;
  const double history_days = scenario.search.steady_state_history_weeks * core::days_per_week;
  if (inflow_per_week <= 0.0 || history_days <= 0.0) return present;
  const CustomerGroup& profile = scenario.groups[index(group)];
  const double market_tightness = tightness(scenario.search, expected_open_vacancies(scenario.employers));
  const std::uint64_t seed = scenario.run.seed;
  // Arrivals as a Poisson process over the history; person k draws from occasion k + 1.
  auto arrivals = stream(seed, EntityKind::InflowSource, source, Purpose::InitialStock, 0);
  boost::random::exponential_distribution<double> gap(inflow_per_week / core::days_per_week);
  std::uint32_t k = 0;
  for (double arrival = -history_days + gap(arrivals); arrival < 0.0; arrival += gap(arrivals)) {
    auto luck = stream(seed, EntityKind::InflowSource, source, Purpose::InitialStock, ++k);
    PresentPerson person;
    person.init = draw_jobseeker(profile, group, office, luck, luck);
    person.claim_start = arrival;
    if (live_until_start(scenario, profile, market_tightness, luck, person)) present.push_back(person);
  }
  return present;
}

}  // namespace caseload::model
