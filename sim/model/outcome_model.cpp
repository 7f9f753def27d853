#include "sim/model/outcome_model.hpp"

#include <algorithm>
#include <cmath>

#include <boost/math/special_functions/beta.hpp>

#include "sim/core/time.hpp"

namespace caseload::model {

double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

double effective_employability(const SearchModel& search, double e0, double training_gain,
                               double benefit_days) {
  const double weeks = std::min(benefit_days / core::days_per_week, search.scarring_cap_weeks);
  return e0 + training_gain - search.scarring_per_year * std::max(0.0, weeks) / 52.0;
}

double decayed_boost(const SearchModel& search, double boost, double since, double now) {
  if (boost == 0.0) return 0.0;
  const double weeks = std::max(0.0, now - since) / core::days_per_week;
  return boost * std::exp2(-weeks / search.boost_half_life_weeks);
}

double tightness(const SearchModel& search, double open_vacancies) {
  if (open_vacancies <= 0.0) return 0.0;
  return open_vacancies / (open_vacancies + search.tightness_half_vacancies);
}

double review_search_probability(const SearchModel& search, double search_base,
                                    double intercept_shift, double employability, double motivation,
                                    double boost, double bonus, double market_tightness) {
  const double index = search.intercept + intercept_shift + employability + search.motivation_weight * motivation +
                       search.boost_weight * boost + bonus;
  return search_base * logistic(index) * market_tightness;
}

double hire_probability(const EmployerModel& employers, double employability, double bonus,
                        double threshold) {
  return normal_cdf((employability + bonus - threshold - employers.competition_margin) /
                    employers.hire_noise_sd);
}

double reclaim_probability(const JobModel& jobs, double tenure_weeks) {
  const double long_tenure = jobs.recycle_long_tenure.value_or(jobs.recycle_probability);
  const double fade = std::exp(-std::max(0.0, tenure_weeks) / jobs.recycle_decay_weeks);
  return long_tenure + (jobs.recycle_probability - long_tenure) * fade;
}

double reclaim_within(const JobModel& jobs, double hazard, double weeks) {
  if (weeks <= 0.0 || hazard <= 0.0) return 0.0;
  const double long_tenure = jobs.recycle_long_tenure.value_or(jobs.recycle_probability);
  const double fading = hazard + 1.0 / jobs.recycle_decay_weeks;
  return long_tenure * (1.0 - std::exp(-hazard * weeks)) +
         (jobs.recycle_probability - long_tenure) * hazard / fading * (1.0 - std::exp(-fading * weeks));
}

double separation_hazard_per_week(const JobModel& jobs, double multiplier, double quality, double employability,
                                  double motivation, bool well_matched) {
  const double index = -jobs.quality_effect * (quality - 0.5) -
                       jobs.employability_effect * employability -
                       jobs.motivation_effect * (motivation - 0.5) -
                       (well_matched ? jobs.matched_effect : 0.0);
  return multiplier * jobs.separation_per_week * std::exp(index);
}

double reservation_quality(const JobModel& jobs, double claim_weeks) {
  return jobs.reservation_quality * std::exp2(-std::max(0.0, claim_weeks) / jobs.reservation_half_life_weeks);
}

double median_quality(double quality_alpha, double quality_beta) {
  return boost::math::ibeta_inv(quality_alpha, quality_beta, 0.5);
}

}  // namespace caseload::model
