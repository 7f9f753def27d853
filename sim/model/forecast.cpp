#include "sim/model/forecast.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "sim/model/outcome_model.hpp"

namespace caseload::model {

namespace {

// Mean of a boost decaying by half-life h over the next `weeks`.
double mean_boost(double boost, double half_life, double weeks) {
  if (boost == 0.0 || weeks <= 0.0) return boost;
  const double rate = std::log(2.0) / half_life;
  return boost * (1.0 - std::exp(-rate * weeks)) / (rate * weeks);
}

// Review intervals of competing risks: each ends in an entry with q, else in another exit with r.
struct Phase {
  double entry;     // P(entry during the phase | on benefit at its start)
  double survival;  // P(still on benefit at its end)
};

// Looks `key` up in `table` when there is a memo, else computes; the value is the same either way.
template <std::size_t Inputs, std::size_t Outputs, class Compute>
std::array<double, Outputs> memoised(MemoTable<Inputs, Outputs>* table, const std::array<double, Inputs>& key,
                                     Compute&& compute) {
  return table != nullptr ? table->get(key, compute) : compute();
}

Phase run_phase(double q, double r, double intervals, ProjectionMemo* memo) {
  if (intervals <= 0.0) return {0.0, 1.0};
  const double stay = (1.0 - q) * (1.0 - r);
  const double survival = memoised(memo ? &memo->survival : nullptr, {stay, intervals}, [&] {
    return std::array<double, 1>{std::pow(stay, intervals)};
  })[0];
  const double entry = stay < 1.0 ? q * (1.0 - survival) / (1.0 - stay) : 0.0;
  return {entry, survival};
}

// A job's separation hazard per week and the chances it lasts 13 and 26 weeks, and expected
// weeks in work over a year: {hazard, P(13), P(26), weeks}.
using JobTerms = std::array<double, 4>;
JobTerms job_terms(const JobModel& jobs, const PerceivedClient& client, double quality, bool matched,
                   ProjectionMemo* memo) {
  const bool well_matched = client.well_matched || matched;
  const std::array<double, 5> key{client.separation_multiplier, quality, client.employability, client.motivation,
                                  well_matched ? 1.0 : 0.0};
  return memoised(memo ? &memo->job : nullptr, key, [&] {
    const double h = separation_hazard_per_week(jobs, client.separation_multiplier, quality, client.employability,
                                                client.motivation, well_matched);
    return JobTerms{h, std::exp(-13.0 * h), std::exp(-26.0 * h), (1.0 - std::exp(-52.0 * h)) / h};
  });
}

}  // namespace

double perceived_hire_chance(const ForecastModel& model, const PerceivedClient& client) {
  return perceived_hire_chance(model, client, client.best_threshold);
}

double perceived_hire_chance(const ForecastModel& model, const PerceivedClient& client, double threshold) {
  if (!std::isfinite(threshold)) return 0.0;
  const double bonus = client.fund_weeks_left > 0.0 ? model.fund_bonus : 0.0;
  return hire_probability(*model.employers, client.employability, bonus, threshold);
}

Forecast project(const ForecastModel& model, const PerceivedClient& client, ProjectionMemo* memo) {
  const SearchModel& search = *model.search;
  const double horizon = model.horizon_weeks;
  const double boost = memoised(memo ? &memo->mean_boost : nullptr, {client.boost}, [&] {
    return std::array<double, 1>{mean_boost(client.boost, search.boost_half_life_weeks, horizon)};
  })[0];
  const double fund_share = std::min(client.fund_weeks_left, horizon) / horizon;
  const double bonus = model.fund_bonus * fund_share;
  const double r = memoised(memo ? &memo->other_exit : nullptr, {client.inactivity_per_week}, [&] {
    return std::array<double, 1>{1.0 - std::exp(-model.review_weeks * client.inactivity_per_week)};
  })[0];
  const auto search_chance = [&](double employability) {
    const std::array<double, 7> key{client.search_base, client.search_intercept_shift, employability,
                                    client.motivation, boost, bonus, client.tightness};
    return memoised(memo ? &memo->search : nullptr, key, [&] {
      return std::array<double, 1>{review_search_probability(search, client.search_base, client.search_intercept_shift,
                                                             employability, client.motivation, boost, bonus,
                                                             client.tightness)};
    })[0];
  };

  // Provision first (lock-in), then search with the training gain.
  const double lock_weeks = std::min(client.lock_in_weeks, horizon);
  const double lock_in = lock_weeks > 0.0 ? model.lock_in : 1.0;
  const double q_lock = lock_in * search_chance(client.employability);
  const double q_after = search_chance(client.employability + (lock_weeks > 0.0 ? client.gain_after_lock : 0.0));
  const Phase first = run_phase(q_lock, r, lock_weeks / model.review_weeks, memo);
  const Phase second = run_phase(q_after, r, (horizon - lock_weeks) / model.review_weeks, memo);

  const double search_entry = first.entry + first.survival * second.entry;
  const double search_stay = first.survival * second.survival;
  const double hire = std::clamp(client.pending_hire, 0.0, 1.0);

  Forecast out;
  const double search_part = (1.0 - hire) * search_entry;
  out.entry = hire + search_part;
  out.off_flow = hire + (1.0 - hire) * (1.0 - search_stay);
  // A submission's job is the vacancy's, known to the adviser; a job found by own search is
  // of the office's expected quality.
  const JobTerms search_job = job_terms(*model.jobs, client, client.job_quality, false, memo);
  const JobTerms hire_job =
      hire > 0.0 ? job_terms(*model.jobs, client, client.pending_quality, client.pending_matched, memo) : search_job;
  const auto both = [&](std::size_t term) { return hire * hire_job[term] + search_part * search_job[term]; };
  out.sustained_13 = both(1);
  out.sustained_26 = both(2);
  out.employment_weeks = both(3);
  out.still_claiming = 1.0 - hire;
  out.stay_locked = (1.0 - q_lock) * (1.0 - r);
  out.stay = (1.0 - q_after) * (1.0 - r);
  out.lock_in_weeks = client.lock_in_weeks;
  out.review_weeks = model.review_weeks;
  return out;
}

Forecast project_in_work(const ForecastModel& model, const PerceivedWorker& worker) {
  const double hazard = separation_hazard_per_week(*model.jobs, worker.separation_multiplier, worker.job_quality,
                                                   worker.employability, worker.motivation, false);
  const double lowered = hazard * worker.hazard_factor;
  const double lowered_weeks = std::max(0.0, worker.factor_weeks);
  // Cumulative hazard over the next t weeks: lowered first, then the job's own.
  const auto cumulative = [&](double t) {
    return lowered * std::min(t, lowered_weeks) + hazard * std::max(0.0, t - lowered_weeks);
  };
  const auto reaches = [&](double mark) {
    const double ahead = mark - worker.weeks_in_job;
    return ahead > 0.0 ? std::exp(-cumulative(ahead)) : 0.0;
  };
  Forecast out;
  out.sustained_13 = reaches(13.0);
  out.sustained_26 = reaches(26.0);
  const double first = std::min(lowered_weeks, 52.0);
  out.employment_weeks = (1.0 - std::exp(-lowered * first)) / lowered +
                         std::exp(-lowered * first) * (1.0 - std::exp(-hazard * (52.0 - first))) / hazard;
  return out;
}

double off_by(const Forecast& forecast, double weeks) {
  const double locked = std::clamp(weeks, 0.0, forecast.lock_in_weeks);
  const double after = std::max(0.0, weeks - forecast.lock_in_weeks);
  return 1.0 - forecast.still_claiming * std::pow(forecast.stay_locked, locked / forecast.review_weeks) *
                   std::pow(forecast.stay, after / forecast.review_weeks);
}

}  // namespace caseload::model
