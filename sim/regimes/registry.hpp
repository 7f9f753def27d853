#pragma once
// Compiles the scenario's `regime:` map into a regime factory: the map is read once, while the
// scenario loads, into a typed description (validating every key), and each variant's regime is
// built from that description. The explicit list of indicator primitives lives in primitives.cpp.

#include <memory>
#include <string>
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/model/simulation.hpp"
#include "sim/regimes/indicator_set_regime.hpp"
#include "sim/regimes/primitives.hpp"

namespace caseload::regimes {

/// One indicator as read: its primitive, and the settings that primitive's read step made.
struct IndicatorDescription {
  const Primitive* primitive = nullptr;
  std::unique_ptr<const IndicatorSettings> settings;
};

/// A regime as read from `scenario.regime`: everything a variant's regime is built from.
struct RegimeDescription {
  RegimeRules rules;
  std::vector<IndicatorDescription> indicators;  ///< none: the regime is neutral
};

/// Reads `scenario.regime` once (problems go to `diagnostics`, with file:line:col).
RegimeDescription describe_regime(const model::Scenario& scenario, core::Diagnostics& diagnostics);

/// A fresh regime for one variant of `scenario`, built from `description` alone: the scenario
/// supplies what is not a regime key (its seed, groups, providers' staff cost).
std::unique_ptr<model::Regime> build_regime(const RegimeDescription& description, const model::Scenario& scenario);

/// Names of the indicator primitives, for messages and docs.
std::vector<std::string> primitive_names();

/// Reads `scenario.regime` once (problems go to `diagnostics`, with file:line:col) and returns
/// a factory that builds a fresh regime for each variant from what was read. A missing or
/// empty regime, or one without indicators, is neutral: it rewards nothing.
model::RegimeFactory compile_regime(const model::Scenario& scenario, core::Diagnostics& diagnostics);

}  // namespace caseload::regimes
