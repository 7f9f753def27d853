// Bunching on hand-built records: help by weeks to the client's next claim mark (from the
// event log and the claim spells) and job entries by week of the target year, each figure
// worked out by hand in the comments.

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "sim/metrics/bunching.hpp"
#include "sim/model/event_kind.hpp"
#include "tests/metrics/hand_data.hpp"

namespace caseload::metrics {
namespace {

constexpr double week = 7.0;
constexpr double open = std::numeric_limits<double>::infinity();

void add_spell(model::VariantResult& v, std::uint32_t person, double start, double end) {
  model::SpellRecord spell;
  spell.person = static_cast<model::JobseekerId>(person);
  spell.start = start;
  spell.end = end;
  spell.is_open = !std::isfinite(end);
  v.spells.push_back(spell);
}

void add_action(model::VariantResult& v, std::uint32_t client, double time,
                model::ActionKind action = model::ActionKind::Interview) {
  model::EventRecord event;
  event.time = time;
  event.kind = model::code(model::EventKind::Action);
  event.client = client;
  event.adviser = 0;
  event.action = static_cast<std::uint8_t>(action);
  v.events.push_back(event);
}

void add_entry(model::VariantResult& v, double start) {
  model::JobRecord job;
  job.start = start;
  v.jobs.push_back(job);
}

// Person 0 claims through the whole 52 measured weeks: 4 client-weeks in each of the 13
// buckets. Person 1 claims 10 weeks (claim weeks 0-9: buckets 12 down to 3), is off for 10,
// then claims the last 32 weeks (claim weeks 0-31). Client-weeks 4 or fewer weeks before a
// mark (buckets 0-3): 16 + 1 + 4 + 4 = 25; elsewhere: 36 + 9 + 9 + 9 + 6 = 69.
model::VariantResult two_claimants() {
  model::VariantResult v = hand::empty_variant();
  const double start = hand::measure_start;
  hand::add(v, {});
  hand::add(v, {});
  add_spell(v, 0, start, open);
  add_spell(v, 1, start, start + 10 * week);
  add_spell(v, 1, start + 20 * week, open);
  return v;
}

TEST(Bunching, HelpBeforeAMarkIsCountedPerClientWeekAgainstHelpElsewhere) {
  model::VariantResult v = two_claimants();
  const double start = hand::measure_start;
  add_action(v, 0, start + 11.5 * week);  // 1.5 weeks to the 13-week mark: bucket 1
  add_action(v, 0, start + 12.2 * week);  // 0.8 weeks: bucket 0
  add_action(v, 0, start + 2.0 * week);   // 11 weeks: bucket 10
  add_action(v, 0, start + 30.0 * week);  // 9 weeks to the 39-week mark: bucket 8
  add_action(v, 1, start + 15.0 * week);  // between person 1's claims: not help on a claim
  add_action(v, 1, start + 32.5 * week);  // person 1's second claim, week 12.5: bucket 0
  add_action(v, 0, start - 1.0);          // before the measured period
  add_action(v, model::no_row, start + week, model::ActionKind::EmployerContact);  // no client
  model::EventRecord sign_on;
  sign_on.time = start + 12.5 * week;
  sign_on.kind = model::code(model::EventKind::SignOn);
  sign_on.subject = 0;
  v.events.push_back(sign_on);  // a review, not discretionary help

  const Bunching b = bunching(v);
  ASSERT_EQ(b.help_by_weeks_to_mark.size(), 13u);
  EXPECT_EQ(b.help_by_weeks_to_mark[0], 2.0);
  EXPECT_EQ(b.help_by_weeks_to_mark[1], 1.0);
  EXPECT_EQ(b.help_by_weeks_to_mark[8], 1.0);
  EXPECT_EQ(b.help_by_weeks_to_mark[10], 1.0);
  double before = 0.0, elsewhere = 0.0;
  for (std::size_t k = 0; k < 13; ++k) (k < 4 ? before : elsewhere) += b.client_weeks_by_weeks_to_mark[k];
  EXPECT_NEAR(before, 25.0, 1e-9);
  EXPECT_NEAR(elsewhere, 69.0, 1e-9);
  EXPECT_NEAR(b.help_rate_by_weeks_to_mark[0], 2.0 / b.client_weeks_by_weeks_to_mark[0], 1e-12);
  EXPECT_NEAR(b.help_before_mark_ratio, (3.0 / 25.0) / (2.0 / 69.0), 1e-12);
}

TEST(Bunching, WithoutTheEventLogHelpIsNotDefinedButClientWeeksAre) {
  const Bunching b = bunching(two_claimants());
  EXPECT_TRUE(std::isnan(b.help_before_mark_ratio));
  EXPECT_TRUE(std::isnan(b.help_rate_by_weeks_to_mark[5]));
  EXPECT_TRUE(std::isnan(b.help_by_weeks_to_mark[5]));
  EXPECT_NEAR(b.client_weeks_by_weeks_to_mark[12], 4.0 + 1.0 + 3.0, 1e-9);  // claim weeks 0, 13, 26, 39
}

// The measured weeks 26-77 cover each week of the 52-week year once; the last 8 (44-51) are
// the year end. Two entries in week 50, one in week 60 (week 8 of its year), one in week 10
// (before the measured period): 2 per 8 weeks over 1 per 44.
TEST(Bunching, EntriesInTheLastWeeksOfTheTargetYearAgainstTheRest) {
  model::VariantResult v = hand::empty_variant();
  add_entry(v, 50 * week + 1.0);
  add_entry(v, 50 * week + 3.0);
  add_entry(v, 60 * week);
  add_entry(v, 10 * week);
  const Bunching b = bunching(v);
  ASSERT_EQ(b.entries_by_year_week.size(), 52u);
  EXPECT_EQ(b.entries_by_year_week[50], 2.0);
  EXPECT_EQ(b.entries_by_year_week[8], 1.0);
  EXPECT_EQ(b.entries_by_year_week[10], 0.0);
  for (double weeks : b.weeks_by_year_week) EXPECT_EQ(weeks, 1.0);
  EXPECT_NEAR(b.entries_year_end_ratio, (2.0 / 8.0) / (1.0 / 44.0), 1e-12);
}

TEST(Bunching, NoEntriesGiveNoRatio) {
  EXPECT_TRUE(std::isnan(bunching(hand::empty_variant()).entries_year_end_ratio));
}

}  // namespace
}  // namespace caseload::metrics
