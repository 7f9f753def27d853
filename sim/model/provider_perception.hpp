#pragma once
// How a provider's caseworker judges a client: from what the provider can see, never from the
// model's hidden employability. Before any contact it knows only the client's group and how
// long they have claimed; each minute of contact since the referral shows more of the person,
// through noise (providers.difficulty_perception_sd).

#include "sim/model/world.hpp"

namespace caseload::model {

struct ProviderJudgement {
  double employability = 0.0;  ///< logit, as an adviser's perception
  double motivation = 0.5;
};

/// What the group and claim duration alone suggest: the group's mean employability, scarred by
/// the claim so far (and any training on record), and the group's mean motivation.
ProviderJudgement judgement_from_record(const Scenario& scenario, const JobseekerTable& jobseekers,
                                        JobseekerId person, double now);

/// The caseworker's judgement: the record's, moved towards a noisy reading of the person by
/// minutes / (minutes + advisers.perception_minutes_scale) of the contact since the referral.
ProviderJudgement judge_client(const World& world, JobseekerId person);

}  // namespace caseload::model
