#include "sim/io/config/yaml_events.hpp"

#include <map>
#include <sstream>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace caseload::io {

namespace {

// A problem that stops the parse; thrown out of the event handler through yaml-cpp.
struct ParseStop {
  core::SourceLocation location;
  std::string message;
};

constexpr std::string_view kStringTag = "tag:yaml.org,2002:str";

std::size_t count_nodes(const core::ConfigNode& node) {
  std::size_t count = 1;
  for (const auto& entry : node.entries()) count += count_nodes(entry.value);
  for (const auto& item : node.items()) count += count_nodes(item);
  return count;
}

// Builds the tree from yaml-cpp's event stream. Working from events rather than YAML::Node
// gives a mark for every key and value, sees duplicate keys (YAML::Node keeps both silently)
// and lets nesting and alias expansion be bounded before they cost stack or memory.
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(const YamlSource& source, core::Diagnostics& diagnostics)
      : source_(&source), diagnostics_(&diagnostics) {}

  core::SourceLocation locate(const YAML::Mark& mark) const {
    const int line = source_->fixed_line > 0 ? source_->fixed_line : mark.line + 1;
    return {source_->file, line, source_->column_offset + mark.column + 1};
  }

  std::optional<core::ConfigNode> take_root() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      throw ParseStop{locate(mark),
                      "a second YAML document starts here; a scenario file holds one document "
                      "(use 'include:' to combine files)"};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add_nodes(1, mark);
    deliver(core::ConfigNode::null(locate(mark)), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto found = anchors_.find(anchor);
    if (found == anchors_.end()) {
      throw ParseStop{locate(mark), "alias refers to a map or list that contains it"};
    }
    add_nodes(found->second.second, mark);
    core::ConfigNode copy = found->second.first;
    // The copy's top says where it is used; what it holds keeps where it was written.
    copy.set_location(locate(mark));
    deliver(std::move(copy), YAML::NullAnchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    // yaml-cpp tags plain scalars "?" and quoted or block scalars "!"; an explicit !!str
    // also asks for text.
    const bool quoted = tag == "!" || tag == kStringTag;
    if (tag != "?" && !quoted) report_tag(mark, tag);
    add_nodes(1, mark);
    deliver(core::ConfigNode::scalar(value, locate(mark), quoted), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    if (tag != "?" && tag != "tag:yaml.org,2002:seq") report_tag(mark, tag);
    open(core::ConfigNode::sequence(locate(mark)), anchor, mark);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    if (tag != "?" && tag != "tag:yaml.org,2002:map") report_tag(mark, tag);
    open(core::ConfigNode::map(locate(mark)), anchor, mark);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    core::ConfigNode node;
    YAML::anchor_t anchor = YAML::NullAnchor;
    // Maps alternate key, value: the key waiting for its value, if any.
    bool has_key = false;
    bool drop_value = false;  // the key was refused; its value is read and discarded
    std::string key;
    core::SourceLocation key_location;
    std::unordered_map<std::string, core::SourceLocation> seen;  // for duplicate keys
  };

  void report_tag(const YAML::Mark& mark, const std::string& tag) {
    diagnostics_->error(locate(mark),
                        fmt::format("YAML tag '{}' is not supported in scenario files", tag));
  }

  void add_nodes(std::size_t count, const YAML::Mark& mark) {
    nodes_ += count;
    if (nodes_ > kMaxNodes) {
      throw ParseStop{
          locate(mark),
          fmt::format("more than {} values in one file (aliases expanding too far?)", kMaxNodes)};
    }
  }

  void open(core::ConfigNode node, YAML::anchor_t anchor, const YAML::Mark& mark) {
    if (stack_.size() >= kMaxNesting) {
      throw ParseStop{locate(mark),
                      fmt::format("maps and lists nested deeper than {} levels", kMaxNesting)};
    }
    add_nodes(1, mark);
    Frame frame;
    frame.node = std::move(node);
    frame.anchor = anchor;
    stack_.push_back(std::move(frame));
  }

  void close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    deliver(std::move(frame.node), frame.anchor);
  }

  // A complete node: the document's root, a list item, a map key or a map value.
  void deliver(core::ConfigNode node, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) anchors_[anchor] = {node, count_nodes(node)};
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& frame = stack_.back();
    if (frame.node.is_sequence()) {
      frame.node.append(std::move(node));
    } else if (!frame.has_key) {
      take_key(frame, std::move(node));
    } else {
      frame.has_key = false;
      if (frame.drop_value) return;
      // An empty value ("weeks:") is best pointed at by its key, not the next line.
      if (node.is_null()) node.set_location(frame.key_location);
      frame.node.entries().push_back(
          {std::move(frame.key), std::move(frame.key_location), std::move(node)});
    }
  }

  void take_key(Frame& frame, core::ConfigNode key) {
    frame.has_key = true;
    frame.drop_value = true;
    frame.key_location = key.location();
    if (!key.is_scalar()) {
      diagnostics_->error(key.location(),
                          fmt::format("a map key must be a plain name, got {}", key.kind_name()));
      return;
    }
    if (!key.quoted() && key.text() == "<<") {
      diagnostics_->error(key.location(),
                          "YAML merge keys ('<<') are not supported; use 'include:' instead");
      return;
    }
    const auto [first, inserted] = frame.seen.emplace(key.text(), key.location());
    if (!inserted) {
      diagnostics_->error(key.location(),
                          fmt::format("duplicate key '{}' (first at line {}, column {})",
                                      key.text(), first->second.line, first->second.column));
      return;
    }
    frame.drop_value = false;
    frame.key = key.text();
  }

  const YamlSource* source_;
  core::Diagnostics* diagnostics_;
  std::vector<Frame> stack_;
  std::optional<core::ConfigNode> root_;
  std::map<YAML::anchor_t, std::pair<core::ConfigNode, std::size_t>> anchors_;
  std::size_t nodes_ = 0;
  int documents_ = 0;
};

core::SourceLocation end_of(std::string_view text, const YamlSource& source) {
  const TextPosition end = position_of(text, text.size());
  return {source.file, source.fixed_line > 0 ? source.fixed_line : end.line,
          source.column_offset + end.column};
}

// yaml-cpp reads a key only if it ends within 1,024 characters of its start (YAML 1.2's limit
// on implicit keys); a longer one surfaces as "illegal map value" or an empty key, which names
// the wrong problem. Looked for only once a parse has gone wrong.
constexpr std::size_t kMaxKeyLength = 1024;

struct LongKey {
  std::size_t offset = 0;  ///< where the key starts in the text
  std::size_t length = 0;
};

// The first `key:` (a colon then a blank or the end of the line) longer than the limit, its
// start taken after the indent, list dashes and the last flow bracket or comma before it.
std::optional<LongKey> find_long_key(std::string_view text) {
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::size_t key_start = line_start;
    for (std::size_t i = line_start; i < line_end; ++i) {
      const char c = text[i];
      const bool blank_before_key = (c == ' ' || c == '\t' || c == '-' || c == '?') && i == key_start;
      if (blank_before_key || c == '{' || c == '[' || c == ',') {
        key_start = i + 1;
      } else if (c == ':' && (i + 1 == line_end || text[i + 1] == ' ' || text[i + 1] == '\t' || text[i + 1] == '\r')) {
        if (i - key_start > kMaxKeyLength) return LongKey{key_start, i - key_start};
        key_start = i + 1;
      }
    }
    line_start = line_end + 1;
  }
  return std::nullopt;
}

}  // namespace

std::optional<core::ConfigNode> parse_yaml(std::string_view text, const YamlSource& source,
                                           core::Diagnostics& diagnostics) {
  // Problems go here first, so a key too long for the parser replaces what it caused.
  core::Diagnostics problems;
  TreeBuilder builder(source, problems);
  bool stopped = false;
  try {
    std::istringstream stream{std::string(text)};
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const ParseStop& stop) {
    problems.error(stop.location, stop.message);
    stopped = true;
  } catch (const YAML::Exception& error) {
    // Some errors (unexpected end of input) carry no mark: point at the end of the text.
    const core::SourceLocation where =
        error.mark.is_null() ? end_of(text, source) : builder.locate(error.mark);
    problems.error(where, fmt::format("malformed YAML: {}", error.msg));
    stopped = true;
  }
  if (!problems.empty()) {
    if (const auto key = find_long_key(text)) {
      const TextPosition at = position_of(text, key->offset);
      diagnostics.error({source.file, source.fixed_line > 0 ? source.fixed_line : at.line, source.column_offset + at.column},
                        fmt::format("a map key is too long: {} characters, and YAML reads a key of at most {}",
                                    key->length, kMaxKeyLength));
      return std::nullopt;
    }
    for (const auto& problem : problems.items()) diagnostics.error(problem.location, problem.message);
  }
  if (stopped) return std::nullopt;
  if (auto root = builder.take_root()) return root;
  return core::ConfigNode::null(
      {source.file, source.fixed_line > 0 ? source.fixed_line : 1, source.column_offset + 1});
}

std::optional<std::size_t> first_non_text_byte(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
      const bool control = lead < 0x20 && lead != '\t' && lead != '\n' && lead != '\r';
      if (control || lead == 0x7F) return i;
      ++i;
      continue;
    }
    // Multi-byte sequence: length from the lead byte, then the range the second byte must
    // fall in (this rules out overlong forms, surrogates and code points above U+10FFFF).
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    if (byte(i + 1) < low || byte(i + 1) > high) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return i;
    }
    i += length;
  }
  return std::nullopt;
}

TextPosition position_of(std::string_view text, std::size_t offset) {
  TextPosition position;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
    }
  }
  return position;
}

}  // namespace caseload::io
