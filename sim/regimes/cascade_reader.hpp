#pragma once
// Reads `regime.pressure.cascade`: the chain of levels, the split and managerial rules, given
// shares and local targets, checked against the scenario's network.

#include "sim/core/config_reader.hpp"
#include "sim/model/scenario.hpp"
#include "sim/regimes/cascade.hpp"

namespace caseload::regimes {

/// `credit_level` is the regime's `level`, which must be one of the cascade's levels (the
/// level where credit is counted is managed too). Problems go to the reader's diagnostics.
CascadeRule read_cascade(core::ConfigReader reader, const model::Scenario& scenario, Level credit_level);

}  // namespace caseload::regimes
