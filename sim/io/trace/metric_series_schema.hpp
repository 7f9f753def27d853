#pragma once
// The one definition of the metric series under a trace's /metrics: each series, what its
// labels index, and its float64 arrays with units, description and when each is written.
// write_metrics writes only what is declared here, in this order; `caseload info --schema`
// prints it and docs/TRACE_FORMAT.md's /metrics series tables are generated from it.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "sim/io/trace/column_writer.hpp"

namespace caseload::io {

/// When a series, or an array within one, is written.
enum class Presence : std::uint8_t {
  Always,
  WithCounterfactual,  ///< the scenario enables a counterfactual
  WithProviders,       ///< the scenario has contracted providers
};

struct SeriesArraySpec {
  std::string_view name;
  std::string_view units;  ///< empty for indices and dimensionless numbers
  std::string_view description;
  Presence presence = Presence::Always;  ///< within a series that is written
};

struct SeriesSpec {
  std::string_view name;        ///< the group under /metrics, e.g. "by_group"
  std::string_view indexed_by;  ///< what one label names; the `label` dataset's description
  Presence presence;
  std::span<const SeriesArraySpec> arrays;  ///< in the order written
};

/// Every series array is stored as this type.
inline constexpr ColumnType metric_array_type = ColumnType::Float64;

/// The series in the order a run writes them.
std::span<const SeriesSpec> metric_series_specs();

/// "always", "with_counterfactual", "with_providers": the names `info --schema json` uses.
std::string_view name_of(Presence presence);

/// The /metrics series tables of docs/TRACE_FORMAT.md, one section per series.
std::string metric_series_markdown();

}  // namespace caseload::io
