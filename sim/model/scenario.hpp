#pragma once
// Everything a run needs, as plain data. io/config fills it from YAML and validates every
// value, so the model can trust it.

#include <cstdint>
#include <string>

namespace caseload::model {

struct RunSettings {
  std::uint64_t seed = 1;
  double weeks = 104.0;         ///< measured period, after warm-up
  double warmup_weeks = 52.0;   ///< simulated first, excluded from metrics
};

struct Scenario {
  std::string name;
  std::string description;
  RunSettings run;
};

}  // namespace caseload::model
