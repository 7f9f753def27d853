#include "sim/io/config/sweep_loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>

#include <fmt/format.h>

#include "sim/core/config_reader.hpp"
#include "sim/core/did_you_mean.hpp"
#include "sim/io/config/input_file.hpp"
#include "sim/io/config/yaml_events.hpp"

namespace caseload::io {

namespace {

using core::Bounds;
using core::ConfigNode;
using core::ConfigReader;

const std::vector<std::string> design_kinds = {"grid", "points", "latin_hypercube"};

// A scalar as text that parses back to the same scalar after `path=`: quoted text stays
// quoted, so "3" stays a piece of text rather than becoming a number.
std::string scalar_yaml(const ConfigNode& node) {
  if (!node.quoted()) return node.text();
  std::string out = "\"";
  for (const char c : node.text()) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// One value of a swept parameter; nullopt (reported) unless it is a single value.
std::optional<std::string> read_value(const ConfigNode& node, const std::string& path,
                                      core::Diagnostics& diagnostics) {
  if (node.is_scalar()) return scalar_yaml(node);
  diagnostics.error(node.location(),
                    fmt::format("'{}' must be a single value (a number or text), got {}", path,
                                node.kind_name()));
  return std::nullopt;
}

std::vector<std::string> read_parameters(ConfigReader& reader) {
  if (!reader.has("parameters")) {
    reader.error_here("missing required key 'parameters' (a list of YAML paths to vary)");
    reader.accept("parameters");
    return {};
  }
  std::vector<std::string> parameters = reader.texts("parameters", {});
  if (parameters.empty())
    reader.error("parameters", "'parameters' must name at least one YAML path");
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    if (parameters[i].empty() || parameters[i].find('=') != std::string::npos) {
      reader.error("parameters", fmt::format("'parameters[{}]' must be a YAML path like "
                                             "regime.pressure.k, got '{}'",
                                             i, parameters[i]));
    }
    if (std::find(parameters.begin(), parameters.begin() + static_cast<std::ptrdiff_t>(i),
                  parameters[i]) != parameters.begin() + static_cast<std::ptrdiff_t>(i)) {
      reader.error("parameters", fmt::format("parameter '{}' is listed twice", parameters[i]));
    }
  }
  return parameters;
}

void read_grid(ConfigReader grid, SweepFile& sweep) {
  for (const auto& parameter : sweep.parameters) {
    grid.accept(parameter);
    const ConfigNode* list = grid.node().is_map() ? grid.node().find(parameter) : nullptr;
    std::vector<std::string> values;
    if (list == nullptr) {
      grid.error_here(fmt::format("'{}' has no values for parameter '{}'", grid.path(), parameter));
    } else if (list->is_sequence()) {
      for (const auto& item : list->items()) {
        if (auto value = read_value(item, grid.path_of(parameter), grid.diagnostics())) {
          values.push_back(std::move(*value));
        }
      }
      if (list->items().empty()) {
        grid.error(parameter,
                   fmt::format("'{}' must list at least one value", grid.path_of(parameter)));
      }
    } else if (auto value = read_value(*list, grid.path_of(parameter), grid.diagnostics())) {
      values.push_back(std::move(*value));
    }
    sweep.grid_values.push_back(std::move(values));
  }
  grid.finish();
}

void read_points(ConfigReader& design, SweepFile& sweep) {
  std::vector<ConfigReader> points = design.section_list("points");
  if (points.empty() && design.node().find("points")->is_sequence()) {
    design.error("points", "'design.points' must list at least one point");
  }
  for (auto& point : points) {
    std::vector<std::string> row;
    for (const auto& parameter : sweep.parameters) {
      point.accept(parameter);
      const ConfigNode* value = point.node().find(parameter);
      if (value == nullptr) {
        point.error_here(
            fmt::format("'{}' has no value for parameter '{}'", point.path(), parameter));
        row.emplace_back();
      } else {
        row.push_back(
            read_value(*value, point.path_of(parameter), point.diagnostics()).value_or(""));
      }
    }
    point.finish();
    sweep.points.push_back(std::move(row));
  }
}

void read_latin_hypercube(ConfigReader lhs, SweepFile& sweep) {
  sweep.samples = static_cast<std::size_t>(
      lhs.required_integer("samples", Bounds::between(1, static_cast<double>(kMaxSweepRuns))));
  ConfigReader bounds = lhs.required_section("bounds");
  for (const auto& parameter : sweep.parameters) {
    if (!bounds.has(parameter)) {
      bounds.error_here(
          fmt::format("'{}' has no [low, high] for parameter '{}'", bounds.path(), parameter));
      bounds.accept(parameter);
      sweep.bounds.emplace_back(0.0, 0.0);
      continue;
    }
    const std::vector<double> range = bounds.numbers(parameter, {});
    if (range.size() != 2 || !(range[0] <= range[1])) {
      bounds.error(parameter, fmt::format("'{}' must be [low, high] with low <= high",
                                          bounds.path_of(parameter)));
      sweep.bounds.emplace_back(0.0, 0.0);
      continue;
    }
    sweep.bounds.emplace_back(range[0], range[1]);
  }
  bounds.finish();
  lhs.finish();
}

void read_design(ConfigReader& root, SweepFile& sweep) {
  ConfigReader design = root.required_section("design");
  std::vector<std::string> present;
  for (const auto& kind : design_kinds) {
    design.accept(kind);
    if (design.has(kind)) present.push_back(kind);
  }
  if (present.empty() && root.has("design")) {
    design.error_here(fmt::format("'design' needs one of {}", core::join_words(design_kinds)));
  }
  if (present.size() > 1) {
    design.error(present[1], fmt::format("'design' takes one of {}, not both '{}' and '{}'",
                                         core::join_words(design_kinds), present[0], present[1]));
  }
  const ConfigNode* chosen = present.empty() ? nullptr : design.node().find(present[0]);
  if (chosen != nullptr && present[0] != "points" && !chosen->is_map() && !chosen->is_null()) {
    design.section(present[0]);  // reports that it must be a map; nothing to read from it
  } else if (chosen != nullptr) {
    if (present[0] == "grid") {
      sweep.design = SweepDesignKind::Grid;
      read_grid(design.section("grid"), sweep);
    } else if (present[0] == "points") {
      sweep.design = SweepDesignKind::Points;
      read_points(design, sweep);
    } else {
      sweep.design = SweepDesignKind::LatinHypercube;
      read_latin_hypercube(design.section("latin_hypercube"), sweep);
    }
  }
  design.finish();
}

std::size_t point_count(const SweepFile& sweep) {
  switch (sweep.design) {
    case SweepDesignKind::Grid: {
      // Saturates rather than overflows: anything past the limit is reported the same way.
      std::size_t count = 1;
      for (const auto& values : sweep.grid_values) {
        count = values.empty() ? 0 : std::min(count * values.size(), kMaxSweepRuns + 1);
      }
      return count;
    }
    case SweepDesignKind::Points:
      return sweep.points.size();
    case SweepDesignKind::LatinHypercube:
      return sweep.samples;
  }
  return 0;
}

SweepFile read_sweep(ConfigNode& root, const std::filesystem::path& name,
                     core::Diagnostics& diagnostics) {
  SweepFile sweep;
  ConfigReader reader(root, "", diagnostics);
  sweep.name = reader.text("name", name.stem().string());
  const std::string base = reader.required_text("base");
  if (!base.empty()) {
    sweep.base = (name.parent_path() / base).lexically_normal();
    std::error_code error;
    const auto status = std::filesystem::status(sweep.base, error);
    if (!std::filesystem::is_regular_file(status)) {
      reader.error("base", fmt::format("cannot open base scenario '{}' ({})", sweep.base.string(),
                                       std::filesystem::exists(status)
                                           ? "not an ordinary file"
                                           : std::strerror(ENOENT)));
    }
  }
  sweep.set = reader.texts("set", {});
  for (const auto& assignment : sweep.set) {
    if (assignment.find('=') == std::string::npos) {
      reader.error("set", fmt::format("'set' entries must be path=value, got '{}'", assignment));
    }
  }
  sweep.parameters = read_parameters(reader);
  read_design(reader, sweep);
  sweep.replications =
      static_cast<std::size_t>(reader.integer("replications", 1, Bounds::between(1, 100'000)));
  sweep.seed = static_cast<std::uint64_t>(reader.integer("seed", 1, Bounds::at_least(0)));
  reader.finish();
  if (diagnostics.empty() && point_count(sweep) > kMaxSweepRuns / sweep.replications) {
    reader.error_here(
        fmt::format("the sweep asks for more than {} runs (points x replications)", kMaxSweepRuns));
  }
  return sweep;
}

// Problems in the order of the file, as a reader fixes them.
void throw_in_file_order(core::Diagnostics& diagnostics) {
  if (diagnostics.empty()) return;
  std::vector<core::Diagnostic> problems = diagnostics.items();
  std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) {
    if (a.location.line != b.location.line) return a.location.line < b.location.line;
    return a.location.column < b.location.column;
  });
  throw core::ConfigError(std::move(problems));
}

}  // namespace

SweepFile load_sweep_text(std::string_view text, const std::filesystem::path& name) {
  core::Diagnostics diagnostics;
  const std::string display = name.string();
  if (const auto bad = first_non_text_byte(text)) {
    const TextPosition at = position_of(text, *bad);
    throw core::ConfigError({display, at.line, at.column},
                            fmt::format("file is not text (byte 0x{:02x}); sweep files are "
                                        "UTF-8 YAML",
                                        static_cast<unsigned char>(text[*bad])));
  }
  std::optional<ConfigNode> root = parse_yaml(text, {display}, diagnostics);
  throw_in_file_order(diagnostics);
  if (!root || root->is_null()) {
    throw core::ConfigError({display, 1, 1},
                            "sweep file is empty; a sweep needs base, "
                            "parameters and design");
  }
  if (!root->is_map()) {
    throw core::ConfigError(root->location(),
                            fmt::format("the top level of a sweep file must be a map of keys "
                                        "(base: ..., parameters: ..., design: ...), got {}",
                                        root->kind_name()));
  }
  SweepFile sweep = read_sweep(*root, name, diagnostics);
  throw_in_file_order(diagnostics);
  return sweep;
}

SweepFile load_sweep_file(const std::filesystem::path& file) {
  const InputFileRead read = read_input_file(file);
  if (!read.text) {
    throw core::ConfigError({file.string(), 0, 0},
                            fmt::format("cannot open sweep file ({})", read.problem));
  }
  return load_sweep_text(*read.text, file);
}

}  // namespace caseload::io
