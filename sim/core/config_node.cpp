#include "sim/core/config_node.hpp"

namespace caseload::core {

ConfigNode ConfigNode::null(SourceLocation location) {
  ConfigNode node;
  node.location_ = std::move(location);
  return node;
}

ConfigNode ConfigNode::scalar(std::string text, SourceLocation location, bool quoted) {
  ConfigNode node;
  node.kind_ = NodeKind::Scalar;
  node.text_ = std::move(text);
  node.quoted_ = quoted;
  node.location_ = std::move(location);
  return node;
}

ConfigNode ConfigNode::map(SourceLocation location) {
  ConfigNode node;
  node.kind_ = NodeKind::Map;
  node.location_ = std::move(location);
  return node;
}

ConfigNode ConfigNode::sequence(SourceLocation location) {
  ConfigNode node;
  node.kind_ = NodeKind::Sequence;
  node.location_ = std::move(location);
  return node;
}

const ConfigNode* ConfigNode::find(std::string_view key) const {
  for (const auto& entry : entries_) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

ConfigNode* ConfigNode::find(std::string_view key) {
  for (auto& entry : entries_) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

ConfigNode& ConfigNode::set(std::string key, ConfigNode value, SourceLocation key_location) {
  kind_ = NodeKind::Map;
  for (auto& entry : entries_) {
    if (entry.key == key) {
      entry.value = std::move(value);
      entry.key_location = std::move(key_location);
      return entry.value;
    }
  }
  entries_.push_back({std::move(key), std::move(key_location), std::move(value)});
  return entries_.back().value;
}

bool ConfigNode::erase(std::string_view key) {
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->key == key) {
      entries_.erase(it);
      return true;
    }
  }
  return false;
}

std::string_view ConfigNode::kind_name() const {
  switch (kind_) {
    case NodeKind::Null: return "empty";
    case NodeKind::Scalar: return "a single value";
    case NodeKind::Map: return "a map of keys";
    case NodeKind::Sequence: return "a list";
  }
  return "unknown";
}

void merge_into(ConfigNode& base, const ConfigNode& overlay) {
  if (!base.is_map() || !overlay.is_map()) {
    base = overlay;
    return;
  }
  for (const auto& entry : overlay.entries()) {
    if (ConfigNode* existing = base.find(entry.key); existing != nullptr) {
      merge_into(*existing, entry.value);
    } else {
      base.set(entry.key, entry.value, entry.key_location);
    }
  }
}

}  // namespace caseload::core
