#pragma once
// Stable snake_case names for the model's enums, in enumerator order, so traces can store a code
// and a label list side by side. Each list's length is checked against its enum's last
// enumerator: append new enumerators last and name them here.

#include <array>
#include <cstddef>
#include <string_view>

#include "sim/model/event_kind.hpp"
#include "sim/model/jobseeker_table.hpp"

namespace caseload::model {

inline constexpr std::array<std::string_view, 6> jobseeker_state_names = {
    "claiming", "in_provision", "employed", "sanctioned", "waiting", "exited"};
static_assert(static_cast<std::size_t>(JobseekerState::Exited) + 1 == jobseeker_state_names.size());

inline constexpr std::array<std::string_view, 4> exit_reason_names = {"work", "inactivity",
                                                                      "sanction", "other_benefit"};
static_assert(static_cast<std::size_t>(ExitReason::OtherBenefit) + 1 == exit_reason_names.size());

inline constexpr std::array<std::string_view, 11> event_kind_names = {
    "claim",         "reclaim",   "sign_on",    "week",          "action",      "vacancy_open",
    "vacancy_close", "milestone", "separation", "provision_end", "sanction_end"};
static_assert(static_cast<std::size_t>(EventKind::SanctionEnd) + 1 == event_kind_names.size());

}  // namespace caseload::model
