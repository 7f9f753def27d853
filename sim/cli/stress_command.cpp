// `caseload stress`: a regime across incentive strengths (advisers.w_target) and adviser
// motivation mixes, each cell with its counterfactual and the same seeds for replication r in
// every cell; writes the runs and stress.csv, and prints the Goodhart table with the measured
// gain split into channels (docs/EXPERIMENTS.md, "Stress tests").

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sim/cli/batch_options.hpp"
#include "sim/cli/batch_runner.hpp"
#include "sim/cli/cli.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/interrupt.hpp"
#include "sim/cli/memory_estimate.hpp"
#include "sim/cli/result_files.hpp"
#include "sim/core/did_you_mean.hpp"
#include "sim/experiment/manifest.hpp"
#include "sim/experiment/stress_figures.hpp"
#include "sim/experiment/stress_summary.hpp"
#include "sim/experiment/stress_table.hpp"
#include "sim/experiment/sweep_tables.hpp"

namespace caseload::cli {

namespace {

// Public-service motivation low, medium and high: Beta means 0.25, 0.5 (the model's default
// mix, Beta(4, 4)) and 0.75, with the same total alpha + beta so only the centre moves.
const std::vector<experiment::MotivationMix> kMixPresets = {
    {"low", 2.0, 6.0}, {"medium", 4.0, 4.0}, {"high", 6.0, 2.0}};

std::optional<double> parse_number(std::string_view text) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

// "low", "medium", "high", or NAME:ALPHA:BETA; empty message when it parsed.
std::string parse_mix(const std::string& text, experiment::MotivationMix& mix) {
  for (const auto& preset : kMixPresets) {
    if (preset.name == text) {
      mix = preset;
      return {};
    }
  }
  const auto first = text.find(':');
  const auto second = first == std::string::npos ? first : text.find(':', first + 1);
  if (second == std::string::npos) {
    std::vector<std::string> known;
    for (const auto& preset : kMixPresets) known.push_back(preset.name);
    std::string message = fmt::format("--mixes: unknown mix '{}'", text);
    if (auto near = core::nearest_word(text, known)) message += fmt::format(" (did you mean '{}'?)", *near);
    return message + fmt::format("; known: {}, or NAME:ALPHA:BETA", core::join_words(known));
  }
  const auto alpha = parse_number(std::string_view(text).substr(first + 1, second - first - 1));
  const auto beta = parse_number(std::string_view(text).substr(second + 1));
  if (first == 0 || !alpha || !beta || *alpha <= 0.0 || *beta <= 0.0)
    return fmt::format("--mixes: '{}' is not NAME:ALPHA:BETA with ALPHA and BETA numbers > 0", text);
  mix = {text.substr(0, first), *alpha, *beta};
  return {};
}

// The design from the options, or the first problem with them.
std::string design_of(const StressOptions& options, experiment::StressDesign& design) {
  if (options.strengths.empty()) return "--strengths: give at least one value";
  for (std::size_t s = 0; s < options.strengths.size(); ++s) {
    const double value = options.strengths[s];
    if (!std::isfinite(value) || value < 0.0)
      return fmt::format("--strengths: {} is not a number >= 0", value);
    if (s > 0 && value <= options.strengths[s - 1])
      return "--strengths: values must increase (the first is the base the gains are measured from)";
  }
  design.strengths = options.strengths;
  for (const std::string& text : options.mixes) {
    experiment::MotivationMix mix;
    if (std::string problem = parse_mix(text, mix); !problem.empty()) return problem;
    for (const auto& earlier : design.mixes) {
      if (earlier.name == mix.name) return fmt::format("--mixes: '{}' appears twice", mix.name);
    }
    design.mixes.push_back(mix);
  }
  if (design.mixes.empty()) return "--mixes: give at least one mix";
  return {};
}

// The user's overrides, then the counterfactual every cell needs for its net impact.
std::vector<std::string> fixed_overrides(const StressOptions& options) {
  std::vector<std::string> fixed = options.overrides;
  fixed.emplace_back("counterfactual.enabled=true");
  return fixed;
}

// What a resumed stress test must match: the base as resolved, the cells, replications, seed.
std::string describe(const StressOptions& options, const std::string& base_yaml,
                     const experiment::DesignMatrix& cells) {
  std::string text = fmt::format("stress\nreplications {}\nseed {}\nbase\n{}",
                                 options.replications, options.seed, base_yaml);
  for (const auto& assignment : options.overrides) text += "set " + assignment + "\n";
  for (std::size_t c = 0; c < cells.points.size(); ++c) {
    for (const auto& assignment : experiment::point_overrides(cells, c)) text += assignment + "\n";
  }
  return text;
}

int report_failures(const experiment::BatchResult& result, std::ostream& err) {
  std::size_t failed = 0;
  for (const auto& outcome : result.outcomes) {
    if (outcome.status != experiment::RunStatus::Failed) continue;
    if (failed++ == 0) err << "caseload stress: a run failed: " << outcome.message << '\n';
  }
  if (failed == 0) return kExitOk;
  err << fmt::format("caseload stress: {} of {} runs failed; the others are done and written\n",
                     failed, result.outcomes.size());
  return kExitBadInput;
}

}  // namespace

int execute_stress(const StressOptions& options, std::ostream& out, std::ostream& err) {
  experiment::StressDesign design;
  std::string problem = check_batch_options(options.batch);
  if (problem.empty()) problem = design_of(options, design);
  if (!problem.empty()) {
    err << "caseload stress: " << problem << '\n';
    return kExitBadInput;
  }
  const std::vector<std::string> fixed = fixed_overrides(options);
  memory_cap(options.batch.max_memory);  // a bad --max-memory is refused before any work
  const io::RunnableScenario base = io::load_runnable(options.regime, fixed);
  const std::string& name = base.loaded.scenario.name;
  const experiment::DesignMatrix cells = experiment::stress_cells(design);
  const auto plan = experiment::plan_comparison(cells.points.size(), options.replications, options.seed);
  const std::string fingerprint =
      experiment::fingerprint(describe(options, base.loaded.resolved_yaml, cells));
  const std::filesystem::path folder = options.batch.output;
  std::optional<core::OutputLock> lock;
  if (!folder.empty()) {
    lock = prepare_output_folder(folder, options.batch.resume, options.batch.force,
                                 {"design.csv", "runs.csv", "stress.csv", "traces"});
    write_csv(folder / "design.csv", experiment::design_table(cells));
  }

  std::vector<PreparedPoint> points;
  for (std::size_t c = 0; c < cells.points.size(); ++c) {
    if (interrupt_requested()) return report_interrupted(err);
    std::vector<std::string> overrides = fixed;
    for (auto& assignment : experiment::point_overrides(cells, c)) overrides.push_back(std::move(assignment));
    points.push_back(prepare_point(options.regime, overrides));
  }
  refuse_points_too_big(points, "cell", options.batch.max_memory);
  const experiment::BatchResult result = run_prepared(
      "stress " + name, "cell", points, plan, fingerprint, options.batch, err, experiment::stress_figures);
  if (!result.is_complete) return report_batch_interrupted("stress", result, options.batch, err);

  const experiment::ResultTable stress = experiment::stress_table(design, plan, result.outcomes);
  out << fmt::format("stress {}: {} strengths x {} mixes x {} replications = {} runs, each with "
                     "its counterfactual\n",
                     name, design.strengths.size(), design.mixes.size(), options.replications,
                     plan.size());
  // A long design still prints a memo-sized table when the rest is in stress.csv.
  out << experiment::format_stress_summary(stress, folder.empty() ? 0 : 24);
  if (!folder.empty()) {
    write_csv(folder / "runs.csv", experiment::sweep_runs_table(cells, plan, result.outcomes));
    write_csv(folder / "stress.csv", stress);
    out << fmt::format("{} resumed; wrote {}/{{design.csv, runs.csv, stress.csv, {}{}}}\n",
                       result.resumed, folder.string(), experiment::kManifestFileName,
                       options.batch.traces.empty() ? "" : ", traces/");
  }
  return report_failures(result, err);
}

}  // namespace caseload::cli
