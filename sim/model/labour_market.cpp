#include "sim/model/labour_market.hpp"

#include <limits>

#include "sim/core/assert.hpp"

namespace caseload::model {

EmployerId EmployerTable::add(OfficeId home, float job_quality, float hiring_threshold,
                              float initial_goodwill, double vacancy_rate) {
  const auto id = static_cast<EmployerId>(size());
  office.push_back(home);
  quality.push_back(job_quality);
  threshold.push_back(hiring_threshold);
  goodwill.push_back(initial_goodwill);
  vacancies_per_week.push_back(vacancy_rate);
  vacancies_opened.push_back(0);
  return id;
}

VacancyId VacancyTable::add(EmployerId of, bool is_notified, bool demanding, double opened_day) {
  const auto id = static_cast<VacancyId>(size());
  employer.push_back(of);
  state.push_back(VacancyState::Open);
  notified.push_back(is_notified ? 1 : 0);
  is_demanding.push_back(demanding ? 1 : 0);
  pool_slot.push_back(no_row);
  opened.push_back(opened_day);
  closed.push_back(std::numeric_limits<double>::infinity());
  hired.push_back(static_cast<JobseekerId>(no_row));
  via_submission.push_back(0);
  return id;
}

void VacancyPool::add(VacancyId vacancy, VacancyTable& table) {
  table.pool_slot[index(vacancy)] = static_cast<std::uint32_t>(open_.size());
  open_.push_back(vacancy);
}

void VacancyPool::remove(VacancyId vacancy, VacancyTable& table) {
  const std::uint32_t slot = table.pool_slot[index(vacancy)];
  CASELOAD_ASSERT(slot < open_.size() && open_[slot] == vacancy, "vacancy not in its pool");
  const VacancyId last = open_.back();
  open_[slot] = last;
  table.pool_slot[index(last)] = slot;
  open_.pop_back();
  table.pool_slot[index(vacancy)] = no_row;
}

}  // namespace caseload::model
