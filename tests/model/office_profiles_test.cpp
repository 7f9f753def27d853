// Office profiles: with no spread every office is the scenario's exactly (so results are those
// of a uniform network), draws come from the network's own seed, and clusters are a
// deterministic function of the profiles.

#include <cmath>
#include <set>

#include <gtest/gtest.h>

#include "sim/model/office_profiles.hpp"
#include "tests/model/fixtures.hpp"

namespace caseload::model {
namespace {

Scenario network_of(int offices) {
  Scenario s = fixtures::small_scenario();
  s.network.offices = offices;
  return s;
}

TEST(OfficeProfiles, NoSpreadGivesTheScenarioValuesExactly) {
  Scenario s = network_of(3);
  resolve_offices(s);
  ASSERT_EQ(s.network.profiles.size(), 3u);
  for (const auto& office : s.network.profiles) {
    EXPECT_EQ(office.advisers, s.network.advisers_per_office);
    EXPECT_EQ(office.employers, s.employers.employers_per_office);
    EXPECT_EQ(office.inflow_scale, 1.0);
    EXPECT_EQ(office.vacancies_per_week, s.employers.vacancies_per_week);
    EXPECT_EQ(office.quality_alpha, s.employers.quality_alpha);
    EXPECT_EQ(office.tightness_half_vacancies, s.search.tightness_half_vacancies);
    EXPECT_TRUE(office.group_inflow_scale.empty());
    EXPECT_EQ(office.cluster, 0);
  }
}

TEST(OfficeProfiles, DrawsFollowTheNetworkSeedNotTheRunSeed) {
  Scenario s = network_of(6);
  s.network.variation = {0.3, 0.3, 0.3, 0.2, 7};
  Scenario other_run = s;
  other_run.run.seed = s.run.seed + 1;
  Scenario other_network = s;
  other_network.network.variation.seed = 8;
  resolve_offices(s);
  resolve_offices(other_run);
  resolve_offices(other_network);
  int differ = 0;
  for (std::size_t o = 0; o < 6; ++o) {
    EXPECT_EQ(s.network.profiles[o].vacancies_per_week, other_run.network.profiles[o].vacancies_per_week);
    differ += s.network.profiles[o].vacancies_per_week != other_network.network.profiles[o].vacancies_per_week;
  }
  EXPECT_EQ(differ, 6);
}

TEST(OfficeProfiles, DrawsAreCentredOnTheScenario) {
  Scenario s = network_of(8);
  s.network.variation = {0.4, 0.4, 0.0, 0.3, 1};
  resolve_offices(s);
  double size = 0.0;
  double vacancies = 0.0;
  for (const auto& office : s.network.profiles) {
    size += office.inflow_scale;
    vacancies += office.inflow_scale * office.vacancies_per_week;
    // A mix moves who claims, not how many.
    double claims = 0.0;
    for (std::size_t g = 0; g < s.groups.size(); ++g) claims += s.groups[g].inflow_per_week * office.group_scale(g);
    double base = 0.0;
    for (const auto& group : s.groups) base += group.inflow_per_week;
    EXPECT_NEAR(claims, base, 1e-9 * base);
  }
  EXPECT_NEAR(size / 8.0, 1.0, 1e-12);
  EXPECT_NEAR(vacancies / size, s.employers.vacancies_per_week, 1e-12);
}

TEST(OfficeProfiles, ClustersSeparateDifferentMarketsDeterministically) {
  Scenario s = network_of(6);
  std::vector<OfficeProfile> offices(6, default_office(s));
  // Three slack markets and three tight ones, interleaved.
  for (std::size_t o = 0; o < 6; ++o) offices[o].vacancies_per_week = o % 2 == 0 ? 0.5 + 0.01 * static_cast<double>(o)
                                                                    : 3.0 + 0.01 * static_cast<double>(o);
  const std::vector<int> clusters = cluster_offices(offices, s, 2);
  EXPECT_EQ(clusters, (std::vector<int>{0, 1, 0, 1, 0, 1}));  // 0 = fewest vacancies per claim
  EXPECT_EQ(cluster_offices(offices, s, 2), clusters);
  EXPECT_EQ(cluster_offices(offices, s, 1), std::vector<int>(6, 0));
  // More clusters than offices: each office its own.
  const std::vector<int> own = cluster_offices(offices, s, 10);
  EXPECT_EQ(std::set<int>(own.begin(), own.end()).size(), 6u);
}

}  // namespace
}  // namespace caseload::model
