#pragma once
// Regime test fixtures under tests/regimes/data/, and the problems loading one reports.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "sim/io/config/runnable_scenario.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::regimes::testing {

inline std::string regime_data(const std::string& name) {
  return std::string(CASELOAD_SOURCE_DIR) + "/tests/regimes/data/" + name;
}

/// Every problem loading the fixture reports, formatted as the CLI prints it; fails the test
/// if it loads.
inline std::vector<std::string> load_problems(const std::string& name) {
  return caseload::testing::problems_of([&] { io::load_runnable(regime_data(name), {}); });
}

/// The one problem loading the fixture reports; fails the test unless there is exactly one.
inline std::string only_problem(const std::string& name) {
  const auto problems = load_problems(name);
  EXPECT_EQ(problems.size(), 1u) << name;
  return problems.empty() ? "" : problems.front();
}

/// A scenario of one group, `all`, whose regime has one indicator of `kind` with `keys` (its
/// defaults otherwise).
inline model::Scenario scenario_with_indicator(std::string_view kind,
                                               const std::vector<std::pair<std::string, std::string>>& keys = {}) {
  const core::SourceLocation here{"test", 1, 1};
  model::Scenario scenario;
  scenario.groups.push_back(model::CustomerGroup{"all"});
  core::ConfigNode indicator = core::ConfigNode::map(here);
  indicator.set("kind", core::ConfigNode::scalar(std::string(kind), here), here);
  for (const auto& [key, value] : keys) indicator.set(key, core::ConfigNode::scalar(value, here), here);
  core::ConfigNode indicators = core::ConfigNode::sequence(here);
  indicators.append(std::move(indicator));
  scenario.regime = core::ConfigNode::map(here);
  scenario.regime.set("indicators", std::move(indicators), here);
  return scenario;
}

}  // namespace caseload::regimes::testing
