#include "sim/io/config/yaml_document.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "sim/core/assert.hpp"
#include "sim/io/config/input_file.hpp"
#include "sim/io/config/yaml_events.hpp"

namespace caseload::io {

namespace {

// Bounds on what includes may add up to, so no scenario can run the loader out of stack,
// memory or time: a chain of more files than this is refused, and so are files that together (each
// counted once, however often it is included) hold more than this many bytes.
constexpr std::size_t kMaxIncludeDepth = 64;
constexpr std::uintmax_t kMaxIncludedBytes = 4 * kMaxInputFileBytes;

// Loads a file and, recursively, what it includes. Every problem goes to the diagnostics;
// a file that cannot be used yields nullopt and its includer goes on with the others. Each
// file is loaded once: a file named again (a "diamond" of includes) reuses what it gave the
// first time, so the work grows with the number of files, not with the number of paths.
class IncludeResolver {
 public:
  explicit IncludeResolver(core::Diagnostics& diagnostics) : diagnostics_(&diagnostics) {}

  // `included_from` is the include entry naming this file, or nullptr for the top level.
  std::optional<core::ConfigNode> load_file(const std::filesystem::path& file,
                                            const std::string& display,
                                            const core::SourceLocation* included_from) {
    const std::filesystem::path identity = identity_of(file);
    if (const auto done = loaded_.find(identity); done != loaded_.end()) return done->second;
    InputFileRead read = read_input_file(file);
    if (read.text) {
      total_bytes_ += read.text->size();
      if (total_bytes_ > kMaxIncludedBytes) {
        read = {std::nullopt, fmt::format("the scenario and its includes hold more than {} "
                                          "bytes together",
                                          kMaxIncludedBytes)};
      }
    }
    if (!read.text) {
      if (included_from != nullptr) {
        diagnostics_->error(*included_from, fmt::format("cannot open included file '{}' ({})",
                                                        display, read.problem));
      } else {
        diagnostics_->error({display, 0, 0},
                            fmt::format("cannot open scenario file ({})", read.problem));
      }
      return std::nullopt;
    }
    std::optional<core::ConfigNode> root =
        load_text(*read.text, file, display, included_from != nullptr);
    loaded_.emplace(identity, root);
    return root;
  }

  std::optional<core::ConfigNode> load_text(std::string_view text,
                                            const std::filesystem::path& file,
                                            const std::string& display, bool is_included) {
    if (const auto bad = first_non_text_byte(text)) {
      const TextPosition at = position_of(text, *bad);
      diagnostics_->error({display, at.line, at.column},
                          fmt::format("file is not text (byte 0x{:02x} at offset {}); scenario "
                                      "files are UTF-8 YAML",
                                      static_cast<unsigned char>(text[*bad]), *bad));
      return std::nullopt;
    }
    std::optional<core::ConfigNode> root = parse_yaml(text, {display}, *diagnostics_);
    if (!root) return std::nullopt;
    if (root->is_null()) {
      diagnostics_->error({display, 1, 1},
                          is_included ? "included file is empty"
                                      : "scenario file is empty; a scenario needs at least 'name'");
      return std::nullopt;
    }
    if (!root->is_map()) {
      diagnostics_->error(root->location(),
                          fmt::format("the top level of a scenario file must be a map of keys "
                                      "(name: ..., run: ...), got {}",
                                      root->kind_name()));
      return std::nullopt;
    }
    const core::ConfigNode* include = root->find("include");
    if (include == nullptr || include->is_null()) return root;

    // chain_ holds the files above this one: its includes would be file chain_.size() + 2.
    if (chain_.size() + 2 > kMaxIncludeDepth) {
      diagnostics_->error(include->location(),
                          fmt::format("includes nest more than {} files deep (from '{}')",
                                      kMaxIncludeDepth, chain_.front().display));
      return std::nullopt;
    }
    chain_.push_back({identity_of(file), display});
    std::optional<core::ConfigNode> merged = core::ConfigNode::map(root->location());
    for (const core::ConfigNode* entry : include_entries(*include)) {
      const std::filesystem::path target = file.parent_path() / entry->text();
      const std::string target_display = target.lexically_normal().string();
      if (is_in_chain(target, target_display, entry->location())) continue;
      if (auto included = load_file(target, target_display, &entry->location())) {
        core::merge_into(*merged, *included);
      }
    }
    chain_.pop_back();
    core::merge_into(*merged, *root);
    return merged;
  }

 private:
  struct ChainLink {
    std::filesystem::path identity;
    std::string display;
  };

  static std::filesystem::path identity_of(const std::filesystem::path& file) {
    std::error_code error;
    auto canonical = std::filesystem::weakly_canonical(file, error);
    return error ? file.lexically_normal() : canonical;
  }

  // The names in `include:` (one or a list), each a piece of text; anything else is reported.
  std::vector<const core::ConfigNode*> include_entries(const core::ConfigNode& include) {
    std::vector<const core::ConfigNode*> entries;
    const auto take = [&](const core::ConfigNode& entry) {
      if (entry.is_scalar() && !entry.text().empty()) {
        entries.push_back(&entry);
      } else {
        diagnostics_->error(entry.location(),
                            fmt::format("'include' entries must be file names, got {}",
                                        entry.is_scalar() ? "empty text" : entry.kind_name()));
      }
    };
    if (include.is_sequence()) {
      for (const auto& item : include.items()) take(item);
    } else {
      take(include);
    }
    return entries;
  }

  bool is_in_chain(const std::filesystem::path& target, const std::string& target_display,
                   const core::SourceLocation& where) {
    const std::filesystem::path identity = identity_of(target);
    for (const auto& link : chain_) {
      if (link.identity != identity) continue;
      std::string names;
      for (const auto& step : chain_) names += step.display + " -> ";
      diagnostics_->error(where, fmt::format("include cycle: {}{}", names, target_display));
      return true;
    }
    return false;
  }

  core::Diagnostics* diagnostics_;
  std::vector<ChainLink> chain_;
  std::map<std::filesystem::path, std::optional<core::ConfigNode>> loaded_;
  std::uintmax_t total_bytes_ = 0;
};

}  // namespace

core::ConfigNode parse_scenario_file(const std::filesystem::path& file) {
  core::Diagnostics diagnostics;
  IncludeResolver resolver(diagnostics);
  std::optional<core::ConfigNode> root = resolver.load_file(file, file.string(), nullptr);
  diagnostics.throw_if_any();
  CASELOAD_ASSERT(root.has_value(), "a scenario that failed to load reported no problem");
  return std::move(*root);
}

core::ConfigNode parse_scenario_text(std::string_view text, const std::filesystem::path& name) {
  core::Diagnostics diagnostics;
  IncludeResolver resolver(diagnostics);
  std::optional<core::ConfigNode> root = resolver.load_text(text, name, name.string(), false);
  diagnostics.throw_if_any();
  CASELOAD_ASSERT(root.has_value(), "a scenario that failed to load reported no problem");
  return std::move(*root);
}

}  // namespace caseload::io
