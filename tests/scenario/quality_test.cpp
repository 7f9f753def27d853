// Quantity against quality (issue 12) on the regime presets: JET, which counts entries, against
// payment by results for sustained jobs, on the calibrated baseline with two offices and two
// measured years; and goodwill weighed in the plan against switched off. The effects come from
// the planner's valuation alone (docs/ODD.md §4.4-4.5, §7.5a): no rule names a regime.
// Seeds 20061001, 1, 2, 3 were measured; each test runs one, with the margin stated.

#include <gtest/gtest.h>

#include "tests/scenario/scenario_runs.hpp"

namespace caseload {
namespace {

// Refusals and in-work support are off by default (docs/ODD.md §8.6, §8.8); on here.
const std::vector<std::string> common_base =
    testing::two_office_base({"jobs.reservation_quality=0.3", "actions.in_work_support.within_weeks=8"});

// Mean quality of the jobs entered in the measured period through an adviser's submission:
// the jobs the adviser's choice of way decides (own search finds the rest).
double submitted_job_quality(const model::VariantResult& variant) {
  double sum = 0.0, jobs = 0.0;
  for (const auto& job : variant.jobs) {
    if (!job.via_submission || job.start < variant.measure_start || job.start >= variant.end) continue;
    sum += job.quality;
    jobs += 1.0;
  }
  return sum / jobs;
}

TEST(Quality, EntryCountingLowersMatchingAndSustainmentAgainstSustainedJobPay) {
  const auto jet = testing::run_scenario("regimes/jet.yaml", common_base);
  const auto pbr = testing::run_scenario("regimes/pbr-flat.yaml", common_base);
  const auto& qj = jet.report().quality;
  const auto& qp = pbr.report().quality;
  SCOPED_TRACE(::testing::Message() << "mean quality " << qj.mean_job_quality << " vs " << qp.mean_job_quality
                                    << "; of submitted jobs " << submitted_job_quality(jet.treatment()) << " vs "
                                    << submitted_job_quality(pbr.treatment()) << "; 26-week share "
                                    << qj.sustained_26w_share << " vs " << qp.sustained_26w_share
                                    << "; matched share " << qj.matched_submission_share << " vs "
                                    << qp.matched_submission_share << "; in-work support "
                                    << qj.in_work_support_actions << " vs " << qp.in_work_support_actions);
  // Seeds 20061001, 1, 2, 3 (JET vs PbR): matched share 0.020, 0.038, 0.003, 0.010 against
  // 0.045, 0.237, 0.172, 0.071; 26-week sustainment 0.549, 0.519, 0.542, 0.545 against 0.590,
  // 0.580, 0.598, 0.590 (0.041-0.061 higher); in-work support 3,532-3,865 against 6,970-7,123
  // actions. Margins: under half the least difference. Mean job quality does NOT separate:
  // 0.5375/0.5402, 0.4924/0.4953, 0.5366/0.5447, 0.5061/0.5035 (all jobs) and 0.547/0.536,
  // 0.450/0.476, 0.517/0.544, 0.467/0.467 (submitted jobs), the sign varying with the seed:
  // matched submissions are a small share of entries and a quick one's job is of random quality,
  // so the channel shows in tenure (a matched job is also well matched) and in-work support, not
  // in the mean quality. Not asserted, so as not to claim what the seeds do not show.
  EXPECT_LT(qj.matched_submission_share, qp.matched_submission_share - 0.012);
  EXPECT_LT(qj.sustained_26w_share, qp.sustained_26w_share - 0.02);
  EXPECT_LT(qj.in_work_support_actions, qp.in_work_support_actions);
}

TEST(Quality, SwitchingGoodwillOffChangesSubmissions) {
  const auto weighed = testing::run_scenario("regimes/jet.yaml", common_base);
  const auto off = testing::run_scenario(
      "regimes/jet.yaml", testing::two_office_base({"jobs.reservation_quality=0.3",
                                                   "actions.in_work_support.within_weeks=8",
                                                   "advisers.goodwill_value_per_unit=0", "employers.goodwill_unsuitable_loss=0",
                                "employers.goodwill_sustained_gain=0", "employers.goodwill_early_leaver_loss=0",
                                "employers.goodwill_contact_gain=0"}));
  const auto& qw = weighed.report().quality;
  const auto& qo = off.report().quality;
  SCOPED_TRACE(::testing::Message() << "speculative share " << qw.speculative_share << " vs " << qo.speculative_share
                                    << "; submissions " << qw.submissions << " vs " << qo.submissions
                                    << "; goodwill change " << qw.goodwill_change << " vs " << qo.goodwill_change);
  // Seeds 20061001, 1, 2, 3: the speculative share is 0.075, 0.202, 0.040, 0.080 with goodwill
  // weighed and 0.107, 0.215, 0.051, 0.122 with every goodwill effect off (0.011-0.042 more);
  // submissions per entry fall from 2.74-2.99 to 2.53-2.67 off, as fewer vacancies are notified
  // without goodwill gains. The margin is under half the least difference.
  EXPECT_GT(qo.speculative_share, qw.speculative_share + 0.005);
  EXPECT_EQ(qo.goodwill_change, 0.0);  // nothing moves goodwill when every effect is 0
}

}  // namespace
}  // namespace caseload
