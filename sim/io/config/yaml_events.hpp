#pragma once
// YAML text -> core::ConfigNode for one document, with a location for every node and map key.
// Internal to io/config (callers use yaml_document.hpp); the header needs no yaml-cpp.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "sim/core/config_node.hpp"
#include "sim/core/diagnostics.hpp"

namespace caseload::io {

/// Where parsed text came from, for the locations of its nodes.
struct YamlSource {
  std::string file;       ///< named in every location ("scenario.yaml", "--set")
  int fixed_line = 0;     ///< > 0: every location is on this line (the index of a --set)
  int column_offset = 0;  ///< added to every column (where a --set value starts)
};

/// Parses `text` as one YAML document. Returns nullopt after reporting a problem that stops
/// parsing (malformed YAML, a second document, runaway nesting or aliases); a null node when
/// the text holds no document. Problems that leave the tree usable (duplicate keys,
/// unsupported tags) are reported and parsing goes on.
std::optional<core::ConfigNode> parse_yaml(std::string_view text, const YamlSource& source,
                                           core::Diagnostics& diagnostics);

/// Offset of the first byte that stops `text` being UTF-8 text: NUL and other control
/// characters (tab, newline and carriage return are text), DEL, or invalid UTF-8.
std::optional<std::size_t> first_non_text_byte(std::string_view text);

/// 1-based line and column (in bytes) of a byte offset in `text`.
struct TextPosition {
  int line = 1;
  int column = 1;
};
TextPosition position_of(std::string_view text, std::size_t offset);

/// Deepest nesting of maps and lists a scenario may use; deeper input is refused before the
/// parser's own (much deeper, stack-bound) limit is reached.
inline constexpr std::size_t kMaxNesting = 64;
/// Most nodes one parse may build, counting alias copies, so `&a [*a, *a]` chains cannot
/// exhaust memory.
inline constexpr std::size_t kMaxNodes = 100'000;

}  // namespace caseload::io
