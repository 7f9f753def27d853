#pragma once
// What an adviser can spend discretionary time on. The order is the column order of every
// per-action table and trace dataset.

#include <array>
#include <cstdint>
#include <string_view>

namespace caseload::model {

enum class ActionKind : std::uint8_t {
  Interview,
  Submission,
  Referral,
  DiscretionFund,
  EmployerContact,
  Validation,
  Sanction,
};

inline constexpr std::size_t action_count = 7;

inline constexpr std::array<std::string_view, action_count> action_names = {
    "interview", "submission", "referral", "discretion_fund",
    "employer_contact", "validation", "sanction"};

constexpr std::string_view name_of(ActionKind kind) {
  return action_names[static_cast<std::size_t>(kind)];
}

/// Actions that count as qualifying help a job entry can be attributed to (JET evidence).
constexpr bool is_evidence(ActionKind kind) {
  return kind == ActionKind::Interview || kind == ActionKind::Submission ||
         kind == ActionKind::Referral || kind == ActionKind::DiscretionFund;
}

}  // namespace caseload::model
