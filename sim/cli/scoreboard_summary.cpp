#include "sim/cli/scoreboard_summary.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "sim/regimes/organisation.hpp"

namespace caseload::cli {

namespace {

// Height of a unit level (model::unit_level_names' order) in the management hierarchy.
int level_rank(double level) {
  const auto index = static_cast<std::size_t>(level);
  return index < regimes::level_names.size() ? regimes::rank(static_cast<regimes::Level>(index)) : 0;
}

}  // namespace

std::vector<ScoreboardQuarter> scoreboard_by_quarter(const io::ScoreboardColumns& board) {
  const std::size_t indicators = std::max<std::size_t>(board.indicators.size(), 1);
  // A cascade scores every level; its units are those of the lowest (what advisers feel),
  // so higher levels, which add the same credit up again, are left out here.
  int lowest = std::numeric_limits<int>::max();
  for (const double level : board.level) lowest = std::min(lowest, level_rank(level));
  std::map<int, ScoreboardQuarter> quarters;
  for (std::size_t row = 0; row < board.week.size(); ++row) {
    if (level_rank(board.level[row]) != lowest) continue;
    const int quarter = static_cast<int>(board.week[row]) / scoreboard_quarter_weeks;
    ScoreboardQuarter& q = quarters[quarter];
    q.first_week = quarter * scoreboard_quarter_weeks;
    q.mean_credit.resize(indicators, 0.0);
    const auto indicator = static_cast<std::size_t>(board.indicator[row]);
    if (indicator < indicators) q.mean_credit[indicator] += board.credit[row];
    // Pressure and stars repeat on each of a unit's indicator rows: count them once.
    if (indicator != 0) continue;
    q.unit_weeks += 1.0;
    if (board.pressure[row] > 1.0) q.under_pressure_share += 1.0;
    const auto stars = static_cast<int>(board.stars[row]);
    if (stars >= 1 && stars <= 5) q.stars_share[static_cast<std::size_t>(stars - 1)] += 1.0;
  }
  std::vector<ScoreboardQuarter> out;
  for (auto& [quarter, q] : quarters) {
    if (q.unit_weeks > 0.0) {
      for (double& credit : q.mean_credit) credit /= q.unit_weeks;
      q.under_pressure_share /= q.unit_weeks;
      for (double& share : q.stars_share) share /= q.unit_weeks;
    }
    out.push_back(q);
  }
  return out;
}

std::string format_scoreboard(const io::ScoreboardColumns& board) {
  if (board.week.empty()) return "    scoreboard: no rows (the regime counts nothing)\n";
  const auto quarters = scoreboard_by_quarter(board);
  const bool rated = std::any_of(board.stars.begin(), board.stars.end(), [](double s) { return s > 0.0; });
  std::string text = "    scoreboard by quarter: mean credit per unit-week by indicator, share of units under pressure";
  text += rated ? ", share at 1-5 stars\n" : "\n";
  text += fmt::format("      {:>9}", "weeks");
  for (const auto& name : board.indicators) text += fmt::format("  {:>14}", name);
  text += fmt::format("  {:>8}", "pressure");
  if (rated) text += "  stars 1 / 2 / 3 / 4 / 5";
  text += '\n';
  for (const auto& q : quarters) {
    text += fmt::format("      {:>9}", fmt::format("{}-{}", q.first_week, q.first_week + scoreboard_quarter_weeks - 1));
    for (const double credit : q.mean_credit) text += fmt::format("  {:>14.3f}", credit);
    text += fmt::format("  {:>7.0f}%", 100.0 * q.under_pressure_share);
    if (rated) {
      text += " ";
      for (const double share : q.stars_share) text += fmt::format(" {:>3.0f}%", 100.0 * share);
    }
    text += '\n';
  }
  return text;
}

}  // namespace caseload::cli
