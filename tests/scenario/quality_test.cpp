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

TEST(Quality, EntryCountingLowersJobQualityAndSustainmentAgainstSustainedJobPay) {
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
  // Seeds 20061001, 1, 2, 3 (JET vs PbR): 26-week sustainment 0.473, 0.464, 0.476, 0.474
  // against 0.529, 0.508, 0.525, 0.514 (0.040-0.056 higher); in-work support 5,081-5,410
  // against 8,523-8,648 actions; mean job quality 0.5290, 0.4995, 0.5409, 0.5071 against
  // 0.5330, 0.5040, 0.5443, 0.5078 (0.0007-0.0045 higher). Margins: under half the least
  // difference. The quality effect is small because the adviser's choice of way decides only
  // the jobs entered through a submission (about a fifth of entries), and what one office's
  // matched submissions take from the pool, own search no longer finds. The matched share does
  // not separate on every seed (0.243, 0.078, 0.266, 0.379 against 0.299, 0.436, 0.434,
  // 0.278): JET's evidence rewards a quick submission's higher hire chance, but PbR's
  // sustained-job price also pays for hires, and a matched submission is often the harder
  // vacancy. Not asserted.
  EXPECT_LT(qj.mean_job_quality, qp.mean_job_quality - 0.0003);
  EXPECT_LT(qj.sustained_26w_share, qp.sustained_26w_share - 0.02);
  EXPECT_LT(qj.in_work_support_actions, 0.8 * qp.in_work_support_actions);
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
  // Seeds 20061001, 1, 2, 3: the speculative share is 0.116, 0.273, 0.082, 0.124 with goodwill
  // weighed and 0.159, 0.291, 0.093, 0.207 with every goodwill effect off (0.011-0.083 more);
  // submissions per entry fall from 1.47-1.63 to 1.37-1.45 off, as fewer vacancies are notified
  // without goodwill gains. The margin is under half the least difference.
  EXPECT_GT(qo.speculative_share, qw.speculative_share + 0.005);
  EXPECT_EQ(qo.goodwill_change, 0.0);  // nothing moves goodwill when every effect is 0
}

}  // namespace
}  // namespace caseload
