#pragma once
// What every YAML file the command line reads besides scenarios (sweep and experiment files)
// shares: reading it whole, refusing what is not text or not a map of keys, and throwing its
// problems in the order of the file, as a reader fixes them.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/config_node.hpp"
#include "sim/core/config_reader.hpp"
#include "sim/core/diagnostics.hpp"

namespace caseload::io {

/// What a kind of file is called in messages ("sweep file"), what it needs when it is empty
/// ("a sweep needs base, parameters and design") and an example of its top-level map
/// ("base: ..., parameters: ...").
struct ConfigFileKind {
  std::string_view name;
  std::string_view when_empty;
  std::string_view map_example;
};

/// The text of `file`; throws core::ConfigError naming the file when it cannot be read.
std::string read_config_file(const std::filesystem::path& file, const ConfigFileKind& kind);

/// `text` (standing for the file `name`) parsed into a tree whose top level is a map. Throws
/// core::ConfigError when it is not text, not YAML, empty or not a map.
core::ConfigNode parse_config_map(std::string_view text, const std::filesystem::path& name,
                                  const ConfigFileKind& kind);

/// The scenario file named at `key` (required), resolved against the folder of `file`; a
/// missing file is reported as "cannot open WHAT '...'". Empty when the key is absent.
std::filesystem::path read_scenario_path(core::ConfigReader& reader, std::string_view key,
                                         std::string_view what, const std::filesystem::path& file);

/// The `path=value` assignments listed at `key` (optional), as for --set; an entry without
/// '=' is reported.
std::vector<std::string> read_assignments(core::ConfigReader& reader, std::string_view key);

/// Throws the problems in `diagnostics`, if any, as one core::ConfigError in file order.
void throw_in_file_order(core::Diagnostics& diagnostics);

}  // namespace caseload::io
