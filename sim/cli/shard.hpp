#pragma once
// One of N disjoint parts of a sweep or comparison (`--shard K/N`), for job arrays: shard K
// runs the runs whose index i has i % N == K - 1, into its own folder, and records in
// shard.txt what it is part of, so `caseload merge` can rebuild the unsharded output.
// Round robin rather than contiguous blocks: runs are point-major (sweeps) or arm-minor
// (comparisons), and points and arms differ in cost, so blocks would give one shard all the
// slow points while every round-robin shard gets its share of each.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/cli/batch_runner.hpp"
#include "sim/experiment/batch.hpp"

namespace caseload::cli {

struct ShardSpec {
  std::size_t index = 0;  ///< K, 1-based
  std::size_t count = 0;  ///< N

  bool holds(std::size_t run) const { return run % count == index - 1; }
};

/// "K/N" with 1 <= K <= N; otherwise an error message for `--shard`, naming what is allowed.
struct ParsedShard {
  ShardSpec spec;
  std::string problem;
};
ParsedShard parse_shard(const std::string& text);

inline constexpr std::string_view kShardFileName = "shard.txt";

/// What a shard's folder holds besides its manifest: which shard it is, of which experiment
/// (the manifest's fingerprint, and the seed), and the command that rebuilds the outputs
/// (without -o, -j and the other options of where and how, run from `directory`).
struct ShardFile {
  ShardSpec spec;
  std::string experiment;
  std::uint64_t seed = 0;
  std::string directory;
  std::vector<std::string> arguments;
};

/// Writes `options.output`/shard.txt for a session of `--shard`: `arguments` (the command and
/// what defines the experiment) with the batch options that shape its outputs (--traces,
/// --max-memory), run from the current directory.
void record_shard(const BatchCommandOptions& options, const std::string& experiment,
                  std::uint64_t seed, std::vector<std::string> arguments);

/// Writes DIR/shard.txt atomically. An argument holding a line break is refused (ConfigError).
void write_shard_file(const std::filesystem::path& folder, const ShardFile& shard);

/// Reads DIR/shard.txt; throws core::ConfigError at the file when it is missing or malformed.
ShardFile read_shard_file(const std::filesystem::path& folder);

/// How many of the shard's runs are still pending in `result`.
std::size_t pending_in_shard(const ShardSpec& spec, const experiment::BatchResult& result);

/// The end of a shard's session: its runs all ended (exit 0, a line saying how to merge), or
/// some are pending (interrupted: exit 130 and how to resume the shard).
int report_shard(const std::string& command, const ShardSpec& spec,
                 const experiment::BatchResult& result, const std::string& folder,
                 std::ostream& out, std::ostream& err);

}  // namespace caseload::cli
