#include "sim/io/config/sweep_loader.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "sim/core/config_reader.hpp"
#include "sim/core/did_you_mean.hpp"
#include "sim/io/config/config_file.hpp"

namespace caseload::io {

namespace {

using core::Bounds;
using core::ConfigNode;
using core::ConfigReader;

const std::vector<std::string> design_kinds = {"grid", "points", "latin_hypercube", "morris",
                                               "sobol"};

// Sobol designs take two Sobol-sequence dimensions per parameter (matrices A and B).
constexpr std::size_t kSobolMaxParameters = 10;

constexpr ConfigFileKind kSweepFileKind{"sweep file", "a sweep needs base, parameters and design",
                                        "base: ..., parameters: ..., design: ..."};

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

// `bounds`: a [low, high] range for every parameter, low <= high.
void read_bounds(ConfigReader& design, SweepFile& sweep) {
  ConfigReader bounds = design.required_section("bounds");
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
}

void read_latin_hypercube(ConfigReader lhs, SweepFile& sweep) {
  sweep.samples = static_cast<std::size_t>(
      lhs.required_integer("samples", Bounds::between(1, static_cast<double>(kMaxSweepRuns))));
  read_bounds(lhs, sweep);
  lhs.finish();
}

void read_morris(ConfigReader morris, SweepFile& sweep) {
  sweep.trajectories = static_cast<std::size_t>(morris.required_integer(
      "trajectories", Bounds::between(1, static_cast<double>(kMaxSweepRuns))));
  sweep.levels = static_cast<std::size_t>(morris.integer("levels", 4, Bounds::between(2, 1000)));
  if (sweep.levels % 2 != 0) {
    morris.error("levels",
                 fmt::format("'{}' must be even (Morris's delta = levels / (2 (levels - 1)) "
                             "needs it), got {}",
                             morris.path_of("levels"), sweep.levels));
  }
  read_bounds(morris, sweep);
  morris.finish();
}

void read_sobol(ConfigReader sobol, SweepFile& sweep) {
  sweep.samples = static_cast<std::size_t>(
      sobol.required_integer("samples", Bounds::between(1, static_cast<double>(kMaxSweepRuns))));
  const std::size_t k = sweep.parameters.size();
  if (k < 2 || k > kSobolMaxParameters) {
    sobol.error_here(fmt::format("'{}' needs 2 to {} parameters with ranges, got {}",
                                 sobol.path(), kSobolMaxParameters, k));
  }
  read_bounds(sobol, sweep);
  sobol.finish();
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
    } else if (present[0] == "latin_hypercube") {
      sweep.design = SweepDesignKind::LatinHypercube;
      read_latin_hypercube(design.section("latin_hypercube"), sweep);
    } else if (present[0] == "morris") {
      sweep.design = SweepDesignKind::Morris;
      read_morris(design.section("morris"), sweep);
    } else {
      sweep.design = SweepDesignKind::Sobol;
      read_sobol(design.section("sobol"), sweep);
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
    case SweepDesignKind::Morris:
      return sweep.trajectories * (sweep.parameters.size() + 1);
    case SweepDesignKind::Sobol:
      return sweep.samples * (sweep.parameters.size() + 2);
  }
  return 0;
}

SweepFile read_sweep(ConfigNode& root, const std::filesystem::path& name,
                     core::Diagnostics& diagnostics) {
  SweepFile sweep;
  ConfigReader reader(root, "", diagnostics);
  sweep.name = reader.text("name", name.stem().string());
  sweep.base = read_scenario_path(reader, "base", "base scenario", name);
  sweep.set = read_assignments(reader, "set");
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

}  // namespace

SweepFile load_sweep_text(std::string_view text, const std::filesystem::path& name) {
  ConfigNode root = parse_config_map(text, name, kSweepFileKind);
  core::Diagnostics diagnostics;
  SweepFile sweep = read_sweep(root, name, diagnostics);
  throw_in_file_order(diagnostics);
  return sweep;
}

bool looks_like_sweep_file(const std::filesystem::path& file) {
  try {
    const ConfigNode root =
        parse_config_map(read_config_file(file, kSweepFileKind), file, kSweepFileKind);
    return root.find("design") != nullptr;
  } catch (const core::ConfigError&) {
    return false;
  }
}

SweepFile load_sweep_file(const std::filesystem::path& file) {
  return load_sweep_text(read_config_file(file, kSweepFileKind), file);
}

}  // namespace caseload::io
