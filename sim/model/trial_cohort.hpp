#pragma once
// Who a trial (scenario.trial) assigned, kept beside the jobseeker table rather than in it: the
// cohort is a small share of everyone, and the table's rows are the model's memory. Rows join
// in the order their claims begin, which is the order rows are created, so the list is sorted.

#include <algorithm>
#include <cstdint>
#include <vector>

namespace caseload::model {

enum class TrialArm : std::uint8_t { None, Programme, Control };

struct TrialCohort {
  std::vector<std::uint32_t> rows;  ///< ascending
  std::vector<double> day;          ///< day of assignment (the claim's start)
  std::vector<TrialArm> arm;

  void add(std::uint32_t row, double assigned, TrialArm which) {
    rows.push_back(row);
    day.push_back(assigned);
    arm.push_back(which);
  }
  /// Position of `row` in the cohort, or rows.size() if it is not in it.
  std::size_t find(std::uint32_t row) const {
    const auto it = std::lower_bound(rows.begin(), rows.end(), row);
    return it != rows.end() && *it == row ? static_cast<std::size_t>(it - rows.begin()) : rows.size();
  }
};

}  // namespace caseload::model
