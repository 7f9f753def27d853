#include <algorithm>

#include <fmt/format.h>

#include "sim/core/did_you_mean.hpp"
#include "sim/regimes/indicator.hpp"

namespace caseload::regimes {

namespace {

bool is_known_group(const std::string& name, const IndicatorContext& context) {
  return std::find(context.group_names.begin(), context.group_names.end(), name) != context.group_names.end();
}

void report_unknown_group(core::ConfigReader& reader, const std::string& path, const std::string& name,
                          const core::SourceLocation& where, const IndicatorContext& context) {
  std::string message = fmt::format("'{}' names unknown customer group '{}'; known: {}", path, name,
                                    core::join_words(context.group_names));
  if (auto near = core::nearest_word(name, context.group_names)) {
    message += fmt::format(" (did you mean '{}'?)", *near);
  }
  reader.diagnostics().error(where, message);
}

}  // namespace

std::vector<double> read_group_weights(core::ConfigReader& reader, std::string_view key,
                                       double fallback, const IndicatorContext& context) {
  std::vector<double> weights(context.group_names.size(), fallback);
  if (!reader.has(key)) {
    reader.number(key, fallback, core::Bounds::at_least(0.0));  // a single number for all groups
    return weights;
  }
  if (reader.node().find(key)->is_scalar()) {
    const double all = reader.number(key, fallback, core::Bounds::at_least(0.0));
    std::fill(weights.begin(), weights.end(), all);
    return weights;
  }
  core::ConfigReader by_group = reader.section(key);
  const double base = by_group.number("default", fallback, core::Bounds::at_least(0.0));
  std::fill(weights.begin(), weights.end(), base);
  for (std::size_t g = 0; g < context.group_names.size(); ++g) {
    if (by_group.has(context.group_names[g])) {
      weights[g] = by_group.number(context.group_names[g], base, core::Bounds::at_least(0.0));
    }
  }
  for (const auto& entry : by_group.node().entries()) {
    if (entry.key == "default" || is_known_group(entry.key, context)) continue;
    report_unknown_group(reader, by_group.path(), entry.key, entry.key_location, context);
    by_group.accept(entry.key);
  }
  by_group.finish();
  return weights;
}

std::vector<bool> read_group_set(core::ConfigReader& reader, std::string_view key,
                                 const IndicatorContext& context) {
  const std::vector<std::string> names = reader.texts(key, context.group_names);
  std::vector<bool> in_set(context.group_names.size(), false);
  const core::ConfigNode* list = reader.node().is_map() ? reader.node().find(key) : nullptr;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto found = std::find(context.group_names.begin(), context.group_names.end(), names[i]);
    if (found != context.group_names.end()) {
      in_set[static_cast<std::size_t>(found - context.group_names.begin())] = true;
      continue;
    }
    const bool is_item = list != nullptr && list->is_sequence() && i < list->items().size();
    report_unknown_group(reader, reader.path_of(key), names[i],
                         is_item ? list->items()[i].location() : reader.location_of(key), context);
  }
  return in_set;
}

}  // namespace caseload::regimes
