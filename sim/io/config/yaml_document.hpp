#pragma once
// Scenario YAML <-> core::ConfigNode: parsing with includes, `--set` overrides, and emitting
// the resolved tree. The only code that includes yaml-cpp; every problem is a ConfigError
// with file:line:col, never a yaml-cpp exception or a crash.

#include <filesystem>
#include <string>
#include <string_view>

#include "sim/core/config_node.hpp"
#include "sim/core/diagnostics.hpp"

namespace caseload::io {

/// Reads one scenario file and everything it includes (top-level `include:`, paths relative to
/// the including file; included files first, then the including file's keys on top). Throws
/// ConfigError listing every problem found. The `include` key stays in the tree.
core::ConfigNode parse_scenario_file(const std::filesystem::path& file);

/// The same for text already in memory; `name` stands for the file in locations, and includes
/// are resolved relative to its folder.
core::ConfigNode parse_scenario_text(std::string_view text, const std::filesystem::path& name);

/// Applies one `path.to.key=value` assignment (the `index`-th `--set`, 1-based). Path parts
/// are map keys, `[N]` or `.N` list indices; the value is parsed as YAML (`7`, `[a, b]`,
/// `"x y"`, `{seed: 7}`) and replaces whatever was at the path. Missing map keys are created
/// with locations `--set:index:column`, so the schema reports unknown ones there.
void apply_override(core::ConfigNode& root, std::string_view assignment, int index,
                    core::Diagnostics& diagnostics);

/// As above, with locations naming `source` (e.g. "--seed") instead of "--set".
void apply_override(core::ConfigNode& root, std::string_view assignment, const std::string& source,
                    int index, core::Diagnostics& diagnostics);

/// Block-style YAML of the tree: key order kept, quoted scalars quoted, so parsing the result
/// gives back the same structure and scalars.
std::string emit_yaml(const core::ConfigNode& root);

}  // namespace caseload::io
