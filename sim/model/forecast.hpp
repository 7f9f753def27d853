#pragma once
// An adviser's projection of a client's next weeks, from what the adviser perceives: the
// chance of a job entry, of leaving benefit at all, of a job lasting 13 weeks, and the
// expected weeks in work. Each action is judged by how it changes this projection.

#include "sim/model/projection_memo.hpp"
#include "sim/model/scenario.hpp"

namespace caseload::model {

/// A client as one adviser sees them this week.
struct PerceivedClient {
  double employability = 0.0;   ///< perceived e(t)
  double motivation = 0.5;      ///< perceived m
  double boost = 0.0;           ///< search boost now
  double fund_weeks_left = 0.0; ///< weeks of discretion-fund help still running
  double search_base = 0.25;
  double search_intercept_shift = 0.0;  ///< the client's group's
  double separation_multiplier = 1.0;   ///< the client's group's
  double tightness = 0.5;
  double inactivity_per_week = 0.0;
  double best_threshold = 0.0;  ///< easiest notified vacancy's threshold (inf if none)
  double best_quality = 0.5;    ///< that vacancy's job quality (a quick submission's job)
  double matched_threshold = 0.0;  ///< easiest notified vacancy above median quality (inf if none)
  double matched_quality = 0.5;    ///< that vacancy's job quality (a matched submission's job)
  double job_quality = 0.5;     ///< expected quality of a job found
  bool well_matched = false;
  double pending_hire = 0.0;    ///< chance of a hire from submissions planned this week
  double pending_quality = 0.5; ///< expected quality of that hire's job (the vacancy's)
  bool pending_matched = false; ///< that hire comes from a matched submission: a well-matched job
  double lock_in_weeks = 0.0;   ///< provision weeks still ahead
  double gain_after_lock = 0.0; ///< training gain once provision ends
};

struct Forecast {
  double entry = 0.0;            ///< P(job entry within the horizon)
  double off_flow = 0.0;         ///< P(off benefit within the horizon, any destination)
  double sustained_13 = 0.0;     ///< P(entry and the job lasts 13 weeks)
  double sustained_26 = 0.0;     ///< P(entry and the job lasts 26 weeks)
  double employment_weeks = 0.0; ///< expected weeks in work in the year after an entry, times P(entry)
  // The off-flow curve's shape, so off_by() answers for any number of weeks (to a mark). The
  // defaults are a client off benefit now: off_by is 1 whatever the weeks.
  // Kept as the per-review chances project() already has, so the curve costs nothing until
  // off_by() is asked (only indicators measured at marks ask).
  double still_claiming = 0.0;   ///< 1 - P(hire from this week's submissions)
  double stay_locked = 1.0;      ///< P(still on benefit after one review interval), in provision
  double stay = 1.0;             ///< the same after provision
  double lock_in_weeks = 0.0;    ///< provision weeks ahead
  double review_weeks = 1.0;     ///< weeks in a review interval
};

/// P(off benefit within `weeks`, any destination). Each week's chance of leaving is the one
/// projected over the horizon (a decaying boost is averaged over the horizon, not over
/// `weeks`), so off_by(f, horizon) equals f.off_flow up to rounding.
double off_by(const Forecast& forecast, double weeks);

/// Everything the projection needs from the scenario.
struct ForecastModel {
  const SearchModel* search;
  const EmployerModel* employers;
  const JobModel* jobs;
  double horizon_weeks;
  double fund_bonus;
  double lock_in;  ///< own-search multiplier while in provision
  double review_weeks;  ///< weeks between reviews, where own search is resolved
};

/// With `memo`, parts whose inputs match an earlier call for the same client are reused; the
/// forecast is bit for bit the one computed without it.
Forecast project(const ForecastModel& model, const PerceivedClient& client, ProjectionMemo* memo = nullptr);

/// A client in a job as one adviser sees them: the job's quality and age, and any lowered
/// hazard (in-work support) still to run.
struct PerceivedWorker {
  double employability = 0.0;
  double motivation = 0.5;
  double separation_multiplier = 1.0;
  double job_quality = 0.5;
  double weeks_in_job = 0.0;
  double hazard_factor = 1.0;  ///< multiplies the separation hazard for the next factor_weeks
  double factor_weeks = 0.0;
};

/// The job's prospects from now: no new entry or off-flow (both happened), the chance it
/// reaches the 13- and 26-week marks still ahead (0 for a mark passed), and the expected
/// weeks in work over the next year.
Forecast project_in_work(const ForecastModel& model, const PerceivedWorker& worker);

/// Perceived chance that a submission to the easiest notified vacancy is hired.
double perceived_hire_chance(const ForecastModel& model, const PerceivedClient& client);
/// Perceived chance that a submission to a vacancy with `threshold` is hired.
double perceived_hire_chance(const ForecastModel& model, const PerceivedClient& client, double threshold);

}  // namespace caseload::model
