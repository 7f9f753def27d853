#pragma once
// What a run reports to people and scripts: named headline figures, in a fixed order.

#include <cstdint>
#include <string>
#include <vector>

namespace caseload::model {

struct SummaryFigure {
  std::string name;         ///< snake_case, stable: scripts key on it
  double value = 0.0;
  std::string description;  ///< one line for people, with the unit
};

struct RunResult {
  std::string scenario_name;
  std::uint64_t seed = 0;
  std::uint64_t events_handled = 0;
  std::vector<SummaryFigure> summary;
};

}  // namespace caseload::model
