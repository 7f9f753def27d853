#pragma once
// Regime test fixtures under tests/regimes/data/, and the problems loading one reports.

#include <string>
#include <vector>

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

}  // namespace caseload::regimes::testing
