#include "sim/model/jobseeker_table.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace caseload::model {

namespace {
constexpr double never = -std::numeric_limits<double>::infinity();

// Applies `fn` to every column, so add, reserve and the size count cannot drift apart.
template <class Table, class Fn>
void for_each_column(Table& t, Fn&& fn) {
  fn(t.group); fn(t.office); fn(t.employability); fn(t.motivation);
  fn(t.perception_employability); fn(t.perception_motivation); fn(t.is_health_limited);
  fn(t.benefit_days_before);
  fn(t.state); fn(t.adviser); fn(t.caseload_slot); fn(t.claim_start); fn(t.next_sign_on);
  fn(t.training_gain); fn(t.boost); fn(t.boost_time); fn(t.fund_until); fn(t.matched_until);
  fn(t.last_help); fn(t.minutes_known); fn(t.fund_used); fn(t.fund_window_start);
  fn(t.spell); fn(t.reviews); fn(t.jobs); fn(t.submissions); fn(t.sanctions);
  fn(t.weeks_without_help); fn(t.missed_review); fn(t.placed_by_office); fn(t.job_quality); fn(t.job_start);
  fn(t.job_end); fn(t.employer); fn(t.job_record); fn(t.attached_until);
  fn(t.help_minutes); fn(t.employed_days); fn(t.entries); fn(t.sustained_13);
  fn(t.sustained_26); fn(t.claim_weeks); fn(t.parked_weeks); fn(t.reclaims);
}
}  // namespace

JobseekerId JobseekerTable::add(const NewJobseeker& init) {
  const auto id = static_cast<JobseekerId>(size());
  for_each_column(*this, [](auto& column) { column.emplace_back(); });
  const std::uint32_t row = index(id);
  group[row] = init.group;
  office[row] = init.office;
  employability[row] = init.employability;
  motivation[row] = init.motivation;
  perception_employability[row] = init.perception_employability;
  perception_motivation[row] = init.perception_motivation;
  is_health_limited[row] = init.is_health_limited ? 1 : 0;
  benefit_days_before[row] = whole_days(init.benefit_weeks_before * 7.0);
  state[row] = JobseekerState::Exited;
  adviser[row] = static_cast<AdviserId>(no_row);
  caseload_slot[row] = no_row;
  fund_until[row] = never;
  matched_until[row] = never;
  last_help[row] = never;
  job_start[row] = never;
  job_end[row] = never;
  boost_time[row] = 0.0;
  employer[row] = static_cast<EmployerId>(no_row);
  job_record[row] = no_row;
  attached_until[row] = -std::numeric_limits<float>::infinity();
  return id;
}

std::uint16_t JobseekerTable::whole_days(double days) {
  return static_cast<std::uint16_t>(std::clamp(std::round(days), 0.0, 65535.0));
}

void JobseekerTable::reserve(std::size_t rows) {
  for_each_column(*this, [rows](auto& column) { column.reserve(rows); });
}

std::size_t JobseekerTable::bytes_per_row() {
  std::size_t bytes = 0;
  JobseekerTable probe;
  for_each_column(probe, [&bytes](auto& column) {
    bytes += sizeof(typename std::decay_t<decltype(column)>::value_type);
  });
  return bytes;
}

}  // namespace caseload::model
