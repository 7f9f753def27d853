#pragma once
// Employers and their vacancies, and each office's pool of open vacancies. The pool is finite
// and shared: own search and adviser submissions draw on the same vacancies, so a job won
// through help can be a job someone else would have taken (displacement).

#include <cstdint>
#include <vector>

#include "sim/model/ids.hpp"

namespace caseload::model {

struct EmployerTable {
  std::vector<OfficeId> office;
  std::vector<float> quality;     ///< job quality q in [0, 1]; drives tenure
  std::vector<float> threshold;   ///< hiring threshold on the employer's view of employability
  std::vector<float> goodwill;    ///< R in [0, 1] towards its office
  std::vector<double> vacancies_per_week;  ///< its office's vacancy rate
  std::vector<std::uint32_t> vacancies_opened;

  EmployerId add(OfficeId office, float quality, float threshold, float goodwill, double vacancies_per_week);
  std::uint32_t size() const { return static_cast<std::uint32_t>(office.size()); }
};

enum class VacancyState : std::uint8_t { Open, FilledByClaimant, FilledExternally, Expired };

struct VacancyTable {
  std::vector<EmployerId> employer;
  std::vector<VacancyState> state;
  std::vector<std::uint8_t> notified;   ///< advisers may submit candidates to it
  std::vector<std::uint8_t> is_demanding;  ///< physically demanding: no health-limited hire
  std::vector<std::uint32_t> pool_slot; ///< position in the office's open list
  // Recorded for the trace only: no decision reads them.
  std::vector<double> opened;               ///< day it opened
  std::vector<double> closed;               ///< day it closed; +inf while open
  std::vector<JobseekerId> hired;           ///< the claimant who filled it; no_row if none
  std::vector<std::uint8_t> via_submission; ///< 1 if filled through an adviser's submission

  /// Appends an open vacancy (in no pool yet) to every column.
  VacancyId add(EmployerId employer, bool is_notified, bool demanding, double opened_day);
  std::uint32_t size() const { return static_cast<std::uint32_t>(employer.size()); }
};

/// Open vacancies of one office, notified or not, in a list with O(1) removal.
class VacancyPool {
 public:
  void add(VacancyId vacancy, VacancyTable& table);
  void remove(VacancyId vacancy, VacancyTable& table);
  std::uint32_t size() const { return static_cast<std::uint32_t>(open_.size()); }
  VacancyId at(std::uint32_t position) const { return open_[position]; }
  const std::vector<VacancyId>& open() const { return open_; }

 private:
  std::vector<VacancyId> open_;
};

}  // namespace caseload::model
