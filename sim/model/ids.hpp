#pragma once
// Strong ids for agents. Each is a row index into its table; rows never move, so an id stays
// valid for the whole run and in every trace.

#include <cstdint>
#include <limits>

namespace caseload::model {

enum class JobseekerId : std::uint32_t {};
enum class AdviserId : std::uint32_t {};
enum class EmployerId : std::uint32_t {};
enum class VacancyId : std::uint32_t {};
enum class OfficeId : std::uint16_t {};
enum class GroupId : std::uint8_t {};

template <class Id>
constexpr auto index(Id id) {
  return static_cast<std::underlying_type_t<Id>>(id);
}

inline constexpr std::uint32_t no_row = std::numeric_limits<std::uint32_t>::max();

}  // namespace caseload::model
