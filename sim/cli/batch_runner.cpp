#include "sim/cli/batch_runner.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "sim/cli/commands.hpp"
#include "sim/cli/interrupt.hpp"
#include "sim/cli/progress_line.hpp"
#include "sim/core/diagnostics.hpp"
#include "sim/experiment/manifest.hpp"

namespace caseload::cli {

PreparedPoint prepare_point(const std::filesystem::path& file,
                            const std::vector<std::string>& overrides) {
  try {
    return {load_runnable(file, overrides), {}};
  } catch (const core::ConfigError& error) {
    std::string problem;
    for (const auto& diagnostic : error.problems()) {
      if (!problem.empty()) problem += "; ";
      problem += core::format_diagnostic(diagnostic);
    }
    return {std::nullopt, problem};
  }
}

experiment::BatchResult run_prepared(const std::string& label,
                                     const std::vector<PreparedPoint>& points,
                                     const std::vector<experiment::PlannedRun>& plan,
                                     const std::string& experiment_fingerprint,
                                     const BatchCommandOptions& options, std::ostream& err,
                                     const RunTraceHook& trace_hook) {
  ProgressLine progress(err, label, !options.quiet && is_terminal(err));
  experiment::BatchOptions batch;
  batch.threads = options.jobs;
  if (!options.output.empty()) {
    batch.manifest = std::filesystem::path(options.output) / experiment::kManifestFileName;
  }
  batch.experiment = experiment_fingerprint;
  batch.resume = options.resume;
  batch.stop = [] { return interrupt_requested(); };
  batch.on_progress = [&progress](const experiment::BatchProgress& now) { progress.update(now); };

  const auto run = [&](std::size_t index, const experiment::PlannedRun& planned,
                       const model::StopRequested& stop) -> experiment::RunOutcome {
    const PreparedPoint& point = points[planned.point];
    if (!point.runnable) return {experiment::RunStatus::Failed, {}, point.problem};
    // A copy per run: the run's own seed, and nothing shared between threads but const data.
    model::Scenario scenario = point.runnable->loaded.scenario;
    scenario.run.seed = planned.seed;
    const experiment::SingleRun result =
        experiment::run_once(scenario, point.runnable->regime, stop);
    const bool interrupted =
        result.simulation.treatment.interrupted ||
        (result.simulation.counterfactual && result.simulation.counterfactual->interrupted);
    if (interrupted) return {};  // pending: abandoned part-way
    if (trace_hook) trace_hook(index, planned, scenario, result);
    experiment::RunOutcome outcome{experiment::RunStatus::Done, {}, {}};
    for (const auto& figure : result.summary.summary)
      outcome.metrics.push_back({figure.name, figure.value});
    return outcome;
  };
  experiment::BatchResult result = experiment::run_batch(plan, run, batch);
  progress.finish();
  return result;
}

int report_batch_interrupted(const std::string& command, const experiment::BatchResult& result,
                             const BatchCommandOptions& options, std::ostream& err) {
  const auto done =
      std::count_if(result.outcomes.begin(), result.outcomes.end(),
                    [](const auto& o) { return o.status != experiment::RunStatus::Pending; });
  std::string message = fmt::format("caseload {}: stopped with {} of {} runs finished", command,
                                    done, result.outcomes.size());
  if (!options.output.empty()) {
    message += fmt::format(
        "; '{}' is up to date: run the same command with --resume to finish",
        (std::filesystem::path(options.output) / experiment::kManifestFileName).string());
  }
  err << message << '\n';
  return report_interrupted(err);
}

}  // namespace caseload::cli
