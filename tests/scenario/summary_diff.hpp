#pragma once
// Golden summaries compared figure by figure, each at a stated tolerance, and their
// differences printed as a table a reviewer can read: only the rows that differ, plus the
// names added or removed.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace caseload::testing {

/// One figure of a summary as written: "events" and "142446", "off_benefit_13w" and "0.59...".
struct SummaryFigure {
  std::string name;
  std::string value;
};

/// The figures of a summary text, in order: the header line "scenario NAME seed N events N"
/// gives scenario, seed and events; every other line is "name value".
std::vector<SummaryFigure> parse_summary(std::string_view text);

/// Values agree when |new - stored| <= max(absolute, relative * max(|stored|, |new|)).
struct Tolerance {
  double absolute = 0.0;
  double relative = 0.0;
  std::string_view why;  ///< printed under a table that uses this tolerance
};

using ToleranceFor = std::function<Tolerance(std::string_view name)>;

/// Whether one figure agrees. Numbers agree within `tolerance` (NaN agrees only with NaN); a
/// value that is not a number (the scenario name) must match exactly.
bool figures_agree(std::string_view stored, std::string_view fresh, const Tolerance& tolerance);

/// Empty when both summaries hold the same names and every figure agrees; otherwise a table
/// of the figures that differ (metric, stored, new, difference, tolerance), the reasons for
/// the tolerances used, and the names added or removed.
std::string summary_differences(std::string_view stored, std::string_view fresh,
                                const ToleranceFor& tolerance_for);

}  // namespace caseload::testing
