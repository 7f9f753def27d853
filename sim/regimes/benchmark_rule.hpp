#pragma once
// Benchmarking as pure functions: a unit's expected credit from its caseload mix (P37's
// regression-expected value, Denmark's frame conditions, P38) and its star band (P37).

#include <span>

namespace caseload::regimes {

/// Star rating (1-5) from score = actual / expected - 1: 1 at or below -0.40, 2 up to -0.15,
/// 3 strictly within +-0.15, 4 from +0.15, 5 from +0.40. Boundaries are matched to 1e-9, so
/// 85 against 100 is exactly -0.15 (2 stars) despite rounding.
int star_rating(double score) noexcept;

/// A unit's star rating against its expected credit; 3 (as expected) when nothing is expected.
int star_rating(double actual, double expected) noexcept;

/// Expected credit of a unit: sum over groups g of (national credit of g per national
/// client-week of g) x (the unit's client-weeks of g). Credit of a group nobody had
/// client-weeks of is left out here; the caller spreads it by unit size.
double expected_from_mix(std::span<const double> national_credit,
                         std::span<const double> national_client_weeks,
                         std::span<const double> unit_client_weeks) noexcept;

}  // namespace caseload::regimes
