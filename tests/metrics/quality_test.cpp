// Entry rates, sustainment on a hand job log, activity from a hand panel, and costs.

#include "sim/metrics/quality.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "tests/metrics/hand_data.hpp"

namespace caseload::metrics {
namespace {

constexpr double week = 7.0;
constexpr double never = std::numeric_limits<double>::infinity();

model::JobRecord job(double start_week, double tenure_weeks, double reclaim_after_weeks = never,
                     float quality = 0.5f, bool via_submission = false) {
  model::JobRecord record;
  record.start = start_week * week;
  record.end = record.start + tenure_weeks * week;
  record.reclaim = record.start + reclaim_after_weeks * week;
  record.quality = quality;
  record.via_submission = via_submission;
  return record;
}

model::PanelRow panel_row(std::uint32_t week_number, std::uint32_t submissions,
                          std::uint32_t speculative, float fund_spend) {
  model::PanelRow row;
  row.week = week_number;
  row.counts.submissions = submissions;
  row.counts.speculative_submissions = speculative;
  row.counts.fund_spend = fund_spend;
  return row;
}

TEST(AdviserCost, IsSalaryOverPaidMinutes) {
  EXPECT_NEAR(adviser_cost_per_minute, 25600.0 / 102120.0, 1e-15);
  EXPECT_NEAR(adviser_cost_per_minute, 0.2507, 1e-4);
}

TEST(Quality, EntryRatesFromTheJobseekerTable) {
  auto variant = hand::empty_variant();
  hand::add(variant, {.claim_weeks = 30, .entries = 2});
  hand::add(variant, {.claim_weeks = 10, .entries = 0});
  hand::add(variant, {.claim_weeks = 0, .entries = 1});  // entered work without a claiming week
  const auto result = quality(variant);
  EXPECT_EQ(result.entries, 3.0);
  EXPECT_EQ(result.claimants, 2.0);
  EXPECT_DOUBLE_EQ(result.entries_per_100_client_weeks, 100.0 * 3.0 / 40.0);
  EXPECT_DOUBLE_EQ(result.entries_per_claimant, 1.5);
}

TEST(Quality, SustainmentOnlyOverJobsWithTwentySixWeeksOfFollowUp) {
  // Measured weeks 26..78, so jobs starting in weeks [26, 52) are followed up.
  auto variant = hand::empty_variant();
  variant.jobs = {
      job(20.0, 40.0),                      // before the measured period: ignored
      job(26.0, 5.0, 6.0, 0.2f),            // short, back on benefit after 6 weeks
      job(30.0, 13.0, never, 0.4f),         // exactly 13 weeks counts as sustained 13
      job(40.0, 26.0, 27.0, 0.6f),          // exactly 26; reclaim after 27 weeks is not within 26
      job(51.0, 100.0, never, 0.8f, true),  // lasts past the end of the run
      job(60.0, 1.0, 2.0, 1.0f, true),      // too late to follow up; counts for quality only
  };
  const auto result = quality(variant);
  EXPECT_EQ(result.jobs_started, 5.0);
  const double qualities = static_cast<double>(0.2f) + static_cast<double>(0.4f) +
                           static_cast<double>(0.6f) + static_cast<double>(0.8f) + 1.0;
  EXPECT_NEAR(result.mean_job_quality, qualities / 5.0, 1e-15);
  EXPECT_DOUBLE_EQ(result.via_submission_share, 0.4);
  EXPECT_EQ(result.jobs_followed_up, 4.0);
  EXPECT_DOUBLE_EQ(result.sustained_13w_share, 0.75);
  EXPECT_DOUBLE_EQ(result.sustained_26w_share, 0.5);
  EXPECT_DOUBLE_EQ(result.reclaim_26w_share, 0.25);
  // Quality times weeks held, capped at 26: 0.2*5 + 0.4*13 + 0.6*26 + 0.8*26, over 4 jobs.
  const double earned = static_cast<double>(0.2f) * 5.0 + static_cast<double>(0.4f) * 13.0 +
                        static_cast<double>(0.6f) * 26.0 + static_cast<double>(0.8f) * 26.0;
  EXPECT_NEAR(result.earnings_index_26w, earned / 4.0, 1e-12);
}

TEST(Quality, ByGroupSplitsEntriesQualityAndSustainmentByTheClientsGroup) {
  auto variant = hand::empty_variant();
  hand::add(variant, {.group = 0, .claim_weeks = 50, .entries = 2});
  hand::add(variant, {.group = 1, .claim_weeks = 100, .entries = 1});
  auto in_group = [](model::JobRecord record, std::uint8_t group) {
    record.group = static_cast<model::GroupId>(group);
    return record;
  };
  variant.jobs = {
      in_group(job(30.0, 5.0, never, 0.2f), 0),    // short
      in_group(job(31.0, 30.0, never, 0.6f), 0),   // lasts 26+
      in_group(job(40.0, 14.0, never, 0.9f), 1),   // 13+ but not 26
      in_group(job(60.0, 1.0, never, 0.5f), 1),    // too late to follow up; counts for quality
  };
  const auto result = quality(variant, 3);  // a third group with nothing at all
  ASSERT_EQ(result.mean_job_quality_by_group.size(), 3u);
  EXPECT_DOUBLE_EQ(result.entries_per_100_client_weeks_by_group[0], 4.0);
  EXPECT_DOUBLE_EQ(result.entries_per_100_client_weeks_by_group[1], 1.0);
  EXPECT_NEAR(result.mean_job_quality_by_group[0], (static_cast<double>(0.2f) + static_cast<double>(0.6f)) / 2.0, 1e-15);
  EXPECT_NEAR(result.mean_job_quality_by_group[1], (static_cast<double>(0.9f) + 0.5) / 2.0, 1e-15);
  EXPECT_DOUBLE_EQ(result.sustained_13w_share_by_group[0], 0.5);
  EXPECT_DOUBLE_EQ(result.sustained_26w_share_by_group[0], 0.5);
  EXPECT_DOUBLE_EQ(result.sustained_13w_share_by_group[1], 1.0);
  EXPECT_DOUBLE_EQ(result.sustained_26w_share_by_group[1], 0.0);
  EXPECT_TRUE(std::isnan(result.mean_job_quality_by_group[2]));
  EXPECT_TRUE(std::isnan(result.entries_per_100_client_weeks_by_group[2]));
  EXPECT_NEAR(result.earnings_index_26w_by_group[0], (static_cast<double>(0.2f) * 5.0 + static_cast<double>(0.6f) * 26.0) / 2.0, 1e-12);
  EXPECT_NEAR(result.earnings_index_26w_by_group[1], static_cast<double>(0.9f) * 14.0, 1e-12);
  EXPECT_TRUE(std::isnan(result.earnings_index_26w_by_group[2]));
}

TEST(Quality, ActivityFromMeasuredPanelWeeksOnly) {
  auto variant = hand::empty_variant();
  hand::add(variant, {.claim_weeks = 10, .entries = 4});
  variant.panel = {panel_row(25, 100, 100, 1000.0f),  // warm-up: ignored
                   panel_row(26, 10, 2, 75.0f), panel_row(27, 6, 6, 150.0f)};
  variant.advisers.add(model::NewAdviser{});
  variant.advisers.measured[0].action_minutes = {100.0, 20.0, 0.0, 10.0, 30.0, 15.0, 0.0};
  const auto result = quality(variant);
  EXPECT_EQ(result.submissions, 16.0);
  EXPECT_DOUBLE_EQ(result.speculative_share, 0.5);
  EXPECT_DOUBLE_EQ(result.submissions_per_entry, 4.0);
  EXPECT_DOUBLE_EQ(result.fund_spend, 225.0);
  EXPECT_DOUBLE_EQ(result.fund_spend_per_entry, 56.25);
  EXPECT_DOUBLE_EQ(result.adviser_action_minutes, 175.0);
  EXPECT_DOUBLE_EQ(result.help_cost, 175.0 * adviser_cost_per_minute + 225.0);
}

TEST(Quality, NoEntriesLeavesPerEntryFiguresUndefined) {
  const auto result = quality(hand::empty_variant());
  EXPECT_TRUE(std::isnan(result.entries_per_100_client_weeks));
  EXPECT_TRUE(std::isnan(result.sustained_13w_share));
  EXPECT_TRUE(std::isnan(result.fund_spend_per_entry));
}

TEST(CostEffectiveness, ExtraCostOverNetOutcomes) {
  model::SimulationResult result;
  result.treatment = hand::empty_variant();
  hand::add(result.treatment, {.entries = 3, .sustained_13 = 3});
  hand::add(result.treatment, {.entries = 2, .sustained_13 = 1});
  result.treatment.panel = {panel_row(30, 0, 0, 300.0f)};
  result.treatment.advisers.add(model::NewAdviser{});
  result.treatment.advisers.measured[0].action_minutes[0] = 1000.0;
  auto counterfactual = hand::empty_variant("counterfactual");
  hand::add(counterfactual, {.entries = 2, .sustained_13 = 1});
  hand::add(counterfactual, {.entries = 1, .sustained_13 = 1});
  counterfactual.panel = {panel_row(30, 0, 0, 100.0f)};
  counterfactual.advisers.add(model::NewAdviser{});

  EXPECT_FALSE(cost_effectiveness(result).has_value());
  result.counterfactual = counterfactual;
  const auto value = cost_effectiveness(result);
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ(value->net_entries, 2.0);
  EXPECT_EQ(value->net_sustained_jobs, 2.0);
  EXPECT_DOUBLE_EQ(value->extra_fund_spend, 200.0);
  EXPECT_DOUBLE_EQ(value->fund_spend_per_net_entry, 100.0);
  EXPECT_DOUBLE_EQ(value->cost_per_net_sustained_job,
                   (1000.0 * adviser_cost_per_minute + 200.0) / 2.0);
}

TEST(CostEffectiveness, NoNetGainLeavesCostPerOutcomeUndefined) {
  model::SimulationResult result;
  result.treatment = hand::empty_variant();
  hand::add(result.treatment, {.entries = 1, .sustained_13 = 0});
  result.counterfactual = hand::empty_variant("counterfactual");
  hand::add(*result.counterfactual, {.entries = 2, .sustained_13 = 1});
  const auto value = cost_effectiveness(result);
  ASSERT_TRUE(value.has_value());
  EXPECT_TRUE(std::isnan(value->fund_spend_per_net_entry));
  EXPECT_TRUE(std::isnan(value->cost_per_net_sustained_job));
}

}  // namespace
}  // namespace caseload::metrics
