// A provider's caseworker judges clients from the record (group, claim duration) and its own
// contact, never from the hidden employability the jobcentre's adviser perceives with noise.

#include "sim/model/provider_perception.hpp"

#include <gtest/gtest.h>

#include "sim/model/outcome_model.hpp"
#include "tests/model/planner_desk.hpp"

namespace caseload::model::planner {
namespace {

Scenario caseworker_desk() {
  Scenario scenario = desk_scenario(200.0);
  scenario.providers.per_office = 1;
  scenario.providers.caseworkers_per_provider = 1;
  scenario.groups[0].employability_mean = 0.4;
  scenario.groups[1].employability_mean = -0.9;
  scenario.providers.difficulty_perception_sd = 0.8;
  return scenario;
}

TEST(ProviderPerception, BeforeContactOnlyGroupAndDurationShow) {
  Desk desk(caseworker_desk());
  const OfficeMarket market = read_market(desk.world(), OfficeId{});
  const JobseekerId easy = desk.add_client({.employability = 2.0, .motivation = 0.9, .claim_weeks = 60.0,
                                            .perception_error = -1.5});
  const JobseekerId hard = desk.add_client({.employability = -2.0, .motivation = 0.1, .claim_weeks = 60.0,
                                            .perception_error = 1.5});
  const JobseekerId other_group = desk.add_client({.employability = 2.0, .claim_weeks = 60.0,
                                                   .group = static_cast<GroupId>(1)});
  const PerceivedClient seen_easy = perceive(desk.world(), easy, market);
  const PerceivedClient seen_hard = perceive(desk.world(), hard, market);
  EXPECT_EQ(seen_easy.employability, seen_hard.employability) << "hidden employability leaked";
  EXPECT_EQ(seen_easy.motivation, seen_hard.motivation) << "hidden motivation leaked";
  const Scenario& scenario = desk.world().scenario;
  const double scarred = effective_employability(scenario.search, 0.4, 0.0, 60.0 * core::days_per_week);
  EXPECT_DOUBLE_EQ(seen_easy.employability, scarred);
  EXPECT_DOUBLE_EQ(seen_easy.motivation, 4.0 / 6.0);  // the group's Beta(4, 2) mean
  EXPECT_LT(perceive(desk.world(), other_group, market).employability, seen_easy.employability)
      << "the group is on the record";
}

TEST(ProviderPerception, ContactMovesTheJudgementTowardsANoisyReadingOfThePerson) {
  Desk desk(caseworker_desk());
  const OfficeMarket market = read_market(desk.world(), OfficeId{});
  const double scale = desk.world().scenario.advisers.perception_minutes_scale;
  const JobseekerId known = desk.add_client(
      {.employability = 2.0, .claim_weeks = 30.0, .perception_error = 1.0, .minutes_known = scale});
  const World& world = desk.world();
  const ProviderJudgement prior = judgement_from_record(world.scenario, world.people.jobseekers, known, world.now());
  const double reading = world.employability_now(known) + 0.8 * 1.0;
  // At perception_minutes_scale minutes the reading and the record weigh the same.
  EXPECT_NEAR(perceive(world, known, market).employability, 0.5 * prior.employability + 0.5 * reading, 1e-12);
}

TEST(ProviderPerception, AJobcentreAdviserStillPerceivesThePerson) {
  Scenario scenario = desk_scenario(200.0);  // no providers: the desk is an office adviser's
  Desk desk(scenario);
  const OfficeMarket market = read_market(desk.world(), OfficeId{});
  const JobseekerId easy = desk.add_client({.employability = 2.0, .claim_weeks = 60.0});
  const JobseekerId hard = desk.add_client({.employability = -2.0, .claim_weeks = 60.0});
  EXPECT_GT(perceive(desk.world(), easy, market).employability, perceive(desk.world(), hard, market).employability);
}

}  // namespace
}  // namespace caseload::model::planner
