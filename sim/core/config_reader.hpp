#pragma once
// Strict, typed reading of one map in a scenario tree. Every getter names the key it reads;
// whatever the map holds beyond those keys is reported by finish() as unknown, with a "did
// you mean". Problems are collected, not thrown, so one load reports them all. Defaults are
// written back into the tree, so the tree afterwards is the fully resolved scenario.

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/config_node.hpp"
#include "sim/core/diagnostics.hpp"

namespace caseload::core {

/// The allowed range of a number.
struct Bounds {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_exclusive = false;

  static Bounds any() { return {}; }
  static Bounds at_least(double low) { return {low, std::numeric_limits<double>::infinity()}; }
  static Bounds above(double low) {
    return {low, std::numeric_limits<double>::infinity(), true};
  }
  static Bounds between(double low, double high) { return {low, high}; }
  static Bounds probability() { return {0.0, 1.0}; }

  bool contains(double value) const;
  std::string describe() const;  ///< "a number >= 0", "a number in [0, 1]", ...
};

class ConfigReader {
 public:
  /// `path` is the dotted name of `node` for messages ("" for the top level).
  ConfigReader(ConfigNode& node, std::string path, Diagnostics& diagnostics);

  double number(std::string_view key, double fallback, Bounds bounds = {});
  double required_number(std::string_view key, Bounds bounds = {});
  std::int64_t integer(std::string_view key, std::int64_t fallback, Bounds bounds = {});
  std::int64_t required_integer(std::string_view key, Bounds bounds = {});
  bool flag(std::string_view key, bool fallback);
  std::string text(std::string_view key, std::string fallback);
  std::string required_text(std::string_view key);
  /// One of `allowed`; anything else is reported with the list and a near-miss suggestion.
  std::string choice(std::string_view key, std::string fallback,
                     const std::vector<std::string>& allowed);
  std::vector<double> numbers(std::string_view key, std::vector<double> fallback,
                              Bounds bounds = {});
  std::vector<std::string> texts(std::string_view key, std::vector<std::string> fallback);

  /// A nested map; created empty when absent, so its defaults land in the tree too.
  ConfigReader section(std::string_view key);
  /// A nested map that must be present.
  ConfigReader required_section(std::string_view key);
  /// A map whose keys are names the user chooses (customer groups, offices): one reader each.
  std::vector<std::pair<std::string, ConfigReader>> named_sections(std::string_view key);
  /// A list of maps, one reader each.
  std::vector<ConfigReader> section_list(std::string_view key);

  bool has(std::string_view key) const;
  /// Marks a key as known without reading it (read by someone else, e.g. a registry).
  void accept(std::string_view key);

  /// Reports keys present in the map that no getter asked for. Call once, after reading.
  void finish();

  /// Reports a problem at `key` (or at this map when the key is absent).
  void error(std::string_view key, const std::string& message);
  void error_here(const std::string& message);

  SourceLocation location_of(std::string_view key) const;
  const SourceLocation& location() const { return node_->location(); }
  const std::string& path() const { return path_; }
  std::string path_of(std::string_view key) const;
  ConfigNode& node() { return *node_; }
  Diagnostics& diagnostics() { return *diagnostics_; }

 private:
  const ConfigNode* lookup(std::string_view key);  // marks the key known
  void store_default(std::string_view key, std::string text);
  const ConfigNode* scalar_or_report(std::string_view key, const ConfigNode* value,
                                     std::string_view expected);
  bool parse_number(std::string_view key, const ConfigNode& value, Bounds bounds,
                    bool integral, double& out);

  // A reader over an empty scratch map, for sections that are malformed (already reported):
  // reading goes on so later problems are found, and nothing is written into the tree.
  ConfigReader detached(std::string path, SourceLocation location);

  ConfigNode* node_;
  std::shared_ptr<ConfigNode> scratch_;
  std::string path_;
  Diagnostics* diagnostics_;
  std::vector<std::string> known_;
};

}  // namespace caseload::core
