#pragma once
// The population present at t = 0, from each group's own dynamics: people arrive at the
// group's inflow rate over the years before the run and live through claims, jobs and
// re-claims under the no-help dynamics (own search, exits, separations, recycling); those
// still in the system at t = 0 are the initial stock. Deterministic from the seed alone.

#include <cstdint>
#include <vector>

#include "sim/model/jobseeker_table.hpp"
#include "sim/model/scenario.hpp"

namespace caseload::model {

/// Where a pre-run person stands at t = 0.
enum class StartState : std::uint8_t { Claiming, Employed, Waiting };

struct PresentPerson {
  NewJobseeker init;         ///< benefit_weeks_before includes all claims ended before t = 0
  StartState state = StartState::Claiming;
  double claim_start = 0.0;  ///< Claiming: day the open claim began (< 0)
  double next_review = 0.0;  ///< Claiming: first review at or after t = 0
  double job_start = 0.0;    ///< Employed: day the job began (< 0)
  double job_end = 0.0;      ///< Employed: day it ends (>= 0)
  float job_quality = 0.0f;  ///< Employed
  double reclaim = 0.0;      ///< Waiting: day the new claim begins (>= 0)
};

/// Open vacancies per office the pre-pass assumes, from the employers' arrival and closing
/// rates alone (claimants' fills ignored: the warm-up absorbs the difference).
double expected_open_vacancies(const EmployerModel& employers);

/// The people of one inflow source (office, group) present at t = 0, in arrival order.
std::vector<PresentPerson> steady_state_people(const Scenario& scenario, GroupId group, OfficeId office,
                                               std::uint32_t source, double inflow_per_week);

}  // namespace caseload::model
