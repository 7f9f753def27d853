// Vacancies are finite and shared: help for one group raises its job entries and, through
// the vacancies its members take, lowers the entries of a group that gets no help.

#include <array>

#include <gtest/gtest.h>

#include "tests/model/fixtures.hpp"

namespace caseload::model {
namespace {

// Two identical groups, help for one only; few enough vacancies that taking one lowers the
// others' chances (tightness well below one), and advisers with time to help.
Scenario tight_market() {
  Scenario s = fixtures::small_scenario(42);
  CustomerGroup helped = s.groups.front();
  helped.name = "helped";
  CustomerGroup others = helped;
  others.name = "others";
  s.groups = {helped, others};
  s.policy.help_groups = {"helped"};
  s.network.advisers_per_office = 12;
  s.employers.vacancies_per_week = 1.6;
  s.search.tightness_half_vacancies = 40.0;
  return s;
}

// Share of claims begun in the measured period (with 26 weeks to run) that end in a job within
// 26 weeks, by group. A claim cohort, not a count of entries in the window: with recycling,
// help that keeps people in work longer also means fewer repeat claims to enter work from.
std::array<double, 2> entry_rate_26w(const VariantResult& variant) {
  std::array<double, 2> entered{}, claims{};
  for (const auto& spell : variant.spells) {
    if (spell.start < variant.measure_start || spell.start >= variant.end - 26.0 * 7.0) continue;
    const auto g = index(spell.group);
    claims[g] += 1.0;
    const bool work = !spell.is_open && spell.reason == ExitReason::Work;
    if (work && spell.end - spell.start <= 26.0 * 7.0) entered[g] += 1.0;
  }
  return {entered[0] / claims[0], entered[1] / claims[1]};
}

TEST(Displacement, HelpForOneGroupRaisesItsEntriesAndLowersTheOthers) {
  const auto result = fixtures::run(tight_market());
  ASSERT_TRUE(result.counterfactual.has_value());
  const auto treated = entry_rate_26w(result.treatment);
  const auto baseline = entry_rate_26w(*result.counterfactual);
  SCOPED_TRACE(::testing::Message() << "helped " << baseline[0] << " -> " << treated[0]
                                    << ", others " << baseline[1] << " -> " << treated[1]);
  // Seeds 41-43 gave helped +0.13 to +0.16 and others -0.018 to -0.049 (about 1,100 claims a
  // group; common random numbers make the paired change far less noisy than either rate).
  EXPECT_GT(treated[0], baseline[0] + 0.05);
  EXPECT_LT(treated[1], baseline[1] - 0.01);
}

TEST(Displacement, NoDisplacementWithoutHelp) {
  Scenario scenario = tight_market();
  scenario.policy.discretionary_help = false;
  const auto result = fixtures::run(scenario);
  const auto treated = entry_rate_26w(result.treatment);
  const auto baseline = entry_rate_26w(*result.counterfactual);
  EXPECT_EQ(treated, baseline);
}

}  // namespace
}  // namespace caseload::model
