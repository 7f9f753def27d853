#include "sim/regimes/registry.hpp"

#include <gtest/gtest.h>

#include "sim/core/diagnostics.hpp"
#include "sim/core/did_you_mean.hpp"
#include "sim/io/config/runnable_scenario.hpp"
#include "sim/regimes/indicator_set_regime.hpp"
#include "sim/regimes/primitives.hpp"
#include "tests/regimes/regime_data.hpp"

namespace caseload::regimes {
namespace {

using testing::load_problems;
using testing::only_problem;

TEST(CompileRegime, UnknownPrimitiveAndGroupAreLocatedAndListTheKnownOnes) {
  const auto problems = load_problems("unknown_primitive.yaml");
  ASSERT_EQ(problems.size(), 2u);
  const std::string& first = problems[0];
  const std::string& second = problems[1];
  EXPECT_NE(first.find("unknown_primitive.yaml:8:13: 'regime.indicators[0].kind' names unknown "
                       "indicator primitive 'job_entri'; known: " + core::join_words(primitive_names())),
            std::string::npos) << first;
  EXPECT_NE(first.find("(did you mean 'job_entry'?)"), std::string::npos) << first;
  EXPECT_NE(second.find("unknown_primitive.yaml:10:16:"), std::string::npos) << second;
  EXPECT_NE(second.find("unknown customer group 'jsa_25_pls'; known: jsa_25_plus"), std::string::npos) << second;
}

TEST(CompileRegime, StarsWithoutRelativeAreLocatedAndNameTheKey) {
  const std::string problem = only_problem("stars_without_relative.yaml");
  EXPECT_NE(problem.find("stars_without_relative.yaml:9:12: 'regime.pressure.stars' needs "
                         "'regime.pressure.relative: true'"),
            std::string::npos) << problem;
}

TEST(CompileRegime, ARatchetWithoutATargetYearIsLocatedAndNamesTheKey) {
  const std::string problem = only_problem("ratchet_without_year.yaml");
  EXPECT_NE(problem.find("ratchet_without_year.yaml:9:14: 'regime.pressure.ratchet' moves next year's target, "
                         "so it needs 'regime.pressure.target_year_weeks' above 0"),
            std::string::npos) << problem;
}

TEST(CompileRegime, StarsNeedExactlyFivePressures) {
  const std::string problem = only_problem("four_stars.yaml");
  EXPECT_NE(problem.find("four_stars.yaml:11:12: 'regime.pressure.stars' must list five pressures, "
                         "for 1 to 5 stars; got 4"),
            std::string::npos) << problem;
}

TEST(CompileRegime, EveryPresetCompiles) {
  for (const char* preset : {"jet", "jot", "offflow", "pbr-flat", "pbr-differential", "process-targets",
                             "benchmark", "pbr-providers-flat", "pbr-providers-differential", "denmark", "norway-ips",
                             "uk-cascade"}) {
    const std::string path = std::string(CASELOAD_SOURCE_DIR) + "/scenarios/regimes/" + preset + ".yaml";
    EXPECT_NO_THROW(io::load_runnable(path, {})) << preset;
  }
}

TEST(CompileRegime, MissingRegimeIsNeutral) {
  model::Scenario scenario;
  scenario.groups.push_back(model::CustomerGroup{});
  core::Diagnostics problems;
  const auto factory = compile_regime(scenario, problems);
  EXPECT_TRUE(problems.empty());
  const auto regime = factory(scenario);
  EXPECT_NE(dynamic_cast<model::NeutralRegime*>(regime.get()), nullptr);
}

// A scenario of one group whose regime has one off_flow indicator paying 5 points.
model::Scenario scenario_with_off_flow() { return testing::scenario_with_indicator("off_flow", {{"points", "5"}}); }

TEST(DescribeRegime, RecordsEachIndicatorsPrimitiveAndSettings) {
  core::Diagnostics problems;
  const RegimeDescription description = describe_regime(scenario_with_off_flow(), problems);
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(description.indicators.size(), 1u);
  EXPECT_EQ(description.indicators[0].primitive, find_primitive("off_flow"));
  EXPECT_NE(description.indicators[0].settings, nullptr);
}

// The regime's YAML is read once, at load: the factory builds every variant from that reading,
// so it works after the scenario it was compiled from (and its config tree) is gone, for a
// scenario that has no regime map at all (reading that would give the neutral regime).
TEST(CompileRegime, FactoryBuildsFromTheDescriptionNotTheConfigTree) {
  model::RegimeFactory factory;
  {
    const model::Scenario loaded = scenario_with_off_flow();
    core::Diagnostics problems;
    factory = compile_regime(loaded, problems);
    ASSERT_TRUE(problems.empty());
  }
  model::Scenario variant;
  variant.groups.push_back(model::CustomerGroup{"all"});
  ASSERT_TRUE(variant.regime.is_null());
  for (const char* name : {"treatment", "counterfactual"}) {
    const auto regime = factory(variant);
    EXPECT_NE(dynamic_cast<IndicatorSetRegime*>(regime.get()), nullptr) << name;
  }
}

TEST(PrimitiveNames, ListsTheTableInOrder) {
  std::vector<std::string> kinds;
  for (const auto& p : primitive_table()) kinds.emplace_back(p.kind);
  EXPECT_EQ(primitive_names(), kinds);
}

}  // namespace
}  // namespace caseload::regimes
