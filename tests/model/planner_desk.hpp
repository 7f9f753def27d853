#pragma once
// One adviser at one office with a caseload placed by hand, so a test can drive plan_adviser
// directly: chosen clients, chosen vacancies, a chosen weekly budget, and a regime whose
// rewards the test picks and which records what the adviser asked it.

#include <functional>
#include <memory>
#include <ostream>
#include <utility>
#include <vector>

#include "sim/model/planning.hpp"
#include "sim/model/world.hpp"

namespace caseload::model {

// So that a failed expectation names clients and actions, not their bytes (found by ADL).
inline void PrintTo(JobseekerId client, std::ostream* out) { *out << "client " << index(client); }
inline void PrintTo(ActionKind action, std::ostream* out) { *out << name_of(action); }

}  // namespace caseload::model

namespace caseload::model::planner {

/// Pays what the test chooses for each candidate (0 unless told) and records every value()
/// call: the first batch of the week, then single candidates re-valued after an earlier
/// action on the same client.
class ChosenRewards final : public Regime {
 public:
  struct Call {
    ActionCandidate candidate;
    std::size_t batch_size = 0;
    double reward = 0.0;
  };

  std::function<double(const ActionCandidate&)> reward_of = [](const ActionCandidate&) {
    return 0.0;
  };
  double pressure_on_adviser = 1.0;
  double validation_owed = 0.0;
  // value() is const in the port; the log is the test's view, not the regime's state.
  mutable std::vector<Call> calls;

  double pressure(AdviserId) const override { return pressure_on_adviser; }
  void value(AdviserId, std::span<const ActionCandidate> candidates,
             std::span<double> reward) const override {
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      reward[i] = reward_of(candidates[i]);
      calls.push_back({candidates[i], candidates.size(), reward[i]});
    }
  }
  double value_employer_contact(AdviserId) const override { return 0.0; }
  double take_validation_minutes(AdviserId) override { return std::exchange(validation_owed, 0.0); }
  void record(const Outcome&) override {}
  void end_week(const RegimeView&, int) override {}
  double measured(AdviserId) const override { return 0.0; }
};

/// A scenario for one adviser with `budget_minutes` of discretionary time a week (no other
/// duties), no perception noise, and two customer groups ("first", "second").
inline Scenario desk_scenario(double budget_minutes, std::uint64_t seed = 1) {
  Scenario s;
  s.name = "planner";
  s.run.seed = seed;
  s.network.offices = 1;
  s.network.advisers_per_office = 1;
  s.network.advisers_per_team = 1;
  CustomerGroup first;
  first.name = "first";
  CustomerGroup second = first;
  second.name = "second";
  s.groups = {first, second};
  s.advisers.hours_per_week = budget_minutes / 60.0;
  s.advisers.other_duties_share = 0.0;
  s.advisers.perception_sd_employability = 0.0;
  s.advisers.perception_sd_motivation = 0.0;
  return s;
}

/// A client as placed on the desk. Claim weeks are counted back from day 0.
struct ClientSpec {
  double employability = 0.0;
  double motivation = 0.5;
  double claim_weeks = 4.0;
  GroupId group{};
  double perception_error = 0.0;  ///< z_e, standard normal units
  double minutes_known = 0.0;
  bool review_due = false;              ///< signs on this week
  double fund_used = 0.0;               ///< fund money in the current 52-week window
  double weeks_since_interview = -1.0;  ///< < 0: never interviewed
  double weeks_attached = -1.0;         ///< < 0: not attached to a provider
};

/// The desk: one office, one adviser (a provider caseworker when the scenario has providers),
/// ten open vacancies nobody notified (so the market has a tightness but no submissions).
class Desk {
 public:
  explicit Desk(Scenario scenario, double w_client = 0.0, Policy policy = {})
      : scenario_(std::move(scenario)) {
    auto regime = std::make_unique<ChosenRewards>();
    rewards_ = regime.get();
    world_ = std::make_unique<World>(scenario_, policy, std::move(regime));
    World& w = *world_;
    w.market.pools.resize(1);
    w.staff.office_advisers.resize(1);
    w.market.office_employers.resize(1);
    w.people.group_helped.assign(w.group_count(), 1);
    w.staff.action_enabled.fill(true);
    const bool provider = scenario_.providers.enabled();
    w.providers.fund_committed.assign(provider ? 1 : 0, 0.0);
    NewAdviser init;
    init.w_client = w_client;
    init.is_provider = provider;
    adviser_ = w.staff.advisers.add(init);
    if (!provider) w.staff.office_advisers[0].push_back(adviser_);
    if (provider) w.providers.caseworkers.assign(1, {adviser_});
    for (int v = 0; v < 10; ++v) add_vacancy(0.0f, false);
  }
  Desk(const Desk&) = delete;
  Desk& operator=(const Desk&) = delete;

  World& world() { return *world_; }
  ChosenRewards& regime() { return *rewards_; }
  AdviserId adviser() const { return adviser_; }

  void disable(ActionKind action) {
    world_->staff.action_enabled[static_cast<std::size_t>(action)] = false;
  }

  /// An open vacancy of a new employer with goodwill 0.5 and job `quality`.
  void add_vacancy(float threshold, bool notified, float quality = 0.5f) {
    World& w = *world_;
    const EmployerId employer = w.market.employers.add(OfficeId{}, quality, threshold, 0.5f,
                                                          w.scenario.employers.vacancies_per_week);
    const VacancyId vacancy = w.market.vacancies.add(employer, notified, false, 0.0);
    w.market.pools[0].add(vacancy, w.market.vacancies);
  }

  /// Places a client on the adviser's caseload exactly as specified.
  JobseekerId add_client(const ClientSpec& spec) {
    NewJobseeker init;
    init.group = spec.group;
    init.perception_employability = static_cast<float>(spec.perception_error);
    const JobseekerId person = world_->people.jobseekers.add(init);
    world_->records.open_spell.push_back(no_row);
    place(person, spec);
    return person;
  }

  /// Places a client whose perception errors come from the scenario seed's Perception stream
  /// (as in a run), with the true state of `spec`.
  JobseekerId add_drawn_client(const ClientSpec& spec) {
    const JobseekerId person = create_jobseeker(*world_, OfficeId{}, spec.group);
    place(person, spec);
    return person;
  }

  /// Runs the week's planning for the adviser and returns what it chose, in order.
  std::vector<PlannedAction> plan() {
    world_->staff.plan.clear();
    plan_adviser(*world_, adviser_, forecast_model(scenario_));
    return world_->staff.plan;
  }

 private:
  void place(JobseekerId person, const ClientSpec& spec) {
    World& w = *world_;
    auto& js = w.people.jobseekers;
    const auto row = index(person);
    const double now = w.now();
    js.employability[row] = static_cast<float>(spec.employability);
    js.motivation[row] = static_cast<float>(spec.motivation);
    js.state[row] = JobseekerState::Claiming;
    js.claim_start[row] = now - spec.claim_weeks * core::days_per_week;
    js.next_sign_on[row] = now + (spec.review_due ? 3.0 : 10.0);
    js.minutes_known[row] = static_cast<float>(spec.minutes_known);
    js.fund_used[row] = static_cast<float>(spec.fund_used);
    js.fund_window_start[row] = now - core::days_per_week;
    if (spec.weeks_since_interview >= 0.0) {
      js.matched_until[row] =
          now + (scenario_.actions.interview.match_weeks - spec.weeks_since_interview) *
                    core::days_per_week;
    }
    if (spec.weeks_attached >= 0.0) {
      js.attached_until[row] = static_cast<float>(
          now + (scenario_.providers.attachment_weeks - spec.weeks_attached) * core::days_per_week);
    }
    js.adviser[row] = adviser_;
    join_caseload(w, person);
  }

  Scenario scenario_;
  std::unique_ptr<World> world_;
  ChosenRewards* rewards_ = nullptr;
  AdviserId adviser_{};
};

/// The actions planned for `client`, in order.
inline std::vector<ActionKind> actions_for(const std::vector<PlannedAction>& plan,
                                           JobseekerId client) {
  std::vector<ActionKind> out;
  for (const PlannedAction& p : plan) {
    if (p.client == client) out.push_back(p.action);
  }
  return out;
}

inline double planned_minutes(const std::vector<PlannedAction>& plan) {
  double minutes = 0.0;
  for (const PlannedAction& p : plan) minutes += p.minutes;
  return minutes;
}

}  // namespace caseload::model::planner
