// The regime presets on a common base (the calibrated baseline, two offices, two measured
// years) show the patterns of the literature (issue 4). Each comparison uses one fixed seed;
// the margins asserted are a fraction of the effects seen across seeds 1-3, stated per test.

#include <algorithm>
#include <cmath>
#include <numeric>

#include <gtest/gtest.h>

#include "sim/model/action.hpp"
#include "tests/scenario/scenario_runs.hpp"

namespace caseload {
namespace {

const std::vector<std::string> common_base = {"run.weeks=104", "network.offices=2",
                                              "counterfactual.enabled=false"};

std::vector<std::string> with(std::vector<std::string> extra) {
  std::vector<std::string> all = common_base;
  all.insert(all.end(), extra.begin(), extra.end());
  return all;
}

double total_minutes(const model::VariantResult& v, model::ActionKind kind) {
  double minutes = 0.0;
  for (const auto& week : v.advisers.measured) minutes += week.action_minutes[static_cast<std::size_t>(kind)];
  return minutes;
}

double entries(const model::VariantResult& v) {
  const auto& e = v.jobseekers.entries;
  return std::accumulate(e.begin(), e.end(), 0.0);
}

double panel_sum(const model::VariantResult& v, std::uint32_t model::PanelCounts::*field) {
  double sum = 0.0;
  for (const auto& row : v.panel) {
    if (row.week * 7.0 >= v.measure_start) sum += row.counts.*field;
  }
  return sum;
}

double speculative_per_entry(const metrics::Quality& q) {
  return q.speculative_share * q.submissions_per_entry;
}

// The value for one customer group, by name, of a *_by_group vector.
double of_group(const testing::ScenarioRun& run, const std::vector<double>& by_group, const std::string& group) {
  const auto& names = run.report().group_names;
  const auto at = std::find(names.begin(), names.end(), group) - names.begin();
  return by_group.at(static_cast<std::size_t>(at));
}

double group_parked(const testing::ScenarioRun& run, const std::string& group) {
  return of_group(run, run.report().parking.parked_share_by_group, group);
}

// Parked share of the group's client-weeks attached to providers.
double provider_parked(const testing::ScenarioRun& run, const std::string& group) {
  std::vector<double> shares;
  for (const metrics::ProviderBooks& books : run.report().providers.by_group) shares.push_back(books.parked_share);
  return of_group(run, shares, group);
}

TEST(Regimes, JetGamesEvidenceWhereJotDoesNotAndEntriesHold) {
  const auto jet = testing::run_scenario("regimes/jet.yaml", common_base);
  const auto jot = testing::run_scenario("regimes/jot.yaml", common_base);
  const auto& qj = jet.report().quality;
  const auto& qo = jot.report().quality;
  SCOPED_TRACE(::testing::Message()
               << "speculative/entry " << speculative_per_entry(qj) << " vs " << speculative_per_entry(qo)
               << "; fund/entry " << qj.fund_spend_per_entry << " vs " << qo.fund_spend_per_entry
               << "; creaming " << jet.report().creaming_by_employability.concentration_index << " vs "
               << jot.report().creaming_by_employability.concentration_index << "; entries " << entries(jet.treatment())
               << " vs " << entries(jot.treatment()));
  // Seeds 20061001, 1-3 (issue 12's matched submissions as upgrades of quick ones, on issue
  // 11's world): speculative submissions per entry 1.41-1.73 times JOT's, fund per entry
  // 1.6-2.0 times, creaming 0.021, 0.001, 0.034, 0.008 higher (0.022-0.033 before matched
  // submissions: their extra minutes are worth most for clients likely to be hired, so JOT's
  // advisers now cream more too). Margins: under half the least effect.
  EXPECT_GT(speculative_per_entry(qj), 1.2 * speculative_per_entry(qo));
  EXPECT_GT(total_minutes(jet.treatment(), model::ActionKind::Validation), 0.0);
  EXPECT_EQ(total_minutes(jot.treatment(), model::ActionKind::Validation), 0.0);
  EXPECT_GT(qj.fund_spend_per_entry, 1.3 * qo.fund_spend_per_entry);
  EXPECT_GT(jet.report().creaming_by_employability.concentration_index, jot.report().creaming_by_employability.concentration_index + 0.0005);
  // The JOT pilot found "no detectable deterioration" in job outcomes, with no effect size
  // published (EVIDENCE.md §2). With issue 11's groups JOT advisers turn to the hardest groups
  // (its design intent) and JET's entries are 2.7-4.4% above JOT's on seeds 20061001, 1-3 (0-2%
  // before the groups). We read "not detectable" as under 5% [A]; beyond that the model would contradict
  // the pilot.
  EXPECT_NEAR(entries(jet.treatment()) / entries(jot.treatment()), 1.0, 0.05);
}

TEST(Regimes, TeamCountingWeakensIndividualGaming) {
  const auto team = testing::run_scenario("regimes/jot.yaml", common_base);
  const auto individual = testing::run_scenario("regimes/jot.yaml", with({"regime.level=adviser"}));
  const auto& qt = team.report().quality;
  const auto& qi = individual.report().quality;
  const double team_gap = group_parked(team, "jsa_25_49") - group_parked(team, "esa_wrag");
  const double individual_gap = group_parked(individual, "jsa_25_49") - group_parked(individual, "esa_wrag");
  SCOPED_TRACE(::testing::Message() << "speculative/entry team " << speculative_per_entry(qt) << " individual "
                                    << speculative_per_entry(qi) << "; parked gap (4-point minus 12-point group) "
                                    << team_gap << " vs " << individual_gap);
  // Points-chasing, leaving 4-point clients for 12-point ones, is the individual gaming matched
  // attribution leaves open; shared team credit weakens it. Seeds 20061001, 1-3 (issue 11's
  // groups, issue 12's matched submissions): team gaps 0.056-0.070 below individual ones (0.13-0.15 before the groups); the
  // margin asserted is most of the least effect, a fixed-seed check. (Speculative submissions
  // are near zero at both levels under matched attribution, so they cannot show the difference.)
  EXPECT_LT(team_gap, individual_gap - 0.05);
}

TEST(Regimes, FlatPaymentByResultsParksTheHardestAndDifferentialPricesNarrowTheGap) {
  const auto flat = testing::run_scenario("regimes/pbr-flat.yaml", common_base);
  const auto differential = testing::run_scenario("regimes/pbr-differential.yaml", common_base);
  const double flat_gap = group_parked(flat, "esa_ex_ib") - group_parked(flat, "jsa_18_24");
  const double differential_gap =
      group_parked(differential, "esa_ex_ib") - group_parked(differential, "jsa_18_24");
  SCOPED_TRACE(::testing::Message() << "parked esa_ex_ib - jsa_18_24: flat " << flat_gap << ", differential "
                                    << differential_gap);
  // Seeds 20061001, 1-3: flat gaps 0.37-0.41; differential prices narrow them by 0.05-0.06.
  // Before issue 11, when the hardest group differed only in employability, they removed a
  // gap of over 0.10; ex-IB claimants' own low job chances now leave little for a price to
  // buy. Margins: half the least.
  EXPECT_GT(flat_gap, 0.10);
  EXPECT_LT(differential_gap, flat_gap - 0.025);
}

// The same prices paid to contracted providers whose caseworkers act for profit. Parked shares
// are of attached client-weeks, so the comparison is within providers. ESA ex-IB minus JSA 18-24
// on seeds 20061001, 1, 2, 3 (issue 11's groups, salaried caseworkers judging from the record,
// attachments that outlive the claim): flat 0.242, 0.230, 0.250, 0.249; the differential gap is
// 0.087-0.098 smaller; with the same providers rewarded in points (no cost to weigh) the gap
// is 0.210, 0.186, 0.221, 0.213, so 0.029-0.044 below flat for profit: most of the gap comes
// from what the hardest group can do and from capacity, less from the profit objective
// (0.015-0.071 before the groups). Each margin is half the least of its effect or less.
TEST(Regimes, ProvidersForProfitParkTheHardestUnderAFlatPriceAndDifferentialPricesNarrowTheGap) {
  const auto flat = testing::run_scenario("regimes/pbr-providers-flat.yaml", common_base);
  const auto differential = testing::run_scenario("regimes/pbr-providers-differential.yaml", common_base);
  const auto points = testing::run_scenario("regimes/pbr-providers-flat.yaml", with({"regime.reward=points"}));
  const auto gap = [](const testing::ScenarioRun& run) {
    return provider_parked(run, "esa_ex_ib") - provider_parked(run, "jsa_18_24");
  };
  SCOPED_TRACE(::testing::Message() << "provider parked esa_ex_ib - jsa_18_24: flat " << gap(flat)
                                    << ", differential " << gap(differential) << ", flat in points " << gap(points));
  EXPECT_GT(gap(flat), 0.035);
  EXPECT_LT(gap(differential), gap(flat) - 0.04);
  EXPECT_GT(gap(flat), gap(points) + 0.014) << "the profit objective adds to what capacity parks";
  // Providers earn fees for their attached clients and pay their salaried caseworkers.
  EXPECT_GT(flat.report().providers.total.fees, 0.0);
  EXPECT_GT(flat.report().providers.total.staff_cost, 0.0);
  EXPECT_GT(differential.report().providers.profit_per_referral, flat.report().providers.profit_per_referral);
}

TEST(Regimes, ProcessTargetsCreamByMotivationInAHomogeneousGroup) {
  // One customer group, everyone equally employable; motivation varies; goodwill is at stake.
  const std::vector<std::string> homogeneous = {
      "groups={all: {inflow_per_week: 40, employability_sd: 0}}",
      // At the calibrated caseload of about 150 a client (P22): 10 advisers an office give
      // 147-149 here (13 gave 152-158 before the re-claims fell with tenure). The finding depends
      // on capacity: at about 110 (13 advisers) process targets cream by motivation far less
      // than the neutral ethos does (0.03-0.05 against 0.21-0.22).
      "network.advisers_per_office=10"};
  const auto process = testing::run_scenario("regimes/process-targets.yaml", with(homogeneous));
  const auto neutral = testing::run_scenario("baseline-uk.yaml", with(homogeneous));
  const double by_motivation = process.report().creaming_by_motivation.concentration_index;
  SCOPED_TRACE(::testing::Message() << "creaming by motivation: process " << by_motivation << ", neutral "
                                    << neutral.report().creaming_by_motivation.concentration_index);
  // Seeds 20061001, 1-3 (issue 12): process targets 0.172-0.207, neutral 0.108-0.130. The
  // neutral ethos favours the motivated too (motivation raises what help achieves); targets add
  // 0.046-0.091.
  EXPECT_GT(by_motivation, 0.1);
  EXPECT_GT(by_motivation, neutral.report().creaming_by_motivation.concentration_index + 0.02);
}

TEST(Regimes, OffFlowTargetsRaiseSanctionsAndExitsToNonWork) {
  const auto offflow = testing::run_scenario("regimes/offflow.yaml", common_base);
  const auto jot = testing::run_scenario("regimes/jot.yaml", common_base);
  const double sanctions = panel_sum(offflow.treatment(), &model::PanelCounts::sanctions);
  const double jot_sanctions = panel_sum(jot.treatment(), &model::PanelCounts::sanctions);
  SCOPED_TRACE(::testing::Message() << "sanctions " << sanctions << " vs " << jot_sanctions
                                    << "; off-flows to work " << offflow.report().calibration.off_flows_to_work
                                    << " vs " << jot.report().calibration.off_flows_to_work);
  EXPECT_GT(sanctions, 100.0 + 10.0 * jot_sanctions);
  EXPECT_LT(offflow.report().calibration.off_flows_to_work, jot.report().calibration.off_flows_to_work - 0.01);
  // Counted for the team, each adviser's share of a sanction's credit is a fifth: far fewer.
  const auto team = testing::run_scenario("regimes/offflow.yaml", with({"regime.level=team"}));
  EXPECT_LT(panel_sum(team.treatment(), &model::PanelCounts::sanctions), 0.5 * sanctions);
}

// Share of job entries with qualifying help in the `days` before the hire.
double helped_just_before(const model::VariantResult& v, double days) {
  double helped = 0.0, all = 0.0;
  for (const auto& job : v.jobs) {
    if (job.start < v.measure_start) continue;
    all += 1.0;
    if (job.days_since_help <= days) helped += 1.0;
  }
  return helped / all;
}

TEST(Regimes, ShortEvidenceWindowRewardsTimingHelpJustBeforeEntries) {
  const auto short_window = testing::run_scenario(
      "regimes/jet.yaml", with({"regime.indicators[0].window_weeks=2"}));
  const auto matched = testing::run_scenario("regimes/jot.yaml", common_base);
  const double timed = helped_just_before(short_window.treatment(), 14.0);
  const double baseline = helped_just_before(matched.treatment(), 14.0);
  SCOPED_TRACE(::testing::Message() << "entries helped in the 2 weeks before: JET(2w) " << timed << ", JOT "
                                    << baseline);
  EXPECT_GT(timed, baseline + 0.05);
}

// With every point but the bonus set to 0, what JET credits over the measured period is the
// number of bonuses, which the job log predicts exactly: counted (evidenced) entries of the JSA
// groups whose 4 weeks end in the measured period with no claim begun by then. This checks
// that the model reports every repeat claim to the regime.
TEST(Regimes, JetBonusCountsJsaEntriesWithNoClaimWithinFourWeeks) {
  const auto bonus_only = testing::run_scenario(
      "regimes/jet.yaml", with({"regime.indicators[0].points=0", "regime.indicators[0].long_term_points=0"}));
  const auto& v = bonus_only.treatment();
  const auto& names = bonus_only.report().group_names;
  double expected = 0.0;
  double counted_jsa = 0.0;
  for (const auto& job : v.jobs) {
    const std::string& group = names.at(model::index(job.group));
    if (group.rfind("jsa_", 0) != 0 || job.days_since_help > 13.0 * 7.0) continue;  // the bonus groups
    const double due = job.start + 28.0;
    if (due < v.measure_start || due > v.end) continue;
    counted_jsa += 1.0;
    if (job.reclaim > due) expected += 1.0;
  }
  const double credited = std::accumulate(v.measured_by_adviser.begin(), v.measured_by_adviser.end(), 0.0);
  SCOPED_TRACE(::testing::Message() << "bonuses " << credited << " of " << counted_jsa << " counted JSA entries");
  EXPECT_GT(expected, 0.0);
  EXPECT_LT(expected, counted_jsa);
  EXPECT_EQ(credited, expected);
}

}  // namespace
}  // namespace caseload
