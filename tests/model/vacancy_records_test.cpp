// What the run records of each vacancy for the trace: every hire fills exactly one vacancy,
// and the vacancy says by whom, how and when.

#include <cmath>

#include <gtest/gtest.h>

#include "tests/model/fixtures.hpp"

namespace caseload::model {
namespace {

TEST(VacancyRecords, EachHireIsOneFilledVacancyNamingThePersonAndHow) {
  Scenario scenario = fixtures::small_scenario();
  scenario.counterfactual.enabled = false;
  const VariantResult run = fixtures::run(scenario).treatment;
  const VacancyTable& vacancies = run.vacancies;
  ASSERT_EQ(vacancies.opened.size(), vacancies.size());
  std::size_t filled = 0, via_submission = 0, closed = 0;
  for (std::uint32_t v = 0; v < vacancies.size(); ++v) {
    const bool is_filled = vacancies.state[v] == VacancyState::FilledByClaimant;
    ASSERT_EQ(index(vacancies.hired[v]) != no_row, is_filled) << v;
    ASSERT_EQ(std::isinf(vacancies.closed[v]), vacancies.state[v] == VacancyState::Open) << v;
    ASSERT_LE(vacancies.opened[v], vacancies.closed[v]) << v;
    if (is_filled) {
      ASSERT_LT(index(vacancies.hired[v]), run.jobseekers.size());
    }
    filled += is_filled ? 1u : 0u;
    via_submission += vacancies.via_submission[v];
    closed += std::isinf(vacancies.closed[v]) ? 0u : 1u;
  }
  std::size_t jobs_via_submission = 0;
  for (const JobRecord& job : run.jobs) jobs_via_submission += job.via_submission ? 1u : 0u;
  EXPECT_EQ(filled, run.jobs.size());
  EXPECT_EQ(via_submission, jobs_via_submission);
  EXPECT_GT(jobs_via_submission, 0u);
  EXPECT_GT(closed, filled);  // the open market and expiry close vacancies too
}

}  // namespace
}  // namespace caseload::model
