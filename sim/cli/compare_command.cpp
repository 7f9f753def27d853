// `caseload compare`: the arms of an experiment file (or scenario files) run over the same
// replications under common random numbers; prints each metric's mean per arm and the paired
// difference against the first arm.

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sim/cli/batch_options.hpp"
#include "sim/cli/batch_runner.hpp"
#include "sim/cli/cli.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/compare_experiment.hpp"
#include "sim/cli/comparison_headline.hpp"
#include "sim/cli/comparison_report.hpp"
#include "sim/cli/interrupt.hpp"
#include "sim/cli/mpi_batch.hpp"
#include "sim/cli/result_files.hpp"
#include "sim/cli/shard.hpp"
#include "sim/core/atomic_file.hpp"
#include "sim/experiment/breakdown_figures.hpp"
#include "sim/experiment/comparison.hpp"
#include "sim/experiment/manifest.hpp"

namespace caseload::cli {

namespace {

// An experiment file's labels, or (for scenario files) the scenarios' own names.
std::vector<std::string> arm_labels(const CompareExperiment& experiment,
                                    const std::vector<PreparedPoint>& arms) {
  std::vector<std::string> labels;
  for (std::size_t a = 0; a < arms.size(); ++a) {
    labels.push_back(experiment.file.empty() ? arms[a].runnable->loaded.scenario.name
                                             : experiment.arms[a].label);
  }
  return unique_labels(labels);
}

// What a resumed comparison must match: every arm's label and resolved scenario, the
// replications and the seed. Any change to a scenario makes the manifest's results another
// experiment's.
std::string describe(const CompareExperiment& experiment, const std::vector<std::string>& labels,
                     const std::vector<PreparedPoint>& arms) {
  std::string text =
      fmt::format("compare\nreplications {}\nseed {}\n", experiment.replications, experiment.seed);
  for (std::size_t a = 0; a < arms.size(); ++a) {
    text += fmt::format("arm {}\n", labels[a]) + arms[a].runnable->loaded.resolved_yaml;
  }
  return text;
}

// Where the rest is, and how to draw the report.
std::string files_footer(const std::filesystem::path& folder) {
  return fmt::format(
      "Every metric and group in {0}; report: /usr/bin/python3 analysis/report.py {0} -o {1}\n",
      folder.string(), (folder / "report").string());
}

void write_outputs(const CompareOptions& options, const CompareExperiment& experiment,
                   const std::vector<std::string>& names,
                   const std::vector<experiment::PlannedRun>& plan,
                   const experiment::BatchResult& result,
                   const std::vector<experiment::ComparisonRow>& rows,
                   const std::string& fingerprint) {
  const std::filesystem::path folder = options.batch.output;
  const experiment::ResultTable runs =
      experiment::comparison_runs_table(names, plan, result.outcomes);
  const experiment::ResultTable comparison = experiment::comparison_table(rows, names);
  const experiment::ResultTable by_group = experiment::comparison_by_group_table(rows, names);
  write_csv(folder / "runs.csv", runs);
  write_csv(folder / "comparison.csv", comparison);
  write_csv(folder / "comparison_by_group.csv", by_group);
  SummaryAttributes attributes;
  attributes.texts = {{"kind", "compare"},
                      {"experiment", fingerprint},
                      {"name", experiment.name},
                      {"experiment_file", experiment.file.string()}};
  attributes.numbers = {{"seed", experiment.seed}, {"replications", experiment.replications}};
  std::vector<std::string> arm_files;
  for (const auto& arm : experiment.arms) arm_files.push_back(arm.scenario.string());
  write_summary_h5(
      folder / "compare.h5",
      {{"/runs", &runs}, {"/comparison", &comparison}, {"/comparison_by_group", &by_group}},
      {{"/arms", names}, {"/arm_files", arm_files}}, attributes);
}

// What `caseload merge` runs again to rebuild a sharded comparison's outputs.
std::vector<std::string> defining_arguments(const CompareOptions& options) {
  std::vector<std::string> arguments{"compare"};
  arguments.insert(arguments.end(), options.scenarios.begin(), options.scenarios.end());
  for (const auto& assignment : options.overrides)
    arguments.insert(arguments.end(), {"--set", assignment});
  if (options.replications)
    arguments.insert(arguments.end(), {"-r", std::to_string(*options.replications)});
  if (options.seed) arguments.insert(arguments.end(), {"--seed", std::to_string(*options.seed)});
  if (options.print_table) arguments.emplace_back("--table");
  return arguments;
}

}  // namespace

int execute_compare(const CompareOptions& options, std::ostream& out, std::ostream& err) {
  if (const std::string problem = check_batch_options(options.batch); !problem.empty()) {
    err << "caseload compare: " << problem << '\n';
    return kExitBadInput;
  }
  const bool is_worker = is_mpi_worker(options.batch);  // joins the MPI job with --mpi
  // Every arm must load before anything runs: a typo is exit 2 now, not a failed batch later.
  const CompareExperiment experiment = resolve_compare_experiment(options);
  std::vector<PreparedPoint> arms;
  for (const auto& arm : experiment.arms) {
    arms.push_back(
        {io::load_runnable(arm.scenario, arm.overrides), {}, arm.scenario, arm.overrides});
  }
  refuse_points_too_big(arms, "arm", options.batch.max_memory);
  const std::vector<std::string> names = arm_labels(experiment, arms);
  const auto plan =
      experiment::plan_comparison(arms.size(), experiment.replications, experiment.seed);
  const std::string fingerprint = experiment::fingerprint(describe(experiment, names, arms));
  std::optional<core::OutputLock> lock;
  if (!options.batch.output.empty() && !is_worker) {
    lock = prepare_output_folder(options.batch.output, options.batch.resume, options.batch.force,
                          {"runs.csv", "comparison.csv", "comparison_by_group.csv",
                           "comparison.txt", "compare.h5", "traces", "report",
                           std::string(kShardFileName)});
    if (!options.batch.shard.empty())
      record_shard(options.batch, fingerprint, experiment.seed, defining_arguments(options));
  }
  if (interrupt_requested()) return report_interrupted(err);
  const experiment::BatchResult result =
      run_prepared("compare", "arm", arms, plan, fingerprint, options.batch, err);
  if (is_worker) return kExitOk;  // rank 0 writes the outputs
  if (!options.batch.shard.empty()) {
    return report_shard("compare", parse_shard(options.batch.shard).spec, result,
                        options.batch.output, out, err);
  }
  if (!result.is_complete) return report_batch_interrupted("compare", result, options.batch, err);

  const auto rows =
      experiment::compare_arms(arms.size(), plan, result.outcomes, experiment::scale_of);
  const ComparisonHeading heading{experiment.replications, experiment.seed};
  const std::string table = format_comparison_text(rows, names, heading);
  if (options.print_table) {
    out << table;
  } else {
    out << format_comparison_headline(
        rows, names, heading,
        experiment.metrics.empty() ? default_headline_metrics() : experiment.metrics);
  }
  if (!options.batch.output.empty()) {
    write_outputs(options, experiment, names, plan, result, rows, fingerprint);
    core::write_text_atomically(std::filesystem::path(options.batch.output) / "comparison.txt",
                                table);
    out << files_footer(options.batch.output);
  } else if (!options.print_table) {
    out << "Every metric: --table, or -o DIR for the files and the report.\n";
  }
  int failed = 0;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    if (result.outcomes[i].status != experiment::RunStatus::Failed) continue;
    err << fmt::format("caseload compare: {} replication {} failed: {}\n", names[plan[i].point],
                       plan[i].replication, result.outcomes[i].message);
    ++failed;
  }
  return failed == 0 ? kExitOk : kExitInternalError;
}

}  // namespace caseload::cli
