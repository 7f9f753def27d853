#pragma once
// Working memory for the adviser's weekly plan, kept in the World and reused every week so
// planning allocates nothing in steady state.

#include <cstdint>
#include <vector>

#include "sim/model/forecast.hpp"
#include "sim/model/ids.hpp"
#include "sim/model/regime.hpp"

namespace caseload::model {

/// One client in the plan being built: what the adviser sees, and what is planned so far.
struct ClientPlan {
  JobseekerId client{};
  PerceivedClient perceived;
  Forecast base;                 ///< projection of `perceived` with no further action
  double claim_weeks = 0.0;
  double days_since_help = 0.0;
  double need = 1.0;
  std::uint32_t version = 0;     ///< bumped when an action is planned for the client
  std::uint8_t planned_mask = 0; ///< bit per ActionKind already planned this week
  std::uint8_t submissions = 0;
};

/// A candidate in the greedy queue, ranked by value per minute.
struct RankedCandidate {
  double score = 0.0;
  std::uint32_t candidate = 0;   ///< index into PlanningScratch::candidates
  std::uint32_t version = 0;     ///< client version the score was computed at
};

struct PlanningScratch {
  std::vector<ClientPlan> clients;
  std::vector<std::uint32_t> candidate_client;  ///< index into clients, by candidate
  std::vector<ActionCandidate> candidates;
  std::vector<double> rewards;
  std::vector<RankedCandidate> queue;
  std::vector<JobseekerId> mandatory;  ///< clients given a minimum-service interview, in caseload order
};

}  // namespace caseload::model
