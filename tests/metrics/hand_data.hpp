#pragma once
// Variant results built row by row for the metrics' tests, so every expected figure can be
// worked out by hand.

#include <array>
#include <cstdint>
#include <string>

#include "sim/model/scenario.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics::hand {

/// A measured period of 52 weeks after 26 weeks of warm-up.
inline constexpr double measure_start = 26.0 * 7.0;
inline constexpr double end = 78.0 * 7.0;

inline model::VariantResult empty_variant(std::string name = "treatment") {
  model::VariantResult variant;
  variant.name = std::move(name);
  variant.measure_start = measure_start;
  variant.end = end;
  return variant;
}

/// A scenario with `groups` customer groups named g0, g1, ...
inline model::Scenario scenario_with_groups(std::size_t groups) {
  model::Scenario scenario;
  for (std::size_t g = 0; g < groups; ++g) {
    model::CustomerGroup group;
    group.name = "g" + std::to_string(g);
    scenario.groups.push_back(group);
  }
  return scenario;
}

struct Person {
  std::uint8_t group = 0;
  float employability = 0.0f;
  float motivation = 0.5f;
  std::uint16_t claim_weeks = 0;
  std::uint16_t parked_weeks = 0;
  float interview_minutes = 0.0f;  ///< the help, all as interview minutes unless split below
  std::array<float, model::action_count> other_minutes{};
  float employed_days = 0.0f;
  std::uint16_t entries = 0;
  std::uint16_t sustained_13 = 0;
  std::uint16_t sustained_26 = 0;
  std::uint32_t adviser = model::no_row;
};

inline std::uint32_t add(model::VariantResult& variant, const Person& person) {
  auto& table = variant.jobseekers;
  model::NewJobseeker init;
  init.group = static_cast<model::GroupId>(person.group);
  init.employability = person.employability;
  init.motivation = person.motivation;
  const auto row = model::index(table.add(init));
  table.claim_weeks[row] = person.claim_weeks;
  table.parked_weeks[row] = person.parked_weeks;
  table.help_minutes[row] = person.other_minutes;
  table.help_minutes[row][static_cast<std::size_t>(model::ActionKind::Interview)] +=
      person.interview_minutes;
  table.employed_days[row] = person.employed_days;
  table.entries[row] = person.entries;
  table.sustained_13[row] = person.sustained_13;
  table.sustained_26[row] = person.sustained_26;
  table.adviser[row] = static_cast<model::AdviserId>(person.adviser);
  return row;
}

/// Adds an adviser in `office` whom the regime credited with `measured`.
inline void add_adviser(model::VariantResult& variant, std::uint16_t office, double measured) {
  model::NewAdviser init;
  init.office = static_cast<model::OfficeId>(office);
  variant.advisers.add(init);
  variant.measured_by_adviser.push_back(measured);
}

}  // namespace caseload::metrics::hand
