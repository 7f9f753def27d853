#pragma once
// Reads what a trace file holds without loading its columns: provenance attributes, each
// variant's tables with their row counts, and the /metrics figures. Enough for `caseload info`.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/model/run_result.hpp"

namespace caseload::io {

struct TableSummary {
  std::string name;  ///< "panel", "jobseekers", ...
  std::uint64_t rows = 0;
  std::size_t columns = 0;
  bool is_ragged = false;  ///< columns differ in length (a writer stopped mid-row)
};

/// The scoreboard table's columns (trace_schema.cpp), each read as float64, and the names of
/// its indicator codes. Small enough to load whole (a few thousand rows per variant).
struct ScoreboardColumns {
  std::vector<std::string> indicators;
  std::vector<double> week, level, unit, indicator, credit, target, pressure, stars;
};

struct VariantSummary {
  std::string name;  ///< "treatment", "counterfactual"
  bool is_interrupted = false;
  std::vector<TableSummary> tables;  ///< in name order
  std::optional<ScoreboardColumns> scoreboard;  ///< when the variant has one with every column
};

struct MetricSeriesSummary {
  std::string name;  ///< "by_group", ...
  std::size_t labels = 0;
  std::vector<std::string> arrays;
};

/// Missing attributes are empty strings or nullopt: a file from another writer still reads.
struct TraceSummary {
  std::optional<std::int64_t> format_version;
  std::optional<bool> is_complete;
  std::string version;
  std::string commit;
  std::optional<std::uint64_t> seed;
  std::string scenario_name;
  std::string created;
  std::string trace_level;
  bool has_scenario = false;  ///< the /scenario text is there
  std::vector<VariantSummary> variants;
  std::vector<model::SummaryFigure> metrics;  ///< /metrics/scalars, in file order
  std::vector<MetricSeriesSummary> metric_series;
};

/// True when `path` is a readable HDF5 file (not when it is missing, a directory or text).
bool is_hdf5_file(const std::filesystem::path& path);

/// Throws TraceError when the file cannot be opened as HDF5 or a dataset cannot be read.
TraceSummary read_trace_summary(const std::filesystem::path& path);

}  // namespace caseload::io
