// Evidence and audit on the JET preset (2 offices, 104 measured weeks, no counterfactual, as in
// regimes_test.cpp): weak claims are the entries the office did not bring about, and checking
// half the claims, at a penalty that makes a weak claim on the low-point groups a loss, lowers
// the weak claims made.

#include <gtest/gtest.h>

#include "tests/scenario/scenario_runs.hpp"

namespace caseload {
namespace {

// The JET preset on regimes_test.cpp's common base, then `overrides`.
testing::ScenarioRun jet(std::vector<std::string> overrides = {}) {
  overrides.insert(overrides.begin(),
                   {"run.weeks=104", "network.offices=2", "counterfactual.enabled=false"});
  return testing::run_scenario("regimes/jet.yaml", overrides);
}

// Without an audit every weak claim is made: the count is the job log's entries in the
// measured period that did not come through a submission but had help in the 13-week window.
TEST(Audit, WithoutAnAuditWeakClaimsAreTheEntriesTheOfficeDidNotBringAbout) {
  const auto unchecked = jet();
  const auto& v = unchecked.treatment();
  double expected = 0.0;
  for (const auto& job : v.jobs) {
    if (job.start < v.measure_start || job.via_submission || job.days_since_help > 13.0 * 7.0)
      continue;
    expected += 1.0;
  }
  EXPECT_GT(expected, 0.0);
  EXPECT_EQ(unchecked.report().evidence.claims_weak, expected);
  EXPECT_EQ(unchecked.report().evidence.claims_rejected, 0.0);
  EXPECT_EQ(unchecked.report().evidence.unmatched_entries, 0.0);  // evidenced: nothing is matched
}

TEST(Audit, CheckingHalfTheClaimsLowersWeakClaims) {
  const std::string penalty = "regime.indicators[0].audit.penalty_points=6";
  const auto unchecked = jet({"regime.indicators[0].audit.sample_rate=0", penalty});
  const auto checked = jet({"regime.indicators[0].audit.sample_rate=0.5", penalty});
  const double before = unchecked.report().evidence.claims_weak;
  const double after = checked.report().evidence.claims_weak;
  SCOPED_TRACE(::testing::Message() << "weak claims: unchecked " << before << ", checked " << after
                                    << ", rejected " << checked.report().evidence.claims_rejected);
  // Seeds 20061001, 1, 2, 3: checked / unchecked = 0.547, 0.557, 0.511, 0.564 (the 2- and 4-point
  // groups stop claiming; 8- and 12-point claims go on). 0.7 is 0.14 above the highest of
  // these, over twice their whole spread, yet asks for most of the effect.
  EXPECT_LT(after, 0.7 * before);
  EXPECT_GT(checked.report().evidence.claims_rejected, 0.0);
}

}  // namespace
}  // namespace caseload
