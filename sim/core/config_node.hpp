#pragma once
// A scenario as a tree of maps, sequences and scalars, each node remembering the file, line
// and column it came from. Parsing (io/config) produces it; ConfigReader validates it; the
// resolved tree is written back into every trace. Knows nothing of YAML libraries.

#include <string>
#include <string_view>
#include <list>
#include <vector>

#include "sim/core/diagnostics.hpp"

namespace caseload::core {

enum class NodeKind { Null, Scalar, Map, Sequence };

struct MapEntry;

class ConfigNode {
 public:
  ConfigNode() = default;
  static ConfigNode null(SourceLocation location);
  static ConfigNode scalar(std::string text, SourceLocation location, bool quoted = false);
  static ConfigNode map(SourceLocation location);
  static ConfigNode sequence(SourceLocation location);

  NodeKind kind() const { return kind_; }
  bool is_map() const { return kind_ == NodeKind::Map; }
  bool is_sequence() const { return kind_ == NodeKind::Sequence; }
  bool is_scalar() const { return kind_ == NodeKind::Scalar; }
  bool is_null() const { return kind_ == NodeKind::Null; }
  const SourceLocation& location() const { return location_; }
  void set_location(SourceLocation location) { location_ = std::move(location); }

  /// Scalar text; `quoted` is true when the source wrote it in quotes (so "3" is text).
  const std::string& text() const { return text_; }
  bool quoted() const { return quoted_; }

  /// Map access, in source order. find returns nullptr when the key is absent.
  const std::list<MapEntry>& entries() const { return entries_; }
  std::list<MapEntry>& entries() { return entries_; }
  const ConfigNode* find(std::string_view key) const;
  ConfigNode* find(std::string_view key);
  /// Adds or replaces a map entry; returns the stored value.
  ConfigNode& set(std::string key, ConfigNode value, SourceLocation key_location);
  bool erase(std::string_view key);

  const std::vector<ConfigNode>& items() const { return items_; }
  std::vector<ConfigNode>& items() { return items_; }
  void append(ConfigNode item) { items_.push_back(std::move(item)); }

  /// Human name of the kind, for messages ("a map", "a list", ...).
  std::string_view kind_name() const;

 private:
  NodeKind kind_ = NodeKind::Null;
  std::string text_;
  bool quoted_ = false;
  // A list, not a vector: readers hold references to values while defaults are appended.
  std::list<MapEntry> entries_;
  std::vector<ConfigNode> items_;
  SourceLocation location_;
};

struct MapEntry {
  std::string key;
  SourceLocation key_location;
  ConfigNode value;
};

/// Merges `overlay` into `base`: maps merge key by key (recursively), anything else replaces.
void merge_into(ConfigNode& base, const ConfigNode& overlay);

}  // namespace caseload::core
