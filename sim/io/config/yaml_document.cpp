#include "sim/io/config/yaml_document.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "sim/core/assert.hpp"
#include "sim/io/config/yaml_events.hpp"

namespace caseload::io {

namespace {

// Scenario files are small; anything this large is a mistake (a trace passed by accident).
constexpr std::uintmax_t kMaxFileBytes = 16u * 1024u * 1024u;

struct FileRead {
  std::optional<std::string> text;
  std::string problem;  // why text is absent
};

FileRead read_whole_file(const std::filesystem::path& file) {
  std::error_code error;
  const auto status = std::filesystem::status(file, error);
  if (error || !std::filesystem::exists(status)) {
    return {std::nullopt, std::strerror(ENOENT)};
  }
  if (std::filesystem::is_directory(status)) return {std::nullopt, std::strerror(EISDIR)};
  if (std::filesystem::is_regular_file(status)) {
    const auto size = std::filesystem::file_size(file, error);
    if (!error && size > kMaxFileBytes) {
      return {std::nullopt,
              fmt::format("{} bytes; a scenario file may hold at most {}", size, kMaxFileBytes)};
    }
  }
  errno = 0;
  std::ifstream stream(file, std::ios::binary);
  if (!stream) return {std::nullopt, std::strerror(errno != 0 ? errno : EIO)};
  std::string text((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
  if (stream.bad()) return {std::nullopt, std::strerror(EIO)};
  return {std::move(text), {}};
}

// Loads a file and, recursively, what it includes. Every problem goes to the diagnostics;
// a file that cannot be used yields nullopt and its includer goes on with the others.
class IncludeResolver {
 public:
  explicit IncludeResolver(core::Diagnostics& diagnostics) : diagnostics_(&diagnostics) {}

  // `included_from` is the include entry naming this file, or nullptr for the top level.
  std::optional<core::ConfigNode> load_file(const std::filesystem::path& file,
                                            const std::string& display,
                                            const core::SourceLocation* included_from) {
    FileRead read = read_whole_file(file);
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
    return load_text(*read.text, file, display, included_from != nullptr);
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
