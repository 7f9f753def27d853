#pragma once
// The files `compare` and `sweep` leave in their output folder: result tables as CSV and as one
// HDF5 file (a group per table), each written whole and renamed into place, so a file in the
// folder is always complete.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "sim/core/output_lock.hpp"
#include "sim/experiment/result_table.hpp"

namespace caseload::cli {

/// Creates `folder` if needed and locks it (DIR/.caseload.lock) for as long as the returned
/// lock lives. Throws core::ConfigError when it is not a folder, cannot be created or written,
/// another process is writing a batch there, its manifest is not a file, or it already holds a
/// manifest and neither `resume` nor `force` is set (so an earlier batch's results are never
/// overwritten by accident). With `force`, and only when the folder holds a caseload manifest
/// (proof that an earlier batch wrote there), that manifest and the named `outputs` (files or
/// folders) are removed, so no stale file outlives the restart; a folder without one keeps
/// everything.
[[nodiscard]] core::OutputLock prepare_output_folder(const std::filesystem::path& folder,
                                                     bool resume, bool force,
                                                     const std::vector<std::string>& outputs);

/// Writes the table as CSV to `file`, atomically.
void write_csv(const std::filesystem::path& file, const experiment::ResultTable& table);

/// Root attributes of a summary HDF5 file.
struct SummaryAttributes {
  std::vector<std::pair<std::string, std::string>> texts;
  std::vector<std::pair<std::string, std::uint64_t>> numbers;
};

/// One HDF5 file at `file` (replacing any), with each table in its group: number columns as
/// float64 or int64 datasets with a `description` attribute, text columns as string datasets,
/// row i of every dataset in a group describing the same thing. Lists of names go in 1-D
/// string datasets at the given paths.
void write_summary_h5(
    const std::filesystem::path& file,
    const std::vector<std::pair<std::string, const experiment::ResultTable*>>& tables,
    const std::vector<std::pair<std::string, std::vector<std::string>>>& name_lists,
    const SummaryAttributes& attributes);

}  // namespace caseload::cli
