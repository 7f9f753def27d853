#include "sim/experiment/run_seed.hpp"

#include <set>

#include <gtest/gtest.h>

#include "sim/experiment/run_record.hpp"

namespace caseload::experiment {
namespace {

TEST(RunSeed, PinnedValue) {
  // Changing the derivation changes every recorded experiment: do it only on purpose.
  EXPECT_EQ(derive_run_seed(1, 0, 0), 1802091835520248u);
}

TEST(RunSeed, DependsOnEveryPartOfTheTriple) {
  std::set<std::uint64_t> seeds;
  for (std::uint64_t seed = 0; seed < 4; ++seed) {
    for (std::uint64_t point = 0; point < 8; ++point) {
      for (std::uint64_t replication = 0; replication < 8; ++replication) {
        const std::uint64_t derived = derive_run_seed(seed, point, replication);
        EXPECT_LE(derived, kMaxRunSeed);
        seeds.insert(derived);
      }
    }
  }
  EXPECT_EQ(seeds.size(), 4u * 8u * 8u);
  EXPECT_NE(derive_run_seed(1, 0, 0), derive_run_seed(1ull << 32, 0, 0)) << "high key word counts";
}

TEST(RunPlan, SweepIsPointMajorWithSeedsPerPointAndReplication) {
  const auto plan = plan_sweep(3, 2, 9);
  ASSERT_EQ(plan.size(), 6u);
  EXPECT_EQ(plan[3], (PlannedRun{1, 1, derive_run_seed(9, 1, 1)}));
}

TEST(RunPlan, ComparisonSharesEachReplicationsSeedAcrossArms) {
  const auto plan = plan_comparison(3, 2, 9);
  ASSERT_EQ(plan.size(), 6u);
  for (std::size_t i = 0; i < plan.size(); ++i) {
    EXPECT_EQ(plan[i].point, i % 3);
    EXPECT_EQ(plan[i].replication, i / 3);
    EXPECT_EQ(plan[i].seed, derive_run_seed(9, 0, i / 3));
  }
}

}  // namespace
}  // namespace caseload::experiment
