#include "sim/metrics/bunching.hpp"

#include <algorithm>
#include <cmath>

#include "sim/core/time.hpp"
#include "sim/model/action.hpp"
#include "sim/model/event_kind.hpp"

namespace caseload::metrics {

namespace {

constexpr int mark_spacing_weeks = 13;  // the marks are every 13 weeks
constexpr double last_mark = bunching_marks.back();
static_assert(bunching_marks.front() == mark_spacing_weeks && last_mark == 4 * mark_spacing_weeks);

// The bucket (weeks to the next mark, rounded up, less one) of a claim age in weeks, in [0, 52).
std::size_t bucket_of(double claim_weeks) {
  const double next_mark = (std::floor(claim_weeks / mark_spacing_weeks) + 1.0) * mark_spacing_weeks;
  return static_cast<std::size_t>(std::ceil(next_mark - claim_weeks)) - 1;
}

bool is_before_mark(std::size_t bucket) { return bucket < static_cast<std::size_t>(weeks_before_mark); }

// Claiming client-weeks by bucket: each spell's measured part, split at whole claim weeks
// (each whole claim week lies in one bucket).
void count_client_weeks(const model::VariantResult& variant, std::vector<double>& weeks) {
  for (const model::SpellRecord& spell : variant.spells) {
    const double from = (std::max(spell.start, variant.measure_start) - spell.start) / core::days_per_week;
    const double to = (std::min(spell.end, variant.end) - spell.start) / core::days_per_week;
    for (double week = std::floor(from); week < std::min(to, last_mark); week += 1.0) {
      const double overlap = std::min(to, week + 1.0) - std::max(from, week);
      if (overlap > 0.0) weeks[bucket_of(week)] += overlap;
    }
  }
}

// Discretionary actions on a client, by bucket of the client's claim age when taken.
void count_help(const model::VariantResult& variant, std::vector<double>& help) {
  // Each person's spells in start order, so an action finds the claim it fell in.
  std::vector<std::vector<const model::SpellRecord*>> spells_of(variant.jobseekers.size());
  for (const model::SpellRecord& spell : variant.spells) spells_of[model::index(spell.person)].push_back(&spell);
  for (const model::EventRecord& event : variant.events) {
    if (event.kind != model::code(model::EventKind::Action) || event.client == model::no_row) continue;
    if (event.time < variant.measure_start || event.time >= variant.end) continue;
    const auto& spells = spells_of[event.client];
    const auto after = std::upper_bound(spells.begin(), spells.end(), event.time,
                                        [](double t, const model::SpellRecord* s) { return t < s->start; });
    if (after == spells.begin()) continue;
    const model::SpellRecord& spell = **std::prev(after);
    if (event.time > spell.end) continue;  // between claims (help in work)
    const double claim_weeks = (event.time - spell.start) / core::days_per_week;
    if (claim_weeks < last_mark) help[bucket_of(claim_weeks)] += 1.0;
  }
}

// Rate in the buckets `in` picks over the rate in the others.
template <class Pick>
double rate_ratio(const std::vector<double>& counts, const std::vector<double>& exposure, Pick in) {
  double count_in = 0.0, exposure_in = 0.0, count_out = 0.0, exposure_out = 0.0;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    (in(k) ? count_in : count_out) += counts[k];
    (in(k) ? exposure_in : exposure_out) += exposure[k];
  }
  return ratio(ratio(count_in, exposure_in), ratio(count_out, exposure_out));
}

}  // namespace

Bunching bunching(const model::VariantResult& variant) {
  Bunching out;
  out.help_by_weeks_to_mark.assign(mark_spacing_weeks, 0.0);
  out.client_weeks_by_weeks_to_mark.assign(mark_spacing_weeks, 0.0);
  count_client_weeks(variant, out.client_weeks_by_weeks_to_mark);
  const bool has_events = !variant.events.empty();
  if (has_events) {
    count_help(variant, out.help_by_weeks_to_mark);
  } else {
    std::fill(out.help_by_weeks_to_mark.begin(), out.help_by_weeks_to_mark.end(), not_defined);
  }
  out.help_rate_by_weeks_to_mark.resize(mark_spacing_weeks);
  for (std::size_t k = 0; k < out.help_rate_by_weeks_to_mark.size(); ++k) {
    out.help_rate_by_weeks_to_mark[k] =
        has_events ? ratio(out.help_by_weeks_to_mark[k], out.client_weeks_by_weeks_to_mark[k]) : not_defined;
  }
  if (has_events) {
    out.help_before_mark_ratio =
        rate_ratio(out.help_by_weeks_to_mark, out.client_weeks_by_weeks_to_mark, is_before_mark);
  }

  out.entries_by_year_week.assign(target_year_weeks, 0.0);
  out.weeks_by_year_week.assign(target_year_weeks, 0.0);
  const auto year = static_cast<std::size_t>(target_year_weeks);
  const auto first_week = static_cast<std::size_t>(std::ceil(variant.measure_start / core::days_per_week));
  const auto last_week = static_cast<std::size_t>(std::floor(variant.end / core::days_per_week));
  for (std::size_t week = first_week; week < last_week; ++week) out.weeks_by_year_week[week % year] += 1.0;
  for (const model::JobRecord& job : variant.jobs) {
    if (job.start < 0.0) continue;  // a job held when the run began
    const auto week = static_cast<std::size_t>(std::floor(job.start / core::days_per_week));
    if (week >= first_week && week < last_week) out.entries_by_year_week[week % year] += 1.0;
  }
  out.entries_year_end_ratio = rate_ratio(out.entries_by_year_week, out.weeks_by_year_week, [year](std::size_t w) {
    return w >= year - static_cast<std::size_t>(year_end_weeks);
  });
  return out;
}

}  // namespace caseload::metrics
