#include "sim/io/trace/trace_schema.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "sim/core/assert.hpp"
#include "sim/model/action.hpp"
#include "sim/model/labels.hpp"

namespace caseload::io {

namespace {

using enum ColumnType;
constexpr Repeat per_action = Repeat::PerAction;

constexpr std::array<std::string_view, 3> level_names = {"summary", "agents", "events"};

// Columns are listed in the order the writer appends them; variant_tables.cpp checks each one
// it writes against this list, so the two cannot drift apart.
constexpr ColumnSpec panel_columns[] = {
    {"week", UInt32, "weeks",
     "week index from 0; the row is measured when `week * 7 >= measure_start_days`"},
    {"office", UInt32, "", "office index"},
    {"group", UInt8, "", "customer group (`/groups`)"},
    {"stock", UInt32, "people", "claiming at the end of the week"},
    {"inflow", UInt32, "claims", "claims begun in the week (reclaims included)"},
    {"reclaims", UInt32, "claims", "of those, by people who had claimed before"},
    {"exits_{}", UInt32, "claims", "claims that ended in the week for the reason {}",
     Repeat::PerExitReason},
    {"entries_via_submission", UInt32, "jobs",
     "job entries that came from an adviser's submission"},
    {"sustained_13", UInt32, "jobs", "jobs reaching 13 weeks' tenure in the week"},
    {"sustained_26", UInt32, "jobs", "jobs reaching 26 weeks' tenure in the week"},
    {"minutes_{}", Float64, "minutes", "adviser minutes on {} for the cell's clients", per_action},
    {"submissions", UInt32, "submissions", "clients put forward to vacancies"},
    {"speculative_submissions", UInt32, "submissions",
     "of those, with a perceived hire chance below `actions.submission.speculative_below`"},
    {"matched_submissions", UInt32, "submissions",
     "of those, matched: only to a vacancy above the office's median job quality"},
    {"in_work_support", UInt32, "actions", "in-work support given to the cell's clients in a job"},
    {"office_goodwill", Float64, "goodwill",
     "mean goodwill (0..1) of the office's employers at the week's end (the same in every group's row)"},
    {"referrals", UInt32, "referrals", "referrals to provision"},
    {"sanctions", UInt32, "sanctions", "sanctions imposed"},
    {"fund_spend", Float64, "money", "discretion-fund money awarded"},
};

constexpr ColumnSpec jobseekers_columns[] = {
    {"group", UInt8, "", "customer group (`/groups`)"},
    {"office", UInt32, "", "office index"},
    {"employability", Float64, "",
     "employability at claim, e0 (latent; higher is closer to work); the model's float32 value, "
     "exactly"},
    {"motivation", Float64, "", "motivation, 0..1"},
    {"adviser", UInt32, "",
     "row of `advisers` holding the person's latest claim; `4294967295` if never on a caseload"},
    {"help_minutes_{}", Float64, "minutes", "adviser minutes of {} received in the measured period",
     per_action},
    {"employed_days", Float64, "days", "days in work in the measured period"},
    {"entries", UInt32, "jobs", "job entries in the measured period"},
    {"sustained_13", UInt32, "jobs", "jobs reaching 13 weeks' tenure in the measured period"},
    {"sustained_26", UInt32, "jobs", "jobs reaching 26 weeks' tenure in the measured period"},
    {"claim_weeks", UInt32, "weeks", "weeks on an adviser's caseload in the measured period"},
    {"parked_weeks", UInt32, "weeks",
     "of `claim_weeks`, weeks inside a run of 8 or more weeks without discretionary help"},
    {"reclaims", UInt32, "claims", "repeat claims begun in the measured period"},
    {"state", UInt8, "", "state at the end of the run (`/jobseeker_states`)"},
};

constexpr ColumnSpec offices_columns[] = {
    {"cluster", UInt32, "", "cluster of comparable offices (0 = fewest vacancies per claim)"},
    {"district", Int32, "", "district the office is managed in (-1 without districts)"},
    {"advisers", UInt32, "people", "jobcentre advisers"},
    {"employers", UInt32, "employers", "employers in the office's local market"},
    {"vacancies_per_week", Float64, "vacancies", "vacancies each employer opens per week"},
    {"quality_mean", Float64, "", "mean job quality of its employers' jobs (0..1)"},
    {"new_claims_per_week", Float64, "claims", "expected new claims per week, all groups"},
    {"tightness_half_vacancies", Float64, "vacancies", "open vacancies at which own-search tightness is 1/2"},
    {"mean_claimants", Float64, "people", "claimants at week ends, mean over the measured period"},
};

constexpr ColumnSpec advisers_columns[] = {
    {"office", UInt32, "", "office index"},
    {"team", UInt32, "", "team within the office"},
    {"w_client", Float64, "", "weight on clients' good (public-service motivation), 0..1"},
    {"effectiveness", Float64, "", "multiplier on what an interview does"},
    {"is_provider", UInt8, "",
     "1 for a contracted provider's caseworker (these rows follow every jobcentre adviser)"},
    {"provider", UInt32, "",
     "the caseworker's provider, office × `providers.per_office` + provider; 0 for jobcentre "
     "advisers"},
    {"review_minutes", Float64, "minutes", "attended mandatory reviews"},
    {"minutes_{}", Float64, "minutes", "minutes on {}", per_action},
    {"budget_minutes", Float64, "minutes", "discretionary minutes available"},
    {"fund_spend", Float64, "GBP",
     "discretion fund spent (a caseworker spends its provider's programme budget)"},
    {"measured_weeks", Float64, "weeks", "weeks in the measured period"},
    {"caseload", UInt32, "clients",
     "clients on the caseload at the end of the run (an office's caseload is the sum over its rows)"},
    {"mean_caseload", Float64, "clients",
     "caseload at each measured week's end, averaged over `measured_weeks` (0 if none)"},
    {"measured_performance", Float64, "points",
     "what the regime credited the adviser with, in the regime's own units (0 under a neutral "
     "regime)"},
    {"pressure", Float64, "",
     "management pressure on the adviser's unit at the end of the run (1 = none)"},
    {"stars", UInt8, "",
     "star rating (1-5) of the adviser's unit at its last benchmarking review; 0 when the regime "
     "has no `stars`"},
};

constexpr ColumnSpec spells_columns[] = {
    {"person", UInt32, "", "row of `jobseekers`"},
    {"group", UInt8, "", "customer group (`/groups`)"},
    {"office", UInt32, "", "office index"},
    {"reason", UInt8, "", "why it ended (`/exit_reasons`); `0` while open"},
    {"is_reclaim", UInt8, "", "`1` if the person had claimed before"},
    {"is_open", UInt8, "", "`1` if the claim was still open when the run ended"},
    {"start", Float64, "days", "day the claim began (negative for the stock at day 0)"},
    {"end", Float64, "days", "day it ended; the run's end for an open claim"},
};

constexpr ColumnSpec jobs_columns[] = {
    {"person", UInt32, "", "row of `jobseekers`"},
    {"employer", UInt32, "", "employer index"},
    {"group", UInt8, "", "customer group (`/groups`)"},
    {"via_submission", UInt8, "", "`1` if the hire came from an adviser's submission"},
    {"quality", Float64, "", "job quality, 0..1"},
    {"start", Float64, "days", "day of hire"},
    {"end", Float64, "days", "day of separation as drawn at hire; may lie after the run's end"},
    {"reclaim", Float64, "days", "day the person's next claim began; `+inf` if none"},
};

// Employers and their vacancies (issue 12): who posted what, and who filled it.
constexpr ColumnSpec employers_columns[] = {
    {"office", UInt32, "", "office index"},
    {"quality", Float64, "", "job quality of its vacancies, 0..1 (drives tenure)"},
    {"threshold", Float64, "", "hiring threshold on its view of a candidate's employability"},
    {"goodwill", Float64, "", "goodwill towards its office at the end of the run, 0..1"},
    {"vacancies_opened", UInt32, "vacancies", "vacancies it opened over the whole run (warm-up included)"},
    {"vacancies_notified", UInt32, "vacancies", "of those, notified to the office (open to submissions)"},
    {"vacancies_filled", UInt32, "vacancies", "of those, filled by a claimant (submission or own search)"},
};

constexpr ColumnSpec vacancies_columns[] = {
    {"employer", UInt32, "", "row of `employers`"},
    {"opened", Float64, "days", "day it opened"},
    {"closed", Float64, "days", "day it closed; `+inf` if still open at the end of the run"},
    {"quality", Float64, "", "job quality (its employer's), 0..1"},
    {"notified", UInt8, "", "`1` if notified to the office, so advisers could submit to it"},
    {"outcome", UInt8, "",
     "how it closed (`/vacancy_outcomes`): still open, filled through a submission, filled by a "
     "claimant's own search, filled from the open market, or expired"},
    {"hired", UInt32, "", "row of `jobseekers` who filled it; `4294967295` unless a claimant did"},
};

constexpr ColumnSpec events_columns[] = {
    {"time", Float64, "days", "when the event was handled"},
    {"kind", UInt32, "", "`/event_kinds`"},
    {"subject", UInt32, "",
     "read by kind (`sim/model/event_kind.hpp`): a jobseeker, employer, vacancy, week number or "
     "inflow source; `0` for an action (see `client` and `adviser`)"},
    {"detail", UInt32, "", "read by kind: a spell, job, plan slot or milestone"},
    {"client", UInt32, "",
     "action events: row of `jobseekers` the action was for; `4294967295` for other events and "
     "for actions on no client (employer contacts, validation paperwork)"},
    {"adviser", UInt32, "",
     "action events: row of `advisers` who took the action; `4294967295` for other events"},
    {"action", UInt8, "", "action events: the action (`/actions`); `255` for other events"},
};

// The regime's scoreboard (issue 12): long format, one row per (week, unit, indicator).
constexpr ColumnSpec scoreboard_columns[] = {
    {"week", UInt32, "weeks", "week index from 0, warm-up included; the row is the week's close"},
    {"level", UInt8, "",
     "what kind of unit (`/unit_levels`): adviser, team, office, provider, district or nation"},
    {"unit", UInt32, "",
     "the unit's index at its level: adviser row, team (office × teams per office + team), "
     "office, or provider (office × `providers.per_office` + provider)"},
    {"indicator", UInt8, "", "the indicator (`/scoreboard_indicators`)"},
    {"credit", Float64, "points",
     "credit from this indicator counted for the unit at this week's close (after any data "
     "lag), in the regime's units (money under payment by results)"},
    {"target", Float64, "points",
     "the unit's target to date in the target year at its last review, all indicators together "
     "(the expected value when benchmarked); NaN before the first review or without reviews"},
    {"pressure", Float64, "", "management pressure on the unit after this week (1 = none)"},
    {"stars", UInt8, "", "the unit's star rating (1-5) after this week; 0 when the regime has no `stars`"},
};

constexpr TableSpec all_tables[] = {
    {"panel", TraceLevel::Summary,
     "one row per (week, office, customer group), every simulated week (warm-up included)",
     panel_columns},
    {"offices", TraceLevel::Summary, "one row per office; row index = the office's id", offices_columns},
    {"jobseekers", TraceLevel::Agents, "one row per person; row index = the person's id",
     jobseekers_columns},
    {"advisers", TraceLevel::Agents, "one row per adviser; totals over the measured period",
     advisers_columns},
    {"spells", TraceLevel::Agents, "one row per claim, in the order claims began", spells_columns},
    {"jobs", TraceLevel::Agents, "one row per job, in the order of hire", jobs_columns},
    {"employers", TraceLevel::Agents, "one row per employer; row index = the employer's id",
     employers_columns},
    {"vacancies", TraceLevel::Agents, "one row per vacancy, in the order opened; row index = its id",
     vacancies_columns},
    {"events", TraceLevel::Events, "one row per handled event, in the order handled",
     events_columns},
    {"scoreboard", TraceLevel::Summary,
     "one row per (week, unit the regime counts, indicator), by week, then unit, then indicator; "
     "no rows under a neutral regime",
     scoreboard_columns},
};

std::span<const std::string_view> labels_of(Repeat repeat) {
  switch (repeat) {
    case Repeat::PerAction:
      return model::action_names;
    case Repeat::PerExitReason:
      return model::exit_reason_names;
    case Repeat::Once:
      break;
  }
  return {};
}

// How the docs name a repeated column's label, and the list it comes from.
std::string_view placeholder_of(Repeat repeat) {
  return repeat == Repeat::PerAction ? "action" : "reason";
}
std::string_view label_list_of(Repeat repeat) {
  return repeat == Repeat::PerAction ? "/actions" : "/exit_reasons";
}

// fmt::runtime: the patterns are data, each with exactly one `{}` when repeated.
std::string with_label(std::string_view pattern, std::string_view label) {
  return fmt::format(fmt::runtime(pattern), label);
}

}  // namespace

std::string_view name_of(TraceLevel level) { return level_names[static_cast<std::size_t>(level)]; }

std::optional<TraceLevel> trace_level_named(std::string_view name) {
  for (std::size_t i = 0; i < level_names.size(); ++i) {
    if (level_names[i] == name) return static_cast<TraceLevel>(i);
  }
  return std::nullopt;
}

std::span<const TableSpec> trace_tables() { return all_tables; }

const TableSpec& trace_table(std::string_view name) {
  const auto* found = std::find_if(std::begin(all_tables), std::end(all_tables),
                                   [&](const TableSpec& table) { return table.name == name; });
  CASELOAD_ASSERT(found != std::end(all_tables), "no such trace table");
  return *found;
}

std::vector<SchemaColumn> expand_columns(const TableSpec& table) {
  std::vector<SchemaColumn> out;
  for (const ColumnSpec& column : table.columns) {
    if (column.repeat == Repeat::Once) {
      out.push_back({std::string(column.name), column.type, std::string(column.units),
                     std::string(column.description)});
      continue;
    }
    for (std::string_view label : labels_of(column.repeat)) {
      out.push_back({with_label(column.name, label), column.type, std::string(column.units),
                     with_label(column.description, label)});
    }
  }
  return out;
}

std::string_view name_of(ColumnType type) {
  switch (type) {
    case Float64:
      return "float64";
    case Int64:
      return "int64";
    case Int32:
      return "int32";
    case UInt32:
      return "uint32";
    case UInt8:
      return "uint8";
  }
  return "unknown";
}

std::string trace_tables_markdown() {
  std::string text;
  for (const TableSpec& table : all_tables) {
    text +=
        fmt::format("#### `{}`: {} (level `{}`)\n\n", table.name, table.rows, name_of(table.level));
    text += "| column | type | units | meaning |\n|--------|------|-------|---------|\n";
    for (const ColumnSpec& column : table.columns) {
      std::string name = fmt::format("`{}`", column.name);
      std::string meaning(column.description);
      if (column.repeat != Repeat::Once) {
        const std::string placeholder = fmt::format("<{}>", placeholder_of(column.repeat));
        name = fmt::format("`{}` (one per `{}`)", with_label(column.name, placeholder),
                           label_list_of(column.repeat));
        meaning = with_label(column.description, fmt::format("`{}`", placeholder));
      }
      // An empty cell is written "| |", as the hand-written tables have it.
      const std::string units = column.units.empty() ? " " : fmt::format(" {} ", column.units);
      text += fmt::format("| {} | {} |{}| {} |\n", name, name_of(column.type), units, meaning);
    }
    text += '\n';
  }
  return text;
}

}  // namespace caseload::io
