#include "sim/cli/result_files.hpp"

#include <algorithm>
#include <cstdint>
#include <system_error>
#include <variant>

#include <fmt/format.h>
#include <unistd.h>

#include "sim/core/atomic_file.hpp"
#include "sim/core/diagnostics.hpp"
#include "sim/core/version.hpp"
#include "sim/experiment/manifest.hpp"
#include "sim/io/trace/atomic_output.hpp"
#include "sim/io/trace/column_writer.hpp"

namespace caseload::cli {

namespace {

core::ConfigError folder_error(const std::filesystem::path& folder, const std::string& message) {
  return core::ConfigError(core::SourceLocation{folder.string(), 0, 0}, message);
}

void write_table(io::TraceFile& file, const std::string& group,
                 const experiment::ResultTable& table) {
  file.create_group(group);
  io::Table& columns = file.add_table(group);
  // One chunk for a small table: the default 8192-row chunk would pad a 20-run sweep's file.
  const std::size_t chunk_rows =
      std::clamp<std::size_t>(table.row_count(), 1, io::kDefaultChunkRows);
  for (const auto& column : table.columns) {
    const io::ColumnOptions options{"", column.description, chunk_rows};
    std::visit(
        [&](const auto& values) {
          using Values = std::decay_t<decltype(values)>;
          if constexpr (std::is_same_v<Values, std::vector<std::string>>) {
            const std::string path = group + "/" + column.name;
            file.write_strings(path, values);
            if (!column.description.empty())
              file.set_attribute(path, "description", column.description);
          } else {
            using Value = typename Values::value_type;
            columns.add_column<Value>(column.name, options).append(std::span<const Value>(values));
          }
        },
        column.values);
  }
}

}  // namespace

core::OutputLock prepare_output_folder(const std::filesystem::path& folder, bool resume,
                                       bool force, const std::vector<std::string>& outputs) {
  std::error_code error;
  if (std::filesystem::exists(folder, error) && !std::filesystem::is_directory(folder, error)) {
    throw folder_error(folder, "the output must be a folder; this is a file");
  }
  std::filesystem::create_directories(folder, error);
  if (error)
    throw folder_error(folder,
                       fmt::format("cannot create the output folder ({})", error.message()));
  if (::access(folder.c_str(), W_OK) != 0) {
    throw folder_error(folder, "cannot write into the output folder (permission denied)");
  }
  // Taken before the manifest is looked at: two batches started at once in one folder must not
  // both find it free.
  core::OutputLock lock(core::OutputLock::inside(folder), folder);
  const auto manifest = folder / experiment::kManifestFileName;
  const auto status = std::filesystem::symlink_status(manifest, error);
  const bool has_manifest = std::filesystem::exists(status);
  if (has_manifest && !std::filesystem::is_regular_file(status)) {
    throw folder_error(folder, fmt::format("'{}' is not a file; move it away or choose another "
                                           "folder",
                                           manifest.string()));
  }
  if (has_manifest && !resume && !force) {
    throw folder_error(folder,
                       fmt::format("already holds the results of a batch ({}); use --resume "
                                   "to finish it, --force to start again, or another folder",
                                   experiment::kManifestFileName));
  }
  if (!force || !has_manifest) return lock;
  if (!experiment::is_manifest_file(manifest)) {
    throw folder_error(folder, fmt::format("'{}' is not a caseload manifest, so --force will not "
                                           "delete anything here; choose another folder",
                                           manifest.string()));
  }
  std::filesystem::remove(manifest, error);
  for (const auto& name : outputs) std::filesystem::remove_all(folder / name, error);
  return lock;
}

void write_csv(const std::filesystem::path& file, const experiment::ResultTable& table) {
  core::write_text_atomically(file, experiment::format_csv(table));
}

void write_summary_h5(
    const std::filesystem::path& file,
    const std::vector<std::pair<std::string, const experiment::ResultTable*>>& tables,
    const std::vector<std::pair<std::string, std::vector<std::string>>>& name_lists,
    const SummaryAttributes& attributes) {
  io::AtomicOutput output(file, io::OutputOptions{true});
  io::TraceFile& h5 = output.file();
  h5.set_attribute("/", "caseload_version", core::version());
  h5.set_attribute("/", "git_commit", core::git_commit());
  for (const auto& [name, value] : attributes.texts) h5.set_attribute("/", name, value);
  for (const auto& [name, value] : attributes.numbers) h5.set_attribute("/", name, value);
  for (const auto& [path, names] : name_lists) h5.write_strings(path, names);
  for (const auto& [group, table] : tables) write_table(h5, group, *table);
  output.commit();
}

}  // namespace caseload::cli
