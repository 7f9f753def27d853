#pragma once
// Compiles the scenario's `regime:` map into a regime factory, validating every key while the
// scenario loads. The explicit list of indicator primitives lives in primitives.cpp.

#include <string>
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::regimes {

/// Names of the indicator primitives, for messages and docs.
std::vector<std::string> primitive_names();

/// Validates `scenario.regime` (problems go to `diagnostics`, with file:line:col) and returns
/// a factory that builds a fresh regime for each variant. A missing or empty regime, or one
/// without indicators, is neutral: it rewards nothing.
model::RegimeFactory compile_regime(const model::Scenario& scenario, core::Diagnostics& diagnostics);

}  // namespace caseload::regimes
