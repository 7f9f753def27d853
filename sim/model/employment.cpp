// Jobs: hiring, the milestones (13, 26 and 52 weeks in work, and any the regime pays at), and
// separation (with recycling to a new claim).

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/core/assert.hpp"
#include "sim/model/event_kind.hpp"
#include "sim/model/outcome_model.hpp"
#include "sim/model/streams.hpp"
#include "sim/model/world.hpp"

namespace caseload::model {

namespace {

// The metrics count jobs lasting 13 and 26 weeks; 52 was the last mark before regimes could ask.
constexpr std::array<double, 3> metric_marks = {13.0, 26.0, 52.0};

void adjust_goodwill(EmployerTable& employers, EmployerId employer, double change) {
  float& goodwill = employers.goodwill[index(employer)];
  goodwill = std::clamp(goodwill + static_cast<float>(change), 0.0f, 1.0f);
}

// Adds the part of [from, to) that falls in the measured period to the person's work days.
void add_employed_days(World& world, JobseekerId person, double from, double to) {
  const double start = std::max(from, world.measure_start);
  const double stop = std::min(to, world.end);
  if (stop > start) world.people.jobseekers.employed_days[index(person)] += static_cast<float>(stop - start);
}

}  // namespace

std::vector<double> all_job_marks(std::span<const double> regime_marks) {
  std::vector<double> marks(metric_marks.begin(), metric_marks.end());
  marks.insert(marks.end(), regime_marks.begin(), regime_marks.end());
  std::sort(marks.begin(), marks.end());
  marks.erase(std::unique(marks.begin(), marks.end()), marks.end());
  CASELOAD_ASSERT(marks.front() > 0.0 && std::isfinite(marks.back()), "job marks must be positive weeks");
  return marks;
}

// At least 4, so that with only the metrics' marks a milestone's detail reads job * 4 + m, as
// traces written before regimes could add marks do.
std::uint32_t World::marks_per_job() const {
  return std::max<std::uint32_t>(4, static_cast<std::uint32_t>(job_marks.size()));
}

void hire(World& world, JobseekerId person, VacancyId vacancy, bool via_submission, bool matched) {
  auto& js = world.people.jobseekers;
  const auto row = index(person);
  const auto& scenario = world.scenario;
  const double now = world.now();
  const EmployerId employer = world.market.vacancies.employer[index(vacancy)];
  close_vacancy(world.market, vacancy, VacancyState::FilledByClaimant, now);
  world.market.vacancies.hired[index(vacancy)] = person;
  world.market.vacancies.via_submission[index(vacancy)] = via_submission ? 1 : 0;

  const double employability = world.employability_now(person);
  // An interview shortly before, or an adviser who matched client and vacancy, makes a better match.
  const bool well_matched = js.matched_until[row] >= now || matched;
  const double days_since_help = now - js.last_help[row];
  const double claim_weeks = (now - js.claim_start[row]) / core::days_per_week;
  const AdviserId adviser = js.adviser[row];
  end_claim(world, person, ExitReason::Work);

  const std::uint32_t job = js.jobs[row]++;
  const float quality = world.market.employers.quality[index(employer)];
  const double multiplier = scenario.groups[index(js.group[row])].separation_multiplier;
  const double hazard = separation_hazard_per_week(scenario.jobs, multiplier, quality, employability,
                                                   js.motivation[row], well_matched);
  auto tenure = stream(scenario.run.seed, EntityKind::Jobseeker, row, Purpose::Tenure, job);
  const double weeks = -std::log1p(-tenure.uniform01()) / hazard;
  js.state[row] = JobseekerState::Employed;
  js.employer[row] = employer;
  js.job_quality[row] = quality;
  js.job_start[row] = now;
  js.job_end[row] = now + weeks * core::days_per_week;
  js.placed_by_office[row] = via_submission ? 1 : 0;
  js.job_record[row] = static_cast<std::uint32_t>(world.records.jobs.size());
  world.records.jobs.push_back(JobRecord{person, employer, js.group[row], via_submission, quality, now,
                                 js.job_end[row], std::numeric_limits<double>::infinity(),
                                 days_since_help});

  world.scheduler.schedule(js.job_end[row], code(EventKind::Separation), row, job);
  const std::uint32_t stride = world.marks_per_job();
  CASELOAD_ASSERT(job < std::numeric_limits<std::uint32_t>::max() / stride, "milestone detail overflows");
  // Only marks the job lasts past: ascending, so the first it misses ends the list.
  for (std::uint32_t m = 0; m < world.job_marks.size() && weeks > world.job_marks[m]; ++m) {
    world.scheduler.schedule(now + world.job_marks[m] * core::days_per_week, code(EventKind::Milestone), row,
                             job * stride + m);
  }
  if (world.measuring()) js.entries[row] += 1;
  if (via_submission) world.counts_for(person).entries_via_submission += 1;

  Outcome outcome;
  outcome.kind = OutcomeKind::JobEntry;
  outcome.time = now;
  outcome.client = person;
  outcome.adviser = adviser;
  outcome.group = js.group[row];
  outcome.office = js.office[row];
  outcome.via_submission = via_submission;
  outcome.claim_weeks = claim_weeks;
  outcome.days_since_help = days_since_help;
  world.regime->record(outcome);
}

void lower_separation_hazard(World& world, JobseekerId person, double factor, double weeks) {
  auto& js = world.people.jobseekers;
  const auto row = index(person);
  CASELOAD_ASSERT(js.state[row] == JobseekerState::Employed && factor > 0.0 && factor <= 1.0,
                  "lowering the hazard of a job not held, or raising it");
  const double now = world.now();
  const double old_end = js.job_end[row];
  // The tenure was drawn as a unit-exponential amount of cumulative hazard. By memorylessness,
  // what is left of it now is spent at the lowered rate first, then at the job's own, so the
  // same draw gives the new end and no new randomness is needed (the hazard itself cancels).
  const double left_weeks = (old_end - now) / core::days_per_week;
  const double more_weeks = left_weeks <= factor * weeks ? left_weeks / factor : weeks + left_weeks - factor * weeks;
  const double new_end = now + more_weeks * core::days_per_week;
  if (!(new_end > old_end)) return;
  js.job_end[row] = new_end;
  world.records.jobs[js.job_record[row]].end = new_end;
  const std::uint32_t job = static_cast<std::uint32_t>(js.jobs[row]) - 1u;
  // The Separation event already queued falls due first and is ignored (handle_separation).
  world.scheduler.schedule(new_end, code(EventKind::Separation), row, job);
  const double old_weeks = (old_end - js.job_start[row]) / core::days_per_week;
  const double new_weeks = (new_end - js.job_start[row]) / core::days_per_week;
  const std::uint32_t stride = world.marks_per_job();
  for (std::uint32_t m = 0; m < world.job_marks.size(); ++m) {
    const double mark = world.job_marks[m];
    if (old_weeks > mark || new_weeks <= mark) continue;  // already queued, or still not reached
    world.scheduler.schedule(js.job_start[row] + mark * core::days_per_week, code(EventKind::Milestone), row,
                             job * stride + m);
  }
}

void handle_milestone(World& world, JobseekerId person, std::uint32_t detail) {
  auto& js = world.people.jobseekers;
  const auto row = index(person);
  const std::uint32_t stride = world.marks_per_job();
  const std::uint32_t job = detail / stride;
  if (js.jobs[row] != job + 1 || js.state[row] != JobseekerState::Employed) return;
  const double weeks = world.job_marks[detail % stride];
  if (weeks == 13.0) {
    world.counts_for(person).sustained_13 += 1;
    if (world.measuring()) js.sustained_13[row] += 1;
    if (js.placed_by_office[row]) {
      adjust_goodwill(world.market.employers, js.employer[row], world.scenario.employers.goodwill_sustained_gain);
    }
  } else if (weeks == 26.0) {
    world.counts_for(person).sustained_26 += 1;
    if (world.measuring()) js.sustained_26[row] += 1;
  }
  Outcome outcome;
  outcome.kind = OutcomeKind::Sustained;
  outcome.time = world.now();
  outcome.client = person;
  outcome.adviser = js.adviser[row];
  outcome.group = js.group[row];
  outcome.office = js.office[row];
  outcome.weeks = weeks;
  outcome.via_submission = js.placed_by_office[row] != 0;
  world.regime->record(outcome);
}

void handle_separation(World& world, JobseekerId person, std::uint32_t job) {
  auto& js = world.people.jobseekers;
  const auto row = index(person);
  if (js.jobs[row] != job + 1 || js.state[row] != JobseekerState::Employed) return;
  const auto& scenario = world.scenario;
  const double now = world.now();
  if (now < js.job_end[row]) return;  // in-work support moved the end later; its own event will come
  add_employed_days(world, person, js.job_start[row], now);
  if (js.placed_by_office[row] && now - js.job_start[row] < 13.0 * core::days_per_week) {
    adjust_goodwill(world.market.employers, js.employer[row], -scenario.employers.goodwill_early_leaver_loss);
  }
  auto recycle = stream(scenario.run.seed, EntityKind::Jobseeker, row, Purpose::Recycle, job);
  const double tenure_weeks = (now - js.job_start[row]) / core::days_per_week;
  if (recycle.uniform01() < reclaim_probability(scenario.jobs, tenure_weeks)) {
    js.state[row] = JobseekerState::Waiting;
    world.scheduler.schedule(now + scenario.jobs.reclaim_delay_weeks * core::days_per_week,
                             code(EventKind::Reclaim), row);
  } else {
    js.state[row] = JobseekerState::Exited;
  }
}

void close_employment_records(World& world) {
  auto& js = world.people.jobseekers;
  for (std::uint32_t row = 0; row < js.size(); ++row) {
    if (js.state[row] == JobseekerState::Employed) {
      add_employed_days(world, static_cast<JobseekerId>(row), js.job_start[row], world.end);
    }
  }
}

}  // namespace caseload::model
