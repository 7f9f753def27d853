#include "sim/io/config/config_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

#include <fmt/format.h>

#include "sim/io/config/input_file.hpp"
#include "sim/io/config/yaml_events.hpp"

namespace caseload::io {

std::string read_config_file(const std::filesystem::path& file, const ConfigFileKind& kind) {
  // Bounded: only an ordinary file, and not past kMaxInputFileBytes (input_file.hpp).
  InputFileRead read = read_input_file(file);
  if (!read.text) {
    throw core::ConfigError({file.string(), 0, 0}, fmt::format("cannot open {} ({})", kind.name, read.problem));
  }
  return std::move(*read.text);
}

core::ConfigNode parse_config_map(std::string_view text, const std::filesystem::path& name,
                                  const ConfigFileKind& kind) {
  core::Diagnostics diagnostics;
  const std::string display = name.string();
  if (const auto bad = first_non_text_byte(text)) {
    const TextPosition at = position_of(text, *bad);
    throw core::ConfigError({display, at.line, at.column},
                            fmt::format("file is not text (byte 0x{:02x}); {}s are UTF-8 YAML",
                                        static_cast<unsigned char>(text[*bad]), kind.name));
  }
  std::optional<core::ConfigNode> root = parse_yaml(text, {display}, diagnostics);
  throw_in_file_order(diagnostics);
  if (!root || root->is_null()) {
    throw core::ConfigError({display, 1, 1},
                            fmt::format("{} is empty; {}", kind.name, kind.when_empty));
  }
  if (!root->is_map()) {
    throw core::ConfigError(
        root->location(), fmt::format("the top level of the {} must be a map of keys ({}), got {}",
                                      kind.name, kind.map_example, root->kind_name()));
  }
  return std::move(*root);
}

std::filesystem::path read_scenario_path(core::ConfigReader& reader, std::string_view key,
                                         std::string_view what, const std::filesystem::path& file) {
  const std::string text = reader.required_text(key);
  if (text.empty()) return {};
  const std::filesystem::path path = (file.parent_path() / text).lexically_normal();
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (!std::filesystem::is_regular_file(status)) {
    reader.error(key, fmt::format("cannot open {} '{}' ({})", what, path.string(),
                                  std::filesystem::exists(status) ? "not an ordinary file" : std::strerror(ENOENT)));
  }
  return path;
}

std::vector<std::string> read_assignments(core::ConfigReader& reader, std::string_view key) {
  std::vector<std::string> assignments = reader.texts(key, {});
  for (const auto& assignment : assignments) {
    if (assignment.find('=') == std::string::npos) {
      reader.error(key, fmt::format("'{}' entries must be path=value, got '{}'",
                                    reader.path_of(key), assignment));
    }
  }
  return assignments;
}

void throw_in_file_order(core::Diagnostics& diagnostics) {
  if (diagnostics.empty()) return;
  std::vector<core::Diagnostic> problems = diagnostics.items();
  std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) {
    if (a.location.line != b.location.line) return a.location.line < b.location.line;
    return a.location.column < b.location.column;
  });
  throw core::ConfigError(std::move(problems));
}

}  // namespace caseload::io
