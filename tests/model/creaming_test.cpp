// Creaming emerges from valuation, not instruction: with a reward for job entries and no
// public-service motivation, advisers' minutes go to the clients most likely to enter work;
// with motivation (and its weight on need) and no reward, the pattern weakens or reverses.

#include <algorithm>
#include <array>
#include <numeric>
#include <vector>

#include <gtest/gtest.h>

#include "tests/model/fixtures.hpp"

namespace caseload::model {
namespace {

// Discretionary minutes per client-week on a caseload, by quintile of employability at claim
// (quintile 0 the least employable). Per client-week, so that hard clients' longer claims do
// not count as attention.
std::array<double, 5> minutes_per_week_by_quintile(const VariantResult& variant) {
  const auto& js = variant.jobseekers;
  std::vector<std::uint32_t> people;
  for (std::uint32_t i = 0; i < js.size(); ++i) {
    if (js.claim_weeks[i] > 0) people.push_back(i);
  }
  std::sort(people.begin(), people.end(), [&](std::uint32_t a, std::uint32_t b) {
    return js.employability[a] < js.employability[b];
  });
  std::array<double, 5> minutes{}, weeks{};
  for (std::size_t rank = 0; rank < people.size(); ++rank) {
    const std::size_t q = rank * 5 / people.size();
    const auto& help = js.help_minutes[people[rank]];
    minutes[q] += std::accumulate(help.begin(), help.end(), 0.0);
    weeks[q] += js.claim_weeks[people[rank]];
  }
  for (std::size_t q = 0; q < 5; ++q) minutes[q] /= weeks[q];
  return minutes;
}

const EntryRewardSettings ten_points_per_entry{10.0, 1.0, false, 13.0};

Scenario reward_only() {
  Scenario s = fixtures::small_scenario(31);
  s.counterfactual.enabled = false;
  s.advisers.w_client_alpha = 0.01;  // public-service motivation ~ 0 (mean 1e-4)
  s.advisers.w_client_beta = 100.0;
  return s;
}

Scenario motivation_only() {
  Scenario s = fixtures::small_scenario(31);
  s.counterfactual.enabled = false;
  s.advisers.w_client_alpha = 100.0;  // strong motivation (mean 0.99), no reward
  s.advisers.w_client_beta = 1.0;
  return s;
}

TEST(Creaming, EntryRewardWithoutMotivationFavoursTheEmployable) {
  const auto result = fixtures::run(reward_only(), ten_points_per_entry);
  const auto minutes = minutes_per_week_by_quintile(result.treatment);
  ::testing::Message trace;
  for (double m : minutes) trace << m << " ";
  SCOPED_TRACE(trace);
  // Top two quintiles against bottom two, per client-week; and the top against the bottom.
  EXPECT_GT(minutes[3] + minutes[4], 1.2 * (minutes[0] + minutes[1]));
  EXPECT_GT(minutes[4], 1.5 * minutes[0]);
  EXPECT_EQ(std::min_element(minutes.begin(), minutes.end()) - minutes.begin(), 0)
      << "the least employable quintile receives the least";
}

TEST(Creaming, MotivationWithoutRewardWeakensOrReversesThePattern) {
  const auto rewarded = minutes_per_week_by_quintile(fixtures::run(reward_only(), ten_points_per_entry).treatment);
  const auto motivated = minutes_per_week_by_quintile(fixtures::run(motivation_only()).treatment);
  const double rewarded_ratio = rewarded[0] / rewarded[4];
  const double motivated_ratio = motivated[0] / motivated[4];
  SCOPED_TRACE(::testing::Message() << "bottom/top: rewarded " << rewarded_ratio << ", motivated "
                                    << motivated_ratio);
  EXPECT_GT(motivated_ratio, 1.5 * rewarded_ratio);
}

}  // namespace
}  // namespace caseload::model
