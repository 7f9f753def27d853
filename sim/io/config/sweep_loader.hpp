#pragma once
// A sweep file: a base scenario, the parameters to vary (YAML paths, as for --set), a design
// (grid, explicit points, a Latin hypercube, or a Morris or Sobol sensitivity design), replications per point and a seed. Read as
// strictly as a scenario: every problem with file:line:col, unknown keys with "did you mean".

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace caseload::io {

enum class SweepDesignKind { Grid, Points, LatinHypercube, Morris, Sobol };

struct SweepFile {
  std::string name;              ///< `name`, or the file's stem
  std::filesystem::path base;    ///< the base scenario, resolved against the sweep file's folder
  std::vector<std::string> set;  ///< `path=value` assignments applied to every run first
  std::vector<std::string> parameters;  ///< YAML paths of the swept values, in column order
  SweepDesignKind design = SweepDesignKind::Grid;
  /// Grid: values[j] lists parameter j's values. Points: points[p][j]. Values are YAML scalar
  /// text, ready to follow `path=` (quoted text stays quoted).
  std::vector<std::vector<std::string>> grid_values;
  std::vector<std::vector<std::string>> points;
  /// Latin hypercube, Morris and Sobol: one [low, high] range per parameter. Latin hypercube:
  /// samples = points; Sobol: samples = N base samples (N (k + 2) points).
  std::size_t samples = 0;
  std::vector<std::pair<double, double>> bounds;
  /// Morris: trajectories r of k + 1 points each, on `levels` (even) levels per parameter.
  std::size_t trajectories = 0;
  std::size_t levels = 0;
  std::size_t replications = 1;
  std::uint64_t seed = 1;
};

/// Most runs (points x replications) a sweep may ask for: far beyond any sensible sweep, well
/// within the 32-bit point and replication numbers that seed derivation takes.
inline constexpr std::size_t kMaxSweepRuns = 1'000'000;

/// Whether `file` reads as a sweep file rather than a scenario: a YAML map with a top-level
/// `design` key, which no scenario has. False for anything unreadable (left to the loader).
bool looks_like_sweep_file(const std::filesystem::path& file);

/// Throws core::ConfigError listing every problem in the file, in file order.
SweepFile load_sweep_file(const std::filesystem::path& file);

/// The same for text in memory; `name` stands for the file, and `base` is resolved against
/// its folder.
SweepFile load_sweep_text(std::string_view text, const std::filesystem::path& name);

}  // namespace caseload::io
