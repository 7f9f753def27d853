#include <algorithm>

#include <fmt/format.h>

#include "sim/core/did_you_mean.hpp"
#include "sim/regimes/indicator.hpp"

namespace caseload::regimes {

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
    if (entry.key == "default") continue;
    if (std::find(context.group_names.begin(), context.group_names.end(), entry.key) !=
        context.group_names.end()) {
      continue;
    }
    std::string message = fmt::format("'{}' names unknown customer group '{}'; known: {}",
                                      by_group.path(), entry.key, core::join_words(context.group_names));
    if (auto near = core::nearest_word(entry.key, context.group_names)) {
      message += fmt::format(" (did you mean '{}'?)", *near);
    }
    reader.diagnostics().error(entry.key_location, message);
    by_group.accept(entry.key);
  }
  by_group.finish();
  return weights;
}

}  // namespace caseload::regimes
