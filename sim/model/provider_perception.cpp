#include "sim/model/provider_perception.hpp"

#include <algorithm>

#include "sim/model/outcome_model.hpp"

namespace caseload::model {

ProviderJudgement judgement_from_record(const Scenario& scenario, const JobseekerTable& jobseekers,
                                        JobseekerId person, double now) {
  const auto row = index(person);
  const CustomerGroup& group = scenario.groups[index(jobseekers.group[row])];
  ProviderJudgement judged;
  // The record shows every week on benefit (history and this claim), as scarring counts them.
  judged.employability = effective_employability(scenario.search, group.employability_mean,
                                                 jobseekers.training_gain[row], jobseekers.benefit_days(row, now));
  judged.motivation = group.motivation_alpha / (group.motivation_alpha + group.motivation_beta);
  return judged;
}

ProviderJudgement judge_client(const World& world, JobseekerId person) {
  const auto& js = world.people.jobseekers;
  const auto& scenario = world.scenario;
  const auto row = index(person);
  const ProviderJudgement prior = judgement_from_record(scenario, js, person, world.now());
  // minutes_known restarts at the referral, so it is the provider's own contact (and the
  // jobcentre's signing-on reviews, which the provider hears of).
  const double minutes = js.minutes_known[row];
  const double weight = minutes / (minutes + scenario.advisers.perception_minutes_scale);
  if (weight <= 0.0) return prior;
  // The person as contact shows them: a reading with the client's own fixed perception error.
  const double seen_employability =
      world.employability_now(person) + scenario.providers.difficulty_perception_sd * js.perception_employability[row];
  const double seen_motivation = std::clamp(
      js.motivation[row] + scenario.advisers.perception_sd_motivation * js.perception_motivation[row], 0.0, 1.0);
  ProviderJudgement judged;
  judged.employability = prior.employability + weight * (seen_employability - prior.employability);
  judged.motivation = prior.motivation + weight * (seen_motivation - prior.motivation);
  return judged;
}

}  // namespace caseload::model
