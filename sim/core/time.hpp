#pragma once
// Simulation time is continuous and measured in days since the start of a run.

namespace caseload::core {

using Days = double;

inline constexpr Days days_per_week = 7.0;

constexpr Days weeks(double count) { return count * days_per_week; }

}  // namespace caseload::core
