// write_variant (run_trace.hpp): one variant's panel, agent tables, logs and event log, each
// written column by column through the chunked column writers, in the order, with the types,
// units and descriptions of trace_schema.cpp.
//
// Why every table goes through the chunked, appendable columns even though today all of them
// are complete when written: the panel, spells, jobs and events are to be streamed to the file
// as the run produces them (so memory stays flat on long runs), and those need the chunk
// buffers; jobseekers and advisers are small and one writer for all tables is less code than
// a second, whole-dataset path.

#include <cstddef>
#include <exception>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "sim/core/assert.hpp"
#include "sim/core/time.hpp"
#include "sim/io/trace/attribute_schema.hpp"
#include "sim/io/trace/column_writer.hpp"
#include "sim/io/trace/run_trace.hpp"
#include "sim/io/trace/trace_schema.hpp"
#include "sim/model/action.hpp"
#include "sim/model/ids.hpp"
#include "sim/model/labels.hpp"

namespace caseload::io {

namespace {

// One table filled in the schema's column order. Each column written must be the next one the
// schema lists (same name and type) and none may be left out, so a column added to one and
// not the other fails every test that writes a trace.
class SchemaTable {
 public:
  SchemaTable(TraceFile& file, const std::string& root, std::string_view name)
      : table_(file.add_table(fmt::format("{}/{}", root, name))),
        columns_(expand_columns(trace_table(name))) {}
  ~SchemaTable() {
    // An exception in flight (disk full, say) leaves the table short by design.
    if (std::uncaught_exceptions() == 0) {
      CASELOAD_ASSERT(next_ == columns_.size(), "a trace_schema.cpp column was not written");
    }
  }
  SchemaTable(const SchemaTable&) = delete;
  SchemaTable& operator=(const SchemaTable&) = delete;

  // One column at a time: only that column's chunk buffer is live, and each value is a store.
  template <ColumnValue T, class ValueOf>
  void column(std::string_view name, std::size_t rows, ValueOf value_of) {
    CASELOAD_ASSERT(next_ < columns_.size(), "a column that trace_schema.cpp does not list");
    const SchemaColumn& spec = columns_[next_++];
    CASELOAD_ASSERT(spec.name == name && spec.type == column_type_of<T>,
                    "a column differs from trace_schema.cpp in name, order or type");
    ColumnOptions options;
    options.units = spec.units;
    options.description = spec.description;
    Column<T>& column = table_.add_column<T>(name, options);
    for (std::size_t row = 0; row < rows; ++row) column.append(static_cast<T>(value_of(row)));
  }

 private:
  Table& table_;
  std::vector<SchemaColumn> columns_;
  std::size_t next_ = 0;
};

void write_panel(TraceFile& file, const std::string& root, const model::VariantResult& variant) {
  const auto& panel = variant.panel;
  SchemaTable out(file, root, "panel");
  const std::size_t rows = panel.size();
  const auto row = [&panel](std::size_t i) -> const model::PanelRow& { return panel[i]; };
  const auto counts = [&panel](std::size_t i) -> const model::PanelCounts& {
    return panel[i].counts;
  };
  out.column<std::uint32_t>("week", rows, [&](std::size_t i) { return row(i).week; });
  out.column<std::uint32_t>("office", rows,
                            [&](std::size_t i) { return model::index(row(i).office); });
  out.column<std::uint8_t>("group", rows,
                           [&](std::size_t i) { return model::index(row(i).group); });
  out.column<std::uint32_t>("stock", rows, [&](std::size_t i) { return counts(i).stock; });
  out.column<std::uint32_t>("inflow", rows, [&](std::size_t i) { return counts(i).inflow; });
  out.column<std::uint32_t>("reclaims", rows, [&](std::size_t i) { return counts(i).reclaims; });
  const auto& exits = model::exit_reason_names;
  static_assert(exits.size() == std::tuple_size_v<decltype(model::PanelCounts::exits)>);
  for (std::size_t reason = 0; reason < exits.size(); ++reason) {
    out.column<std::uint32_t>(fmt::format("exits_{}", exits[reason]), rows,
                              [&](std::size_t i) { return counts(i).exits[reason]; });
  }
  out.column<std::uint32_t>("entries_via_submission", rows,
                            [&](std::size_t i) { return counts(i).entries_via_submission; });
  out.column<std::uint32_t>("sustained_13", rows,
                            [&](std::size_t i) { return counts(i).sustained_13; });
  out.column<std::uint32_t>("sustained_26", rows,
                            [&](std::size_t i) { return counts(i).sustained_26; });
  for (std::size_t action = 0; action < model::action_count; ++action) {
    out.column<double>(fmt::format("minutes_{}", model::action_names[action]), rows,
                       [&](std::size_t i) { return counts(i).minutes[action]; });
  }
  out.column<std::uint32_t>("submissions", rows,
                            [&](std::size_t i) { return counts(i).submissions; });
  out.column<std::uint32_t>("speculative_submissions", rows,
                            [&](std::size_t i) { return counts(i).speculative_submissions; });
  out.column<std::uint32_t>("matched_submissions", rows,
                            [&](std::size_t i) { return counts(i).matched_submissions; });
  out.column<std::uint32_t>("in_work_support", rows, [&](std::size_t i) { return counts(i).in_work_support; });
  out.column<double>("office_goodwill", rows, [&](std::size_t i) { return counts(i).office_goodwill; });
  out.column<std::uint32_t>("referrals", rows, [&](std::size_t i) { return counts(i).referrals; });
  out.column<std::uint32_t>("sanctions", rows, [&](std::size_t i) { return counts(i).sanctions; });
  out.column<double>("fund_spend", rows, [&](std::size_t i) { return counts(i).fund_spend; });
}

void write_jobseekers(TraceFile& file, const std::string& root, const model::JobseekerTable& js) {
  SchemaTable out(file, root, "jobseekers");
  const std::size_t rows = js.size();
  out.column<std::uint8_t>("group", rows, [&](std::size_t i) { return model::index(js.group[i]); });
  out.column<std::uint32_t>("office", rows,
                            [&](std::size_t i) { return model::index(js.office[i]); });
  out.column<double>("employability", rows, [&](std::size_t i) { return js.employability[i]; });
  out.column<double>("motivation", rows, [&](std::size_t i) { return js.motivation[i]; });
  out.column<std::uint32_t>("adviser", rows,
                            [&](std::size_t i) { return model::index(js.adviser[i]); });
  for (std::size_t action = 0; action < model::action_count; ++action) {
    out.column<double>(fmt::format("help_minutes_{}", model::action_names[action]), rows,
                       [&](std::size_t i) { return js.help_minutes[i][action]; });
  }
  out.column<double>("employed_days", rows, [&](std::size_t i) { return js.employed_days[i]; });
  out.column<std::uint32_t>("entries", rows, [&](std::size_t i) { return js.entries[i]; });
  out.column<std::uint32_t>("sustained_13", rows,
                            [&](std::size_t i) { return js.sustained_13[i]; });
  out.column<std::uint32_t>("sustained_26", rows,
                            [&](std::size_t i) { return js.sustained_26[i]; });
  out.column<std::uint32_t>("claim_weeks", rows, [&](std::size_t i) { return js.claim_weeks[i]; });
  out.column<std::uint32_t>("parked_weeks", rows,
                            [&](std::size_t i) { return js.parked_weeks[i]; });
  out.column<std::uint32_t>("reclaims", rows, [&](std::size_t i) { return js.reclaims[i]; });
  out.column<std::uint8_t>("state", rows,
                           [&](std::size_t i) { return static_cast<std::uint8_t>(js.state[i]); });
}

void write_offices(TraceFile& file, const std::string& root, const model::VariantResult& variant) {
  const auto& offices = variant.offices;
  SchemaTable out(file, root, "offices");
  const std::size_t rows = offices.size();
  std::vector<double> claimants(rows, 0.0);
  const double weeks = (variant.end - variant.measure_start) / core::days_per_week;
  for (const auto& row : variant.panel) {
    const std::size_t office = model::index(row.office);
    if (office < rows && row.week * core::days_per_week >= variant.measure_start) claimants[office] += row.counts.stock;
  }
  out.column<std::uint32_t>("cluster", rows, [&](std::size_t i) { return static_cast<std::uint32_t>(offices[i].cluster); });
  out.column<std::int32_t>("district", rows, [&](std::size_t i) { return static_cast<std::int32_t>(offices[i].district); });
  out.column<std::uint32_t>("advisers", rows, [&](std::size_t i) { return static_cast<std::uint32_t>(offices[i].advisers); });
  out.column<std::uint32_t>("employers", rows,
                            [&](std::size_t i) { return static_cast<std::uint32_t>(offices[i].employers); });
  out.column<double>("vacancies_per_week", rows, [&](std::size_t i) { return offices[i].vacancies_per_week; });
  out.column<double>("quality_mean", rows, [&](std::size_t i) { return offices[i].quality_mean(); });
  out.column<double>("new_claims_per_week", rows, [&](std::size_t i) { return variant.new_claims_per_week[i]; });
  out.column<double>("tightness_half_vacancies", rows,
                     [&](std::size_t i) { return offices[i].tightness_half_vacancies; });
  out.column<double>("mean_claimants", rows, [&](std::size_t i) { return weeks > 0.0 ? claimants[i] / weeks : 0.0; });
}

void write_advisers(TraceFile& file, const std::string& root, const model::VariantResult& variant) {
  const auto& advisers = variant.advisers;
  SchemaTable out(file, root, "advisers");
  const std::size_t rows = advisers.size();
  out.column<std::uint32_t>("office", rows,
                            [&](std::size_t i) { return model::index(advisers.office[i]); });
  out.column<std::uint32_t>("team", rows, [&](std::size_t i) { return advisers.team[i]; });
  out.column<double>("w_client", rows, [&](std::size_t i) { return advisers.w_client[i]; });
  out.column<double>("effectiveness", rows,
                     [&](std::size_t i) { return advisers.effectiveness[i]; });
  out.column<std::uint8_t>("is_provider", rows,
                           [&](std::size_t i) { return advisers.is_provider[i]; });
  out.column<std::uint32_t>("provider", rows, [&](std::size_t i) { return advisers.provider[i]; });
  const auto& measured = advisers.measured;
  out.column<double>("review_minutes", rows,
                     [&](std::size_t i) { return measured[i].review_minutes; });
  for (std::size_t action = 0; action < model::action_count; ++action) {
    out.column<double>(fmt::format("minutes_{}", model::action_names[action]), rows,
                       [&](std::size_t i) { return measured[i].action_minutes[action]; });
  }
  out.column<double>("budget_minutes", rows,
                     [&](std::size_t i) { return measured[i].budget_minutes; });
  out.column<double>("fund_spend", rows, [&](std::size_t i) { return measured[i].fund_spend; });
  out.column<double>("measured_weeks", rows,
                     [&](std::size_t i) { return advisers.measured_weeks[i]; });
  out.column<std::uint32_t>("caseload", rows, [&](std::size_t i) {
    return static_cast<std::uint32_t>(advisers.caseload[i].size());
  });
  out.column<double>("mean_caseload", rows, [&](std::size_t i) {
    const double weeks = advisers.measured_weeks[i];
    return weeks > 0.0 ? advisers.measured_caseload[i] / weeks : 0.0;
  });
  const auto& performance = variant.measured_by_adviser;
  out.column<double>("measured_performance", rows,
                     [&](std::size_t i) { return i < performance.size() ? performance[i] : 0.0; });
  out.column<double>("pressure", rows, [&](std::size_t i) {
    return i < variant.pressure_by_adviser.size() ? variant.pressure_by_adviser[i] : 1.0;
  });
  out.column<std::uint8_t>("stars", rows, [&](std::size_t i) {
    return i < variant.stars_by_adviser.size() ? variant.stars_by_adviser[i] : std::uint8_t{0};
  });
}

void write_spells(TraceFile& file, const std::string& root, const model::VariantResult& variant) {
  const auto& spells = variant.spells;
  SchemaTable out(file, root, "spells");
  const std::size_t rows = spells.size();
  out.column<std::uint32_t>("person", rows,
                            [&](std::size_t i) { return model::index(spells[i].person); });
  out.column<std::uint8_t>("group", rows,
                           [&](std::size_t i) { return model::index(spells[i].group); });
  out.column<std::uint32_t>("office", rows,
                            [&](std::size_t i) { return model::index(spells[i].office); });
  out.column<std::uint8_t>(
      "reason", rows, [&](std::size_t i) { return static_cast<std::uint8_t>(spells[i].reason); });
  out.column<std::uint8_t>("is_reclaim", rows,
                           [&](std::size_t i) { return spells[i].is_reclaim ? 1 : 0; });
  out.column<std::uint8_t>("is_open", rows,
                           [&](std::size_t i) { return spells[i].is_open ? 1 : 0; });
  out.column<double>("start", rows, [&](std::size_t i) { return spells[i].start; });
  out.column<double>("end", rows, [&](std::size_t i) { return spells[i].end; });
}

void write_jobs(TraceFile& file, const std::string& root, const model::VariantResult& variant) {
  const auto& jobs = variant.jobs;
  SchemaTable out(file, root, "jobs");
  const std::size_t rows = jobs.size();
  out.column<std::uint32_t>("person", rows,
                            [&](std::size_t i) { return model::index(jobs[i].person); });
  out.column<std::uint32_t>("employer", rows,
                            [&](std::size_t i) { return model::index(jobs[i].employer); });
  out.column<std::uint8_t>("group", rows,
                           [&](std::size_t i) { return model::index(jobs[i].group); });
  out.column<std::uint8_t>("via_submission", rows,
                           [&](std::size_t i) { return jobs[i].via_submission ? 1 : 0; });
  out.column<double>("quality", rows, [&](std::size_t i) { return jobs[i].quality; });
  out.column<double>("start", rows, [&](std::size_t i) { return jobs[i].start; });
  out.column<double>("end", rows, [&](std::size_t i) { return jobs[i].end; });
  out.column<double>("reclaim", rows, [&](std::size_t i) { return jobs[i].reclaim; });
}

void write_events(TraceFile& file, const std::string& root, const model::VariantResult& variant) {
  const auto& events = variant.events;
  SchemaTable out(file, root, "events");
  const std::size_t rows = events.size();
  out.column<double>("time", rows, [&](std::size_t i) { return events[i].time; });
  out.column<std::uint32_t>("kind", rows, [&](std::size_t i) { return events[i].kind; });
  out.column<std::uint32_t>("subject", rows, [&](std::size_t i) { return events[i].subject; });
  out.column<std::uint32_t>("detail", rows, [&](std::size_t i) { return events[i].detail; });
  out.column<std::uint32_t>("client", rows, [&](std::size_t i) { return events[i].client; });
  out.column<std::uint32_t>("adviser", rows, [&](std::size_t i) { return events[i].adviser; });
  out.column<std::uint8_t>("action", rows, [&](std::size_t i) { return events[i].action; });
}

void write_employers(TraceFile& file, const std::string& root, const model::VariantResult& variant) {
  const auto& employers = variant.employers;
  const auto& vacancies = variant.vacancies;
  std::vector<std::uint32_t> notified(employers.size(), 0), filled(employers.size(), 0);
  for (std::uint32_t v = 0; v < vacancies.size(); ++v) {
    const auto row = model::index(vacancies.employer[v]);
    notified[row] += vacancies.notified[v];
    filled[row] += vacancies.state[v] == model::VacancyState::FilledByClaimant ? 1u : 0u;
  }
  SchemaTable out(file, root, "employers");
  const std::size_t rows = employers.size();
  out.column<std::uint32_t>("office", rows, [&](std::size_t i) { return model::index(employers.office[i]); });
  out.column<double>("quality", rows, [&](std::size_t i) { return employers.quality[i]; });
  out.column<double>("threshold", rows, [&](std::size_t i) { return employers.threshold[i]; });
  out.column<double>("goodwill", rows, [&](std::size_t i) { return employers.goodwill[i]; });
  out.column<std::uint32_t>("vacancies_opened", rows, [&](std::size_t i) { return employers.vacancies_opened[i]; });
  out.column<std::uint32_t>("vacancies_notified", rows, [&](std::size_t i) { return notified[i]; });
  out.column<std::uint32_t>("vacancies_filled", rows, [&](std::size_t i) { return filled[i]; });
}

// The vacancy's state and how a claimant filled it, as a code of vacancy_outcome_names.
std::uint8_t outcome_of(const model::VacancyTable& vacancies, std::size_t row) {
  switch (vacancies.state[row]) {
    case model::VacancyState::Open: return 0;
    case model::VacancyState::FilledByClaimant: return vacancies.via_submission[row] != 0 ? 1 : 2;
    case model::VacancyState::FilledExternally: return 3;
    case model::VacancyState::Expired: return 4;
  }
  return 0;
}

void write_vacancies(TraceFile& file, const std::string& root, const model::VariantResult& variant) {
  const auto& vacancies = variant.vacancies;
  SchemaTable out(file, root, "vacancies");
  const std::size_t rows = vacancies.size();
  const auto employer = [&](std::size_t i) { return model::index(vacancies.employer[i]); };
  out.column<std::uint32_t>("employer", rows, employer);
  out.column<double>("opened", rows, [&](std::size_t i) { return vacancies.opened[i]; });
  out.column<double>("closed", rows, [&](std::size_t i) { return vacancies.closed[i]; });
  out.column<double>("quality", rows, [&](std::size_t i) { return variant.employers.quality[employer(i)]; });
  out.column<std::uint8_t>("notified", rows, [&](std::size_t i) { return vacancies.notified[i]; });
  out.column<std::uint8_t>("outcome", rows, [&](std::size_t i) { return outcome_of(vacancies, i); });
  out.column<std::uint32_t>("hired", rows, [&](std::size_t i) { return model::index(vacancies.hired[i]); });
}

void write_scoreboard(TraceFile& file, const std::string& root, const model::Scoreboard& board) {
  const auto& rows = board.rows;
  SchemaTable out(file, root, "scoreboard");
  const std::size_t size = rows.size();
  out.column<std::uint32_t>("week", size, [&](std::size_t i) { return rows[i].week; });
  out.column<std::uint8_t>("level", size, [&](std::size_t i) { return rows[i].level; });
  out.column<std::uint32_t>("unit", size, [&](std::size_t i) { return rows[i].unit; });
  out.column<std::uint8_t>("indicator", size, [&](std::size_t i) { return rows[i].indicator; });
  out.column<double>("credit", size, [&](std::size_t i) { return rows[i].credit; });
  out.column<double>("target", size, [&](std::size_t i) { return rows[i].target; });
  out.column<double>("pressure", size, [&](std::size_t i) { return rows[i].pressure; });
  out.column<std::uint8_t>("stars", size, [&](std::size_t i) { return rows[i].stars; });
}

}  // namespace

void write_variant(TraceFile& file, const model::VariantResult& variant, TraceLevel level) {
  const std::string root = "/" + variant.name;
  file.create_group(root);
  const auto set_variant = [&](std::string_view name, const auto& value) {
    set_declared_attribute(file, root, variant_attributes(), name, value);
  };
  set_variant("measure_start_days", variant.measure_start);
  set_variant("end_days", variant.end);
  set_variant("events_handled", variant.events_handled);
  set_variant("submissions_failed", variant.submissions_failed);
  set_variant("searches_crowded_out", variant.searches_crowded_out);
  set_variant("interrupted", variant.interrupted);

  // The schema says which level adds each table.
  const auto wants = [level](std::string_view table) { return trace_table(table).level <= level; };
  write_panel(file, root, variant);
  write_offices(file, root, variant);
  if (wants("jobseekers")) write_jobseekers(file, root, variant.jobseekers);
  if (wants("advisers")) write_advisers(file, root, variant);
  if (wants("spells")) write_spells(file, root, variant);
  if (wants("jobs")) write_jobs(file, root, variant);
  if (wants("employers")) write_employers(file, root, variant);
  if (wants("vacancies")) write_vacancies(file, root, variant);
  if (wants("events")) write_events(file, root, variant);
  if (wants("scoreboard")) write_scoreboard(file, root, variant.scoreboard);
}

}  // namespace caseload::io
