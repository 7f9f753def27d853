// The concentration index and creaming curve on hand-built caseloads with known answers.

#include "sim/metrics/creaming.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "tests/metrics/hand_data.hpp"

namespace caseload::metrics {
namespace {

// n people with employability 0..n-1, ten claiming weeks each, and the given help minutes.
model::VariantResult caseload(const std::vector<float>& minutes) {
  auto variant = hand::empty_variant();
  for (std::size_t i = 0; i < minutes.size(); ++i) {
    hand::add(variant, {.employability = static_cast<float>(i),
                        .claim_weeks = 10,
                        .interview_minutes = minutes[i]});
  }
  return variant;
}

TEST(ConcentrationIndex, AllHelpToTheMostEmployableIsNearOne) {
  std::vector<float> minutes(100, 0.0f);
  minutes.back() = 600.0f;
  // Top person's rank is 1 - 1/(2n), so C = 2 * (1 - 1/200) - 1 = 1 - 1/n.
  EXPECT_NEAR(creaming(caseload(minutes), RankedBy::Employability).concentration_index, 0.99,
              1e-12);
}

TEST(ConcentrationIndex, AllHelpToTheLeastEmployableIsNearMinusOne) {
  std::vector<float> minutes(100, 0.0f);
  minutes.front() = 600.0f;
  EXPECT_NEAR(creaming(caseload(minutes), RankedBy::Employability).concentration_index, -0.99,
              1e-12);
}

TEST(ConcentrationIndex, EqualHelpPerClientWeekIsZero) {
  // Different claim lengths, help proportional to them: the same minutes per client-week.
  auto variant = hand::empty_variant();
  for (int i = 0; i < 5; ++i) {
    const auto weeks = static_cast<std::uint16_t>(3 + 4 * i);
    hand::add(variant, {.employability = static_cast<float>(i),
                        .claim_weeks = weeks,
                        .interview_minutes = 7.0f * weeks});
  }
  EXPECT_EQ(creaming(variant, RankedBy::Employability).concentration_index, 0.0);
}

TEST(ConcentrationIndex, FourPeopleByHand) {
  // Ranks 0.125, 0.375, 0.625, 0.875; minutes 0, 10, 20, 50 (total 80).
  // C = 2 * (10*0.375 + 20*0.625 + 50*0.875) / 80 - 1 = 2 * 60 / 80 - 1 = 0.5.
  EXPECT_NEAR(
      creaming(caseload({0.0f, 10.0f, 20.0f, 50.0f}), RankedBy::Employability).concentration_index,
      0.5, 1e-12);
  // Reversed: -0.5.
  EXPECT_NEAR(
      creaming(caseload({50.0f, 20.0f, 10.0f, 0.0f}), RankedBy::Employability).concentration_index,
      -0.5, 1e-12);
}

TEST(ConcentrationIndex, WeightedByClientWeeks) {
  // Weights 1, 2, 1 (W = 4): ranks 0.125, 0.5, 0.875; minutes 0, 4, 4 so h = 0, 2, 4, mean 2.
  // cov = (1*(0-2)*(0.125-0.5) + 2*0*0 + 1*(4-2)*(0.875-0.5)) / 4 = 0.375; C = 2*0.375/2 = 0.375.
  const std::vector<double> minutes = {0.0, 4.0, 4.0}, weights = {1.0, 2.0, 1.0},
                            rank_by = {-1.0, 0.0, 1.0};
  EXPECT_NEAR(concentration_index(minutes, weights, rank_by), 0.375, 1e-15);
}

TEST(ConcentrationIndex, TiedPeopleCannotBeToldApart) {
  // Same employability: both get rank 0.5, so who got the help does not matter.
  EXPECT_EQ(concentration_index(std::vector<double>{0.0, 10.0}, std::vector<double>{1.0, 1.0},
                                std::vector<double>{1.0, 1.0}),
            0.0);
}

TEST(ConcentrationIndex, NoHelpOrNoClientsIsNaN) {
  EXPECT_TRUE(
      std::isnan(creaming(caseload({0.0f, 0.0f}), RankedBy::Employability).concentration_index));
  EXPECT_TRUE(
      std::isnan(creaming(hand::empty_variant(), RankedBy::Employability).concentration_index));
}

TEST(Creaming, HelpIsWhatResetsTheParkingClock) {
  // Creaming and parking must agree on what counts as help.
  for (std::size_t k = 0; k < model::action_count; ++k) {
    const auto kind = static_cast<model::ActionKind>(k);
    const bool is_help =
        std::find(help_actions.begin(), help_actions.end(), kind) != help_actions.end();
    EXPECT_EQ(is_help, model::is_evidence(kind)) << model::name_of(kind);
  }
}

TEST(Creaming, CountsOnlyTheDiscretionaryHelpActions) {
  auto variant = hand::empty_variant();
  hand::add(variant, {.employability = 0.0f, .claim_weeks = 10});
  hand::Person helped{.employability = 1.0f, .claim_weeks = 10};
  for (const auto kind : help_actions) helped.other_minutes[static_cast<std::size_t>(kind)] = 1.0f;
  helped.other_minutes[static_cast<std::size_t>(model::ActionKind::EmployerContact)] = 100.0f;
  helped.other_minutes[static_cast<std::size_t>(model::ActionKind::Validation)] = 100.0f;
  helped.other_minutes[static_cast<std::size_t>(model::ActionKind::Sanction)] = 100.0f;
  hand::add(variant, helped);
  EXPECT_DOUBLE_EQ(help_minutes(variant.jobseekers, 1), 4.0);
  const auto result = creaming(variant, RankedBy::Employability);
  EXPECT_DOUBLE_EQ(result.minutes_per_client_week, 4.0 / 20.0);
}

TEST(Creaming, LeavesOutPeopleWithNoClaimingWeeks) {
  auto variant = caseload({0.0f, 10.0f});
  hand::add(variant, {.employability = 5.0f, .claim_weeks = 0, .interview_minutes = 1000.0f});
  const auto result = creaming(variant, RankedBy::Employability);
  EXPECT_EQ(result.clients, 2.0);
  EXPECT_EQ(result.client_weeks, 20.0);
  EXPECT_NEAR(result.concentration_index, 0.5, 1e-12);  // 2 * 10 * 0.75 / 10 - 1
}

TEST(Creaming, RanksByMotivationWhenAsked) {
  auto variant = hand::empty_variant();
  // Employability and motivation run in opposite directions; the help goes to the motivated.
  hand::add(
      variant,
      {.employability = 1.0f, .motivation = 0.9f, .claim_weeks = 10, .interview_minutes = 60.0f});
  hand::add(variant, {.employability = 2.0f, .motivation = 0.1f, .claim_weeks = 10});
  EXPECT_NEAR(creaming(variant, RankedBy::Motivation).concentration_index, 0.5, 1e-12);
  EXPECT_NEAR(creaming(variant, RankedBy::Employability).concentration_index, -0.5, 1e-12);
}

TEST(CreamingCurve, TwentyPeopleFillTwoPerDecile) {
  std::vector<float> minutes(20);
  for (std::size_t i = 0; i < minutes.size(); ++i) minutes[i] = static_cast<float>(10 * i);
  const auto result = creaming(caseload(minutes), RankedBy::Employability);
  for (std::size_t d = 0; d < decile_count; ++d) {
    EXPECT_EQ(result.client_weeks_by_decile[d], 20.0) << "decile " << d;
    // People 2d and 2d+1: (20d + 20d + 10) minutes over 20 weeks.
    EXPECT_DOUBLE_EQ(result.minutes_per_client_week_by_decile[d],
                     (40.0 * static_cast<double>(d) + 10.0) / 20.0);
  }
}

TEST(CreamingCurve, EmptyDecileIsNaN) {
  // Two people: ranks 0.25 and 0.75 fill deciles 2 and 7 only.
  const auto result = creaming(caseload({5.0f, 5.0f}), RankedBy::Employability);
  EXPECT_EQ(result.client_weeks_by_decile[2], 10.0);
  EXPECT_EQ(result.client_weeks_by_decile[7], 10.0);
  EXPECT_TRUE(std::isnan(result.minutes_per_client_week_by_decile[0]));
  EXPECT_DOUBLE_EQ(result.minutes_per_client_week_by_decile[7], 0.5);
}

}  // namespace
}  // namespace caseload::metrics
