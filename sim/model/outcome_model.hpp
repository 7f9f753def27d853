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

/// Chance that a job ending after `tenure_weeks` leads to a new claim: recycle_probability for a
/// job that ends at once, falling exponentially towards recycle_long_tenure. Someone who has held
/// a job for a year or more mostly moves on without claiming (savings, contacts, a job-to-job move).
double reclaim_probability(const JobModel& jobs, double tenure_weeks);

/// Chance that a job with constant separation hazard `hazard` (per week) ends within `weeks` and
/// is followed by a new claim: the integral of hazard x exp(-hazard t) x reclaim_probability(t).
double reclaim_within(const JobModel& jobs, double hazard, double weeks);

/// Weekly separation hazard of a job of quality q held by a person (e, m).
/// `multiplier` is the customer group's separation_multiplier.
double separation_hazard_per_week(const JobModel& jobs, double multiplier, double quality, double employability,
                                  double motivation, bool well_matched);

/// Lowest job quality a client accepts unpressed after `claim_weeks` on this claim:
/// reservation_quality halving every reservation_half_life_weeks (docs/ODD.md, job choice).
double reservation_quality(const JobModel& jobs, double claim_weeks);

/// Median of an office's job quality distribution Beta(alpha, beta): a matched submission
/// goes only to a vacancy above it.
double median_quality(double quality_alpha, double quality_beta);

}  // namespace caseload::model
