// A randomised trial inside one market against rolling the programme out: treated and controls
// compete for the same vacancies, so with a finite vacancy pool a trial overstates what the
// programme would do for everyone, and less so as vacancies become abundant.

#include <cmath>
#include <cstdio>

#include <gtest/gtest.h>

#include "tests/io/config/test_data.hpp"
#include "tests/scenario/scenario_runs.hpp"

namespace caseload {
namespace {

// The programme's effect as a trial at half the cohort reports it, over its true effect when
// every new claim of the window joins (the rollout), with `vacancies` per employer per week.
double overstatement(double vacancies, std::uint64_t seed) {
  auto with_share = [&](const char* share) {
    return testing::run_scenario(
        "baseline-uk.yaml",
        {"run.weeks=78", "run.warmup_weeks=52", "network.offices=2", "run.seed=" + std::to_string(seed),
         "employers.vacancies_per_week=" + std::to_string(vacancies),
         std::string("trial={share: ") + share + ", from_week: 0, weeks: 26, attachment_weeks: 52, follow_weeks: 52}"});
  };
  const auto trial = with_share("0.5");
  const auto rollout = with_share("1");
  const double estimate = trial.report().trial.estimate;
  // The cohort curves: shares, month by month; six months on, more of the programme's clients
  // are in work than of the controls.
  const metrics::TrialResults& curves = trial.report().trial;
  EXPECT_EQ(curves.programme.in_work.size(), static_cast<std::size_t>(metrics::trial_curve_months));
  if (curves.programme.in_work.size() != static_cast<std::size_t>(metrics::trial_curve_months)) return 0.0;
  for (const auto* shares : {&curves.programme.in_work, &curves.control.on_benefit,
                             &curves.programme_counterfactual.in_work}) {
    for (std::size_t m = 0; m < 12; ++m) {
      EXPECT_GE((*shares)[m], 0.0);
      EXPECT_LE((*shares)[m], 1.0);
    }
  }
  EXPECT_GT(curves.programme.in_work[5], curves.control.in_work[5]);
  EXPECT_TRUE(std::isnan(curves.programme.in_work[35]));  // a 78-week run reaches no one 36 months on
  const double truth = rollout.report().trial.effect_on_programme;
  std::printf("vacancies %.1f seed %llu: trial estimate %.3f, rollout effect %.3f, spillover on controls %.3f\n",
              vacancies, static_cast<unsigned long long>(seed), estimate, truth,
              trial.report().trial.spillover_on_controls);
  EXPECT_GT(truth, 0.0);
  return estimate / truth;
}

// Baseline UK world on two offices; a programme of discretionary help for new claims in the
// first 26 measured weeks, each client helped for 52 weeks and followed for 52. Measured
// (seeds 1-3): with 1 vacancy per employer-week the trial overstates the rollout effect by
// 77%, 56%, 89%, with 15 by 8%, 11%, 28%; the per-seed fall was 0.69, 0.45, 0.61. Asserted on
// seeds 1 and 2: above 1.28 when vacancies are scarce (half the least excess) and a fall of
// more than 0.22 (half the least fall) when they are abundant.
TEST(Trial, AWithinMarketTrialOverstatesTheRolloutEffectLessAsVacanciesAbound) {
  for (const std::uint64_t seed : {1u, 2u}) {
    const double scarce = overstatement(1.0, seed);
    const double abundant = overstatement(15.0, seed);
    EXPECT_GT(scarce, 1.28) << seed;
    EXPECT_GT(scarce - abundant, 0.22) << seed;
  }
}

TEST(Trial, AWindowPastTheRunsEndIsLocatedAndNamesTheKeys) {
  const std::string file = std::string(CASELOAD_SOURCE_DIR) + "/tests/scenario/data/trial-window-past-the-run.yaml";
  const auto problems = testing::problems_of([&] { io::load_runnable(file, {}); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("trial-window-past-the-run.yaml:9:10: 'trial.from_week' and 'trial.weeks' put the "
                             "window's end at measured week 36, after the run's 20 (run.weeks)"),
            std::string::npos)
      << problems[0];
}

}  // namespace
}  // namespace caseload
