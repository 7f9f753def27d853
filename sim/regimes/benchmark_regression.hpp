#pragma once
// Expected performance from a regression on unit characteristics (the Danish residual:
// actual minus what the unit's frame conditions predict, EVIDENCE.md 5.1 and P38), as a pure
// function: weighted least squares, fitted values returned.

#include <span>
#include <vector>

namespace caseload::regimes {

/// Fitted values of a weighted least-squares regression of `y` on the columns of `x` (row
/// major, `y.size()` rows of `columns` values; include a column of ones for an intercept).
/// A column that adds nothing the earlier ones do not already explain (constant across units,
/// or collinear) is left out, so identical offices reduce to the weighted mean. Units of zero
/// weight take no part in the fit but still get a fitted value.
std::vector<double> least_squares_fit(std::span<const double> x, std::size_t columns, std::span<const double> y,
                                      std::span<const double> weights);

}  // namespace caseload::regimes
