#include "sim/experiment/stress_summary.hpp"

#include <cmath>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace caseload::experiment {

namespace {

const ResultColumn& column(const ResultTable& table, std::string_view name) {
  for (const ResultColumn& candidate : table.columns) {
    if (candidate.name == name) return candidate;
  }
  throw std::logic_error(fmt::format("stress table has no column '{}'", name));
}

double number(const ResultTable& table, std::string_view name, std::size_t row) {
  return std::get<std::vector<double>>(column(table, name).values)[row];
}

std::string figure(double value) { return std::isnan(value) ? "-" : fmt::format("{:.2f}", value); }

// "12.30 [11.90, 12.70]", or the value alone without an interval.
std::string with_interval(const ResultTable& table, std::string_view name, std::size_t row) {
  const double lower = number(table, fmt::format("{}_lower", name), row);
  const double upper = number(table, fmt::format("{}_upper", name), row);
  if (std::isnan(lower) || std::isnan(upper)) return figure(number(table, name, row));
  return fmt::format("{} [{}, {}]", figure(number(table, name, row)), figure(lower), figure(upper));
}

}  // namespace

std::string format_stress_summary(const ResultTable& stress, std::size_t max_rows) {
  const auto& mixes = std::get<std::vector<std::string>>(column(stress, "mix").values);
  std::string text = fmt::format("{:<8} {:>8}  {:<22} {:<22} {:>7} {:>9} {:>9} {:>7} {:>7} {:>7}\n",
                                 "mix", "w_target", "measured [95% CI]", "net impact [95% CI]",
                                 "gain", "selection", "displaced", "real", "gaming", "parked");
  const std::size_t rows = stress.row_count();
  const std::size_t shown = max_rows == 0 ? rows : std::min(rows, max_rows);
  for (std::size_t r = 0; r < shown; ++r) {
    text += fmt::format("{:<8} {:>8}  {:<22} {:<22} {:>7} {:>9} {:>9} {:>7} {:>7} {:>7}\n", mixes[r],
                        number(stress, "w_target", r), with_interval(stress, "measured", r),
                        with_interval(stress, "net_impact", r),
                        figure(number(stress, "measured_gain", r)),
                        figure(number(stress, "selection", r)),
                        figure(number(stress, "displacement", r)), figure(number(stress, "real", r)),
                        figure(number(stress, "gaming_evidence", r)),
                        figure(number(stress, "change_parked_share", r)));
  }
  if (shown < rows) text += fmt::format("... {} more rows in stress.csv\n", rows - shown);
  text += "measured: regime credit per adviser-week; net impact: net employment weeks per person;\n"
          "gain = measured - measured at the first w_target, same mix = selection + displaced + "
          "real + gaming; parked: change in parked_share\n";
  return text;
}

}  // namespace caseload::experiment
