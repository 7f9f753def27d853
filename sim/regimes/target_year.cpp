#include "sim/regimes/target_year.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace caseload::regimes {

YearStanding year_standing(double target, double credit, double weeks_done, double weeks_left) noexcept {
  const double shortfall = target - credit;
  if (shortfall <= 0.0) return {1.0, 0.0};
  if (weeks_left <= 0.0) return {0.0, 0.0};
  const double pace = weeks_done >= 1.0 ? credit / weeks_done : target / (weeks_done + weeks_left);
  const double mean = pace * weeks_left;
  const double sd = std::sqrt(std::max(mean, 1.0));
  const double z = (mean - shortfall) / sd;
  const double density = std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
  return {0.5 * std::erfc(-z / std::numbers::sqrt2), density / sd};
}

double ratchet_cost(double target, double credit, double weeks_done, double weeks_left, double ratchet) noexcept {
  if (ratchet <= 0.0) return 0.0;
  const double year = weeks_done + weeks_left;
  const double pace = weeks_done >= 1.0 ? credit / weeks_done : target / year;
  const double result = credit + pace * std::max(0.0, weeks_left);
  const double next_target = (1.0 - ratchet) * target + ratchet * result;
  const double mean = pace * year;
  const double sd = std::sqrt(std::max(mean, 1.0));
  const double z = (mean - next_target) / sd;
  return ratchet * std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi) / sd;
}

}  // namespace caseload::regimes
