#include "sim/cli/merge_command.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "sim/cli/cli.hpp"
#include "sim/cli/shard.hpp"
#include "sim/core/atomic_file.hpp"
#include "sim/experiment/manifest.hpp"
#include "sim/experiment/text_file.hpp"

namespace caseload::cli {

namespace {

namespace fs = std::filesystem;

struct Shard {
  fs::path folder;
  ShardFile file;
  experiment::Manifest manifest;
};

// Thrown for a merge that cannot go ahead; execute_merge prints it and exits 2.
struct MergeRefused {
  std::string message;
};

[[noreturn]] void refuse(std::string message) { throw MergeRefused{std::move(message)}; }

Shard read_shard(const fs::path& folder) {
  Shard shard{folder, read_shard_file(folder), {}};
  const fs::path manifest_file = folder / experiment::kManifestFileName;
  const auto text = experiment::read_text_file(manifest_file);
  if (!text) refuse(fmt::format("'{}' has no {}", folder.string(), experiment::kManifestFileName));
  shard.manifest = experiment::parse_manifest(*text, manifest_file.string());
  if (shard.manifest.experiment != shard.file.experiment) {
    refuse(fmt::format("'{}': its manifest is of experiment {}, its {} of {}", folder.string(),
                       shard.manifest.experiment, kShardFileName, shard.file.experiment));
  }
  std::size_t mine = 0;
  std::size_t pending = 0;
  for (std::size_t i = 0; i < shard.manifest.outcomes.size(); ++i) {
    if (!shard.file.spec.holds(i)) continue;
    ++mine;
    if (shard.manifest.outcomes[i].status == experiment::RunStatus::Pending) ++pending;
  }
  if (pending > 0) {
    refuse(fmt::format("'{}': shard {}/{} is unfinished ({} of its {} runs pending); finish it "
                       "with its command and --resume",
                       folder.string(), shard.file.spec.index, shard.file.spec.count, pending,
                       mine));
  }
  return shard;
}

// Every shard of one experiment, each once: otherwise a message naming the odd folder out.
void check_together(const std::vector<Shard>& shards) {
  const Shard& first = shards.front();
  std::map<std::size_t, const Shard*> by_index;
  for (const Shard& shard : shards) {
    const ShardFile& file = shard.file;
    if (file.experiment != first.file.experiment || file.seed != first.file.seed ||
        file.arguments != first.file.arguments || shard.manifest.runs != first.manifest.runs) {
      refuse(fmt::format("'{}' is a shard of another experiment (fingerprint {}, seed {}) than "
                         "'{}' (fingerprint {}, seed {})",
                         shard.folder.string(), file.experiment, file.seed,
                         first.folder.string(), first.file.experiment, first.file.seed));
    }
    if (file.spec.count != first.file.spec.count) {
      refuse(fmt::format("'{}' is shard {}/{}, but '{}' is one of {}", shard.folder.string(),
                         file.spec.index, file.spec.count, first.folder.string(),
                         first.file.spec.count));
    }
    const auto [earlier, is_new] = by_index.emplace(file.spec.index, &shard);
    if (!is_new) {
      refuse(fmt::format("'{}' and '{}' are both shard {}/{}", earlier->second->folder.string(),
                         shard.folder.string(), file.spec.index, file.spec.count));
    }
  }
  for (std::size_t k = 1; k <= first.file.spec.count; ++k) {
    if (!by_index.contains(k))
      refuse(fmt::format("shard {}/{} is missing: give every shard's folder", k,
                         first.file.spec.count));
  }
}

// The shard's traces, linked (or copied, across file systems) into the merged folder.
void gather_traces(const fs::path& shard_folder, const fs::path& merged) {
  const fs::path traces = shard_folder / "traces";
  if (!fs::is_directory(traces)) return;
  fs::create_directories(merged / "traces");
  for (const auto& entry : fs::directory_iterator(traces)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".h5") continue;
    const fs::path target = merged / "traces" / entry.path().filename();
    std::error_code linked;
    fs::create_hard_link(entry.path(), target, linked);
    if (linked) fs::copy_file(entry.path(), target);
  }
}

// The merged folder's manifest: each run's outcome from the shard that ran it.
experiment::Manifest merged_manifest(const std::vector<Shard>& shards) {
  experiment::Manifest merged = shards.front().manifest;
  for (const Shard& shard : shards) {
    for (std::size_t i = 0; i < merged.outcomes.size(); ++i) {
      if (shard.file.spec.holds(i)) merged.outcomes[i] = shard.manifest.outcomes[i];
    }
  }
  return merged;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
  return text;
}

// What the shards' command ends with when it wrote every output: its exit code (as the
// unsharded command's: 0, or its code for failed runs: 2 for a sweep, 1 for a comparison) and
// the file it writes last.
struct FinishedRebuild {
  int exit_code = kExitOk;
  std::string last_file;
};

FinishedRebuild finished_rebuild(const Shard& first, const experiment::Manifest& merged) {
  const bool is_sweep = first.file.arguments.front() == "sweep";
  const bool has_failed =
      std::any_of(merged.outcomes.begin(), merged.outcomes.end(), [](const auto& outcome) {
        return outcome.status == experiment::RunStatus::Failed;
      });
  const int failed_code = is_sweep ? kExitBadInput : kExitInternalError;
  return {has_failed ? failed_code : kExitOk, is_sweep ? "sweep.h5" : "comparison.txt"};
}

// Runs the shards' command on the merged folder; its exit code, its output under OUT's name.
int rebuild(const Shard& first, const fs::path& building, const fs::path& output,
            std::ostream& out, std::ostream& err) {
  std::vector<std::string> arguments = first.file.arguments;
  arguments.insert(arguments.end(), {"-o", building.string(), "--resume", "--quiet", "--merging"});
  std::vector<const char*> argv{"caseload"};
  for (const auto& argument : arguments) argv.push_back(argument.c_str());
  std::ostringstream rebuilt_out;
  std::ostringstream rebuilt_err;
  const int code = run_cli(static_cast<int>(argv.size()), argv.data(), rebuilt_out, rebuilt_err);
  out << replace_all(rebuilt_out.str(), building.string(), output.string());
  const std::string problems = rebuilt_err.str();
  if (code == kExitInterrupted) {
    err << "caseload merge: the shards do not hold every run (a trace missing or damaged?): "
        << problems;
    return kExitBadInput;
  }
  err << problems;
  return code;
}

}  // namespace

int execute_merge(const MergeOptions& options, std::ostream& out, std::ostream& err) {
  const fs::path output = options.output;
  fs::path building;
  try {
    if (fs::exists(fs::symlink_status(output))) {
      refuse(fmt::format("'{}' exists; merge writes a new folder (remove it or pick another)",
                         output.string()));
    }
    std::vector<Shard> shards;
    for (const auto& folder : options.shards) shards.push_back(read_shard(folder));
    check_together(shards);
    const Shard& first = shards.front();
    // The command names its files as it was typed, relative to where the shards ran.
    if (fs::current_path() != fs::path(first.file.directory)) {
      refuse(fmt::format("the shards ran in '{}': run merge there, as their files are named "
                         "relative to it",
                         first.file.directory));
    }
    building = core::unique_temporary_path(fs::absolute(output));
    fs::create_directories(building);
    const experiment::Manifest merged = merged_manifest(shards);
    core::write_text_atomically(building / experiment::kManifestFileName,
                                experiment::format_manifest(merged));
    for (const Shard& shard : shards) gather_traces(shard.folder, building);
    const int code = rebuild(first, building, output, out, err);
    // Runs that failed in their shard end the command as they end the unsharded one, with
    // every output written; anything else means the outputs are not whole.
    const FinishedRebuild finished = finished_rebuild(first, merged);
    if (code != finished.exit_code || !fs::exists(building / finished.last_file)) {
      fs::remove_all(building);
      return code == kExitOk ? kExitInternalError : code;
    }
    core::move_into_place(building, output, core::ExistingTarget::Keep);
    return code;
  } catch (const MergeRefused& refused) {
    err << "caseload merge: " << refused.message << '\n';
  } catch (...) {
    if (!building.empty()) {
      std::error_code ignored;
      fs::remove_all(building, ignored);
    }
    throw;
  }
  if (!building.empty()) fs::remove_all(building);
  return kExitBadInput;
}

}  // namespace caseload::cli
