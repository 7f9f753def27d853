#pragma once
// A run's summary as golden text, and the check of it against tests/scenario/golden/<name>.txt
// (or its regeneration, locally, with CASELOAD_REGENERATE_GOLDEN=1): shared by the shortened
// runs of every shipped scenario (golden_test.cpp) and the full national-10k run
// (national_test.cpp).

#include <string>
#include <string_view>

#include "sim/experiment/single_run.hpp"
#include "tests/scenario/summary_diff.hpp"

namespace caseload::testing {

/// How far a figure of the summary may move: counts not at all, real figures by rounding only.
Tolerance golden_tolerance_for(std::string_view name);

/// The summary, values to 17 significant digits so a stored figure reads back as the same double.
std::string golden_summary_text(const std::string& scenario_name, std::uint64_t seed,
                                const experiment::SingleRun& run);

/// Compares `text` with the golden file `name` (a scenario path, '/' read as '_'), or
/// regenerates it: adds a failure or skips the test, as a golden test does.
void check_golden(const std::string& name, const std::string& text);

}  // namespace caseload::testing
