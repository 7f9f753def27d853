// apply_override: `--set path.to.key=value` on a parsed scenario tree.

#include <charconv>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "sim/io/config/yaml_document.hpp"
#include "sim/io/config/yaml_events.hpp"

namespace caseload::io {

namespace {

struct PathPart {
  std::string key;                   // empty for a bracketed index
  std::optional<std::size_t> index;  // [N], or a key made only of digits (.N)
  bool is_bracketed = false;
  std::size_t offset = 0;  // where the part starts in the assignment
};

std::optional<std::size_t> parse_index(std::string_view digits) {
  if (digits.empty()) return std::nullopt;
  std::size_t value = 0;
  const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (result.ec != std::errc{} || result.ptr != digits.data() + digits.size()) {
    return std::nullopt;
  }
  return value;
}

class Override {
 public:
  Override(std::string_view assignment, const std::string& source, int index,
           core::Diagnostics& diagnostics)
      : assignment_(assignment), source_(source), index_(index), diagnostics_(&diagnostics) {}

  void apply(core::ConfigNode& root) {
    if (const auto bad = first_non_text_byte(assignment_)) {
      return report(*bad, fmt::format("not text (byte 0x{:02x} at column {})",
                                      static_cast<unsigned char>(assignment_[*bad]), *bad + 1));
    }
    const std::size_t equals = assignment_.find('=');
    if (equals == std::string_view::npos) {
      return report(0, fmt::format("expected path=value (like run.seed=7), got '{}'", assignment_));
    }
    path_ = assignment_.substr(0, equals);
    if (path_.empty()) {
      return report(0, fmt::format("nothing before '=' in '{}'; expected path=value", assignment_));
    }
    std::optional<std::vector<PathPart>> parts = split_path();
    if (!parts) return;
    const YamlSource value_source{source_, index_, static_cast<int>(equals + 1)};
    std::optional<core::ConfigNode> value =
        parse_yaml(assignment_.substr(equals + 1), value_source, *diagnostics_);
    if (!value) return;
    assign(root, *parts, std::move(*value));
  }

 private:
  core::SourceLocation at(std::size_t offset) const {
    return {source_, index_, static_cast<int>(offset) + 1};
  }

  void report(std::size_t offset, std::string message) {
    diagnostics_->error(at(offset), std::move(message));
  }

  // Parts separated by '.', each a key optionally followed by [N] indices.
  std::optional<std::vector<PathPart>> split_path() {
    std::vector<PathPart> parts;
    std::size_t i = 0;
    bool expect_key = true;
    while (i < path_.size()) {
      if (expect_key) {
        const std::size_t start = i;
        while (i < path_.size() && path_[i] != '.' && path_[i] != '[' && path_[i] != ']') ++i;
        if (i == start) {
          report(start, fmt::format("empty key in path '{}'", path_));
          return std::nullopt;
        }
        const std::string_view key = path_.substr(start, i - start);
        parts.push_back({std::string(key), parse_index(key), false, start});
        expect_key = false;
      } else if (path_[i] == '.') {
        ++i;
        expect_key = true;
      } else if (path_[i] == '[') {
        const std::size_t close = path_.find(']', i);
        const auto number = close == std::string_view::npos
                                ? std::nullopt
                                : parse_index(path_.substr(i + 1, close - i - 1));
        if (!number) {
          report(i, fmt::format("expected a list index like [0] in path '{}'", path_));
          return std::nullopt;
        }
        parts.push_back({{}, number, true, i});
        i = close + 1;
      } else {
        report(i, fmt::format("unexpected ']' in path '{}'", path_));
        return std::nullopt;
      }
    }
    if (expect_key) {
      report(path_.size(), fmt::format("path '{}' ends with '.'; expected a key after it", path_));
      return std::nullopt;
    }
    return parts;
  }

  void assign(core::ConfigNode& root, const std::vector<PathPart>& parts, core::ConfigNode value) {
    core::ConfigNode* node = &root;
    std::string walked;  // the path so far, for messages
    for (std::size_t p = 0; p < parts.size(); ++p) {
      const PathPart& part = parts[p];
      const bool is_last = p + 1 == parts.size();
      const bool as_index = part.is_bracketed || (node->is_sequence() && part.index);
      if (as_index) {
        if (!node->is_sequence()) {
          return report(part.offset,
                        fmt::format("cannot index '{}' with [{}]: it is {}, not a list", walked,
                                    *part.index, node->kind_name()));
        }
        auto& items = node->items();
        if (*part.index >= items.size()) {
          return report(
              part.offset,
              fmt::format("index {} is out of range for '{}' (it has {} item{})", *part.index,
                          walked, items.size(), items.size() == 1 ? "" : "s"));
        }
        walked += fmt::format("[{}]", *part.index);
        if (is_last) {
          items[*part.index] = std::move(value);
          return;
        }
        node = &items[*part.index];
        continue;
      }
      if (node->is_sequence()) {
        return report(part.offset,
                      fmt::format("'{}' is a list; name an item with {}[N]", walked, walked));
      }
      if (node->is_scalar()) {
        return report(part.offset, fmt::format("cannot set '{}': '{}' is a single value, not a map",
                                               path_, walked));
      }
      if (node->is_null()) *node = core::ConfigNode::map(node->location());
      walked += walked.empty() ? part.key : "." + part.key;
      const core::SourceLocation key_location = at(part.offset);
      if (is_last) {
        node->set(part.key, std::move(value), key_location);
        return;
      }
      core::ConfigNode* child = node->find(part.key);
      if (child == nullptr) {
        child = &node->set(part.key, core::ConfigNode::map(key_location), key_location);
      }
      node = child;
    }
  }

  std::string_view assignment_;
  std::string_view path_;
  const std::string& source_;
  int index_;
  core::Diagnostics* diagnostics_;
};

}  // namespace

void apply_override(core::ConfigNode& root, std::string_view assignment, const std::string& source,
                    int index, core::Diagnostics& diagnostics) {
  Override(assignment, source, index, diagnostics).apply(root);
}

void apply_override(core::ConfigNode& root, std::string_view assignment, int index,
                    core::Diagnostics& diagnostics) {
  apply_override(root, assignment, "--set", index, diagnostics);
}

}  // namespace caseload::io
