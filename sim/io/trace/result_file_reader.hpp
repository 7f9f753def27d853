#pragma once
// Reads what a summary file of `compare` or `sweep` (compare.h5, sweep.h5) holds without
// loading its numbers: root attributes, its lists of names, and each table's rows and columns.
// Enough for `caseload info`.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace caseload::io {

struct ResultTableSummary {
  std::string name;  ///< "comparison", "runs", ...
  std::uint64_t rows = 0;
  std::vector<std::string> columns;  ///< in name order
};

struct ResultFileSummary {
  std::string kind;                                                     ///< "compare" or "sweep"
  std::vector<std::pair<std::string, std::string>> texts;               ///< root text attributes
  std::vector<std::pair<std::string, std::int64_t>> numbers;            ///< root whole-number ones
  std::vector<std::pair<std::string, std::vector<std::string>>> lists;  ///< root text datasets
  std::vector<ResultTableSummary> tables;                               ///< root groups, by name

  /// The text attribute `name`, or "" when there is none.
  std::string text(const std::string& name) const;
};

/// The file's summary when its root attribute `kind` is "compare" or "sweep"; nullopt for any
/// other HDF5 file (a trace). Throws TraceError when the file cannot be read.
std::optional<ResultFileSummary> read_result_file(const std::filesystem::path& path);

}  // namespace caseload::io
