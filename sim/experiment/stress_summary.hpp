#pragma once
// The stress table as text for the terminal: one line per cell, measured performance and net
// impact with intervals, the measured gain and its channels; short enough for a memo.

#include <cstddef>
#include <string>

#include "sim/experiment/result_table.hpp"

namespace caseload::experiment {

/// A header, a line per row of `stress` (as stress_table makes it) and a line defining the
/// columns. `max_rows` > 0 prints at most that many rows and says how many more stress.csv
/// holds; 0 prints every row.
std::string format_stress_summary(const ResultTable& stress, std::size_t max_rows);

}  // namespace caseload::experiment
