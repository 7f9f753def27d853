#pragma once
// Working memory for the adviser's weekly plan, kept in the World and reused every week so
// planning allocates nothing in steady state.

#include <cstdint>
#include <limits>
#include <vector>

#include "sim/model/forecast.hpp"
#include "sim/model/ids.hpp"
#include "sim/model/regime.hpp"

namespace caseload::model {

/// What an adviser reads of the office's vacancies this week.
struct OfficeMarket {
  /// The easiest notified open vacancy's threshold (infinite when none is notified).
  double best_threshold = std::numeric_limits<double>::infinity();
  double best_quality = 0.5;  ///< that vacancy's job quality
  /// The easiest notified open vacancy above the office's median quality, for a matched
  /// submission, and its job quality.
  double matched_threshold = std::numeric_limits<double>::infinity();
  double matched_quality = 0.5;
  std::uint32_t submission_slots = 0;  ///< this adviser's equal share of the office's submissions
  double tightness = 0.0;
  double mean_quality = 0.5;
};

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
  bool in_work = false;          ///< a recent entrant, planned for in-work support only
  /// The client as seen before this week's latest planned submission, and where it sits in
  /// the plan, so a quick submission can be upgraded to a matched one.
  PerceivedClient before_submission;
  std::uint32_t planned_submission = 0;
  PerceivedWorker worker;        ///< what the adviser sees of the job (in_work only)
  /// Parts of this client's projections already computed this week (a cache: forecasts are
  /// the same with or without it, so it may change under a const plan).
  mutable ProjectionMemo memo;
};

/// A candidate in the greedy queue, ranked by value per minute.
struct RankedCandidate {
  double score = 0.0;
  std::uint32_t candidate = 0;   ///< index into PlanningScratch::candidates
  std::uint32_t version = 0;     ///< client version the score was computed at
  /// An upgrade of the client's planned quick submission to its matched twin (`candidate`),
  /// ranked by extra value per extra minute; valid only at `version`.
  bool upgrade = false;
};

struct PlanningScratch {
  std::vector<OfficeMarket> markets;  ///< by office, read once a week by plan_week
  std::vector<ClientPlan> clients;
  std::vector<std::uint32_t> candidate_client;  ///< index into clients, by candidate
  std::vector<ActionCandidate> candidates;
  std::vector<double> rewards;
  std::vector<RankedCandidate> queue;
  std::vector<JobseekerId> mandatory;  ///< clients given a minimum-service interview, in caseload order
  /// Recent entrants by adviser, as offsets into recent_entrants (adviser a's run from
  /// recent_offsets[a] to recent_offsets[a + 1]); rebuilt each week by gather_recent_entrants.
  std::vector<JobseekerId> recent_entrants;
  std::vector<std::uint32_t> recent_offsets;
  std::vector<std::uint32_t> recent_next;  ///< fill positions while gathering
  /// By job record: 1 once the job has had in-work support (one spell of support per job).
  /// Not scratch in the strict sense: it outlives the week, so support is never repeated.
  std::vector<std::uint8_t> job_supported;
};

}  // namespace caseload::model
