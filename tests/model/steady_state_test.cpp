// The pre-pass that builds the population at t = 0 (sim/model/steady_state.hpp): people stand
// where the no-help dynamics leave them, in the numbers Little's law predicts, from the seed.

#include <cmath>

#include <gtest/gtest.h>

#include "sim/model/steady_state.hpp"
#include "tests/model/fixtures.hpp"

namespace caseload::model {
namespace {

// Constant job-finding chance p = 0.1 per fortnightly review, no other exit, no recycling.
Scenario constant_hazard_scenario() {
  Scenario s = fixtures::small_scenario(99);
  fixtures::make_job_finding_constant(s);
  s.search.steady_state_history_weeks = 520.0;
  return s;
}

TEST(SteadyStatePopulation, ClaimantsFollowLittlesLaw) {
  const Scenario s = constant_hazard_scenario();
  const auto people = steady_state_people(s, GroupId{0}, OfficeId{0}, 0, 20.0);
  double claiming = 0.0;
  for (const auto& person : people) {
    if (person.state != StartState::Claiming) continue;
    claiming += 1.0;
    EXPECT_LT(person.claim_start, 0.0);
    EXPECT_GE(person.next_review, 0.0);
    EXPECT_LT(person.next_review, 14.0);
    const double reviews = (person.next_review - person.claim_start) / 14.0;
    EXPECT_NEAR(reviews, std::round(reviews), 1e-6) << "reviews fall every 14 days from the claim's start";
  }
  // 20 claims a week lasting 1/p = 10 reviews (20 weeks) on average: 400 present, Poisson
  // (an M/G/infinity queue), so sd 20; four sd either side.
  EXPECT_NEAR(claiming, 400.0, 80.0);
}

TEST(SteadyStatePopulation, EveryoneStandsWhereTheirLifeLeftThem) {
  Scenario s = fixtures::small_scenario(5);
  s.jobs.recycle_probability = 0.95;
  const auto people = steady_state_people(s, GroupId{0}, OfficeId{0}, 0, 30.0);
  std::size_t by_state[3] = {0, 0, 0};
  for (const auto& person : people) {
    by_state[static_cast<std::size_t>(person.state)] += 1;
    switch (person.state) {
      case StartState::Claiming: EXPECT_LT(person.claim_start, 0.0); break;
      case StartState::Employed:
        EXPECT_LT(person.job_start, 0.0);
        EXPECT_GE(person.job_end, 0.0);
        break;
      case StartState::Waiting: EXPECT_GE(person.reclaim, 0.0); break;
    }
  }
  EXPECT_GT(by_state[0], 100u);
  EXPECT_GT(by_state[1], 100u) << "people in work at the start, from earlier claims";
}

TEST(SteadyStatePopulation, SameSeedSamePeopleAndNoHistoryNoPeople) {
  Scenario s = fixtures::small_scenario(11);
  const auto once = steady_state_people(s, GroupId{0}, OfficeId{0}, 3, 30.0);
  const auto again = steady_state_people(s, GroupId{0}, OfficeId{0}, 3, 30.0);
  ASSERT_EQ(once.size(), again.size());
  for (std::size_t i = 0; i < once.size(); ++i) {
    EXPECT_EQ(once[i].init.employability, again[i].init.employability);
    EXPECT_EQ(once[i].claim_start, again[i].claim_start);
  }
  s.search.steady_state_history_weeks = 0.0;
  EXPECT_TRUE(steady_state_people(s, GroupId{0}, OfficeId{0}, 3, 30.0).empty());
}

}  // namespace
}  // namespace caseload::model
