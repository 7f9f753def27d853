#pragma once
// The manifest of a batch of runs: one tab-separated line per run (index, point, replication,
// seed, status, metrics, message), under a header naming the experiment it belongs to. It is
// the batch's memory, read back by --resume: written whole when a batch starts and ends, and
// in between, one line appended per run that ends (so a batch of n runs costs O(n), not O(n^2)).

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "sim/experiment/run_record.hpp"

namespace caseload::experiment {

inline constexpr std::string_view kManifestFileName = "manifest.tsv";

struct Manifest {
  std::string experiment;  ///< fingerprint of what was run (see fingerprint())
  std::vector<PlannedRun> runs;
  std::vector<RunOutcome> outcomes;  ///< one per run
};

/// The manifest as text. A done run's metrics are `name=value` pairs joined by ';', values in
/// shortest round-trip form, so reading them back gives the same doubles bit for bit. Tabs and
/// line breaks in messages become spaces.
std::string format_manifest(const Manifest& manifest);

/// The line after which format_manifest's text may be followed by appended run lines.
inline constexpr std::string_view kManifestUpdatesLine = "# updates: one line per run that ended";

/// One run's line, as format_manifest writes it, to append after kManifestUpdatesLine.
std::string format_manifest_line(std::size_t index, const PlannedRun& run,
                                 const RunOutcome& outcome);

/// Reads text written by format_manifest, and any run lines appended after
/// kManifestUpdatesLine: a later line for a run replaces its earlier one, and a last appended
/// line without its line break (a write cut short by a crash) is ignored. Throws
/// core::ConfigError at `file`:line for anything else (a truncated or hand-edited file).
Manifest parse_manifest(std::string_view text, const std::string& file);

/// True when `file` is a regular file whose first line is a caseload manifest's: what makes a
/// folder an earlier batch's, whose outputs --force may delete.
bool is_manifest_file(const std::filesystem::path& file);

/// 16 hex digits of the 64-bit FNV-1a hash of `description`: a cheap check that a manifest
/// being resumed was written for the same experiment, not a security measure.
std::string fingerprint(std::string_view description);

}  // namespace caseload::experiment
