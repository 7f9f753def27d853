#include "sim/io/config/scenario_loader.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "sim/core/config_reader.hpp"
#include "sim/io/config/scenario_schema.hpp"
#include "sim/io/config/yaml_document.hpp"

namespace caseload::io {

namespace {

// Problems in the order a reader fixes them: grouped by file (in the order the files first
// appear, command-line overrides last), then by line and column, rather than in the order
// the schema happened to read them.
std::vector<core::Diagnostic> in_file_order(std::vector<core::Diagnostic> problems) {
  std::unordered_map<std::string, std::size_t> file_rank;
  for (const auto& problem : problems) {
    const bool is_command_line = problem.location.file.starts_with("--");
    file_rank.emplace(problem.location.file,
                      file_rank.size() + (is_command_line ? problems.size() : 0));
  }
  std::stable_sort(problems.begin(), problems.end(),
                   [&](const core::Diagnostic& a, const core::Diagnostic& b) {
                     const auto rank_a = file_rank.at(a.location.file);
                     const auto rank_b = file_rank.at(b.location.file);
                     if (rank_a != rank_b) return rank_a < rank_b;
                     if (a.location.line != b.location.line)
                       return a.location.line < b.location.line;
                     return a.location.column < b.location.column;
                   });
  return problems;
}

// The resolved tree as YAML that loads on its own: what the includes held is already merged
// in, so the `include` key (kept in the tree as provenance) becomes a comment; left as a key,
// loading the resolved YAML would include the files a second time, relative to wherever the
// YAML was copied.
std::string resolved_yaml(const core::ConfigNode& root) {
  const core::ConfigNode* include = root.find("include");
  if (include == nullptr) return emit_yaml(root);
  std::vector<std::string> names;
  if (include->is_scalar()) names.push_back(include->text());
  for (const auto& item : include->items()) names.push_back(item.text());
  core::ConfigNode without_include = root;
  without_include.erase("include");
  std::string header = "# included (already merged in):";
  for (const auto& name : names) header += " " + name;
  return header + "\n" + emit_yaml(without_include);
}

LoadedScenario read_tree(core::ConfigNode root, const std::vector<std::string>& overrides,
                         std::optional<std::uint64_t> seed) {
  core::Diagnostics diagnostics;
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    apply_override(root, overrides[i], static_cast<int>(i + 1), diagnostics);
  }
  if (seed) apply_override(root, fmt::format("run.seed={}", *seed), "--seed", 1, diagnostics);
  core::ConfigReader reader(root, "", diagnostics);
  model::Scenario scenario = read_scenario(reader);
  if (!diagnostics.empty()) throw core::ConfigError(in_file_order(diagnostics.items()));
  return {std::move(scenario), resolved_yaml(root)};
}

}  // namespace

LoadedScenario load_scenario(const std::filesystem::path& file,
                             const std::vector<std::string>& overrides,
                             std::optional<std::uint64_t> seed) {
  return read_tree(parse_scenario_file(file), overrides, seed);
}

LoadedScenario load_scenario_text(std::string_view yaml, std::string_view name,
                                  const std::vector<std::string>& overrides) {
  return read_tree(parse_scenario_text(yaml, std::filesystem::path(name)), overrides, std::nullopt);
}

}  // namespace caseload::io
