#pragma once
// An office table (CSV or YAML) -> one OfficeProfile per row, so a user can load a real
// network. Every problem is reported at file:row:column (CSV) or file:line:col (YAML),
// naming the column, and the load fails before anything runs.

#include <filesystem>
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/model/scenario.hpp"

namespace caseload::io {

/// Columns every row must give: name, size, and local market.
inline const std::vector<std::string> office_table_columns = {
    "office", "advisers", "inflow_scale", "employers", "vacancy_rate", "quality_mean"};

/// Reads `file` (.csv, or .yaml/.yml holding `offices:`, a list of maps with the same keys).
/// Optional columns: `cluster` (an integer >= 0; every row or none) and `share_<group>` for
/// every group or none (each in [0, 1], summing to 1 per row). Markets and mixes are made
/// relative to `scenario`'s groups, employers and search, which must be read already.
std::vector<model::OfficeProfile> read_office_table(const std::filesystem::path& file,
                                                    const model::Scenario& scenario,
                                                    core::Diagnostics& diagnostics);

}  // namespace caseload::io
