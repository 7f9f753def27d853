#pragma once
// The model's events (MODEL.md section 3). `subject` and `detail` of core::Event are read by
// kind as noted; a `spell` or `job` detail lets a handler drop an event made stale by a
// change of state (a review pending for a client who has since found work).

#include <cstdint>

namespace caseload::model {

enum class EventKind : std::uint32_t {
  Claim,          // subject: inflow source (office * groups + group)
  Reclaim,        // subject: jobseeker
  SignOn,         // subject: jobseeker, detail: spell
  Week,           // subject: week number; closes the last week and plans this one
  Action,         // subject: jobseeker or employer, detail: plan slot
  VacancyOpen,    // subject: employer
  VacancyClose,   // subject: vacancy
  Milestone,      // subject: jobseeker, detail: job * World::marks_per_job() + mark index
  Separation,     // subject: jobseeker, detail: job
  ProvisionEnd,   // subject: jobseeker, detail: spell
  SanctionEnd,    // subject: jobseeker, detail: spell
};

constexpr std::uint32_t code(EventKind kind) { return static_cast<std::uint32_t>(kind); }

}  // namespace caseload::model
