#pragma once
// The adviser's weekly plan (MODEL.md section 4, docs/ODD.md 4.2-4.5), in pieces a test can
// drive on a hand-built World: what the adviser sees of a client, the value-per-minute rule,
// and one adviser's greedy plan. plan_week (world.hpp) runs plan_adviser for every adviser.

#include <cstdint>

#include "sim/model/forecast.hpp"
#include "sim/model/ids.hpp"
#include "sim/model/planning_scratch.hpp"
#include "sim/model/regime.hpp"
#include "sim/model/world.hpp"

namespace caseload::model {

OfficeMarket read_market(const World& world, OfficeId office);

/// Lists, by adviser, the clients who started a job within in_work_support.within_weeks and
/// have had no in-work support in it (PlanningScratch::recent_entrants): once a week, before
/// plan_adviser, so planning reads a short list instead of every job.
void gather_recent_entrants(World& world);

/// The client as the adviser sees them: true state plus a per-person perception error whose
/// scale shrinks with the minutes the adviser has spent with the client this claim.
PerceivedClient perceive(const World& world, JobseekerId person, const OfficeMarket& market);

ForecastModel forecast_model(const Scenario& scenario);

/// Value per minute of a candidate, given the regime's reward for it:
/// (pressure * w_target * reward + w_client * need * gain - time and money cost) / minutes,
/// gain being the change in expected employment weeks (less sanction.harm for a sanction).
/// `money_cost_per_unit` is 0 when the regime's reward already nets the money off.
double score(const World& world, AdviserId adviser, const ClientPlan& plan,
             const ActionCandidate& candidate, double reward, double money_cost_per_unit);

/// Appends the adviser's actions for the week to world.staff.plan, in the order chosen: validation,
/// mandatory minimum-service interviews, then discretionary actions filled greedily by value
/// per minute within the adviser's minutes (and fund money), re-valuing a client's remaining
/// candidates after each action planned for them.
void plan_adviser(World& world, AdviserId adviser, const ForecastModel& model);
/// The same, given the office's market as read this week (plan_week reads each office's once).
void plan_adviser(World& world, AdviserId adviser, const ForecastModel& model, const OfficeMarket& market);

}  // namespace caseload::model
