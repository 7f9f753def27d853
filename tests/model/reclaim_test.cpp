// A job that ends leads to a new claim with a chance that falls with tenure (docs/ODD.md §7.8):
// the formula, its integral over an exponential tenure (used to value JET's off-benefit bonus),
// and the simulation drawing with it.

#include <cmath>

#include <gtest/gtest.h>

#include "sim/model/outcome_model.hpp"
#include "tests/model/fixtures.hpp"

namespace caseload::model {
namespace {

JobModel fading_reclaim() {
  JobModel jobs;
  jobs.recycle_probability = 0.9;
  jobs.recycle_long_tenure = 0.2;
  jobs.recycle_decay_weeks = 40.0;
  return jobs;
}

TEST(Reclaim, FallsFromTheShortToTheLongTenureChance) {
  const JobModel jobs = fading_reclaim();
  EXPECT_DOUBLE_EQ(reclaim_probability(jobs, 0.0), 0.9);
  EXPECT_NEAR(reclaim_probability(jobs, 40.0), 0.2 + 0.7 / std::exp(1.0), 1e-12);
  EXPECT_NEAR(reclaim_probability(jobs, 4000.0), 0.2, 1e-12);
  EXPECT_GT(reclaim_probability(jobs, 10.0), reclaim_probability(jobs, 20.0));
}

TEST(Reclaim, UnsetLongTenureChanceMeansOneChanceAtEveryTenure) {
  JobModel jobs;
  jobs.recycle_probability = 0.7;
  EXPECT_DOUBLE_EQ(reclaim_probability(jobs, 0.0), 0.7);
  EXPECT_DOUBLE_EQ(reclaim_probability(jobs, 500.0), 0.7);
  // Then the chance of a claim within w weeks is p (1 - exp(-h w)), the formula before tenure mattered.
  EXPECT_NEAR(reclaim_within(jobs, 0.05, 3.0), 0.7 * (1.0 - std::exp(-0.15)), 1e-12);
}

TEST(Reclaim, WithinIsTheIntegralOverWhenTheJobEnds) {
  const JobModel jobs = fading_reclaim();
  const double hazard = 0.04, weeks = 30.0;
  // Simpson's rule over [0, weeks] of hazard exp(-hazard t) reclaim_probability(t).
  const int steps = 3000;
  const double dt = weeks / steps;
  double sum = 0.0;
  for (int i = 0; i <= steps; ++i) {
    const double t = i * dt;
    const double f = hazard * std::exp(-hazard * t) * reclaim_probability(jobs, t);
    sum += (i == 0 || i == steps ? 1.0 : (i % 2 ? 4.0 : 2.0)) * f;
  }
  EXPECT_NEAR(reclaim_within(jobs, hazard, weeks), sum * dt / 3.0, 1e-9);
  EXPECT_DOUBLE_EQ(reclaim_within(jobs, hazard, 0.0), 0.0);
}

TEST(Reclaim, SimulatedJobsThatLastLongRarelyLeadToAClaim) {
  Scenario s = fixtures::small_scenario(20261127);
  s.policy.discretionary_help = false;
  s.counterfactual.enabled = false;
  s.run.weeks = 156;
  s.jobs.recycle_probability = 1.0;
  s.jobs.recycle_long_tenure = 0.0;
  s.jobs.recycle_decay_weeks = 13.0;
  const auto run = fixtures::run(s).treatment;
  double short_jobs = 0.0, short_back = 0.0, long_jobs = 0.0, long_back = 0.0;
  for (const auto& job : run.jobs) {
    if (job.end + 7.0 * s.jobs.reclaim_delay_weeks >= run.end) continue;  // the claim would fall after the run
    const double tenure = (job.end - job.start) / 7.0;
    const bool back = std::isfinite(job.reclaim);
    if (tenure < 2.0) { short_jobs += 1.0; short_back += back ? 1.0 : 0.0; }
    if (tenure > 39.0) { long_jobs += 1.0; long_back += back ? 1.0 : 0.0; }
  }
  ASSERT_GT(short_jobs, 100.0);
  ASSERT_GT(long_jobs, 100.0);
  // Under 2 weeks the chance is above exp(-2/13) = 0.86; beyond 39 weeks below exp(-3) = 0.05.
  // Four binomial SE at these counts are under 0.1.
  EXPECT_GT(short_back / short_jobs, 0.86 - 0.1);
  EXPECT_LT(long_back / long_jobs, 0.05 + 0.1);
}

}  // namespace
}  // namespace caseload::model
