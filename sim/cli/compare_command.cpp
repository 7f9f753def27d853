// `caseload compare`: scenarios (arms) run over the same replications under common random
// numbers; prints each metric's mean per arm and the paired difference against the first arm.

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sim/cli/batch_options.hpp"
#include "sim/cli/batch_runner.hpp"
#include "sim/cli/cli.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/comparison_report.hpp"
#include "sim/cli/interrupt.hpp"
#include "sim/cli/result_files.hpp"
#include "sim/experiment/comparison.hpp"
#include "sim/experiment/manifest.hpp"

namespace caseload::cli {

namespace {

// Scenario names label the arms; a repeated name gets its position, so labels stay unique.
std::vector<std::string> arm_names(const std::vector<PreparedPoint>& arms) {
  std::vector<std::string> names;
  for (std::size_t a = 0; a < arms.size(); ++a) {
    std::string name = arms[a].runnable->loaded.scenario.name;
    if (std::find(names.begin(), names.end(), name) != names.end())
      name += fmt::format(" ({})", a + 1);
    names.push_back(std::move(name));
  }
  return names;
}

// What a resumed comparison must match: every arm's resolved scenario, the replications and
// the seed. Any change to a scenario makes the manifest's results another experiment's.
std::string describe(const CompareOptions& options, const std::vector<PreparedPoint>& arms) {
  std::string text =
      fmt::format("compare\nreplications {}\nseed {}\n", options.replications, options.seed);
  for (const auto& arm : arms) text += "arm\n" + arm.runnable->loaded.resolved_yaml;
  return text;
}

void write_outputs(const CompareOptions& options, const std::vector<std::string>& names,
                   const std::vector<experiment::PlannedRun>& plan,
                   const experiment::BatchResult& result,
                   const std::vector<experiment::ComparisonRow>& rows,
                   const std::string& fingerprint) {
  const std::filesystem::path folder = options.batch.output;
  const experiment::ResultTable runs =
      experiment::comparison_runs_table(names, plan, result.outcomes);
  const experiment::ResultTable comparison = experiment::comparison_table(rows, names);
  write_csv(folder / "runs.csv", runs);
  write_csv(folder / "comparison.csv", comparison);
  SummaryAttributes attributes;
  attributes.texts = {{"kind", "compare"}, {"experiment", fingerprint}};
  attributes.numbers = {{"seed", options.seed}, {"replications", options.replications}};
  write_summary_h5(folder / "compare.h5", {{"/runs", &runs}, {"/comparison", &comparison}},
                   {{"/arms", names}, {"/arm_files", options.scenarios}}, attributes);
}

}  // namespace

int execute_compare(const CompareOptions& options, std::ostream& out, std::ostream& err) {
  if (const std::string problem = check_batch_options(options.batch); !problem.empty()) {
    err << "caseload compare: " << problem << '\n';
    return kExitBadInput;
  }
  // Every arm must load before anything runs: a typo is exit 2 now, not a failed batch later.
  std::vector<PreparedPoint> arms;
  for (const auto& file : options.scenarios) {
    arms.push_back({io::load_runnable(file, options.overrides), {}, file, options.overrides});
  }
  std::optional<core::OutputLock> lock;
  if (!options.batch.output.empty()) {
    lock = prepare_output_folder(options.batch.output, options.batch.resume, options.batch.force,
                          {"runs.csv", "comparison.csv", "compare.h5", "traces"});
  }
  const std::vector<std::string> names = arm_names(arms);
  const auto plan = experiment::plan_comparison(arms.size(), options.replications, options.seed);
  const std::string fingerprint = experiment::fingerprint(describe(options, arms));
  if (interrupt_requested()) return report_interrupted(err);
  const experiment::BatchResult result =
      run_prepared("compare", "arm", arms, plan, fingerprint, options.batch, err);
  if (!result.is_complete) return report_batch_interrupted("compare", result, options.batch, err);

  const auto rows = experiment::compare_arms(arms.size(), plan, result.outcomes);
  out << format_comparison_text(rows, names, {options.replications, options.seed});
  if (!options.batch.output.empty()) write_outputs(options, names, plan, result, rows, fingerprint);
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
