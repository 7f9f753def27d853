#pragma once
// The formulas that turn a client's state into chances: own-search success, hire on
// submission, job tenure. The simulation applies them to the true state; advisers apply the
// same formulas to what they perceive (forecast.hpp), so misperception is the only gap.

#include "sim/model/scenario.hpp"

namespace caseload::model {

double logistic(double x);
/// Standard normal cumulative distribution.
double normal_cdf(double x);

/// e(t) = e0 + training gain - scarring * min(weeks on benefit, cap) / 52, where the weeks
/// on benefit are all of the person's: history before the run, earlier claims, this claim.
double effective_employability(const SearchModel& search, double e0, double training_gain,
                               double benefit_days);

/// Search boost decayed from `boost` at `since` to `now` (days), by its half-life.
double decayed_boost(const SearchModel& search, double boost, double since, double now);

/// Share of searchers the office's open vacancies can absorb: V / (V + half).
double tightness(const SearchModel& search, double open_vacancies);

/// Probability that own search between two reviews ends in a job offer.
double review_search_probability(const SearchModel& search, double search_base,
                                    double intercept_shift, double employability, double motivation, double boost,
                                    double bonus, double market_tightness);

/// Probability that an employer with `threshold` hires a submitted candidate.
double hire_probability(const EmployerModel& employers, double employability, double bonus,
                        double threshold);

/// Weekly separation hazard of a job of quality q held by a person (e, m).
/// `multiplier` is the customer group's separation_multiplier.
double separation_hazard_per_week(const JobModel& jobs, double multiplier, double quality, double employability,
                                  double motivation, bool well_matched);

}  // namespace caseload::model
