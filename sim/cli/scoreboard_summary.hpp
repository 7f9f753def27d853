#pragma once
// `caseload info`'s short scoreboard over time: the trace's scoreboard table folded into
// 13-week quarters, each a row of mean credit by indicator, pressure and stars.

#include <array>
#include <string>
#include <vector>

#include "sim/io/trace/trace_reader.hpp"

namespace caseload::cli {

inline constexpr int scoreboard_quarter_weeks = 13;

/// One quarter over every unit-week (a unit at one week's close) it holds.
struct ScoreboardQuarter {
  int first_week = 0;
  double unit_weeks = 0.0;
  std::vector<double> mean_credit;   ///< by indicator: credit per unit-week
  double under_pressure_share = 0.0; ///< unit-weeks with pressure above 1
  std::array<double, 5> stars_share{};  ///< unit-weeks at 1..5 stars (all 0 when unrated)
};

/// Quarters from week 0 in order; a quarter with no rows is left out.
std::vector<ScoreboardQuarter> scoreboard_by_quarter(const io::ScoreboardColumns& board);

/// A few lines per variant for `caseload info`; "no rows" under a neutral regime.
std::string format_scoreboard(const io::ScoreboardColumns& board);

}  // namespace caseload::cli
