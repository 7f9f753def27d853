// The weekly tick: closes the week that ended (panel rows, parking counts, adviser time), lets
// the regime review, then has every adviser plan the new week.

#include <algorithm>
#include <cmath>

#include "sim/model/event_kind.hpp"
#include "sim/model/world.hpp"

namespace caseload::model {

namespace {

// A client-week counts as parked when it lies in a run of 8 or more weeks without help.
constexpr std::uint8_t parked_run_weeks = 8;

// The same count for the provider a client is attached to; a run that reaches the threshold
// there becomes parked only as far back as the attachment, so a provider is not charged with
// weeks the jobcentre left the client unhelped before referral.
void count_provider_week(World& world, JobseekerId client, std::uint32_t caseworker, double week_start) {
  const auto& js = world.people.jobseekers;
  const auto row = index(client);
  const auto cell = world.staff.advisers.provider[caseworker] * world.group_count() + index(js.group[row]);
  auto& tally = world.providers.tally;
  tally.client_weeks[cell] += 1.0;
  const std::uint8_t run = js.weeks_without_help[row];
  if (run < parked_run_weeks) return;
  if (run > parked_run_weeks) {
    tally.parked_weeks[cell] += 1.0;
    return;
  }
  const double attached_since =
      static_cast<double>(js.attached_until[row]) - world.scenario.providers.attachment_weeks * core::days_per_week;
  const double weeks_attached = std::round((week_start + core::days_per_week - attached_since) / core::days_per_week);
  const double earlier = std::min({static_cast<double>(parked_run_weeks - 1), js.claim_weeks[row] - 1.0,
                                   weeks_attached - 1.0});
  tally.parked_weeks[cell] += 1.0 + std::max(0.0, earlier);
}

void count_client_weeks(World& world, double week_start, bool measured) {
  auto& js = world.people.jobseekers;
  for (std::uint32_t a = 0; a < world.staff.advisers.size(); ++a) {
    for (JobseekerId client : world.staff.advisers.caseload[a]) {
      const auto row = index(client);
      const bool helped = js.last_help[row] >= week_start;
      if (helped) {
        js.weeks_without_help[row] = 0;
      } else if (js.weeks_without_help[row] < 255) {
        js.weeks_without_help[row] += 1;
      }
      if (!measured) continue;
      js.claim_weeks[row] += 1;
      const std::uint8_t run = js.weeks_without_help[row];
      // On reaching the threshold the whole run becomes parked (as far as it lies in the
      // measured period, which claim_weeks bounds); after that, each further week.
      if (run == parked_run_weeks) {
        const std::uint16_t earlier = static_cast<std::uint16_t>(parked_run_weeks - 1);
        const std::uint16_t measured_before = static_cast<std::uint16_t>(js.claim_weeks[row] - 1);
        js.parked_weeks[row] += static_cast<std::uint16_t>(1 + (earlier < measured_before ? earlier : measured_before));
      } else if (run > parked_run_weeks) {
        js.parked_weeks[row] += 1;
      }
      if (world.staff.advisers.is_provider[a]) count_provider_week(world, client, a, week_start);
    }
  }
}

}  // namespace

void close_week(World& world) {
  const int week = world.current_week;
  const double week_start = week * core::days_per_week;
  const bool measured = week_start >= world.measure_start;
  float goodwill = 0.0f;
  for (std::size_t c = 0; c < world.records.week_counts.size(); ++c) {
    PanelRow row;
    row.week = static_cast<std::uint32_t>(week);
    row.office = static_cast<OfficeId>(c / world.group_count());
    row.group = static_cast<GroupId>(c % world.group_count());
    if (c % world.group_count() == 0) goodwill = mean_goodwill(world.market, row.office);
    row.counts = world.records.week_counts[c];
    row.counts.stock = world.records.stock[c];
    row.counts.office_goodwill = goodwill;
    world.records.panel.push_back(row);
    world.records.week_counts[c] = PanelCounts{};
  }
  count_client_weeks(world, week_start, measured);
  for (std::uint32_t a = 0; a < world.staff.advisers.size(); ++a) {
    AdviserWeek& this_week = world.staff.advisers.this_week[a];
    if (measured) {
      AdviserWeek& total = world.staff.advisers.measured[a];
      total.review_minutes += this_week.review_minutes;
      total.budget_minutes += this_week.budget_minutes;
      total.fund_spend += this_week.fund_spend;
      for (std::size_t k = 0; k < action_count; ++k) total.action_minutes[k] += this_week.action_minutes[k];
      world.staff.advisers.measured_weeks[a] += 1.0;
      world.staff.advisers.measured_caseload[a] += static_cast<double>(world.staff.advisers.caseload[a].size());
    }
    this_week = AdviserWeek{};
    // The discretion fund is budgeted per 52-week year.
    if ((week + 1) % 52 == 0) world.staff.advisers.fund_spent[a] = 0.0;
  }
  if ((week + 1) % 52 == 0) {
    std::fill(world.providers.fund_committed.begin(), world.providers.fund_committed.end(), 0.0);
  }
  world.regime->end_week(RegimeView(world.staff.advisers, world.people.jobseekers), week);
  world.regime->score_week(week, world.records.scoreboard);
}

void handle_week(World& world, int week) {
  if (week > 0) close_week(world);
  world.current_week = week;
  if (world.scenario.providers.enabled()) update_attachments(world);
  plan_week(world);
  const double next = (week + 1) * core::days_per_week;
  if (next < world.end) world.scheduler.schedule(next, code(EventKind::Week), static_cast<std::uint32_t>(week + 1));
}

}  // namespace caseload::model
