#include "sim/regimes/registry.hpp"

#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "sim/core/did_you_mean.hpp"
#include "sim/model/provider_staffing.hpp"
#include "sim/regimes/cascade_reader.hpp"
#include "sim/regimes/indicator_set_regime.hpp"
#include "sim/regimes/primitives.hpp"

namespace caseload::regimes {

namespace {

// Star bands (P37): five pressures, one per star; an empty list (the default) means none.
void read_stars(core::ConfigReader& pressure, PressureRule& rule) {
  const std::vector<double> stars = pressure.numbers("stars", {}, core::Bounds::at_least(0.0));
  if (stars.empty()) return;
  if (stars.size() != rule.stars.size()) {
    pressure.error("stars", fmt::format("'{}' must list five pressures, for 1 to 5 stars; got {}",
                                        pressure.path_of("stars"), stars.size()));
    return;
  }
  if (!rule.relative) {
    pressure.error("stars", fmt::format("'{}' needs '{}: true': stars rate a unit against its expected value",
                                        pressure.path_of("stars"), pressure.path_of("relative")));
    return;
  }
  if (rule.k > 0.0) {
    pressure.error("stars", fmt::format("'{}' replaces the linear rule; leave '{}' at 0",
                                        pressure.path_of("stars"), pressure.path_of("k")));
    return;
  }
  std::copy(stars.begin(), stars.end(), rule.stars.begin());
  rule.has_stars = true;
}

// A target year (0: off) and the reward for meeting its target; the year's target is the
// weekly one times its weeks, so it needs an absolute weekly target.
void read_target_year(core::ConfigReader& pressure, PressureRule& rule) {
  rule.target_year_weeks = static_cast<int>(pressure.integer("target_year_weeks", 0, core::Bounds::between(0, 520)));
  rule.target_met_reward = pressure.number("target_met_reward", 0.0, core::Bounds::at_least(0.0));
  rule.ratchet = pressure.number("ratchet", 0.0, core::Bounds::between(0.0, 1.0));
  if (rule.ratchet > 0.0 && rule.target_year_weeks == 0) {
    pressure.error("ratchet", fmt::format("'{}' moves next year's target, so it needs '{}' above 0",
                                          pressure.path_of("ratchet"), pressure.path_of("target_year_weeks")));
  }
  if (rule.target_year_weeks > 0 && (rule.relative || rule.target_per_adviser_week <= 0.0)) {
    pressure.error("target_year_weeks",
                   fmt::format("'{}' needs an absolute target: '{}' above 0 and '{}' false",
                               pressure.path_of("target_year_weeks"), pressure.path_of("target_per_adviser_week"),
                               pressure.path_of("relative")));
  }
}

// A cascade sets every pressure from an absolute target split down from the top; it is not
// combined with benchmarking or target years in this version.
void read_cascade_rule(core::ConfigReader& pressure, const model::Scenario& scenario, RegimeRules& rules) {
  if (!pressure.has("cascade")) return;
  PressureRule& rule = rules.pressure;
  rule.cascade = read_cascade(pressure.section("cascade"), scenario, rules.level);
  if (rule.k <= 0.0 || rule.target_per_adviser_week <= 0.0) {
    pressure.error("cascade", fmt::format("'{}' splits a target and passes its shortfall down: it needs '{}' and "
                                          "'{}' above 0",
                                          pressure.path_of("cascade"), pressure.path_of("k"),
                                          pressure.path_of("target_per_adviser_week")));
  }
  if (rule.relative || rule.target_year_weeks > 0) {
    pressure.error("cascade", fmt::format("'{}' is not combined with '{}' or '{}' in this version",
                                          pressure.path_of("cascade"), pressure.path_of("relative"),
                                          pressure.path_of("target_year_weeks")));
  }
}

IndicatorContext context_of(const model::Scenario& scenario) {
  IndicatorContext context{&scenario, {}};
  for (const auto& group : scenario.groups) context.group_names.push_back(group.name);
  return context;
}

}  // namespace

std::vector<std::string> primitive_names() {
  std::vector<std::string> names;
  for (const auto& p : primitive_table()) names.emplace_back(p.kind);
  return names;
}

RegimeDescription describe_regime(const model::Scenario& scenario, core::Diagnostics& diagnostics) {
  RegimeDescription out;
  core::ConfigNode tree = scenario.regime;  // a copy: the reader writes the defaults it applies into its tree
  if (tree.is_null()) return out;
  core::ConfigReader reader(tree, "regime", diagnostics);
  if (!tree.is_map()) {
    reader.error_here(fmt::format("'regime' must be a map of keys, got {}", tree.kind_name()));
    return out;
  }
  reader.text("name", "");
  reader.text("description", "");
  reader.text("sources", "");
  const std::string level = reader.choice("level", "adviser", level_names);
  for (std::size_t i = 0; i < level_names.size(); ++i) {
    if (level_names[i] == level) out.rules.level = static_cast<Level>(i);
  }
  if (out.rules.level == Level::District && scenario.network.districts == 0) {
    reader.error("level", fmt::format("'{}' is district, but the network has no districts; set network.districts "
                                      "or give the office table a district column",
                                      reader.path_of("level")));
  }
  const std::string reward = reader.choice("reward", "points", reward_names);
  out.rules.reward = reward == "profit" ? Reward::Profit : Reward::Points;
  if (out.rules.reward == Reward::Profit && !scenario.providers.enabled()) {
    reader.error("reward", fmt::format("'{}' is profit, which only contracted providers pursue; set "
                                       "providers.per_office above 0 or use reward: points",
                                       reader.path_of("reward")));
  }
  out.rules.value_scale = reader.number("value_scale", 1.0, core::Bounds::at_least(0.0));
  {
    core::ConfigReader pressure = reader.section("pressure");
    out.rules.pressure.k = pressure.number("k", 0.0, core::Bounds::at_least(0.0));
    out.rules.pressure.target_per_adviser_week =
        pressure.number("target_per_adviser_week", 0.0, core::Bounds::at_least(0.0));
    out.rules.pressure.review_weeks = static_cast<double>(
        pressure.integer("review_weeks", 4, core::Bounds::between(1, 52)));
    out.rules.pressure.relative = pressure.flag("relative", false);
    const std::string expected = pressure.choice("expected", "size", expected_names);
    out.rules.pressure.expected = static_cast<Expected>(
        std::find(expected_names.begin(), expected_names.end(), expected) - expected_names.begin());
    if (out.rules.pressure.expected != Expected::Size && !out.rules.pressure.relative) {
      pressure.error("expected", fmt::format("'{}: {}' needs '{}: true'", pressure.path_of("expected"), expected,
                                             pressure.path_of("relative")));
    }
    out.rules.pressure.compare =
        pressure.choice("compare", "all", compare_names) == "cluster" ? Compare::Cluster : Compare::All;
    if (out.rules.pressure.compare == Compare::Cluster && !out.rules.pressure.relative) {
      pressure.error("compare", fmt::format("'{}: cluster' needs '{}: true'", pressure.path_of("compare"),
                                            pressure.path_of("relative")));
    }
    if (out.rules.pressure.compare == Compare::Cluster && out.rules.pressure.expected == Expected::Regression) {
      pressure.error("compare", fmt::format("'{}: cluster' and '{}: regression' are two ways of comparing like "
                                            "with like; give one",
                                            pressure.path_of("compare"), pressure.path_of("expected")));
    }
    read_stars(pressure, out.rules.pressure);
    read_target_year(pressure, out.rules.pressure);
    read_cascade_rule(pressure, scenario, out.rules);
    pressure.finish();
  }
  const IndicatorContext context = context_of(scenario);
  const std::vector<std::string> known = primitive_names();
  for (auto& item : reader.section_list("indicators")) {
    const std::string kind = item.required_text("kind");
    const Primitive* found = find_primitive(kind);
    if (found == nullptr) {
      if (kind.empty()) continue;  // already reported as missing
      std::string message = fmt::format("'{}' names unknown indicator primitive '{}'; known: {}",
                                        item.path_of("kind"), kind, core::join_words(known));
      if (auto near = core::nearest_word(kind, known)) message += fmt::format(" (did you mean '{}'?)", *near);
      item.error("kind", message);
      continue;
    }
    out.indicators.push_back({found, found->read(item, context)});
    item.finish();
  }
  reader.finish();
  return out;
}

std::unique_ptr<model::Regime> build_regime(const RegimeDescription& description, const model::Scenario& scenario) {
  if (description.indicators.empty()) return std::make_unique<model::NeutralRegime>();
  const IndicatorContext context = context_of(scenario);
  std::vector<std::unique_ptr<Indicator>> indicators;
  for (const auto& indicator : description.indicators) {
    indicators.push_back(indicator.primitive->build(*indicator.settings, context));
  }
  RegimeRules rules = description.rules;
  for (const auto& indicator : description.indicators) rules.indicator_names.emplace_back(indicator.primitive->kind);
  rules.staff_cost_per_minute = model::caseworker_cost_per_minute(scenario);
  return std::make_unique<IndicatorSetRegime>(scenario, rules, std::move(indicators));
}

model::RegimeFactory compile_regime(const model::Scenario& scenario, core::Diagnostics& diagnostics) {
  // Shared, not copied: std::function must be copyable, and the description is read-only.
  auto description = std::make_shared<const RegimeDescription>(describe_regime(scenario, diagnostics));
  return [description](const model::Scenario& s) { return build_regime(*description, s); };
}

}  // namespace caseload::regimes
