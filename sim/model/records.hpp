#pragma once
// Logs a run keeps for calibration, metrics and traces: one row per claim spell, per job, and
// per (week, office, customer group) panel cell.

#include <array>
#include <vector>
#include <cstdint>

#include "sim/model/action.hpp"
#include "sim/model/ids.hpp"
#include "sim/model/jobseeker_table.hpp"

namespace caseload::model {

/// One claim, from its start to its end (end is +inf while still open at the end of the run).
struct SpellRecord {
  JobseekerId person{};
  GroupId group{};
  OfficeId office{};
  ExitReason reason = ExitReason::Work;
  bool is_reclaim = false;
  bool is_open = true;
  double start = 0.0;
  double end = 0.0;
};

/// One job, from hire to separation; reclaim is the day the next claim began (+inf if none).
struct JobRecord {
  JobseekerId person{};
  EmployerId employer{};
  GroupId group{};
  bool via_submission = false;
  float quality = 0.0f;
  double start = 0.0;
  double end = 0.0;
  double reclaim = 0.0;
  double days_since_help = 0.0;  ///< from the last qualifying help to the hire (+inf if none)
};

/// Counts for one (week, office, group) cell.
struct PanelCounts {
  std::uint32_t stock = 0;         ///< claiming at the end of the week
  std::uint32_t inflow = 0;        ///< new claims
  std::uint32_t reclaims = 0;      ///< of those, by people who claimed before
  std::array<std::uint32_t, 4> exits{};  ///< by ExitReason
  std::uint32_t entries_via_submission = 0;
  std::uint32_t sustained_13 = 0;
  std::uint32_t sustained_26 = 0;
  std::array<float, action_count> minutes{};
  std::uint32_t submissions = 0;
  std::uint32_t speculative_submissions = 0;
  std::uint32_t matched_submissions = 0;  ///< of submissions, matched (above median quality)
  std::uint32_t in_work_support = 0;      ///< in-work support actions for the cell's clients
  float office_goodwill = 0.0f;           ///< mean goodwill of the office's employers at week end
  std::uint32_t referrals = 0;
  std::uint32_t sanctions = 0;
  float fund_spend = 0.0f;
};

/// Each contracted provider's measured period by customer group, flat as provider * groups +
/// group: who was referred to it, how many of its clients' claiming weeks were parked, the
/// caseworker minutes and programme money its clients of the group took, and what the regime
/// paid for them (flat as (provider * (groups + 1) + group) * payment_kind_count + kind, where
/// group `groups` is credit with no client, such as employer contacts).
struct ProviderTally {
  std::vector<double> referrals;
  std::vector<double> client_weeks;
  std::vector<double> parked_weeks;
  std::vector<double> help_minutes;
  std::vector<double> programme_spend;
  std::vector<double> fees;
};

struct PanelRow {
  std::uint32_t week = 0;
  OfficeId office{};
  GroupId group{};
  PanelCounts counts;
};

}  // namespace caseload::model
