// `caseload sweep`: a base scenario over a design of parameter values, each point replicated
// with seeds derived from (sweep seed, point, replication); writes the design and every run's
// inputs and metrics.

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sim/cli/batch_options.hpp"
#include "sim/cli/batch_runner.hpp"
#include "sim/cli/cli.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/interrupt.hpp"
#include "sim/cli/memory_estimate.hpp"
#include "sim/cli/mpi_batch.hpp"
#include "sim/cli/result_files.hpp"
#include "sim/cli/shard.hpp"
#include "sim/experiment/design.hpp"
#include "sim/experiment/manifest.hpp"
#include "sim/experiment/run_seed.hpp"
#include "sim/experiment/breakdown_figures.hpp"
#include "sim/experiment/sweep_tables.hpp"
#include "sim/io/config/sweep_loader.hpp"

namespace caseload::cli {

namespace {

std::vector<experiment::ParameterRange> ranges_of(const io::SweepFile& sweep) {
  std::vector<experiment::ParameterRange> ranges;
  for (const auto& [low, high] : sweep.bounds) ranges.push_back({low, high});
  return ranges;
}

experiment::DesignMatrix design_of(const io::SweepFile& sweep) {
  switch (sweep.design) {
    case io::SweepDesignKind::Grid:
      return experiment::grid_design(sweep.parameters, sweep.grid_values);
    case io::SweepDesignKind::Points:
      return {sweep.parameters, sweep.points, {}};
    case io::SweepDesignKind::LatinHypercube:
      return experiment::latin_hypercube_design(sweep.parameters, ranges_of(sweep), sweep.samples,
                                                sweep.seed);
    case io::SweepDesignKind::Morris:
      return experiment::morris_design(sweep.parameters, ranges_of(sweep), sweep.trajectories,
                                       sweep.levels, sweep.seed);
    case io::SweepDesignKind::Sobol:
      return experiment::saltelli_design(sweep.parameters, ranges_of(sweep), sweep.samples);
  }
  return {};
}

std::string_view design_name(io::SweepDesignKind kind) {
  switch (kind) {
    case io::SweepDesignKind::Grid:
      return "grid";
    case io::SweepDesignKind::Points:
      return "points";
    case io::SweepDesignKind::LatinHypercube:
      return "latin_hypercube";
    case io::SweepDesignKind::Morris:
      return "morris";
    case io::SweepDesignKind::Sobol:
      return "sobol";
  }
  return "grid";
}

// Runs point-major. A sensitivity design (Morris, Sobol) gives replication r of every point
// the same seed, as a comparison does its arms: the indices take differences between points,
// and with common random numbers those differences are the parameters' effects rather than
// mostly the luck of different seeds.
std::vector<experiment::PlannedRun> plan_of(const io::SweepFile& sweep,
                                            const experiment::DesignMatrix& design) {
  auto plan = experiment::plan_sweep(design.points.size(), sweep.replications, sweep.seed);
  if (sweep.design == io::SweepDesignKind::Morris || sweep.design == io::SweepDesignKind::Sobol) {
    for (auto& run : plan) run.seed = experiment::derive_run_seed(sweep.seed, 0, run.replication);
  }
  return plan;
}

// The sweep file's `set`, then the command line's, then the point's own values.
std::vector<std::string> overrides_for(const io::SweepFile& sweep, const SweepOptions& options,
                                       const experiment::DesignMatrix& design, std::size_t point) {
  std::vector<std::string> overrides = sweep.set;
  overrides.insert(overrides.end(), options.overrides.begin(), options.overrides.end());
  for (auto& assignment : experiment::point_overrides(design, point))
    overrides.push_back(std::move(assignment));
  return overrides;
}

// What a resumed sweep must match: the base as resolved, the design, replications and seed.
std::string describe(const io::SweepFile& sweep, const std::string& base_yaml,
                     const experiment::DesignMatrix& design, const SweepOptions& options) {
  std::string text = fmt::format("sweep\nreplications {}\nseed {}\nbase\n{}", sweep.replications,
                                 sweep.seed, base_yaml);
  for (const auto& assignment : options.overrides) text += "set " + assignment + "\n";
  for (std::size_t p = 0; p < design.points.size(); ++p) {
    for (const auto& assignment : experiment::point_overrides(design, p)) text += assignment + "\n";
  }
  return text;
}

int report_failures(const experiment::DesignMatrix& design,
                    const std::vector<experiment::PlannedRun>& plan,
                    const experiment::BatchResult& result, std::ostream& err) {
  std::size_t failed = 0;
  std::vector<std::size_t> points_reported;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    if (result.outcomes[i].status != experiment::RunStatus::Failed) continue;
    ++failed;
    // Every replication of a point with bad values fails alike: say it once per point.
    const std::size_t point = plan[i].point;
    if (std::find(points_reported.begin(), points_reported.end(), point) != points_reported.end())
      continue;
    points_reported.push_back(point);
    std::string values;
    for (const auto& assignment : experiment::point_overrides(design, point)) {
      if (!values.empty()) values += ' ';
      values += assignment;
    }
    err << fmt::format("caseload sweep: point {} ({}) failed: {}\n", point, values,
                       result.outcomes[i].message);
  }
  if (failed == 0) return kExitOk;
  err << fmt::format("caseload sweep: {} of {} runs failed; the others are done and written\n",
                     failed, plan.size());
  return kExitBadInput;
}

// What `caseload merge` runs again to rebuild a sharded sweep's outputs.
std::vector<std::string> defining_arguments(const SweepOptions& options) {
  std::vector<std::string> arguments{"sweep", options.sweep};
  for (const auto& assignment : options.overrides)
    arguments.insert(arguments.end(), {"--set", assignment});
  return arguments;
}

}  // namespace

int check_sweep(const CheckOptions& options, std::ostream& out) {
  const io::SweepFile sweep = io::load_sweep_file(options.scenario);
  std::vector<std::string> fixed = sweep.set;
  fixed.insert(fixed.end(), options.overrides.begin(), options.overrides.end());
  io::load_runnable(sweep.base, fixed);
  const experiment::DesignMatrix design = design_of(sweep);
  // Every point sets the same paths, so the first shows whether they exist; a point's values
  // are still checked when the sweep prepares it.
  if (!design.points.empty()) {
    std::vector<std::string> first = fixed;
    for (auto& assignment : experiment::point_overrides(design, 0))
      first.push_back(std::move(assignment));
    io::load_runnable(sweep.base, first);
  }
  if (options.print_resolved) {
    out << experiment::format_csv(experiment::design_table(design));
  } else {
    out << fmt::format("ok: sweep {} ({}): {} points x {} replications = {} runs\n", sweep.name,
                       design_name(sweep.design), design.points.size(), sweep.replications,
                       design.points.size() * sweep.replications);
  }
  return kExitOk;
}

int execute_sweep(const SweepOptions& options, std::ostream& out, std::ostream& err) {
  if (const std::string problem = check_batch_options(options.batch); !problem.empty()) {
    err << "caseload sweep: " << problem << '\n';
    return kExitBadInput;
  }
  const bool is_worker = is_mpi_worker(options.batch);  // joins the MPI job with --mpi
  const io::SweepFile sweep = io::load_sweep_file(options.sweep);
  // The base must load with the fixed overrides before anything runs; each point's own values
  // are checked when the point is prepared, and a bad point fails alone.
  std::vector<std::string> fixed = sweep.set;
  fixed.insert(fixed.end(), options.overrides.begin(), options.overrides.end());
  memory_cap(options.batch.max_memory);  // a bad --max-memory is refused before any work
  const std::string base_yaml = io::load_runnable(sweep.base, fixed).loaded.resolved_yaml;
  const experiment::DesignMatrix design = design_of(sweep);
  const auto plan = plan_of(sweep, design);
  const std::string fingerprint =
      experiment::fingerprint(describe(sweep, base_yaml, design, options));
  const std::filesystem::path folder = options.batch.output;
  const experiment::ResultTable design_rows = experiment::design_table(design);
  std::optional<core::OutputLock> lock;
  if (!folder.empty() && !is_worker) {
    lock = prepare_output_folder(folder, options.batch.resume, options.batch.force,
                          {"design.csv", "runs.csv", "points.csv", "sweep.h5", "traces",
                           std::string(kShardFileName)});
    write_csv(folder / "design.csv", design_rows);
    if (!options.batch.shard.empty())
      record_shard(options.batch, fingerprint, sweep.seed, defining_arguments(options));
  }

  std::vector<PreparedPoint> points;
  for (std::size_t p = 0; p < design.points.size(); ++p) {
    if (interrupt_requested()) return report_interrupted(err);
    points.push_back(prepare_point(sweep.base, overrides_for(sweep, options, design, p)));
  }
  refuse_points_too_big(points, "point", options.batch.max_memory);
  const experiment::BatchResult result =
      run_prepared("sweep " + sweep.name, "point", points, plan, fingerprint, options.batch, err);
  if (is_worker) return kExitOk;  // rank 0 writes the outputs
  if (!options.batch.shard.empty()) {
    return report_shard("sweep", parse_shard(options.batch.shard).spec, result,
                        options.batch.output, out, err);
  }
  if (!result.is_complete) return report_batch_interrupted("sweep", result, options.batch, err);

  const experiment::ResultTable runs = experiment::sweep_runs_table(design, plan, result.outcomes);
  if (folder.empty()) {
    out << experiment::format_csv(runs);
  } else {
    const experiment::ResultTable points_rows =
        experiment::sweep_points_table(design, plan, result.outcomes, experiment::scale_of);
    write_csv(folder / "runs.csv", runs);
    write_csv(folder / "points.csv", points_rows);
    SummaryAttributes attributes;
    attributes.texts = {{"kind", "sweep"},
                        {"name", sweep.name},
                        {"base", sweep.base.string()},
                        {"design", std::string(design_name(sweep.design))},
                        {"experiment", fingerprint}};
    attributes.numbers = {{"seed", sweep.seed}, {"replications", sweep.replications}};
    write_summary_h5(folder / "sweep.h5", {{"/design", &design_rows}, {"/runs", &runs}, {"/points", &points_rows}},
                     {{"/parameters", design.parameters}}, attributes);
    const auto done =
        std::count_if(result.outcomes.begin(), result.outcomes.end(),
                      [](const auto& o) { return o.status == experiment::RunStatus::Done; });
    out << fmt::format(
        "sweep {}: {} points x {} replications = {} runs, {} done ({} resumed); wrote "
        "{}/{{design.csv, runs.csv, points.csv, sweep.h5, {}{}}}\n",
        sweep.name, design.points.size(), sweep.replications, plan.size(), done, result.resumed,
        folder.string(), experiment::kManifestFileName,
        options.batch.traces.empty() ? "" : ", traces/");
  }
  return report_failures(design, plan, result, err);
}

}  // namespace caseload::cli
