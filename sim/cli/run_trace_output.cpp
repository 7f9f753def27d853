#include "sim/cli/run_trace_output.hpp"

#include <exception>

#include <fmt/format.h>

#include "sim/core/diagnostics.hpp"

namespace caseload::cli {

namespace {

io::TraceLevel level_named(std::string_view name) {
  if (const auto level = io::trace_level_named(name)) return *level;
  throw core::ConfigError(
      core::SourceLocation{"--trace", 0, 0},
      fmt::format("unknown trace level '{}'; known: summary, agents, events", name));
}

io::RunProvenance provenance_of(const RunnableScenario& runnable,
                                std::chrono::system_clock::time_point created) {
  const model::Scenario& scenario = runnable.loaded.scenario;
  io::RunProvenance provenance;
  provenance.scenario_name = scenario.name;
  provenance.seed = scenario.run.seed;
  provenance.scenario_yaml = runnable.loaded.resolved_yaml;
  for (const auto& group : scenario.groups) provenance.group_names.push_back(group.name);
  provenance.created = io::utc_timestamp(created);
  return provenance;
}

}  // namespace

io::RunMetrics trace_metrics(const experiment::SingleRun& run) {
  io::RunMetrics metrics;
  metrics.scalars = run.summary.summary;
  return metrics;
}

RunTraceOutput::RunTraceOutput(const std::string& path, std::string_view level, bool force,
                               const RunnableScenario& runnable,
                               std::chrono::system_clock::time_point created)
    : level_(level_named(level)), output_(path, io::OutputOptions{force}) {
  io::write_run_header(output_.file(), provenance_of(runnable, created), level_);
  // Readers of a .partial see the header even if the run is killed before it ends.
  output_.file().flush();
}

void RunTraceOutput::write_variants(const experiment::SingleRun& run) {
  io::write_variant(output_.file(), run.simulation.treatment, level_);
  if (run.simulation.counterfactual) {
    io::write_variant(output_.file(), *run.simulation.counterfactual, level_);
  }
}

void RunTraceOutput::commit(const experiment::SingleRun& run) {
  write_variants(run);
  io::write_metrics(output_.file(), trace_metrics(run));
  output_.commit();
}

void RunTraceOutput::abandon(const experiment::SingleRun& run, std::ostream& err) noexcept {
  std::string problem;
  try {
    write_variants(run);
  } catch (const std::exception& error) {
    problem = error.what();
  }
  output_.abandon();
  try {
    err << fmt::format("caseload run: the trace so far is in '{}' (complete=0)\n",
                       output_.partial_path().string());
    if (!problem.empty()) err << fmt::format("caseload run: it may lack rows: {}\n", problem);
  } catch (...) {
    // Nothing more can be reported.
  }
}

}  // namespace caseload::cli
