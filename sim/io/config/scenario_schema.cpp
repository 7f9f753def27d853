#include "sim/io/config/scenario_schema.hpp"

namespace caseload::io {

namespace {
model::RunSettings read_run(core::ConfigReader reader) {
  model::RunSettings run;
  run.seed = static_cast<std::uint64_t>(reader.integer("seed", 1, core::Bounds::at_least(0)));
  run.weeks = reader.number("weeks", run.weeks, core::Bounds::above(0));
  run.warmup_weeks = reader.number("warmup_weeks", run.warmup_weeks, core::Bounds::at_least(0));
  reader.finish();
  return run;
}
}  // namespace

model::Scenario read_scenario(core::ConfigReader& root) {
  model::Scenario scenario;
  scenario.name = root.required_text("name");
  scenario.description = root.text("description", "");
  scenario.run = read_run(root.section("run"));
  root.accept("include");  // consumed by the parser, kept in the tree for provenance
  root.finish();
  return scenario;
}

}  // namespace caseload::io
