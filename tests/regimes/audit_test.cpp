// Evidence and audit: the weak-claim decision's sign, a check that rejects the sampled weak
// claims and penalises them, record matching by group, and the keys' errors.

#include "sim/regimes/audit.hpp"

#include <vector>

#include <gtest/gtest.h>

#include "sim/core/config_reader.hpp"
#include "sim/core/diagnostics.hpp"
#include "sim/regimes/credit_ledger.hpp"
#include "sim/regimes/indicator.hpp"
#include "sim/regimes/organisation.hpp"
#include "sim/regimes/primitives.hpp"
#include "tests/regimes/regime_data.hpp"

namespace caseload::regimes {

namespace {

const core::SourceLocation here{"test", 1, 1};

core::ConfigNode scalar(const std::string& text) { return core::ConfigNode::scalar(text, here); }

core::ConfigNode map_of(const std::vector<std::pair<std::string, std::string>>& entries) {
  core::ConfigNode node = core::ConfigNode::map(here);
  for (const auto& [key, value] : entries) node.set(key, scalar(value), here);
  return node;
}

// One office of one adviser, so unit 0 is the adviser credited; everything is measured.
struct AuditFixture : ::testing::Test {
  AuditFixture() {
    scenario.network.offices = 1;
    scenario.network.advisers_per_office = 1;
    scenario.network.advisers_per_team = 1;
    scenario.run.warmup_weeks = 0.0;
    scenario.run.seed = 20061001;
  }

  // A job_entry worth 4 points for every group, with `extra` keys.
  std::unique_ptr<Indicator> job_entry(
      const std::string& attribution, std::vector<std::pair<std::string, core::ConfigNode>> extra) {
    core::ConfigNode node = core::ConfigNode::map(here);
    node.set("attribution", scalar(attribution), here);
    node.set("points", scalar("4"), here);
    for (auto& [key, value] : extra) node.set(key, std::move(value), here);
    core::Diagnostics problems;
    core::ConfigReader reader(node, "indicator", problems);
    auto indicator = make_job_entry(reader, IndicatorContext{&scenario, groups});
    reader.finish();
    EXPECT_TRUE(problems.empty()) << (problems.empty()
                                          ? ""
                                          : core::format_diagnostic(problems.items()[0]));
    return indicator;
  }

  // An entry of `person` on `day` with help on record; weak unless it came through a submission.
  static model::Outcome entry(std::uint32_t person, double day, bool via_submission,
                              std::uint32_t group = 0) {
    model::Outcome o;
    o.kind = model::OutcomeKind::JobEntry;
    o.time = day;
    o.client = static_cast<model::JobseekerId>(person);
    o.group = static_cast<model::GroupId>(group);
    o.via_submission = via_submission;
    o.days_since_help = 3.0;
    return o;
  }

  static model::EvidenceTally tally_of(const Indicator& indicator) {
    model::EvidenceTally tally;
    indicator.add_evidence(tally);
    return tally;
  }

  model::Scenario scenario;
  std::vector<std::string> groups = {"jsa", "lone_parent"};
};

TEST(WeakClaim, AHigherSampleRateLowersItsValueAndSoTheClaimsMade) {
  const std::vector<double> points = {2.0, 4.0, 8.0, 12.0};  // JET's points by group
  const auto claims_made = [&](double sample_rate) {
    int made = 0;
    for (double p : points) made += is_weak_claim_worth_making(p, {sample_rate, 6.0}) ? 1 : 0;
    return made;
  };
  // The value falls as the rate rises: points lost when sampled, and the penalty on top.
  EXPECT_LT(weak_claim_value(4.0, {0.5, 6.0}), weak_claim_value(4.0, {0.1, 6.0}));
  EXPECT_DOUBLE_EQ(weak_claim_value(4.0, {0.5, 6.0}), 4.0 * 0.5 - 6.0 * 0.5);
  EXPECT_EQ(claims_made(0.0), 4);  // no audit: every weak entry is claimed
  EXPECT_EQ(claims_made(0.5), 2);  // only the 8- and 12-point groups still pay
  EXPECT_EQ(claims_made(0.9), 0);
  int previous = claims_made(0.0);
  for (double rate = 0.05; rate <= 1.0; rate += 0.05) {
    EXPECT_LE(claims_made(rate), previous) << "sample rate " << rate;
    previous = claims_made(rate);
  }
  // Without a penalty an unsampled claim still earns something, so it is always made.
  EXPECT_TRUE(is_weak_claim_worth_making(2.0, {0.9, 0.0}));
}

TEST_F(AuditFixture, SampledWeakClaimsAreRejectedAndPenalised) {
  std::vector<std::pair<std::string, core::ConfigNode>> keys;
  keys.emplace_back("audit", map_of({{"sample_rate", "0.5"}, {"penalty_points", "2"}}));
  auto jet = job_entry("evidenced", std::move(keys));
  const AuditRule rule{0.5, 2.0};
  const Organisation organisation(scenario, Level::Adviser);
  CreditLedger ledger(organisation, 0.0, groups.size());
  int sampled = 0;
  double expected_unaudited = 0.0;
  for (std::uint32_t person = 0; person < 200; ++person) {
    const model::Outcome weak = entry(person, 10.0 + person, false);
    const double before = ledger.unit_to_date(0);
    jet->record(weak, ledger);
    ledger.release_until(weak.time);
    const double change = ledger.unit_to_date(0) - before;
    if (is_sampled(rule, scenario.run.seed, weak)) {
      ++sampled;
      EXPECT_DOUBLE_EQ(change, -2.0) << "person " << person;  // rejected, and the penalty taken
    } else {
      expected_unaudited += 4.0;
      EXPECT_DOUBLE_EQ(change, 4.0) << "person " << person;  // unsampled: counts in full
    }
  }
  // Half are sampled, give or take: 200 draws at 0.5 fall in 70..130 but for 1 chance in 1e5.
  EXPECT_GT(sampled, 70);
  EXPECT_LT(sampled, 130);
  const model::EvidenceTally tally = tally_of(*jet);
  EXPECT_DOUBLE_EQ(tally.claims_weak[0], 200.0);
  EXPECT_DOUBLE_EQ(tally.claims_rejected[0], sampled);
  EXPECT_DOUBLE_EQ(tally.credit_unaudited[0], expected_unaudited);
  // An entry through a submission is founded: the check never takes it away.
  for (std::uint32_t person = 200; person < 260; ++person) {
    const double before = ledger.unit_to_date(0);
    jet->record(entry(person, 300.0, true), ledger);
    ledger.release_until(300.0);
    EXPECT_DOUBLE_EQ(ledger.unit_to_date(0) - before, 4.0);
  }
  EXPECT_DOUBLE_EQ(tally_of(*jet).claims_weak[0], 200.0);
}

TEST_F(AuditFixture, AClaimNotWorthMakingIsNotMadeAndEarnsNothing) {
  std::vector<std::pair<std::string, core::ConfigNode>> keys;
  keys.emplace_back("audit", map_of({{"sample_rate", "0.5"}, {"penalty_points", "6"}}));
  auto jet = job_entry("evidenced", std::move(keys));  // 4 x 0.5 - 6 x 0.5 < 0
  const Organisation organisation(scenario, Level::Adviser);
  CreditLedger ledger(organisation, 0.0, groups.size());
  for (std::uint32_t person = 0; person < 20; ++person)
    jet->record(entry(person, 10.0, false), ledger);
  jet->record(entry(99, 10.0, true), ledger);
  ledger.release_until(10.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(0), 4.0);  // the founded entry alone
  EXPECT_DOUBLE_EQ(tally_of(*jet).claims_weak[0], 0.0);
  EXPECT_DOUBLE_EQ(ledger.take_validation(static_cast<model::AdviserId>(0)),
                   scenario.actions.validation.minutes);  // paperwork for the one claim made
}

TEST_F(AuditFixture, NoAuditCountsWeakClaimsInFull) {
  auto jet = job_entry("evidenced", {});
  const Organisation organisation(scenario, Level::Adviser);
  CreditLedger ledger(organisation, 0.0, groups.size());
  for (std::uint32_t person = 0; person < 10; ++person)
    jet->record(entry(person, 10.0, false), ledger);
  ledger.release_until(10.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(0), 40.0);
  const model::EvidenceTally tally = tally_of(*jet);
  EXPECT_DOUBLE_EQ(tally.claims_weak[0], 10.0);
  EXPECT_DOUBLE_EQ(tally.claims_rejected[0], 0.0);
  EXPECT_DOUBLE_EQ(tally.credit_unaudited[0], 40.0);
}

TEST_F(AuditFixture, MatchRateZeroGivesTheGroupNoMatchedCredit) {
  std::vector<std::pair<std::string, core::ConfigNode>> keys;
  keys.emplace_back("match_rate", map_of({{"default", "1"}, {"lone_parent", "0"}}));
  auto jot = job_entry("matched", std::move(keys));
  const Organisation organisation(scenario, Level::Adviser);
  CreditLedger ledger(organisation, 0.0, groups.size());
  for (std::uint32_t person = 0; person < 50; ++person) {
    jot->record(entry(person, 10.0, true, /*group=*/1), ledger);
  }
  ledger.release_until(10.0);
  EXPECT_DOUBLE_EQ(ledger.unit_to_date(0), 0.0);
  EXPECT_DOUBLE_EQ(ledger.group_to_date(1), 0.0);
  for (std::uint32_t person = 50; person < 60; ++person)
    jot->record(entry(person, 20.0, true, 0), ledger);
  ledger.release_until(20.0);
  EXPECT_DOUBLE_EQ(ledger.group_to_date(0), 40.0);  // match rate 1: every entry found
  const model::EvidenceTally tally = tally_of(*jot);
  EXPECT_DOUBLE_EQ(tally.unmatched_entries[1], 50.0);
  EXPECT_DOUBLE_EQ(tally.unmatched_entries[0], 0.0);
  // In the plan too: an entry nobody will find is worth nothing.
  model::ActionCandidate c;
  c.action = model::ActionKind::Submission;
  c.before.entry = 0.3;
  c.after.entry = 0.5;
  c.group = static_cast<model::GroupId>(1);
  EXPECT_DOUBLE_EQ(jot->value(c), 0.0);
  c.group = static_cast<model::GroupId>(0);
  EXPECT_NEAR(jot->value(c), 4.0 * 0.2, 1e-12);
}

TEST(AuditKeys, BadKeysAreLocatedAndNamed) {
  const auto problems = testing::load_problems("audit_errors.yaml");
  ASSERT_EQ(problems.size(), 5u);
  const std::vector<std::string> expected = {
      "audit_errors.yaml:14:22: 'regime.indicators[0].audit.sample_rate' must be a number in [0, "
      "1], got 1.5",
      "audit_errors.yaml:15:9: unknown key 'penalty_pionts' in 'regime.indicators[0].audit' (did "
      "you mean "
      "'penalty_points'?)",
      "audit_errors.yaml:16:19: 'regime.indicators[0].match_rate' is the chance records find an "
      "entry; it needs "
      "'regime.indicators[0].attribution: matched' or 'attached'",
      "audit_errors.yaml:20:9: 'regime.indicators[1].audit' checks evidenced claims; it needs "
      "'regime.indicators[1].attribution: evidenced'",
      "audit_errors.yaml:21:45: 'regime.indicators[1].match_rate' is a chance in [0, 1]; got 1.2 "
      "for lone_parent",
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_NE(problems[i].find(expected[i]), std::string::npos) << problems[i];
  }
}

}  // namespace
}  // namespace caseload::regimes
