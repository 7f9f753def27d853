#pragma once
// `caseload merge -o OUT DIR...`: the folders of every shard of one sweep or comparison
// (`--shard K/N`) combined into OUT, byte for byte the output of the unsharded command.

#include <ostream>
#include <string>
#include <vector>

namespace caseload::cli {

struct MergeOptions {
  std::vector<std::string> shards;  ///< the shards' folders, in any order
  std::string output;               ///< a folder that must not exist yet
};

/// Checks the shards belong together (same experiment and seed, each K of N once, every run
/// of each ended) and rebuilds OUT by running their command again with --resume on the
/// merged manifest, in a temporary folder renamed to OUT only when it succeeded: on any
/// problem, exit 2 and OUT is not created.
int execute_merge(const MergeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace caseload::cli
