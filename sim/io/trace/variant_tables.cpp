// write_variant (run_trace.hpp): one variant's panel, agent tables, logs and event log, each
// written column by column through the chunked column writers.

#include <cstddef>
#include <string>
#include <tuple>

#include <fmt/format.h>

#include "sim/io/trace/column_writer.hpp"
#include "sim/io/trace/run_trace.hpp"
#include "sim/model/action.hpp"
#include "sim/model/ids.hpp"
#include "sim/model/labels.hpp"

namespace caseload::io {

namespace {

// One column at a time: only that column's chunk buffer is live, and each value is a store.
template <ColumnValue T, class ValueOf>
void write_column(Table& table, std::string_view name, std::size_t rows, ValueOf value_of,
                  std::string_view units, std::string_view description) {
  ColumnOptions options;
  options.units = units;
  options.description = description;
  Column<T>& column = table.add_column<T>(name, options);
  for (std::size_t row = 0; row < rows; ++row) column.append(static_cast<T>(value_of(row)));
}

void write_panel(TraceFile& file, const std::string& root, const model::VariantResult& variant) {
  const auto& panel = variant.panel;
  Table& table = file.add_table(root + "/panel");
  const std::size_t rows = panel.size();
  const auto row = [&panel](std::size_t i) -> const model::PanelRow& { return panel[i]; };
  const auto counts = [&panel](std::size_t i) -> const model::PanelCounts& {
    return panel[i].counts;
  };
  write_column<std::uint32_t>(
      table, "week", rows, [&](std::size_t i) { return row(i).week; }, "weeks",
      "simulated week, from 0; measured when week * 7 >= the "
      "variant's measure_start_days");
  write_column<std::uint32_t>(
      table, "office", rows, [&](std::size_t i) { return model::index(row(i).office); }, "",
      "office index");
  write_column<std::uint8_t>(
      table, "group", rows, [&](std::size_t i) { return model::index(row(i).group); }, "",
      "customer group, an index into /groups");
  write_column<std::uint32_t>(
      table, "stock", rows, [&](std::size_t i) { return counts(i).stock; }, "people",
      "claiming at the end of the week");
  write_column<std::uint32_t>(
      table, "inflow", rows, [&](std::size_t i) { return counts(i).inflow; }, "claims",
      "claims begun in the week, reclaims included");
  write_column<std::uint32_t>(
      table, "reclaims", rows, [&](std::size_t i) { return counts(i).reclaims; }, "claims",
      "of the inflow, claims by people who had claimed before");
  const auto& exits = model::exit_reason_names;
  static_assert(exits.size() == std::tuple_size_v<decltype(model::PanelCounts::exits)>);
  for (std::size_t reason = 0; reason < exits.size(); ++reason) {
    write_column<std::uint32_t>(
        table, fmt::format("exits_{}", exits[reason]), rows,
        [&](std::size_t i) { return counts(i).exits[reason]; }, "claims",
        fmt::format("claims that ended in the week by {}", exits[reason]));
  }
  write_column<std::uint32_t>(
      table, "entries_via_submission", rows,
      [&](std::size_t i) { return counts(i).entries_via_submission; }, "jobs",
      "job entries from an adviser's submission");
  write_column<std::uint32_t>(
      table, "sustained_13", rows, [&](std::size_t i) { return counts(i).sustained_13; }, "jobs",
      "jobs reaching 13 weeks' tenure in the week");
  write_column<std::uint32_t>(
      table, "sustained_26", rows, [&](std::size_t i) { return counts(i).sustained_26; }, "jobs",
      "jobs reaching 26 weeks' tenure in the week");
  for (std::size_t action = 0; action < model::action_count; ++action) {
    write_column<double>(
        table, fmt::format("minutes_{}", model::action_names[action]), rows,
        [&](std::size_t i) { return counts(i).minutes[action]; }, "minutes",
        fmt::format("adviser minutes spent on {} for the cell's clients",
                    model::action_names[action]));
  }
  write_column<std::uint32_t>(
      table, "submissions", rows, [&](std::size_t i) { return counts(i).submissions; },
      "submissions", "clients put forward to vacancies");
  write_column<std::uint32_t>(
      table, "speculative_submissions", rows,
      [&](std::size_t i) { return counts(i).speculative_submissions; }, "submissions",
      "of those, with a perceived hire chance below "
      "actions.submission.speculative_below");
  write_column<std::uint32_t>(
      table, "referrals", rows, [&](std::size_t i) { return counts(i).referrals; }, "referrals",
      "referrals to provision");
  write_column<std::uint32_t>(
      table, "sanctions", rows, [&](std::size_t i) { return counts(i).sanctions; }, "sanctions",
      "sanctions imposed");
  write_column<double>(
      table, "fund_spend", rows, [&](std::size_t i) { return counts(i).fund_spend; }, "money",
      "discretion-fund money awarded");
}

void write_jobseekers(TraceFile& file, const std::string& root, const model::JobseekerTable& js) {
  Table& table = file.add_table(root + "/jobseekers");
  const std::size_t rows = js.size();
  write_column<std::uint8_t>(
      table, "group", rows, [&](std::size_t i) { return model::index(js.group[i]); }, "",
      "customer group, an index into /groups");
  write_column<std::uint32_t>(
      table, "office", rows, [&](std::size_t i) { return model::index(js.office[i]); }, "",
      "office index");
  write_column<double>(
      table, "employability", rows, [&](std::size_t i) { return js.employability[i]; }, "",
      "employability at claim, e0 (latent; higher is closer to work)");
  write_column<double>(
      table, "motivation", rows, [&](std::size_t i) { return js.motivation[i]; }, "",
      "motivation, 0..1");
  write_column<std::uint32_t>(
      table, "adviser", rows, [&](std::size_t i) { return model::index(js.adviser[i]); }, "",
      "adviser of the latest claim, a row of advisers; 4294967295 if "
      "never on a caseload");
  for (std::size_t action = 0; action < model::action_count; ++action) {
    write_column<double>(
        table, fmt::format("help_minutes_{}", model::action_names[action]), rows,
        [&](std::size_t i) { return js.help_minutes[i][action]; }, "minutes",
        fmt::format("adviser minutes of {} received in the measured period",
                    model::action_names[action]));
  }
  write_column<double>(
      table, "employed_days", rows, [&](std::size_t i) { return js.employed_days[i]; }, "days",
      "days in work in the measured period");
  write_column<std::uint32_t>(
      table, "entries", rows, [&](std::size_t i) { return js.entries[i]; }, "jobs",
      "job entries in the measured period");
  write_column<std::uint32_t>(
      table, "sustained_13", rows, [&](std::size_t i) { return js.sustained_13[i]; }, "jobs",
      "jobs reaching 13 weeks' tenure in the measured period");
  write_column<std::uint32_t>(
      table, "sustained_26", rows, [&](std::size_t i) { return js.sustained_26[i]; }, "jobs",
      "jobs reaching 26 weeks' tenure in the measured period");
  write_column<std::uint32_t>(
      table, "claim_weeks", rows, [&](std::size_t i) { return js.claim_weeks[i]; }, "weeks",
      "weeks on an adviser's caseload in the measured period");
  write_column<std::uint32_t>(
      table, "parked_weeks", rows, [&](std::size_t i) { return js.parked_weeks[i]; }, "weeks",
      "of claim_weeks, weeks inside a run of 8 or more without help");
  write_column<std::uint32_t>(
      table, "reclaims", rows, [&](std::size_t i) { return js.reclaims[i]; }, "claims",
      "repeat claims begun in the measured period");
  write_column<std::uint8_t>(
      table, "state", rows, [&](std::size_t i) { return static_cast<std::uint8_t>(js.state[i]); },
      "", "state at the end of the run, an index into /jobseeker_states");
}

void write_advisers(TraceFile& file, const std::string& root, const model::VariantResult& variant) {
  const auto& advisers = variant.advisers;
  Table& table = file.add_table(root + "/advisers");
  const std::size_t rows = advisers.size();
  write_column<std::uint32_t>(
      table, "office", rows, [&](std::size_t i) { return model::index(advisers.office[i]); }, "",
      "office index");
  write_column<std::uint32_t>(
      table, "team", rows, [&](std::size_t i) { return advisers.team[i]; }, "",
      "team within the office");
  write_column<double>(
      table, "w_client", rows, [&](std::size_t i) { return advisers.w_client[i]; }, "",
      "weight on clients' good (public-service motivation), 0..1");
  write_column<double>(
      table, "effectiveness", rows, [&](std::size_t i) { return advisers.effectiveness[i]; }, "",
      "multiplier on what an interview does");
  write_column<std::uint8_t>(
      table, "is_provider", rows, [&](std::size_t i) { return advisers.is_provider[i]; }, "",
      "1 for a contracted provider's caseworker, 0 for a jobcentre adviser");
  write_column<std::uint32_t>(
      table, "provider", rows, [&](std::size_t i) { return advisers.provider[i]; }, "",
      "the caseworker's provider (office * providers per office + provider); 0 for advisers");
  const auto& measured = advisers.measured;
  write_column<double>(
      table, "review_minutes", rows, [&](std::size_t i) { return measured[i].review_minutes; },
      "minutes", "attended mandatory reviews, measured period");
  for (std::size_t action = 0; action < model::action_count; ++action) {
    write_column<double>(
        table, fmt::format("minutes_{}", model::action_names[action]), rows,
        [&](std::size_t i) { return measured[i].action_minutes[action]; }, "minutes",
        fmt::format("minutes on {}, measured period", model::action_names[action]));
  }
  write_column<double>(
      table, "budget_minutes", rows, [&](std::size_t i) { return measured[i].budget_minutes; },
      "minutes", "discretionary minutes available, measured period");
  write_column<double>(
      table, "fund_spend", rows, [&](std::size_t i) { return measured[i].fund_spend; }, "GBP",
      "discretion fund (for a caseworker, the provider's programme budget) spent, measured period");
  write_column<double>(
      table, "measured_weeks", rows, [&](std::size_t i) { return advisers.measured_weeks[i]; },
      "weeks", "weeks in the measured period");
  const auto& performance = variant.measured_by_adviser;
  write_column<double>(
      table, "measured_performance", rows,
      [&](std::size_t i) { return i < performance.size() ? performance[i] : 0.0; }, "points",
      "what the regime credited the adviser with (its own units)");
  write_column<double>(
      table, "pressure", rows,
      [&](std::size_t i) { return i < variant.pressure_by_adviser.size() ? variant.pressure_by_adviser[i] : 1.0; },
      "", "management pressure at the end of the run (1 = none)");
  write_column<std::uint8_t>(
      table, "stars", rows,
      [&](std::size_t i) { return i < variant.stars_by_adviser.size() ? variant.stars_by_adviser[i] : std::uint8_t{0}; },
      "", "star rating (1-5) of the adviser's unit at its last benchmarking review; 0 = not rated");
}

void write_spells(TraceFile& file, const std::string& root, const model::VariantResult& variant) {
  const auto& spells = variant.spells;
  Table& table = file.add_table(root + "/spells");
  const std::size_t rows = spells.size();
  write_column<std::uint32_t>(
      table, "person", rows, [&](std::size_t i) { return model::index(spells[i].person); }, "",
      "a row of jobseekers");
  write_column<std::uint8_t>(
      table, "group", rows, [&](std::size_t i) { return model::index(spells[i].group); }, "",
      "customer group, an index into /groups");
  write_column<std::uint32_t>(
      table, "office", rows, [&](std::size_t i) { return model::index(spells[i].office); }, "",
      "office index");
  write_column<std::uint8_t>(
      table, "reason", rows,
      [&](std::size_t i) { return static_cast<std::uint8_t>(spells[i].reason); }, "",
      "why the claim ended, an index into /exit_reasons (0 if open)");
  write_column<std::uint8_t>(
      table, "is_reclaim", rows, [&](std::size_t i) { return spells[i].is_reclaim ? 1 : 0; }, "",
      "1 if the person had claimed before");
  write_column<std::uint8_t>(
      table, "is_open", rows, [&](std::size_t i) { return spells[i].is_open ? 1 : 0; }, "",
      "1 if the claim was still open when the run ended");
  write_column<double>(
      table, "start", rows, [&](std::size_t i) { return spells[i].start; }, "days",
      "day the claim began (negative for the stock at day 0)");
  write_column<double>(
      table, "end", rows, [&](std::size_t i) { return spells[i].end; }, "days",
      "day the claim ended; the run's end for an open claim");
}

void write_jobs(TraceFile& file, const std::string& root, const model::VariantResult& variant) {
  const auto& jobs = variant.jobs;
  Table& table = file.add_table(root + "/jobs");
  const std::size_t rows = jobs.size();
  write_column<std::uint32_t>(
      table, "person", rows, [&](std::size_t i) { return model::index(jobs[i].person); }, "",
      "a row of jobseekers");
  write_column<std::uint32_t>(
      table, "employer", rows, [&](std::size_t i) { return model::index(jobs[i].employer); }, "",
      "employer index");
  write_column<std::uint8_t>(
      table, "group", rows, [&](std::size_t i) { return model::index(jobs[i].group); }, "",
      "customer group, an index into /groups");
  write_column<std::uint8_t>(
      table, "via_submission", rows, [&](std::size_t i) { return jobs[i].via_submission ? 1 : 0; },
      "", "1 if the hire came from an adviser's submission");
  write_column<double>(
      table, "quality", rows, [&](std::size_t i) { return jobs[i].quality; }, "",
      "job quality, 0..1");
  write_column<double>(
      table, "start", rows, [&](std::size_t i) { return jobs[i].start; }, "days", "day of hire");
  write_column<double>(
      table, "end", rows, [&](std::size_t i) { return jobs[i].end; }, "days",
      "day of separation as drawn at hire (may lie after the run's end)");
  write_column<double>(
      table, "reclaim", rows, [&](std::size_t i) { return jobs[i].reclaim; }, "days",
      "day the next claim began; +inf if none");
}

void write_events(TraceFile& file, const std::string& root, const model::VariantResult& variant) {
  const auto& events = variant.events;
  Table& table = file.add_table(root + "/events");
  const std::size_t rows = events.size();
  write_column<double>(
      table, "time", rows, [&](std::size_t i) { return events[i].time; }, "days",
      "when the event was handled");
  write_column<std::uint32_t>(
      table, "kind", rows, [&](std::size_t i) { return events[i].kind; }, "",
      "an index into /event_kinds");
  write_column<std::uint32_t>(
      table, "subject", rows, [&](std::size_t i) { return events[i].subject; }, "",
      "read by kind (sim/model/event_kind.hpp): a jobseeker, employer, "
      "vacancy, week or inflow source");
  write_column<std::uint32_t>(
      table, "detail", rows, [&](std::size_t i) { return events[i].detail; }, "",
      "read by kind: a spell, job, plan slot or milestone");
}

}  // namespace

void write_variant(TraceFile& file, const model::VariantResult& variant, TraceLevel level) {
  const std::string root = "/" + variant.name;
  file.create_group(root);
  file.set_attribute(root, "measure_start_days", variant.measure_start);
  file.set_attribute(root, "end_days", variant.end);
  file.set_attribute(root, "events_handled", variant.events_handled);
  file.set_attribute(root, "submissions_failed", variant.submissions_failed);
  file.set_attribute(root, "searches_crowded_out", variant.searches_crowded_out);
  file.set_attribute(root, "interrupted", variant.interrupted);

  write_panel(file, root, variant);
  if (level == TraceLevel::Summary) return;
  write_jobseekers(file, root, variant.jobseekers);
  write_advisers(file, root, variant);
  write_spells(file, root, variant);
  write_jobs(file, root, variant);
  if (level == TraceLevel::Events) write_events(file, root, variant);
}

}  // namespace caseload::io
