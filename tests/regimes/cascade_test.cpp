#include "sim/regimes/cascade.hpp"

#include <numeric>

#include <gtest/gtest.h>

#include "sim/regimes/benchmark_regression.hpp"
#include "sim/regimes/cascade_rule.hpp"
#include "tests/regimes/regime_data.hpp"

namespace caseload::regimes {
namespace {

using testing::load_problems;
using testing::only_problem;

TEST(SplitTarget, SharesFollowTheWeightsAndFallBackToEqualWithoutAny) {
  const std::vector<double> weights = {1.0, 3.0};
  EXPECT_EQ(split_target(40.0, weights), (std::vector<double>{10.0, 30.0}));
  const std::vector<double> none = {0.0, 0.0, 0.0, 0.0};
  EXPECT_EQ(split_target(40.0, none), (std::vector<double>{10.0, 10.0, 10.0, 10.0}));
}

TEST(ShortfallShare, IsTheMissingShareOfTheTargetAndZeroWithoutOne) {
  EXPECT_DOUBLE_EQ(shortfall_share(40.0, 30.0), 0.25);
  EXPECT_DOUBLE_EQ(shortfall_share(40.0, 50.0), 0.0);
  EXPECT_DOUBLE_EQ(shortfall_share(0.0, 5.0), 0.0);
}

TEST(PassDown, EvenGivesEveryUnitWhatTheManagerPasses) {
  const std::vector<double> shortfall = {0.2, 0.0, 0.5};
  EXPECT_EQ(pass_down(0.4, shortfall, Manager::Even), (std::vector<double>{0.4, 0.4, 0.4}));
}

TEST(PassDown, LowestPutsItOnTheUnitsBelowTargetByTheirShortfallAndKeepsTheTotal) {
  // Four units, two below target (shortfall 0.1 and 0.3): 4 × 0.5 = 2 shared 1 : 3.
  const std::vector<double> shortfall = {0.0, 0.1, 0.0, 0.3};
  const std::vector<double> received = pass_down(0.5, shortfall, Manager::Lowest);
  EXPECT_DOUBLE_EQ(received[0], 0.0);
  EXPECT_DOUBLE_EQ(received[1], 0.5);
  EXPECT_DOUBLE_EQ(received[3], 1.5);
  EXPECT_DOUBLE_EQ(std::accumulate(received.begin(), received.end(), 0.0), 2.0);
}

TEST(PassDown, OneUnitBehindTakesAtMostMaxFocusUnitsWorth) {
  const std::vector<double> shortfall = {0.0, 0.0, 0.0, 0.0, 0.0, 0.2};
  const std::vector<double> received = pass_down(1.0, shortfall, Manager::Lowest);
  EXPECT_DOUBLE_EQ(received[5], max_focus);
  EXPECT_DOUBLE_EQ(received[0], 0.0);
}

TEST(PassDown, WithNobodyBehindLowestIsEven) {
  const std::vector<double> shortfall = {0.0, 0.0, 0.0};
  EXPECT_EQ(pass_down(1.0, shortfall, Manager::Lowest), (std::vector<double>{1.0, 1.0, 1.0}));
}

TEST(LeastSquaresFit, RecoversALinearRelationExactly) {
  // y = 2 + 3 x, unequal weights: the fit is exact whatever the weights.
  const std::vector<double> x = {1, 0, 1, 1, 1, 2, 1, 4};
  const std::vector<double> y = {2, 5, 8, 14};
  const std::vector<double> w = {1, 2, 3, 4};
  const std::vector<double> fitted = least_squares_fit(x, 2, y, w);
  for (std::size_t i = 0; i < y.size(); ++i) EXPECT_NEAR(fitted[i], y[i], 1e-12);
}

TEST(LeastSquaresFit, AColumnThatExplainsNothingNewIsDroppedLeavingTheWeightedMean) {
  // The second column is constant (identical offices): the fit is the weighted mean of y.
  const std::vector<double> x = {1, 7, 1, 7, 1, 7};
  const std::vector<double> y = {1, 2, 6};
  const std::vector<double> w = {1, 1, 2};
  for (double v : least_squares_fit(x, 2, y, w)) EXPECT_NEAR(v, (1.0 + 2.0 + 12.0) / 4.0, 1e-12);
}

TEST(LeastSquaresFit, AUnitOfZeroWeightIsFittedButTakesNoPart) {
  const std::vector<double> x = {1, 0, 1, 1, 1, 2};
  const std::vector<double> y = {0, 1, 100};  // the outlier has no weight
  const std::vector<double> w = {1, 1, 0};
  const std::vector<double> fitted = least_squares_fit(x, 2, y, w);
  EXPECT_NEAR(fitted[2], 2.0, 1e-12);
}

// Two offices of two advisers each, one adviser per team.
model::Scenario two_offices() {
  model::Scenario scenario;
  scenario.groups.push_back(model::CustomerGroup{"all"});
  scenario.network.offices = 2;
  scenario.network.advisers_per_office = 2;
  scenario.network.advisers_per_team = 1;
  return scenario;
}

CascadeRule nation_office_adviser(Manager manager) {
  CascadeRule rule;
  rule.levels = {Level::Nation, Level::Office, Level::Adviser};
  rule.manager = manager;
  return rule;
}

// Advisers 0 and 1 (office 0) have met their share; 2 and 3 (office 1) have nothing. Target 1
// per adviser-week over 10 weeks: the nation's 40 is half met (shortfall 0.5).
const std::vector<double> credit = {10.0, 10.0, 0.0, 0.0};

TEST(Cascade, LowestPerformersGetTheManagersPressure) {
  Cascade cascade(two_offices(), nation_office_adviser(Manager::Lowest), 1.0);
  cascade.review(1.0, 10.0, credit, {});
  const auto& offices = cascade.tiers()[1];
  EXPECT_DOUBLE_EQ(offices.target[0], 20.0);
  EXPECT_DOUBLE_EQ(offices.target[1], 20.0);
  // The nation passes 0.5 per office; the one office below target takes both shares (1.0),
  // and its own shortfall (1.0) adds to it: 1 + 1 + 1 = 3. Office 0 met its target: nothing.
  EXPECT_DOUBLE_EQ(offices.pressure[0], 1.0);
  EXPECT_DOUBLE_EQ(offices.pressure[1], 3.0);
  // Office 1 passes 2.0 to two advisers equally far behind (2.0 each), who add their own 1.
  EXPECT_DOUBLE_EQ(cascade.pressure(model::AdviserId{0}), 1.0);
  EXPECT_DOUBLE_EQ(cascade.pressure(model::AdviserId{2}), 4.0);
  EXPECT_DOUBLE_EQ(cascade.tiers()[2].target[3], 10.0);
}

TEST(Cascade, EvenSpreadsTheSamePressureOverEveryUnit) {
  Cascade cascade(two_offices(), nation_office_adviser(Manager::Even), 1.0);
  cascade.review(1.0, 10.0, credit, {});
  EXPECT_DOUBLE_EQ(cascade.tiers()[1].pressure[0], 1.5);
  EXPECT_DOUBLE_EQ(cascade.tiers()[1].pressure[1], 2.5);
  EXPECT_DOUBLE_EQ(cascade.pressure(model::AdviserId{0}), 1.5);  // 0.5 passed on by a manager on target
  EXPECT_DOUBLE_EQ(cascade.pressure(model::AdviserId{3}), 3.5);  // 0.5 + 1 passed, + 1 own
}

TEST(Cascade, ACaseloadSplitFollowsEachUnitsWeight) {
  CascadeRule rule = nation_office_adviser(Manager::Even);
  rule.split = Split::Caseload;
  Cascade cascade(two_offices(), rule, 1.0);
  const std::vector<double> client_weeks = {30.0, 10.0, 0.0, 0.0};
  cascade.review(1.0, 10.0, credit, client_weeks);
  EXPECT_DOUBLE_EQ(cascade.tiers()[1].target[0], 40.0);  // all the caseload
  EXPECT_DOUBLE_EQ(cascade.tiers()[1].target[1], 0.0);
  EXPECT_DOUBLE_EQ(cascade.tiers()[2].target[0], 30.0);
}

TEST(Cascade, LocalTargetsScaleWhatIsSplitAndWhatIsPassedBelow) {
  CascadeRule rule = nation_office_adviser(Manager::Even);
  rule.local.enabled = true;
  rule.local.level = Level::Office;
  rule.local.ambition_mean = 0.5;  // every office sets half its share
  Cascade cascade(two_offices(), rule, 1.0);
  cascade.review(1.0, 10.0, credit, {});
  EXPECT_DOUBLE_EQ(cascade.tiers()[1].target[0], 10.0);
  EXPECT_DOUBLE_EQ(cascade.tiers()[1].ambition[0], 0.5);
  EXPECT_DOUBLE_EQ(cascade.tiers()[2].target[0], 5.0);  // advisers split the office's own target
  EXPECT_DOUBLE_EQ(cascade.tiers()[1].pressure[0], 1.5);  // met its own target; the nation's 0.5 remains
}

TEST(Cascade, DrawnAmbitionsDifferByUnitRespectTheFloorAndRepeat) {
  model::Scenario scenario = two_offices();
  scenario.network.offices = 20;
  CascadeRule rule = nation_office_adviser(Manager::Even);
  rule.local = {true, Level::Office, 1.0, 0.5, 0.7, 3};
  const Cascade first(scenario, rule, 1.0);
  const Cascade again(scenario, rule, 1.0);
  const auto& ambition = first.tiers()[1].ambition;
  EXPECT_EQ(ambition, again.tiers()[1].ambition);
  EXPECT_GE(*std::min_element(ambition.begin(), ambition.end()), 0.7);
  EXPECT_GT(*std::max_element(ambition.begin(), ambition.end()), 1.2);  // lognormal(0.5): some far above 1
}

TEST(ReadCascade, AnUnknownLevelIsLocatedAndSuggestsTheNearest) {
  const std::string problem = only_problem("cascade_unknown_level.yaml");
  EXPECT_NE(problem.find("cascade_unknown_level.yaml:12:15: 'regime.pressure.cascade.levels' names unknown level "
                         "'ofice'"),
            std::string::npos) << problem;
  EXPECT_NE(problem.find("(did you mean 'office'?)"), std::string::npos) << problem;
}

TEST(ReadCascade, ADistrictTheNetworkDoesNotHaveIsAnError) {
  const std::string problem = only_problem("cascade_no_districts.yaml");
  EXPECT_NE(problem.find("cascade_no_districts.yaml:12:15: 'regime.pressure.cascade.levels' names district, but the "
                         "network has no districts"),
            std::string::npos) << problem;
}

TEST(ReadCascade, SharesThatDoNotSumToOneAreAnError) {
  const std::string problem = only_problem("cascade_shares.yaml");
  EXPECT_NE(problem.find("cascade_shares.yaml:15:15: 'regime.pressure.cascade.shares' sums to 0.9, not 1"),
            std::string::npos) << problem;
}

TEST(ReadCascade, LevelsMustRunFromTheTopDownAndIncludeTheCreditLevel) {
  const auto problems = load_problems("cascade_order.yaml");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("'regime.pressure.cascade.levels' must run from the top down: office is not below adviser"),
            std::string::npos) << problems[0];
  const std::string missing = only_problem("cascade_without_credit_level.yaml");
  EXPECT_NE(missing.find("'regime.pressure.cascade.levels' must include the regime's level (team)"), std::string::npos)
      << missing;
}

}  // namespace
}  // namespace caseload::regimes
