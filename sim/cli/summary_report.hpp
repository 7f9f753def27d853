#pragma once
// A run's headline figures for people (aligned text) and for scripts (one JSON object).
// Numbers print in shortest round-trip form, so equal results print identically.

#include <string>
#include <string_view>
#include <vector>

#include "sim/model/run_result.hpp"

namespace caseload::cli {

/// A `name  value  description` header, then one aligned row per figure.
std::string format_figures_text(const std::vector<model::SummaryFigure>& figures);

/// A header line (scenario, seed, events) then format_figures_text.
std::string format_summary_text(const model::RunResult& result);

/// `{"scenario": ..., "seed": ..., "events": ..., "summary": {"name": value, ...}}` and a
/// newline. Values that are not finite are written as null (JSON has no NaN or infinity).
/// `by_group`, when given, is a JSON object added as the member "by_group".
std::string format_summary_json(const model::RunResult& result, std::string_view by_group = {});

/// `text` as a JSON string literal, quotes included. `text` must be valid UTF-8.
std::string json_string(std::string_view text);

}  // namespace caseload::cli
