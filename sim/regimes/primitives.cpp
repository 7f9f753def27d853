#include "sim/regimes/primitives.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

namespace caseload::regimes {

namespace {

// The explicit list of indicator primitives: add a row to add one. Docs text is plain; the
// Markdown renderer escapes the pipes.
constexpr Primitive primitives[] = {
    {"job_entry", read_job_entry, build_job_entry, "a move from the caseload into work",
     "`attribution` evidenced|matched|attached (matched); `points`; `long_term_after_weeks`, "
     "`long_term_points` (0, 0); `window_weeks` (13); `validation_minutes` (actions.validation.minutes); "
     "`lag_weeks` (0); `false_negative`, `false_positive` (0, 0); `bonus_points`, `bonus_after_weeks`, "
     "`bonus_groups` (0, 4, all groups); `uplift_offices`, `uplift_share`, `uplift_min_points` ([], 0.5, 2); "
     "`audit.sample_rate`, `audit.penalty_points` (0, 0; evidenced only); `match_rate` (1; by group; matched "
     "and attached only)",
     "evidenced: the **whole** chance of an entry if it creates the client's first evidence in the window, "
     "else the change; matched: the change × (1 − false_negative) × match_rate"},
    {"sustained_job", read_sustained_job, build_sustained_job, "a job lasting `weeks` (13 or 26), and sustainment payments after it",
     "`attribution` matched|attached (matched); `weeks` (26); `points`; `sustainment_points` (0); "
     "`sustainment_every_weeks` (4); `sustainment_max` (0; a whole number, at most 104)",
     "(price + sustainment × expected payments) × change in the chance of a sustained job; expected "
     "payments are all `sustainment_max` of the schedule, each weighted by the chance the job lasts to its "
     "date, taking the 13-to-26-week survival as the survival over each further 13 weeks"},
    {"off_flow", read_off_flow, build_off_flow,
     "a claim ending within `weeks` of its start, for any reason (sanctions too); with `measured_at`, a claim "
     "off benefit at a mark it passes, counted on the mark's day",
     "`weeks` (13); `points`; `measured_at` (claim weeks, increasing; none: continuous)",
     "points × change in the chance of leaving benefit (with marks: by the next mark, from the weeks left)"},
    {"process", read_process_count, build_process_count, "an adviser action, per occurrence or per minute",
     "`action` (employer_contact); `per` occurrence|minute; `points` (1)", "points if the action is that one"},
    {"attachment", read_attachment, build_attachment,
     "a client referred to a provider (the Work Programme's attachment fee), credited to the provider when "
     "the attachment begins",
     "`points` (0)", "nothing: no action changes it"},
};

std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

// Reads an indicator's keys and builds it at once: what the tests' direct makers do.
template <IndicatorReader read, IndicatorBuilder build>
std::unique_ptr<Indicator> read_and_build(core::ConfigReader& reader, const IndicatorContext& context) {
  const auto settings = read(reader, context);
  return build(*settings, context);
}

}  // namespace

std::unique_ptr<Indicator> make_job_entry(core::ConfigReader& reader, const IndicatorContext& context) {
  return read_and_build<read_job_entry, build_job_entry>(reader, context);
}

std::unique_ptr<Indicator> make_sustained_job(core::ConfigReader& reader, const IndicatorContext& context) {
  return read_and_build<read_sustained_job, build_sustained_job>(reader, context);
}

std::unique_ptr<Indicator> make_attachment(core::ConfigReader& reader, const IndicatorContext& context) {
  return read_and_build<read_attachment, build_attachment>(reader, context);
}

std::span<const Primitive> primitive_table() { return primitives; }

const Primitive* find_primitive(std::string_view kind) {
  const auto* found = std::find_if(std::begin(primitives), std::end(primitives),
                                   [&](const Primitive& p) { return p.kind == kind; });
  return found == std::end(primitives) ? nullptr : found;
}

std::string primitive_table_markdown() {
  std::string out = "| kind | counts | keys (default) | an action is worth |\n|---|---|---|---|\n";
  for (const auto& p : primitives) {
    out += fmt::format("| `{}` | {} | {} | {} |\n", p.kind, cell(p.counts), cell(p.keys), cell(p.worth));
  }
  return out;
}

}  // namespace caseload::regimes
