#include "sim/core/config_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>

#include <fmt/format.h>

#include "sim/core/did_you_mean.hpp"

namespace caseload::core {

bool Bounds::contains(double value) const {
  if (std::isnan(value)) return false;
  if (min_exclusive ? value <= min : value < min) return false;
  return value <= max;
}

std::string Bounds::describe() const {
  const bool has_min = std::isfinite(min);
  const bool has_max = std::isfinite(max);
  if (has_min && has_max) return fmt::format("a number in {}{}, {}]", min_exclusive ? "(" : "[", min, max);
  if (has_min) return fmt::format("a number {} {}", min_exclusive ? ">" : ">=", min);
  if (has_max) return fmt::format("a number <= {}", max);
  return "a number";
}

ConfigReader::ConfigReader(ConfigNode& node, std::string path, Diagnostics& diagnostics)
    : node_(&node), path_(std::move(path)), diagnostics_(&diagnostics) {}

std::string ConfigReader::path_of(std::string_view key) const {
  if (path_.empty()) return std::string(key);
  return fmt::format("{}.{}", path_, key);
}

SourceLocation ConfigReader::location_of(std::string_view key) const {
  for (const auto& entry : node_->entries()) {
    if (entry.key == key) return entry.value.location();
  }
  return node_->location();
}

void ConfigReader::error(std::string_view key, const std::string& message) {
  diagnostics_->error(location_of(key), message);
}

void ConfigReader::error_here(const std::string& message) {
  diagnostics_->error(node_->location(), message);
}

bool ConfigReader::has(std::string_view key) const {
  return node_->is_map() && node_->find(key) != nullptr;
}

void ConfigReader::accept(std::string_view key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
}

const ConfigNode* ConfigReader::lookup(std::string_view key) {
  accept(key);
  if (!node_->is_map()) return nullptr;
  return node_->find(key);
}

void ConfigReader::store_default(std::string_view key, std::string text) {
  if (!node_->is_map()) return;  // already reported by whoever made this reader
  SourceLocation where = node_->location();
  node_->set(std::string(key), ConfigNode::scalar(std::move(text), where), where);
}

const ConfigNode* ConfigReader::scalar_or_report(std::string_view key, const ConfigNode* value,
                                                 std::string_view expected) {
  if (value->is_scalar()) return value;
  error(key, fmt::format("'{}' must be {}, got {}", path_of(key), expected, value->kind_name()));
  return nullptr;
}

bool ConfigReader::parse_number(std::string_view key, const ConfigNode& value, Bounds bounds,
                                bool integral, double& out) {
  const std::string_view expected = integral ? "a whole number" : "a number";
  const std::string& text = value.text();
  double parsed = 0.0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  // from_chars takes no '+'; skip one only when a digit or point follows, or "+-3" would pass.
  if (text.size() > 1 && *begin == '+' && begin[1] != '-' && begin[1] != '+') ++begin;
  const auto result = std::from_chars(begin, end, parsed);
  if (value.quoted() || result.ec != std::errc{} || result.ptr != end || !std::isfinite(parsed)) {
    error(key, fmt::format("'{}' must be {}, got '{}'", path_of(key), expected, text));
    return false;
  }
  if (integral && std::floor(parsed) != parsed) {
    error(key, fmt::format("'{}' must be a whole number, got '{}'", path_of(key), text));
    return false;
  }
  // Past 9e15 a double no longer holds every whole number, so the value read may not be the
  // one written: say so, rather than call 9000000000000001 not whole.
  if (integral && std::fabs(parsed) > 9.0e15) {
    error(key, fmt::format("'{}' must be a whole number from -9e15 to 9e15, got '{}'",
                           path_of(key), text));
    return false;
  }
  if (!bounds.contains(parsed)) {
    error(key, fmt::format("'{}' must be {}, got {}", path_of(key), bounds.describe(), text));
    return false;
  }
  out = parsed;
  return true;
}

double ConfigReader::number(std::string_view key, double fallback, Bounds bounds) {
  const ConfigNode* value = lookup(key);
  if (value == nullptr) {
    store_default(key, fmt::format("{}", fallback));
    return fallback;
  }
  if (scalar_or_report(key, value, "a number") == nullptr) return fallback;
  double out = fallback;
  parse_number(key, *value, bounds, false, out);
  return out;
}

double ConfigReader::required_number(std::string_view key, Bounds bounds) {
  if (!has(key)) {
    error_here(fmt::format("missing required key '{}' ({})", path_of(key), bounds.describe()));
    accept(key);
    return bounds.contains(0.0) ? 0.0 : bounds.min;
  }
  return number(key, 0.0, bounds);
}

std::int64_t ConfigReader::integer(std::string_view key, std::int64_t fallback, Bounds bounds) {
  const ConfigNode* value = lookup(key);
  if (value == nullptr) {
    store_default(key, fmt::format("{}", fallback));
    return fallback;
  }
  if (scalar_or_report(key, value, "a whole number") == nullptr) return fallback;
  double out = static_cast<double>(fallback);
  parse_number(key, *value, bounds, true, out);
  return static_cast<std::int64_t>(out);
}

std::int64_t ConfigReader::required_integer(std::string_view key, Bounds bounds) {
  if (!has(key)) {
    error_here(fmt::format("missing required key '{}' (a whole number)", path_of(key)));
    accept(key);
    return 0;
  }
  return integer(key, 0, bounds);
}

bool ConfigReader::flag(std::string_view key, bool fallback) {
  const ConfigNode* value = lookup(key);
  if (value == nullptr) {
    store_default(key, fallback ? "true" : "false");
    return fallback;
  }
  if (scalar_or_report(key, value, "true or false") == nullptr) return fallback;
  if (!value->quoted() && value->text() == "true") return true;
  if (!value->quoted() && value->text() == "false") return false;
  error(key, fmt::format("'{}' must be true or false, got '{}'", path_of(key), value->text()));
  return fallback;
}

std::string ConfigReader::text(std::string_view key, std::string fallback) {
  const ConfigNode* value = lookup(key);
  if (value == nullptr) {
    store_default(key, fallback);
    return fallback;
  }
  if (scalar_or_report(key, value, "text") == nullptr) return fallback;
  return value->text();
}

std::string ConfigReader::required_text(std::string_view key) {
  if (!has(key)) {
    error_here(fmt::format("missing required key '{}' (text)", path_of(key)));
    accept(key);
    return {};
  }
  return text(key, {});
}

std::string ConfigReader::choice(std::string_view key, std::string fallback,
                                 const std::vector<std::string>& allowed) {
  const bool present = has(key);
  std::string value = text(key, fallback);
  if (!present) return value;
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return value;
  std::string message =
      fmt::format("'{}' must be one of {}, got '{}'", path_of(key), join_words(allowed), value);
  if (auto near = nearest_word(value, allowed)) message += fmt::format(" (did you mean '{}'?)", *near);
  error(key, message);
  return fallback;
}

std::vector<double> ConfigReader::numbers(std::string_view key, std::vector<double> fallback,
                                          Bounds bounds) {
  const ConfigNode* value = lookup(key);
  if (value == nullptr) {
    if (node_->is_map()) {
      ConfigNode list = ConfigNode::sequence(node_->location());
      for (double item : fallback) list.append(ConfigNode::scalar(fmt::format("{}", item), node_->location()));
      node_->set(std::string(key), std::move(list), node_->location());
    }
    return fallback;
  }
  if (!value->is_sequence()) {
    error(key, fmt::format("'{}' must be a list of numbers, got {}", path_of(key), value->kind_name()));
    return fallback;
  }
  std::vector<double> out;
  for (const auto& item : value->items()) {
    double parsed = 0.0;
    if (!item.is_scalar()) {
      diagnostics_->error(item.location(), fmt::format("'{}' must be a list of numbers", path_of(key)));
      return fallback;
    }
    // Report at the item itself: its location is more precise than the key's.
    Diagnostics local;
    ConfigReader item_reader(*node_, path_, local);
    if (!item_reader.parse_number(key, item, bounds, false, parsed)) {
      for (const auto& problem : local.items()) diagnostics_->error(item.location(), problem.message);
      return fallback;
    }
    out.push_back(parsed);
  }
  return out;
}

std::vector<std::string> ConfigReader::texts(std::string_view key,
                                             std::vector<std::string> fallback) {
  const ConfigNode* value = lookup(key);
  if (value == nullptr) {
    if (node_->is_map()) {
      ConfigNode list = ConfigNode::sequence(node_->location());
      for (const auto& item : fallback) list.append(ConfigNode::scalar(item, node_->location()));
      node_->set(std::string(key), std::move(list), node_->location());
    }
    return fallback;
  }
  if (value->is_scalar()) return {value->text()};
  if (!value->is_sequence()) {
    error(key, fmt::format("'{}' must be a list of names, got {}", path_of(key), value->kind_name()));
    return fallback;
  }
  std::vector<std::string> out;
  for (const auto& item : value->items()) {
    if (!item.is_scalar()) {
      diagnostics_->error(item.location(), fmt::format("'{}' must be a list of names", path_of(key)));
      return fallback;
    }
    out.push_back(item.text());
  }
  return out;
}

ConfigReader ConfigReader::section(std::string_view key) {
  accept(key);
  if (!node_->is_map()) return detached(path_of(key), node_->location());
  ConfigNode* value = node_->find(key);
  if (value == nullptr) {
    value = &node_->set(std::string(key), ConfigNode::map(node_->location()), node_->location());
  } else if (value->is_null()) {
    *value = ConfigNode::map(value->location());
  } else if (!value->is_map()) {
    error(key, fmt::format("'{}' must be a map of keys, got {}", path_of(key), value->kind_name()));
    return detached(path_of(key), value->location());
  }
  return ConfigReader(*value, path_of(key), *diagnostics_);
}

ConfigReader ConfigReader::detached(std::string path, SourceLocation location) {
  auto scratch = std::make_shared<ConfigNode>(ConfigNode::map(std::move(location)));
  ConfigReader reader(*scratch, std::move(path), *diagnostics_);
  reader.scratch_ = std::move(scratch);
  return reader;
}

ConfigReader ConfigReader::required_section(std::string_view key) {
  if (!has(key)) error_here(fmt::format("missing required section '{}'", path_of(key)));
  return section(key);
}

std::vector<std::pair<std::string, ConfigReader>> ConfigReader::named_sections(
    std::string_view key) {
  std::vector<std::pair<std::string, ConfigReader>> out;
  ConfigReader outer = section(key);
  if (!outer.node().is_map()) return out;
  for (auto& entry : outer.node().entries()) {
    outer.accept(entry.key);
    if (entry.value.is_null()) entry.value = ConfigNode::map(entry.value.location());
    if (!entry.value.is_map()) {
      diagnostics_->error(entry.value.location(),
                          fmt::format("'{}' must be a map of keys, got {}",
                                      outer.path_of(entry.key), entry.value.kind_name()));
      continue;
    }
    out.emplace_back(entry.key, ConfigReader(entry.value, outer.path_of(entry.key), *diagnostics_));
  }
  return out;
}

std::vector<ConfigReader> ConfigReader::section_list(std::string_view key) {
  std::vector<ConfigReader> out;
  const ConfigNode* found = lookup(key);
  if (found == nullptr) {
    // Absent means none: written back like any other default, so the tree stays resolved.
    if (node_->is_map()) {
      node_->set(std::string(key), ConfigNode::sequence(node_->location()), node_->location());
    }
    return out;
  }
  ConfigNode* value = node_->find(key);
  if (!value->is_sequence()) {
    error(key, fmt::format("'{}' must be a list, got {}", path_of(key), value->kind_name()));
    return out;
  }
  std::size_t index = 0;
  for (auto& item : value->items()) {
    const std::string item_path = fmt::format("{}[{}]", path_of(key), index++);
    if (!item.is_map()) {
      diagnostics_->error(item.location(),
                          fmt::format("'{}' must be a map of keys, got {}", item_path, item.kind_name()));
      continue;
    }
    out.emplace_back(item, item_path, *diagnostics_);
  }
  return out;
}

void ConfigReader::finish() {
  if (!node_->is_map()) return;
  for (const auto& entry : node_->entries()) {
    if (std::find(known_.begin(), known_.end(), entry.key) != known_.end()) continue;
    std::string message = path_.empty()
                              ? fmt::format("unknown key '{}'", entry.key)
                              : fmt::format("unknown key '{}' in '{}'", entry.key, path_);
    if (auto near = nearest_word(entry.key, known_)) {
      message += fmt::format(" (did you mean '{}'?)", *near);
    } else {
      message += fmt::format("; known keys: {}", join_words(known_));
    }
    diagnostics_->error(entry.key_location, message);
  }
}

}  // namespace caseload::core
