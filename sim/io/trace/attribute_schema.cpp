#include "sim/io/trace/attribute_schema.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace caseload::io {

namespace {

using enum AttributeType;

constexpr AttributeSpec root_specs[] = {
    {"complete", Bool, "",
     "`1` once the run finished and the file was renamed to `OUT.h5`; `0` in a `.partial`"},
    {"trace_format_version", Int64, "", "`1`; see Versioning"},
    {"version", String, "", "caseload version that wrote the file (`0.1.0`)"},
    {"commit", String, "", "git commit it was built from (12 hex digits, or `unknown`)"},
    {"seed", UInt64, "", "the run's seed (`run.seed` after `--seed`)"},
    {"scenario_name", String, "", "the scenario's `name`"},
    {"created", String, "",
     "when the run started, UTC, ISO 8601 to the second (`2024-05-01T09:30:00Z`)"},
    {"trace_level", String, "", "`summary`, `agents` or `events`"},
};

constexpr AttributeSpec variant_specs[] = {
    {"measure_start_days", Float64, "days", "start of the measured period (end of the warm-up)"},
    {"end_days", Float64, "days", "end of the run"},
    {"events_handled", UInt64, "events", "events the variant handled"},
    {"submissions_failed", UInt64, "submissions", "submissions that found no vacancy"},
    {"searches_crowded_out", UInt64, "searches", "own-search successes lost to competition"},
    {"interrupted", Bool, "",
     "`1` if the run stopped early (Ctrl-C); its tables end where it stopped"},
};

}  // namespace

std::span<const AttributeSpec> root_attributes() { return root_specs; }
std::span<const AttributeSpec> variant_attributes() { return variant_specs; }

std::string_view name_of(AttributeType type) {
  switch (type) {
    case String:
      return "string";
    case Int64:
      return "int64";
    case UInt64:
      return "uint64";
    case Float64:
      return "float64";
    case Bool:
      return "uint8";
  }
  return "unknown";
}

const AttributeSpec* find_attribute(std::span<const AttributeSpec> attributes,
                                    std::string_view name) {
  const auto found = std::find_if(attributes.begin(), attributes.end(),
                                  [&](const AttributeSpec& spec) { return spec.name == name; });
  return found == attributes.end() ? nullptr : &*found;
}

std::string attributes_markdown(std::span<const AttributeSpec> attributes) {
  std::string text =
      "| attribute | type | units | meaning |\n"
      "|-----------|------|-------|---------|\n";
  for (const AttributeSpec& spec : attributes) {
    // An empty cell is written "| |", as in the variant tables.
    const std::string units = spec.units.empty() ? " " : fmt::format(" {} ", spec.units);
    text += fmt::format("| `{}` | {} |{}| {} |\n", spec.name, name_of(spec.type), units,
                        spec.description);
  }
  return text;
}

}  // namespace caseload::io
