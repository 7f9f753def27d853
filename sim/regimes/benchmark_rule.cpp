#include "sim/regimes/benchmark_rule.hpp"

#include "sim/core/assert.hpp"

namespace caseload::regimes {

int star_rating(double score) noexcept {
  constexpr double tolerance = 1e-9;
  if (score <= -0.40 + tolerance) return 1;
  if (score <= -0.15 + tolerance) return 2;
  if (score < 0.15 - tolerance) return 3;
  if (score < 0.40 - tolerance) return 4;
  return 5;
}

int star_rating(double actual, double expected) noexcept {
  return expected > 0.0 ? star_rating(actual / expected - 1.0) : 3;
}

double expected_from_mix(std::span<const double> national_credit,
                         std::span<const double> national_client_weeks,
                         std::span<const double> unit_client_weeks) noexcept {
  CASELOAD_ASSERT(national_credit.size() == national_client_weeks.size() &&
                      unit_client_weeks.size() == national_client_weeks.size(),
                  "one entry per customer group");
  double expected = 0.0;
  for (std::size_t g = 0; g < national_credit.size(); ++g) {
    if (national_client_weeks[g] > 0.0) {
      expected += national_credit[g] / national_client_weeks[g] * unit_client_weeks[g];
    }
  }
  return expected;
}

}  // namespace caseload::regimes
