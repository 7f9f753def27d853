#pragma once
// The named random streams of the model. A stream is (seed, entity kind, entity id, purpose,
// occasion); the occasion numbers repeated uses by the entity's own counters (its k-th review,
// its n-th job), never by global order, so a treatment run and its counterfactual draw the
// same luck for the same person wherever their paths agree.

#include <cstdint>

#include "sim/core/random_stream.hpp"

namespace caseload::model {

enum class EntityKind : std::uint8_t { Jobseeker = 1, Adviser, Employer, InflowSource, Office, ManagedUnit };

enum class Purpose : std::uint32_t {
  Attributes = 1,    // drawn once at creation
  Perception,        // the fixed part of an adviser's misperception of a client
  OwnSearch,         // job-search success since the last review, by review number
  Inactivity,        // exit to non-work since the last review, by review number
  Attendance,        // missed reviews, by review number
  VacancyPick,       // which open vacancy own search finds, by review number
  EmployerView,      // the employer's view of a submitted candidate, by submission number
  Tenure,            // job length, by job number
  Recycle,           // whether a job that ends leads to a new claim, by job number
  SanctionReturn,    // whether a sanctioned client claims again, by sanction number
  Arrival,           // inflow of new claims, by arrival number
  VacancyArrival,    // an employer's vacancies, by vacancy number
  Notification,      // whether a vacancy is notified, by vacancy number
  ExternalFill,      // when the open market fills a vacancy, by vacancy number
  InitialStock,      // the stock present at the start
  MatchNoise,        // whether record matching finds an outcome (regimes), by day
  ProviderAllocation,  // which of the office's providers a referred person goes to
  Assignment,        // which adviser takes a claim under random assignment, by claim number
  AuditSample,       // whether a validation check samples a job-entry claim (regimes), by day
  LocalTarget,       // how ambitious a unit's own target is (regimes), by level
  TrialAssignment,   // whether a new claim in a trial's window joins the programme
};

inline core::RandomStream stream(std::uint64_t seed, EntityKind kind, std::uint32_t id,
                                  Purpose purpose, std::uint32_t occasion = 0) {
  return core::RandomStream(core::StreamKey{seed, static_cast<std::uint8_t>(kind), id,
                                            static_cast<std::uint32_t>(purpose), occasion});
}

}  // namespace caseload::model
