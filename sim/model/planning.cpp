// The adviser's weekly plan (MODEL.md section 4): every (client, action) pair is valued at
//   V = pressure * w_target * dE[reward] + w_client * need * dE[client gain] - cost
// from the adviser's perceived view of the client, and the discretionary minutes are filled
// greedily by value per minute. A second action on a client is re-valued after the first
// one's effect (diminishing returns), so the budget spreads instead of piling onto one client.

#include "sim/model/planning.hpp"

#include <algorithm>
#include <cmath>

#include "sim/model/event_kind.hpp"
#include "sim/model/outcome_model.hpp"
#include "sim/model/provider_perception.hpp"

namespace caseload::model {

OfficeMarket read_market(const World& world, OfficeId office) {
  const auto& scenario = world.scenario;
  const VacancyPool& pool = world.market.pools[index(office)];
  OfficeMarket market;
  std::uint32_t notified = 0;
  const double median = world.median_quality[index(office)];
  for (VacancyId vacancy : pool.open()) {
    if (!world.market.vacancies.notified[index(vacancy)]) continue;
    ++notified;
    const auto employer = index(world.market.vacancies.employer[index(vacancy)]);
    const double threshold = world.market.employers.threshold[employer];
    const double quality = world.market.employers.quality[employer];
    // Strictly lower, as the submission itself chooses (actions.cpp), so plan and deed agree.
    if (threshold < market.best_threshold) {
      market.best_threshold = threshold;
      market.best_quality = quality;
    }
    if (quality > median && threshold < market.matched_threshold) {
      market.matched_threshold = threshold;
      market.matched_quality = quality;
    }
  }
  // The office's advisers and its providers' caseworkers share the candidates a vacancy takes.
  const auto per_office = static_cast<std::size_t>(scenario.providers.per_office);
  double advisers = static_cast<double>(world.staff.office_advisers[index(office)].size());
  for (std::size_t p = index(office) * per_office; p < (index(office) + 1) * per_office; ++p) {
    advisers += static_cast<double>(world.providers.caseworkers[p].size());
  }
  market.submission_slots = static_cast<std::uint32_t>(
      std::ceil(notified * scenario.actions.submission.candidates_per_vacancy / advisers));
  market.tightness = world.tightness(office);
  market.mean_quality = world.offices[index(office)].quality_mean();
  return market;
}

PerceivedClient perceive(const World& world, JobseekerId person, const OfficeMarket& market) {
  const auto& js = world.people.jobseekers;
  const auto& scenario = world.scenario;
  const auto& model = scenario.advisers;
  const auto row = index(person);
  const double now = world.now();
  PerceivedClient seen;
  if (is_provider(world.staff.advisers, js.adviser[row])) {
    // A provider sees the record and its own contact, not what the jobcentre knows.
    const ProviderJudgement judged = judge_client(world, person);
    seen.employability = judged.employability;
    seen.motivation = judged.motivation;
  } else {
    // Noise shrinks with the minutes the adviser has spent with the client this claim.
    const double sharpen = 1.0 / std::sqrt(1.0 + js.minutes_known[row] / model.perception_minutes_scale);
    seen.employability = world.employability_now(person) +
                         model.perception_sd_employability * sharpen * js.perception_employability[row];
    seen.motivation = std::clamp(js.motivation[row] + model.perception_sd_motivation * sharpen *
                                                          js.perception_motivation[row], 0.0, 1.0);
  }
  seen.boost = decayed_boost(scenario.search, js.boost[row], js.boost_time[row], now);
  seen.fund_weeks_left = std::max(0.0, js.fund_until[row] - now) / core::days_per_week;
  const auto& profile = scenario.groups[index(js.group[row])];
  seen.search_base = profile.search_base;
  seen.search_intercept_shift = profile.search_intercept_shift;
  seen.separation_multiplier = profile.separation_multiplier;
  seen.inactivity_per_week = profile.inactivity_per_week + profile.other_benefit_per_week;
  seen.tightness = market.tightness;
  seen.best_threshold = market.best_threshold;
  seen.best_quality = market.best_quality;
  seen.matched_threshold = market.matched_threshold;
  seen.matched_quality = market.matched_quality;
  seen.job_quality = market.mean_quality;
  seen.well_matched = js.matched_until[row] > now;
  return seen;
}

ForecastModel forecast_model(const Scenario& scenario) {
  return ForecastModel{&scenario.search, &scenario.employers, &scenario.jobs,
                       scenario.advisers.horizon_weeks, scenario.actions.discretion_fund.hire_bonus,
                       scenario.actions.referral.lock_in,
                       scenario.advisers.review_interval_days / core::days_per_week};
}

double score(const World& world, AdviserId adviser, const ClientPlan& plan,
             const ActionCandidate& candidate, double reward, double money_cost_per_unit) {
  const auto& model = world.scenario.advisers;
  double client_gain = candidate.after.employment_weeks - candidate.before.employment_weeks;
  if (candidate.action == ActionKind::Sanction) client_gain -= world.scenario.actions.sanction.harm;
  const double value = world.regime->pressure(adviser) * model.w_target * reward +
                       world.staff.advisers.w_client[index(adviser)] * plan.need * client_gain +
                       model.goodwill_value_per_unit * candidate.goodwill_change -
                       model.time_cost_per_minute * candidate.minutes -
                       money_cost_per_unit * candidate.money;
  return value / candidate.minutes;
}

namespace {

// Days of help a trial's programme gives from assignment, or -1 without a trial (World::may_help).
double programme_days(const World& world) {
  return world.scenario.trial.enabled ? world.scenario.trial.attachment_weeks * core::days_per_week : -1.0;
}

// The client as the adviser expects them to be after `action` (a matched submission if `matched`).
PerceivedClient apply(const Scenario& scenario, const ForecastModel& model, PerceivedClient client,
                      ActionKind action, bool matched = false) {
  const auto& actions = scenario.actions;
  switch (action) {
    case ActionKind::Interview:
      client.boost += actions.interview.boost;
      client.well_matched = true;
      break;
    case ActionKind::Submission: {
      const double hire = perceived_hire_chance(model, client, matched ? client.matched_threshold : client.best_threshold);
      const double quality = matched ? client.matched_quality : client.best_quality;
      const double earlier = client.pending_hire;
      client.pending_hire = 1.0 - (1.0 - earlier) * (1.0 - hire);
      // The hire's expected job quality: each submission's, weighted by its chance of being the hire.
      if (client.pending_hire > 0.0) {
        client.pending_quality = (earlier * client.pending_quality + (1.0 - earlier) * hire * quality) / client.pending_hire;
      }
      client.pending_matched = client.pending_matched || matched;
      break;
    }
    case ActionKind::Referral:
      client.lock_in_weeks = actions.referral.programme_weeks;
      client.gain_after_lock = actions.referral.training_gain;
      break;
    case ActionKind::DiscretionFund:
      client.fund_weeks_left = actions.discretion_fund.effect_weeks;
      break;
    default:
      break;
  }
  return client;
}

double action_minutes(const ActionCatalogue& actions, ActionKind action, bool matched = false) {
  return matched ? actions.submission.matched_minutes : minutes_of(actions, action);
}

// What a submission is expected to do to the employer's goodwill, as the adviser sees it: an
// unsuitable candidate who is not hired costs goodwill_unsuitable_loss; a hire wins
// goodwill_sustained_gain if the job lasts 13 weeks and loses goodwill_early_leaver_loss if not.
double expected_goodwill_change(const Scenario& scenario, const ForecastModel& model, const PerceivedClient& client,
                                bool matched) {
  const double threshold = matched ? client.matched_threshold : client.best_threshold;
  const double quality = matched ? client.matched_quality : client.best_quality;
  const auto& employers = scenario.employers;
  const double hire = perceived_hire_chance(model, client, threshold);
  const bool unsuitable = client.employability < threshold - employers.unsuitable_margin;
  const double hazard = separation_hazard_per_week(*model.jobs, client.separation_multiplier, quality,
                                                   client.employability, client.motivation,
                                                   client.well_matched || matched);
  const double lasts = std::exp(-13.0 * hazard);
  return -(1.0 - hire) * (unsuitable ? employers.goodwill_unsuitable_loss : 0.0) +
         hire * (lasts * employers.goodwill_sustained_gain - (1.0 - lasts) * employers.goodwill_early_leaver_loss);
}

// Fills the candidate's forecasts from the client's current planned state.
void forecast_candidate(const World& world, const ForecastModel& model, const ClientPlan& plan,
                        ActionCandidate& candidate) {
  if (candidate.action == ActionKind::InWorkSupport) {
    const auto& support = world.scenario.actions.in_work_support;
    PerceivedWorker helped = plan.worker;
    helped.hazard_factor = std::exp(-support.hazard_effect);
    helped.factor_weeks = support.effect_weeks;
    candidate.before = project_in_work(model, plan.worker);
    candidate.after = project_in_work(model, helped);
    return;
  }
  candidate.before = plan.base;
  if (candidate.action == ActionKind::Sanction) {
    candidate.after = Forecast{0.0, 1.0, 0.0, 0.0, 0.0};  // off benefit now, no job in view
  } else {
    candidate.after =
        project(model, apply(world.scenario, model, plan.perceived, candidate.action, candidate.matched), &plan.memo);
  }
  if (candidate.action == ActionKind::Submission) {
    candidate.goodwill_change = expected_goodwill_change(world.scenario, model, plan.perceived, candidate.matched);
  }
}

// What the adviser may still spend from the discretion fund this budget year: its own budget
// for a jobcentre adviser; for a caseworker, what its provider's programme budget has left
// after what its caseworkers have already planned to spend.
double fund_available(const World& world, AdviserId adviser) {
  const auto a = index(adviser);
  if (world.staff.advisers.is_provider[a]) {
    const auto provider = world.staff.advisers.provider[a];
    const double budget = world.scenario.providers.programme_budget_per_caseworker *
                          static_cast<double>(world.providers.caseworkers[provider].size());
    return budget - world.providers.fund_committed[provider];
  }
  return world.scenario.actions.discretion_fund.adviser_budget_per_year - world.staff.advisers.fund_spent[a];
}

bool is_allowed(const World& world, AdviserId adviser, const ClientPlan& plan, ActionKind action,
                const OfficeMarket& market, bool matched = false) {
  if (!world.staff.action_enabled[static_cast<std::size_t>(action)]) return false;
  if (plan.planned_mask & (1u << static_cast<unsigned>(ActionKind::Sanction))) return false;
  if (plan.planned_mask & (1u << static_cast<unsigned>(action))) {
    if (action != ActionKind::Submission) return false;
  }
  const auto& js = world.people.jobseekers;
  const auto row = index(plan.client);
  const auto& actions = world.scenario.actions;
  switch (action) {
    case ActionKind::Interview: return true;
    case ActionKind::Submission:
      return std::isfinite(matched ? market.matched_threshold : market.best_threshold) &&
             plan.submissions < actions.submission.max_per_client_per_week;
    case ActionKind::Referral:
      return plan.claim_weeks >= actions.referral.min_claim_weeks;
    case ActionKind::DiscretionFund: {
      const auto& fund = actions.discretion_fund;
      const auto& profile = world.scenario.groups[index(js.group[row])];
      const bool new_window = world.now() - js.fund_window_start[row] >= 52.0 * core::days_per_week;
      const double used = new_window ? 0.0 : js.fund_used[row];
      return plan.claim_weeks >= profile.discretion_fund_eligible_weeks &&
             plan.perceived.fund_weeks_left <= 0.0 && used + fund.amount <= fund.client_cap_per_year &&
             fund.amount <= fund_available(world, adviser);
    }
    case ActionKind::Sanction: return js.missed_review[row] != 0;
    case ActionKind::InWorkSupport: return plan.in_work;  // gathered as eligible this week
    default: return false;
  }
}

constexpr std::array<ActionKind, 5> client_actions = {
    ActionKind::Interview, ActionKind::Submission, ActionKind::Referral,
    ActionKind::DiscretionFund, ActionKind::Sanction};

void push_ranked(PlanningScratch& scratch, double value_per_minute, std::uint32_t candidate,
                 std::uint32_t version, bool upgrade = false) {
  if (!(value_per_minute > 0.0)) return;
  scratch.queue.push_back({value_per_minute, candidate, version, upgrade});
  std::push_heap(scratch.queue.begin(), scratch.queue.end(),
                 [](const RankedCandidate& a, const RankedCandidate& b) {
                   if (a.score != b.score) return a.score < b.score;
                   return a.candidate > b.candidate;  // earlier candidates first on ties
                 });
}

RankedCandidate pop_ranked(PlanningScratch& scratch) {
  std::pop_heap(scratch.queue.begin(), scratch.queue.end(),
                [](const RankedCandidate& a, const RankedCandidate& b) {
                  if (a.score != b.score) return a.score < b.score;
                  return a.candidate > b.candidate;
                });
  const RankedCandidate top = scratch.queue.back();
  scratch.queue.pop_back();
  return top;
}

// One candidate per recent entrant of this adviser (gather_recent_entrants): in-work support,
// valued by how it changes the job's prospects.
void add_in_work_candidates(World& world, AdviserId adviser, const ForecastModel& model, const OfficeMarket& market) {
  PlanningScratch& scratch = world.staff.scratch;
  if (scratch.recent_offsets.size() <= index(adviser) + 1) return;  // not gathered this week
  const auto& js = world.people.jobseekers;
  const double now = world.now();
  const double minutes = action_minutes(world.scenario.actions, ActionKind::InWorkSupport);
  const bool provider = world.staff.advisers.is_provider[index(adviser)] != 0;
  for (std::uint32_t i = scratch.recent_offsets[index(adviser)]; i < scratch.recent_offsets[index(adviser) + 1]; ++i) {
    const JobseekerId client = scratch.recent_entrants[i];
    const auto row = index(client);
    if (!world.people.may_help(row, programme_days(world), now)) continue;
    ClientPlan plan;
    plan.client = client;
    plan.in_work = true;
    const PerceivedClient seen = perceive(world, client, market);
    plan.worker.employability = seen.employability;
    plan.worker.motivation = seen.motivation;
    plan.worker.separation_multiplier = seen.separation_multiplier;
    plan.worker.job_quality = js.job_quality[row];
    plan.worker.weeks_in_job = (now - js.job_start[row]) / core::days_per_week;
    plan.days_since_help = now - js.last_help[row];
    plan.need = std::exp(-world.scenario.advisers.need_weight * seen.employability);
    ActionCandidate candidate;
    candidate.client = client;
    candidate.group = js.group[row];
    candidate.office = js.office[row];
    candidate.action = ActionKind::InWorkSupport;
    candidate.minutes = minutes;
    candidate.days_since_help = plan.days_since_help;
    candidate.attached = provider;
    forecast_candidate(world, model, plan, candidate);
    scratch.candidate_client.push_back(static_cast<std::uint32_t>(scratch.clients.size()));
    scratch.clients.push_back(plan);
    scratch.candidates.push_back(candidate);
  }
}

// Whether candidate i is a quick submission with its matched twin next to it.
bool is_quick_with_twin(const PlanningScratch& scratch, std::uint32_t i) {
  const auto& c = scratch.candidates;
  return c[i].action == ActionKind::Submission && !c[i].matched && i + 1 < c.size() &&
         c[i + 1].action == ActionKind::Submission && c[i + 1].matched && c[i + 1].client == c[i].client;
}

// A submission is speculative when the adviser sees little chance of a hire.
bool is_speculative(const World& world, const ForecastModel& model, const PerceivedClient& client, bool matched) {
  const double threshold = matched ? client.matched_threshold : client.best_threshold;
  return perceived_hire_chance(model, client, threshold) < world.scenario.actions.submission.speculative_below;
}

// The candidate's value per minute from the client's planned state now.
double value_now(const World& world, AdviserId adviser, const ForecastModel& model, const ClientPlan& plan,
                 ActionCandidate& candidate, double money_cost) {
  candidate.days_since_help = plan.days_since_help;
  forecast_candidate(world, model, plan, candidate);
  double reward = 0.0;
  world.regime->value(adviser, std::span<const ActionCandidate>(&candidate, 1), std::span<double>(&reward, 1));
  return score(world, adviser, plan, candidate, reward, money_cost);
}

// Turns the client's planned quick submission into the matched one, if nothing else was
// planned for the client since and the extra minutes fit; returns the minutes it took.
double upgrade_to_matched(World& world, const ForecastModel& model, ClientPlan& plan, const ActionCandidate& matched,
                          std::uint32_t version, double budget) {
  PlannedAction& planned = world.staff.plan[plan.planned_submission];
  const double extra = matched.minutes - planned.minutes;
  if (version != plan.version || extra > budget) return 0.0;
  planned.matched = true;
  planned.minutes = static_cast<float>(matched.minutes);
  planned.speculative = is_speculative(world, model, plan.before_submission, true);
  plan.perceived = apply(world.scenario, model, plan.before_submission, ActionKind::Submission, true);
  plan.base = project(model, plan.perceived, &plan.memo);
  ++plan.version;
  return extra;
}

}  // namespace

void plan_adviser(World& world, AdviserId adviser, const ForecastModel& model) {
  plan_adviser(world, adviser, model, read_market(world, world.staff.advisers.office[index(adviser)]));
}

void plan_adviser(World& world, AdviserId adviser, const ForecastModel& model, const OfficeMarket& market) {
  const auto& scenario = world.scenario;
  const auto& advisers = scenario.advisers;
  const double now = world.now();
  auto& week = world.staff.advisers.this_week[index(adviser)];
  const auto& caseload = world.staff.advisers.caseload[index(adviser)];

  const bool provider = world.staff.advisers.is_provider[index(adviser)] != 0;
  double reviews_due = 0.0;
  for (JobseekerId client : caseload) {
    if (provider) break;  // signing on stays with the jobcentre
    if (world.people.jobseekers.next_sign_on[index(client)] < now + core::days_per_week) {
      reviews_due += advisers.review_minutes;
    }
  }
  if (!world.providers.attached_reviews_due.empty()) {
    reviews_due += advisers.review_minutes * world.providers.attached_reviews_due[index(adviser)];
  }
  // Validation paperwork the regime asks for; a policy that switches validation off skips it.
  double validation = world.regime->take_validation_minutes(adviser);
  if (!world.staff.action_enabled[static_cast<std::size_t>(ActionKind::Validation)]) validation = 0.0;
  double budget = advisers.hours_per_week * 60.0 * (1.0 - advisers.other_duties_share) -
                  reviews_due - validation;
  week.budget_minutes = std::max(0.0, budget);
  if (validation > 0.0) {
    world.staff.plan.push_back(PlannedAction{static_cast<JobseekerId>(no_row), static_cast<EmployerId>(no_row),
                                              adviser, ActionKind::Validation, false,
                                              static_cast<float>(validation), 0.0f});
  }
  // Minimum service level: a client the provider has not interviewed for that long (since the
  // attachment began) gets a mandatory interview first. Mandatory, so the counterfactual has it too.
  PlanningScratch& scratch = world.staff.scratch;
  scratch.mandatory.clear();
  const double min_every = scenario.providers.min_interview_every_weeks;
  if (provider && min_every > 0.0) {
    const double interview_minutes = scenario.actions.interview.minutes;
    const double match_days = scenario.actions.interview.match_weeks * core::days_per_week;
    const double attachment_days = scenario.providers.attachment_weeks * core::days_per_week;
    for (JobseekerId client : caseload) {
      if (budget < interview_minutes) break;
      const auto row = index(client);
      // matched_until is set only by an interview, so it dates the last one.
      const double last_interview = world.people.jobseekers.matched_until[row] - match_days;
      const double attached_since = static_cast<double>(world.people.jobseekers.attached_until[row]) - attachment_days;
      const double since = std::max(last_interview, attached_since);
      if (now - since < min_every * core::days_per_week) continue;
      budget -= interview_minutes;
      scratch.mandatory.push_back(client);
      world.staff.plan.push_back(PlannedAction{client, static_cast<EmployerId>(no_row), adviser, ActionKind::Interview,
                                         false, static_cast<float>(interview_minutes), 0.0f});
    }
  }
  if (!world.policy.discretionary_help || budget <= 0.0) return;
  // Under a trial the programme's clients get the help universal service would give them: the
  // share of the adviser's discretionary time that they are of its caseload [A]. So a client's
  // help does not depend on how many others joined, and a trial and its rollout differ only in
  // what their clients take from each other in the market.
  if (scenario.trial.enabled) {
    std::size_t in_programme = 0;
    for (JobseekerId client : caseload) {
      if (world.people.may_help(index(client), programme_days(world), now)) ++in_programme;
    }
    budget *= caseload.empty() ? 0.0 : static_cast<double>(in_programme) / static_cast<double>(caseload.size());
    if (budget <= 0.0) return;
  }

  scratch.clients.clear();
  scratch.candidates.clear();
  scratch.candidate_client.clear();
  scratch.queue.clear();

  std::size_t next_mandatory = 0;
  for (JobseekerId client : caseload) {
    const auto row = index(client);
    if (!world.people.may_help(row, programme_days(world), world.now())) {
      if (next_mandatory < scratch.mandatory.size() && scratch.mandatory[next_mandatory] == client) ++next_mandatory;
      continue;
    }
    // Built in place: a plan (with its memo) is a kilobyte, too much to copy per client.
    const auto client_index = static_cast<std::uint32_t>(scratch.clients.size());
    ClientPlan& plan = scratch.clients.emplace_back();
    plan.client = client;
    plan.perceived = perceive(world, client, market);
    plan.claim_weeks = (now - world.people.jobseekers.claim_start[row]) / core::days_per_week;
    plan.days_since_help = now - world.people.jobseekers.last_help[row];
    // A client with a minimum-service interview this week is planned from after it, and gets
    // no second one (mandatory clients come in caseload order, as here).
    if (next_mandatory < scratch.mandatory.size() && scratch.mandatory[next_mandatory] == client) {
      ++next_mandatory;
      plan.perceived = apply(scenario, model, plan.perceived, ActionKind::Interview);
      plan.planned_mask = static_cast<std::uint8_t>(1u << static_cast<unsigned>(ActionKind::Interview));
      plan.days_since_help = 0.0;
    }
    plan.base = project(model, plan.perceived, &plan.memo);  // shared by all of the client's candidates
    // Need rises with perceived distance from work: on the logit scale of employability, each
    // unit further from work multiplies the weight by exp(need_weight).
    plan.need = std::exp(-advisers.need_weight * plan.perceived.employability);
    for (ActionKind action : client_actions) {
      // A submission comes in two variants, quick and matched, each valued on its own.
      for (const bool matched : {false, true}) {
        if (matched && action != ActionKind::Submission) break;
        if (!is_allowed(world, adviser, plan, action, market, matched)) continue;
        ActionCandidate& candidate = scratch.candidates.emplace_back();
        candidate.client = client;
        candidate.group = world.people.jobseekers.group[row];
        candidate.office = world.people.jobseekers.office[row];
        candidate.action = action;
        candidate.matched = matched;
        candidate.minutes = action_minutes(scenario.actions, action, matched);
        candidate.money = action == ActionKind::DiscretionFund ? scenario.actions.discretion_fund.amount : 0.0;
        candidate.claim_weeks = plan.claim_weeks;
        candidate.days_since_help = plan.days_since_help;
        candidate.attached = provider;
        forecast_candidate(world, model, plan, candidate);
        scratch.candidate_client.push_back(client_index);
      }
    }
  }
  add_in_work_candidates(world, adviser, model, market);
  scratch.rewards.assign(scratch.candidates.size(), 0.0);
  world.regime->value(adviser, scratch.candidates, scratch.rewards);
  const double money_cost = world.regime->nets_money_cost(adviser) ? 0.0 : advisers.money_cost_per_unit;
  for (std::uint32_t i = 0; i < scratch.candidates.size(); ++i) {
    const ClientPlan& plan = scratch.clients[scratch.candidate_client[i]];
    push_ranked(scratch, score(world, adviser, plan, scratch.candidates[i], scratch.rewards[i], money_cost), i, 0);
  }

  // Employer contacts: not tied to a client; worth the same each, up to a weekly cap.
  const auto& contact = scenario.actions.employer_contact;
  int contacts_left = world.staff.action_enabled[static_cast<std::size_t>(ActionKind::EmployerContact)]
                          ? contact.max_per_week : 0;
  const double contact_value =
      (world.regime->pressure(adviser) * advisers.w_target * world.regime->value_employer_contact(adviser) +
       world.staff.advisers.w_client[index(adviser)] * contact.client_value -
       advisers.time_cost_per_minute * contact.minutes) / contact.minutes;

  std::uint32_t submission_slots = market.submission_slots;
  double fund_left = fund_available(world, adviser);

  while (budget > 0.0) {
    // Contacts compete with the best client action on value per minute.
    const bool queue_empty = scratch.queue.empty();
    if (contacts_left > 0 && contact_value > 0.0 &&
        (queue_empty || contact_value >= scratch.queue.front().score)) {
      if (contact.minutes > budget) {
        contacts_left = 0;
        continue;
      }
      budget -= contact.minutes;
      --contacts_left;
      world.staff.plan.push_back(PlannedAction{static_cast<JobseekerId>(no_row), static_cast<EmployerId>(no_row),
                                                adviser, ActionKind::EmployerContact, false,
                                                static_cast<float>(contact.minutes), 0.0f});
      continue;
    }
    if (queue_empty) break;
    const RankedCandidate top = pop_ranked(scratch);
    ActionCandidate& candidate = scratch.candidates[top.candidate];
    ClientPlan& plan = scratch.clients[scratch.candidate_client[top.candidate]];
    if (top.version != plan.version && !top.upgrade) {
      // The client already has an action planned: value this one after that one's effect.
      if (!is_allowed(world, adviser, plan, candidate.action, market, candidate.matched)) continue;
      candidate.days_since_help = plan.days_since_help;
      forecast_candidate(world, model, plan, candidate);
      double reward = 0.0;
      world.regime->value(adviser, std::span<const ActionCandidate>(&candidate, 1), std::span<double>(&reward, 1));
      push_ranked(scratch, score(world, adviser, plan, candidate, reward, money_cost), top.candidate, plan.version);
      continue;
    }
    if (top.upgrade) {
      budget -= upgrade_to_matched(world, model, plan, candidate, top.version, budget);
      continue;
    }
    if (candidate.action == ActionKind::Submission) {
      if (submission_slots == 0) continue;
      --submission_slots;
    }
    if (candidate.action == ActionKind::DiscretionFund) {
      if (candidate.money > fund_left) continue;
      fund_left -= candidate.money;
      if (provider) world.providers.fund_committed[world.staff.advisers.provider[index(adviser)]] += candidate.money;
    }
    if (candidate.minutes > budget) continue;
    const double matched_value = is_quick_with_twin(scratch, top.candidate)
                                     ? value_now(world, adviser, model, plan, scratch.candidates[top.candidate + 1], money_cost)
                                     : 0.0;
    budget -= candidate.minutes;
    if (candidate.action == ActionKind::Submission) {
      plan.before_submission = plan.perceived;
      plan.planned_submission = static_cast<std::uint32_t>(world.staff.plan.size());
    }
    world.staff.plan.push_back(PlannedAction{plan.client, static_cast<EmployerId>(no_row), adviser,
                                              candidate.action, is_speculative(world, model, plan.perceived, candidate.matched),
                                              static_cast<float>(candidate.minutes),
                                              static_cast<float>(candidate.money), candidate.matched});
    plan.perceived = apply(scenario, model, plan.perceived, candidate.action, candidate.matched);
    if (!plan.in_work) plan.base = project(model, plan.perceived, &plan.memo);
    plan.planned_mask = static_cast<std::uint8_t>(plan.planned_mask | (1u << static_cast<unsigned>(candidate.action)));
    if (candidate.action == ActionKind::Submission) ++plan.submissions;
    if (is_evidence(candidate.action)) plan.days_since_help = 0.0;  // help is on record this week
    ++plan.version;
    if (matched_value > 0.0) {
      // The matched way, as an upgrade of the quick one just planned: worth its extra value
      // per extra minute (the greedy answer to a choice between two ways, as in a
      // multiple-choice knapsack), so it comes when time is left after better uses.
      const ActionCandidate& matched = scratch.candidates[top.candidate + 1];
      const double extra_value = matched_value * matched.minutes - top.score * candidate.minutes;
      push_ranked(scratch, extra_value / (matched.minutes - candidate.minutes), top.candidate + 1, plan.version, true);
    }
  }
}

void gather_recent_entrants(World& world) {
  PlanningScratch& scratch = world.staff.scratch;
  const auto& jobs = world.records.jobs;
  const auto& js = world.people.jobseekers;
  scratch.job_supported.resize(jobs.size(), 0);
  scratch.recent_entrants.clear();
  scratch.recent_offsets.assign(world.staff.advisers.size() + 1, 0);
  if (!world.policy.discretionary_help ||
      !world.staff.action_enabled[static_cast<std::size_t>(ActionKind::InWorkSupport)]) {
    return;
  }
  const double since = world.now() - world.scenario.actions.in_work_support.within_weeks * core::days_per_week;
  // Jobs are logged in start order: walk back from the newest to the first too old.
  std::size_t first = jobs.size();
  while (first > 0 && jobs[first - 1].start >= since) --first;
  const auto is_recent_entrant = [&](std::size_t record) {
    const auto row = index(jobs[record].person);
    return scratch.job_supported[record] == 0 && js.state[row] == JobseekerState::Employed &&
           js.job_record[row] == record && index(js.adviser[row]) != no_row;
  };
  // Counting sort by adviser, so each adviser's entrants are one run, in job order.
  for (std::size_t r = first; r < jobs.size(); ++r) {
    if (is_recent_entrant(r)) ++scratch.recent_offsets[index(js.adviser[index(jobs[r].person)]) + 1];
  }
  for (std::size_t a = 1; a < scratch.recent_offsets.size(); ++a) scratch.recent_offsets[a] += scratch.recent_offsets[a - 1];
  scratch.recent_entrants.resize(scratch.recent_offsets.back());
  std::vector<std::uint32_t>& next = scratch.recent_next;
  next.assign(scratch.recent_offsets.begin(), scratch.recent_offsets.end() - 1);
  for (std::size_t r = first; r < jobs.size(); ++r) {
    if (!is_recent_entrant(r)) continue;
    const JobseekerId person = jobs[r].person;
    scratch.recent_entrants[next[index(js.adviser[index(person)])]++] = person;
  }
}

void plan_week(World& world) {
  world.staff.plan.clear();
  gather_recent_entrants(world);
  const ForecastModel model = forecast_model(world.scenario);
  // Planning changes no market, so each office's is read once for all its advisers.
  std::vector<OfficeMarket>& markets = world.staff.scratch.markets;
  markets.clear();
  for (std::uint32_t o = 0; o < world.offices.size(); ++o) markets.push_back(read_market(world, static_cast<OfficeId>(o)));
  for (std::uint32_t a = 0; a < world.staff.advisers.size(); ++a) {
    const auto first = static_cast<std::uint32_t>(world.staff.plan.size());
    plan_adviser(world, static_cast<AdviserId>(a), model, markets[index(world.staff.advisers.office[a])]);
    // Spread the adviser's actions over the five working days, in the order chosen.
    const auto count = static_cast<std::uint32_t>(world.staff.plan.size()) - first;
    for (std::uint32_t i = 0; i < count; ++i) {
      const double at = world.now() + 5.0 * (i + 0.5) / count;
      world.scheduler.schedule(at, code(EventKind::Action), 0, first + i);
    }
  }
}

}  // namespace caseload::model
