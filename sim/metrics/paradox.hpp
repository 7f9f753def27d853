#pragma once
// Performance paradox: does what the regime credits advisers and offices with track what their
// help achieved? Pearson correlation of measured performance with net employment weeks.

#include <optional>
#include <vector>

#include "sim/metrics/statistics.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics {

struct Paradox {
  /// NaN when fewer than two units or either variable is constant (a neutral regime credits
  /// nothing, so it has no correlation rather than a zero one).
  double adviser_correlation = not_defined;
  double office_correlation = not_defined;
  std::vector<double> measured_by_adviser;   ///< as the regime reported it
  std::vector<double> net_weeks_by_adviser;  ///< employment weeks gained by its people
  std::vector<double> measured_by_office;    ///< summed over the office's advisers
  std::vector<double> net_weeks_by_office;
};

/// A person belongs to the adviser in the treatment's `adviser` column (the adviser of their
/// latest claim). Not available (nullopt) without a complete counterfactual.
std::optional<Paradox> paradox(const model::SimulationResult& result);

}  // namespace caseload::metrics
