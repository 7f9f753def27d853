#pragma once
// A number a scenario sets, named once: its YAML key, where it lives in its owner, its
// allowed range and its docs text. Tables of fields drive the loader, the resolved YAML
// (every default read lands in the tree) and the docs tables, so none can drift.

#include <limits>
#include <string_view>

#include "sim/core/config_reader.hpp"

namespace caseload::model {

/// Where a value lives in its owner, as a function a constexpr table can hold (it can reach
/// into a nested struct, which a pointer to member cannot).
template <typename Owner, typename Value>
using Place = Value& (*)(Owner&);

template <typename Owner>
struct Field {
  std::string_view key;
  Place<Owner, double> number = nullptr;  ///< set for a real number...
  Place<Owner, int> integer = nullptr;    ///< ...or for a whole one
  Place<Owner, bool> flag = nullptr;      ///< ...or for a yes/no (bounds unused)
  core::Bounds bounds;
  std::string_view doc;   ///< unit and meaning, for the docs table
  bool required = false;  ///< no default: the key must be given

  constexpr Field(std::string_view k, Place<Owner, double> at, core::Bounds b, std::string_view d,
                  bool must_be_given = false)
      : key(k), number(at), bounds(b), doc(d), required(must_be_given) {}
  constexpr Field(std::string_view k, Place<Owner, int> at, core::Bounds b, std::string_view d)
      : key(k), integer(at), bounds(b), doc(d) {}
  constexpr Field(std::string_view k, Place<Owner, bool> at, std::string_view d)
      : key(k), flag(at), doc(d) {}
};

/// `owner.*P1.*P2...`: a member, or a member of a nested struct, as a Place:
/// `&at<ActionCatalogue, &ActionCatalogue::interview, &InterviewAction::minutes>`.
template <typename Owner, auto... Path>
constexpr auto& at(Owner& owner) {
  return (owner .* ... .* Path);
}

// Ranges as constants (core::Bounds's named constructors are not constexpr).
namespace range {
inline constexpr double infinity = std::numeric_limits<double>::infinity();
inline constexpr core::Bounds any{};
inline constexpr core::Bounds non_negative{0.0, infinity};
inline constexpr core::Bounds positive{0.0, infinity, true};
inline constexpr core::Bounds probability{0.0, 1.0};
constexpr core::Bounds between(double low, double high) { return {low, high}; }
}  // namespace range

}  // namespace caseload::model
