#include "sim/cli/comparison_report.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

namespace caseload::cli {

namespace {

constexpr std::size_t kColumns = 6;
using Row = std::array<std::string, kColumns>;

std::string number(double value) {
  if (std::isnan(value)) return "n/a";
  return fmt::format("{:.4g}", value);
}

Row row_of(const experiment::ComparisonRow& row, const std::vector<std::string>& arm_names) {
  if (row.arm == 0) {
    return {row.metric, arm_names[0], number(row.mean), "-", "-", fmt::format("{}", row.runs)};
  }
  const auto& difference = row.difference;
  const std::string interval = difference.interval
                                   ? fmt::format("[{}, {}]", number(difference.interval->lower),
                                                 number(difference.interval->upper))
                                   : "n/a";
  return {row.metric,       arm_names[row.arm],
          number(row.mean), number(difference.mean),
          interval,         fmt::format("{}", difference.pairs)};
}

}  // namespace

std::string format_comparison_text(const std::vector<experiment::ComparisonRow>& rows,
                                   const std::vector<std::string>& arm_names,
                                   const ComparisonHeading& heading) {
  std::string text = fmt::format(
      "comparison: {} arms, {} replication{} each, seed {} (common random numbers: replication r "
      "of every arm has the same seed)\n",
      arm_names.size(), heading.replications, heading.replications == 1 ? "" : "s", heading.seed);
  std::vector<Row> table;
  table.push_back(
      {"metric", "arm", "mean", fmt::format("diff vs {}", arm_names.front()), "95% CI", "n"});
  for (const auto& row : rows) {
    if (row.by == "all") table.push_back(row_of(row, arm_names));
  }
  std::array<std::size_t, kColumns> width{};
  for (const auto& row : table) {
    for (std::size_t c = 0; c < kColumns; ++c) width[c] = std::max(width[c], row[c].size());
  }
  std::string previous_metric;
  for (std::size_t r = 0; r < table.size(); ++r) {
    const Row& row = table[r];
    // A blank line between metrics, so each block of arms reads as one comparison.
    if (r > 1 && row[0] != previous_metric) text += '\n';
    previous_metric = row[0];
    text += fmt::format("{:<{}}  {:<{}}  {:>{}}  {:>{}}  {:<{}}  {:>{}}", row[0], width[0], row[1],
                        width[1], row[2], width[2], row[3], width[3], row[4], width[4], row[5],
                        width[5]);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    text += '\n';
  }
  return text;
}

}  // namespace caseload::cli
