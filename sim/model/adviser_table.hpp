#pragma once
// All advisers, one column per attribute, and each adviser's caseload as a list of client ids
// (a client's slot in the list is kept on the jobseeker row, so removal is O(1)).

#include <array>
#include <cstdint>
#include <vector>

#include "sim/model/action.hpp"
#include "sim/model/ids.hpp"

namespace caseload::model {

struct NewAdviser {
  OfficeId office{};
  std::uint16_t team = 0;
  double w_client = 0.5;       ///< public-service motivation
  double effectiveness = 1.0;  ///< multiplies what an interview does
  bool is_provider = false;    ///< a contracted provider's caseworker, not a jobcentre adviser
  std::uint32_t provider = 0;  ///< office * providers per office + provider, if is_provider
};

/// Minutes an adviser spent in one week, by use.
struct AdviserWeek {
  double review_minutes = 0.0;  ///< attended mandatory reviews
  std::array<double, action_count> action_minutes{};
  double budget_minutes = 0.0;  ///< discretionary minutes available
  double fund_spend = 0.0;      ///< discretion fund (a provider's programme budget) spent
};

struct AdviserTable {
  std::vector<OfficeId> office;
  std::vector<std::uint16_t> team;
  std::vector<double> w_client;
  std::vector<double> effectiveness;
  std::vector<std::uint8_t> is_provider;
  std::vector<std::uint32_t> provider;
  std::vector<double> fund_spent;         ///< in the current 52-week budget year
  std::vector<std::vector<JobseekerId>> caseload;
  std::vector<AdviserWeek> this_week;
  // Totals over the measured period.
  std::vector<AdviserWeek> measured;
  std::vector<double> measured_weeks;
  std::vector<double> measured_caseload;  ///< caseload size summed over measured week ends

  AdviserId add(const NewAdviser& init);
  std::uint32_t size() const { return static_cast<std::uint32_t>(office.size()); }
};

}  // namespace caseload::model
