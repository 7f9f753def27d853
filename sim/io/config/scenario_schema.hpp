#pragma once
// The scenario schema: which keys a scenario has, their types, ranges and defaults.
// Reads a validated model::Scenario from a parsed tree; problems go to the reader's
// diagnostics, so one load reports them all.

#include "sim/core/config_reader.hpp"
#include "sim/model/scenario.hpp"

namespace caseload::io {

model::Scenario read_scenario(core::ConfigReader& root);

}  // namespace caseload::io
