#pragma once
// Whether a golden test compares, regenerates, or refuses to regenerate: goldens are
// regenerated locally and reviewed, never rewritten by CI to match whatever it computed.

#include <string_view>

namespace caseload::testing {

enum class GoldenMode { Compare, Regenerate, RefusedUnderCi };

/// From the values of CASELOAD_REGENERATE_GOLDEN and CI (nullptr when unset). CI counts as
/// set unless it is empty, "0" or "false".
inline GoldenMode golden_mode(const char* regenerate, const char* ci) {
  if (regenerate == nullptr) return GoldenMode::Compare;
  const bool under_ci = ci != nullptr && std::string_view(ci) != "" &&
                        std::string_view(ci) != "0" && std::string_view(ci) != "false";
  return under_ci ? GoldenMode::RefusedUnderCi : GoldenMode::Regenerate;
}

}  // namespace caseload::testing
