#include "sim/io/config/scenario_schema.hpp"

#include <algorithm>
#include <filesystem>
#include <span>

#include <fmt/format.h>

#include "sim/core/did_you_mean.hpp"
#include "sim/io/config/office_table.hpp"
#include "sim/model/office_profiles.hpp"
#include "sim/model/action.hpp"
#include "sim/model/group_attributes.hpp"

namespace caseload::io {

namespace {

using core::Bounds;
using core::ConfigReader;

const Bounds non_negative = Bounds::at_least(0.0);
const Bounds positive = Bounds::above(0.0);
const Bounds probability = Bounds::probability();
// A century of weeks: far past any policy horizon, and small enough that every count sized
// from it (jobseekers, spells, events) stays far below what a size_t or a double counts exactly.
// A log-sd of 5 spreads offices by a factor of about 150 per sd, far wider than real offices
// differ; beyond it exp() of the draws overflows to infinity, then an infinite office size.
const Bounds log_spread = Bounds::between(0.0, 5.0);
const Bounds run_weeks = Bounds::between(0.0, 5200.0);

model::RunSettings read_run(ConfigReader reader) {
  model::RunSettings run;
  run.seed = static_cast<std::uint64_t>(reader.integer("seed", 1, non_negative));
  run.weeks = reader.number("weeks", run.weeks, Bounds{0.0, run_weeks.max, true});
  run.warmup_weeks = reader.number("warmup_weeks", run.warmup_weeks, run_weeks);
  reader.finish();
  return run;
}

model::OfficeVariation read_variation(ConfigReader reader) {
  model::OfficeVariation v;
  v.size_sd = reader.number("size_sd", v.size_sd, log_spread);
  v.vacancy_rate_sd = reader.number("vacancy_rate_sd", v.vacancy_rate_sd, log_spread);
  v.quality_sd = reader.number("quality_sd", v.quality_sd, non_negative);
  v.mix_sd = reader.number("mix_sd", v.mix_sd, log_spread);
  v.seed = static_cast<std::uint64_t>(reader.integer("seed", static_cast<std::int64_t>(v.seed), non_negative));
  reader.finish();
  return v;
}

// `table_location` is where office_table was given, for a path relative to that file.
model::OfficeNetwork read_network(ConfigReader reader, core::SourceLocation& table_location) {
  model::OfficeNetwork network;
  const bool offices_given = reader.has("offices");
  network.offices = static_cast<int>(reader.integer("offices", network.offices, Bounds::between(1, 1000)));
  network.advisers_per_office =
      static_cast<int>(reader.integer("advisers_per_office", network.advisers_per_office, Bounds::between(1, 10000)));
  network.advisers_per_team =
      static_cast<int>(reader.integer("advisers_per_team", network.advisers_per_team, Bounds::between(1, 10000)));
  network.variation = read_variation(reader.section("variation"));
  // More clusters than offices means one office per cluster (a shortened run of a network).
  network.clusters = static_cast<int>(reader.integer("clusters", network.clusters, Bounds::between(1, 1000)));
  network.districts = static_cast<int>(reader.integer("districts", network.districts, Bounds::between(0, 1000)));
  network.office_table = reader.text("office_table", "");
  table_location = reader.location_of("office_table");
  if (!network.office_table.empty() && network.variation.any()) {
    reader.error("variation", fmt::format("'{}' draws offices, '{}' lists them: give one", reader.path_of("variation"),
                                          reader.path_of("office_table")));
  }
  // With a table, `offices` (if given) takes its first rows: a shortened run of a real network.
  if (!network.office_table.empty() && !offices_given) network.offices = 0;
  reader.finish();
  return network;
}

// Reads every field of `fields` into `owner`, keeping the owner's value as the default.
template <typename Owner>
void read_fields(ConfigReader& reader, Owner& owner, std::span<const model::Field<Owner>> fields) {
  for (const auto& field : fields) {
    if (field.flag != nullptr) {
      bool& value = field.flag(owner);
      value = reader.flag(field.key, value);
    } else if (field.integer != nullptr) {
      int& value = field.integer(owner);
      value = static_cast<int>(reader.integer(field.key, value, field.bounds));
    } else if (field.required) {
      field.number(owner) = reader.required_number(field.key, field.bounds);
    } else {
      double& value = field.number(owner);
      value = reader.number(field.key, value, field.bounds);
    }
  }
}

std::vector<model::CustomerGroup> read_groups(ConfigReader& root) {
  std::vector<model::CustomerGroup> groups;
  const bool present = root.has("groups");
  if (!present) {
    root.error_here("missing required section 'groups' (one entry per customer group)");
  }
  for (auto& [name, reader] : root.named_sections("groups")) {
    model::CustomerGroup g;
    g.name = name;
    read_fields<model::CustomerGroup>(reader, g, model::group_attributes);
    reader.finish();
    groups.push_back(g);
  }
  if (present && groups.empty()) root.error("groups", "'groups' must name at least one customer group");
  if (groups.size() > 255) root.error("groups", "at most 255 customer groups are supported");
  return groups;
}

model::SearchModel read_search(ConfigReader reader) {
  model::SearchModel s;
  s.intercept = reader.number("intercept", s.intercept);
  s.motivation_weight = reader.number("motivation_weight", s.motivation_weight);
  s.boost_weight = reader.number("boost_weight", s.boost_weight);
  s.boost_half_life_weeks = reader.number("boost_half_life_weeks", s.boost_half_life_weeks, positive);
  s.scarring_per_year = reader.number("scarring_per_year", s.scarring_per_year, non_negative);
  s.scarring_cap_weeks = reader.number("scarring_cap_weeks", s.scarring_cap_weeks, non_negative);
  s.tightness_half_vacancies = reader.number("tightness_half_vacancies", s.tightness_half_vacancies, non_negative);
  s.steady_state_history_weeks =
      reader.number("steady_state_history_weeks", s.steady_state_history_weeks, Bounds::between(0, 5200));
  reader.finish();
  return s;
}

model::EmployerModel read_employers(ConfigReader reader) {
  model::EmployerModel e;
  e.employers_per_office =
      static_cast<int>(reader.integer("employers_per_office", e.employers_per_office, Bounds::between(1, 100000)));
  e.vacancies_per_week = reader.number("vacancies_per_week", e.vacancies_per_week, positive);
  e.open_period_weeks = reader.number("open_period_weeks", e.open_period_weeks, positive);
  e.external_fill_per_week = reader.number("external_fill_per_week", e.external_fill_per_week, non_negative);
  e.quality_alpha = reader.number("quality_alpha", e.quality_alpha, positive);
  e.quality_beta = reader.number("quality_beta", e.quality_beta, positive);
  e.threshold_mean = reader.number("threshold_mean", e.threshold_mean);
  e.threshold_sd = reader.number("threshold_sd", e.threshold_sd, non_negative);
  e.hire_noise_sd = reader.number("hire_noise_sd", e.hire_noise_sd, positive);
  e.competition_margin = reader.number("competition_margin", e.competition_margin, non_negative);
  e.notify_base = reader.number("notify_base", e.notify_base, probability);
  e.notify_goodwill = reader.number("notify_goodwill", e.notify_goodwill, probability);
  e.goodwill_initial = reader.number("goodwill_initial", e.goodwill_initial, probability);
  e.goodwill_contact_gain = reader.number("goodwill_contact_gain", e.goodwill_contact_gain, probability);
  e.goodwill_sustained_gain = reader.number("goodwill_sustained_gain", e.goodwill_sustained_gain, probability);
  e.goodwill_early_leaver_loss =
      reader.number("goodwill_early_leaver_loss", e.goodwill_early_leaver_loss, probability);
  e.goodwill_unsuitable_loss = reader.number("goodwill_unsuitable_loss", e.goodwill_unsuitable_loss, probability);
  e.unsuitable_margin = reader.number("unsuitable_margin", e.unsuitable_margin, non_negative);
  e.demanding_share = reader.number("demanding_share", e.demanding_share, probability);
  if (e.notify_base + e.notify_goodwill > 1.0) {
    reader.error("notify_goodwill",
                 fmt::format("'{}' plus notify_base must not exceed 1 (a probability), got {}",
                             reader.path_of("notify_goodwill"), e.notify_base + e.notify_goodwill));
  }
  reader.finish();
  return e;
}

model::JobModel read_jobs(ConfigReader reader) {
  model::JobModel j;
  j.separation_per_week = reader.number("separation_per_week", j.separation_per_week, positive);
  j.quality_effect = reader.number("quality_effect", j.quality_effect);
  j.employability_effect = reader.number("employability_effect", j.employability_effect);
  j.motivation_effect = reader.number("motivation_effect", j.motivation_effect);
  j.matched_effect = reader.number("matched_effect", j.matched_effect);
  j.recycle_probability = reader.number("recycle_probability", j.recycle_probability, probability);
  // Unset, the long-tenure chance is the short one: a re-claim that does not depend on tenure.
  if (reader.has("recycle_long_tenure")) {
    j.recycle_long_tenure = reader.number("recycle_long_tenure", j.recycle_probability, probability);
  }
  j.recycle_decay_weeks = reader.number("recycle_decay_weeks", j.recycle_decay_weeks, positive);
  j.reclaim_delay_weeks = reader.number("reclaim_delay_weeks", j.reclaim_delay_weeks, non_negative);
  j.reservation_quality = reader.number("reservation_quality", j.reservation_quality, probability);
  j.reservation_half_life_weeks =
      reader.number("reservation_half_life_weeks", j.reservation_half_life_weeks, positive);
  reader.finish();
  return j;
}

model::ActionCatalogue read_actions(ConfigReader reader) {
  model::ActionCatalogue a;
  for (const auto& action : model::action_table) {
    ConfigReader r = reader.section(action.name);
    read_fields(r, a, action.parameters);
    r.finish();
  }
  reader.finish();
  return a;
}

constexpr std::string_view assignment_rule_names[] = {"balance", "random", "specialist"};

model::AssignmentRule read_assignment_rule(ConfigReader& reader, model::AssignmentRule fallback) {
  const std::vector<std::string> names(std::begin(assignment_rule_names), std::end(assignment_rule_names));
  const std::string name = reader.choice("assignment", names[static_cast<std::size_t>(fallback)], names);
  const auto found = std::find(names.begin(), names.end(), name);
  return static_cast<model::AssignmentRule>(found - names.begin());
}

model::AdviserModel read_advisers(ConfigReader reader) {
  model::AdviserModel m;
  m.hours_per_week = reader.number("hours_per_week", m.hours_per_week, Bounds::between(0, 168));
  m.other_duties_share = reader.number("other_duties_share", m.other_duties_share, probability);
  m.review_minutes = reader.number("review_minutes", m.review_minutes, non_negative);
  m.review_interval_days = reader.number("review_interval_days", m.review_interval_days, Bounds::between(1, 365));
  m.missed_review_rate = reader.number("missed_review_rate", m.missed_review_rate, probability);
  m.w_client_alpha = reader.number("w_client_alpha", m.w_client_alpha, positive);
  m.w_client_beta = reader.number("w_client_beta", m.w_client_beta, positive);
  m.w_target = reader.number("w_target", m.w_target, non_negative);
  m.need_weight = reader.number("need_weight", m.need_weight, non_negative);
  m.time_cost_per_minute = reader.number("time_cost_per_minute", m.time_cost_per_minute, non_negative);
  m.money_cost_per_unit = reader.number("money_cost_per_unit", m.money_cost_per_unit, non_negative);
  m.goodwill_value_per_unit = reader.number("goodwill_value_per_unit", m.goodwill_value_per_unit, non_negative);
  m.horizon_weeks = reader.number("horizon_weeks", m.horizon_weeks, positive);
  m.perception_sd_employability =
      reader.number("perception_sd_employability", m.perception_sd_employability, non_negative);
  m.perception_sd_motivation = reader.number("perception_sd_motivation", m.perception_sd_motivation, non_negative);
  m.perception_minutes_scale = reader.number("perception_minutes_scale", m.perception_minutes_scale, positive);
  m.effectiveness_sd = reader.number("effectiveness_sd", m.effectiveness_sd, non_negative);
  m.assignment = read_assignment_rule(reader, m.assignment);
  m.specialist_share = reader.number("specialist_share", m.specialist_share, probability);
  reader.finish();
  return m;
}

std::vector<std::string> action_name_list() {
  std::vector<std::string> names;
  for (auto name : model::action_names) names.emplace_back(name);
  return names;
}

void check_names(ConfigReader& reader, std::string_view key, const std::vector<std::string>& given,
                 const std::vector<std::string>& known, std::string_view what) {
  for (const auto& name : given) {
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    reader.error(key, fmt::format("'{}' names unknown {} '{}'; known: {}", reader.path_of(key), what, name,
                                  core::join_words(known)));
  }
}

model::Policy read_policy(ConfigReader reader, model::Policy policy,
                          const std::vector<std::string>& group_names) {
  policy.discretionary_help = reader.flag("discretionary_help", policy.discretionary_help);
  policy.help_groups = reader.texts("help_groups", policy.help_groups);
  policy.disabled_actions = reader.texts("disabled_actions", policy.disabled_actions);
  check_names(reader, "help_groups", policy.help_groups, group_names, "customer group");
  check_names(reader, "disabled_actions", policy.disabled_actions, action_name_list(), "action");
  reader.finish();
  return policy;
}

}  // namespace

model::ProviderModel read_providers(ConfigReader reader, const std::vector<std::string>& group_names) {
  model::ProviderModel providers;
  providers.per_office = static_cast<int>(reader.integer("per_office", providers.per_office, Bounds::between(0, 100)));
  providers.caseworkers_per_provider = static_cast<int>(
      reader.integer("caseworkers_per_provider", providers.caseworkers_per_provider, Bounds::between(0, 10000)));
  providers.caseload_per_caseworker =
      reader.number("caseload_per_caseworker", providers.caseload_per_caseworker, positive);
  if (reader.has("forecast_off_flow_per_week")) {
    ConfigReader forecast = reader.section("forecast_off_flow_per_week");
    auto& hazards = providers.forecast;
    hazards.to_26_weeks = forecast.number("to_26_weeks", hazards.to_26_weeks, non_negative);
    hazards.to_52_weeks = forecast.number("to_52_weeks", hazards.to_52_weeks, non_negative);
    hazards.after_52_weeks = forecast.number("after_52_weeks", hazards.after_52_weeks, non_negative);
    forecast.finish();
  }
  providers.attachment_weeks = reader.number("attachment_weeks", providers.attachment_weeks, positive);
  providers.min_interview_every_weeks =
      reader.number("min_interview_every_weeks", providers.min_interview_every_weeks, non_negative);
  providers.caseworker_cost_per_year =
      reader.number("caseworker_cost_per_year", providers.caseworker_cost_per_year, non_negative);
  providers.overhead_share = reader.number("overhead_share", providers.overhead_share, non_negative);
  providers.difficulty_perception_sd =
      reader.number("difficulty_perception_sd", providers.difficulty_perception_sd, non_negative);
  providers.programme_budget_per_caseworker =
      reader.number("programme_budget_per_caseworker", providers.programme_budget_per_caseworker, non_negative);
  // A single number for all groups, or {default: 52, <group>: ...}.
  const double fallback = 52.0;
  providers.referral_after_weeks.assign(group_names.size(), fallback);
  if (!reader.has("referral_after_weeks") || reader.node().find("referral_after_weeks")->is_scalar()) {
    const double all = reader.number("referral_after_weeks", fallback, non_negative);
    std::fill(providers.referral_after_weeks.begin(), providers.referral_after_weeks.end(), all);
  } else {
    ConfigReader by_group = reader.section("referral_after_weeks");
    const double base = by_group.number("default", fallback, non_negative);
    for (std::size_t g = 0; g < group_names.size(); ++g) {
      providers.referral_after_weeks[g] = by_group.number(group_names[g], base, non_negative);
    }
    // Any other key is an unknown group, reported by finish() with a did-you-mean.
    by_group.finish();
  }
  reader.finish();
  return providers;
}

// The office table (if any) once groups, employers and search are known, then one profile per
// office with its cluster.
void read_offices(model::Scenario& scenario, const core::SourceLocation& table_location,
                  core::Diagnostics& diagnostics) {
  auto& network = scenario.network;
  if (!network.office_table.empty()) {
    if (!diagnostics.empty()) return;  // shares and markets need the rest read cleanly
    const std::filesystem::path written(network.office_table);
    const bool from_command_line = table_location.file.starts_with("--");
    const std::filesystem::path file = written.is_absolute() || from_command_line
                                           ? written
                                           : std::filesystem::path(table_location.file).parent_path() / written;
    std::vector<model::OfficeProfile> rows = read_office_table(file, scenario, diagnostics);
    if (!diagnostics.empty()) return;
    if (network.offices > static_cast<int>(rows.size())) {
      diagnostics.error(table_location, fmt::format("network.offices is {} but the office table lists {} offices",
                                                    network.offices, rows.size()));
      return;
    }
    if (network.offices > 0) rows.resize(static_cast<std::size_t>(network.offices));
    network.table = std::move(rows);
  }
  model::resolve_offices(scenario);
}

// A trial (model::TrialDesign): present means on; bounds generous, a century of weeks at most.
model::TrialDesign read_trial(ConfigReader reader, double run_weeks) {
  model::TrialDesign trial;
  trial.enabled = true;
  trial.share = reader.number("share", trial.share, Bounds::probability());
  trial.from_week = reader.number("from_week", trial.from_week, Bounds::between(0.0, 5200.0));
  trial.weeks = reader.number("weeks", trial.weeks, Bounds::between(1.0, 5200.0));
  trial.attachment_weeks = reader.number("attachment_weeks", trial.attachment_weeks, Bounds::between(0.0, 5200.0));
  trial.follow_weeks = reader.number("follow_weeks", trial.follow_weeks, Bounds::between(1.0, 5200.0));
  if (trial.from_week + trial.weeks > run_weeks) {
    reader.error("weeks", fmt::format("'{}' and '{}' put the window's end at measured week {:g}, after the run's "
                                      "{:g} (run.weeks)",
                                      reader.path_of("from_week"), reader.path_of("weeks"),
                                      trial.from_week + trial.weeks, run_weeks));
  }
  reader.finish();
  return trial;
}

model::Scenario read_scenario(ConfigReader& root) {
  model::Scenario scenario;
  scenario.name = root.required_text("name");
  scenario.description = root.text("description", "");
  scenario.run = read_run(root.section("run"));
  core::SourceLocation table_location;
  scenario.network = read_network(root.section("network"), table_location);
  scenario.groups = read_groups(root);
  std::vector<std::string> group_names;
  for (const auto& g : scenario.groups) group_names.push_back(g.name);
  scenario.search = read_search(root.section("search"));
  scenario.employers = read_employers(root.section("employers"));
  scenario.jobs = read_jobs(root.section("jobs"));
  scenario.advisers = read_advisers(root.section("advisers"));
  scenario.actions = read_actions(root.section("actions"));
  scenario.policy = read_policy(root.section("policy"), scenario.policy, group_names);
  scenario.providers = read_providers(root.section("providers"), group_names);
  // The regime is compiled and validated by sim/regimes, which owns its keys.
  if (const core::ConfigNode* regime = root.node().find("regime")) scenario.regime = *regime;
  root.accept("regime");
  {
    ConfigReader cf = root.section("counterfactual");
    scenario.counterfactual.enabled = cf.flag("enabled", scenario.counterfactual.enabled);
    scenario.counterfactual.policy =
        read_policy(cf.section("policy"), scenario.counterfactual.policy, group_names);
    cf.finish();
  }
  if (root.has("trial")) scenario.trial = read_trial(root.section("trial"), scenario.run.weeks);
  root.accept("include");  // consumed by the parser, kept in the tree for provenance
  root.finish();
  read_offices(scenario, table_location, root.diagnostics());
  return scenario;
}

}  // namespace caseload::io
